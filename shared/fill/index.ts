/** Fill (回填): edits, values and the plan that writes a project into a copy of a workbook. */
export * from './edits';
export * from './plan';
export * from './plan-table';
export * from './table-values';
