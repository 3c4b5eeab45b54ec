export * from './types';
export * from './create';
export * from './paths';
export * from './source';
export * from './department';
