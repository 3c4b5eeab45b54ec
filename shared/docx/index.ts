/** Reading a published 绩效文本 (.docx) for import: body model, tables → RawWorkbook, narrative → family F. */
export * from './types';
export * from './docx-to-raw';
export * from './read-narrative';
export * from './recognize-document';
