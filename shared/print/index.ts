export * from './types';
export * from './escape';
export * from './text-measure';
export * from './geometry';
export * from './paginate';
export * from './hide-empty-slots';
export { PRINT_FONT_STACK } from './print-css';
export * from './render-print-html';
export * from './table-selection';
