/** Public entry of shared/print: pagination, print geometry and the print HTML of a project (pure, no DOM). */
export * from './types';
export * from './escape';
export * from './text-measure';
export * from './geometry';
export * from './paginate';
export * from './print-plan';
export * from './hide-empty-slots';
export { PRINT_FONT_STACK } from './print-css';
export * from './render-print-html';
export * from './table-selection';
