export * from './project-file';
export * from './schema';
