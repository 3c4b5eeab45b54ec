/** 按上年新建: copying a project or a table into a new 预算年度 (see copy-to-year.ts). */
export * from './year-text';
export * from './copy-to-year';
