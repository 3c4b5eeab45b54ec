export * from './types';
export * from './layout';
export * from './row-height';
export * from './locate-cell';
export * from './cell-index';
export * from './text-measure';
