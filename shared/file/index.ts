/** Public entry of shared/file: reading, migrating and writing the `.jxmb` project file, and its zod schema. */
export * from './project-file';
export * from './schema';
