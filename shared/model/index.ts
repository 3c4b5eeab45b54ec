/** Public entry of shared/model: the document types, their constructors, model paths, the SourceMap and family F. */
export * from './types';
export * from './create';
export * from './paths';
export * from './source';
export * from './department';
