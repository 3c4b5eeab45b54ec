/** The 部门预算绩效文本 (cover, 目录, 第一部分, 第二部分): content, pagination and print HTML. */
export * from './content';
export * from './department-layout';
export * from './flow';
export * from './paginate-document';
export * from './render-document-html';
