/**
 * WordprocessingML `word/document.xml` → DocxBody (shared/docx/types.ts), with the maintained
 * SAX parser `saxes` (no DTD, no entity expansion). Top-level paragraphs and tables only; text of
 * nested tables joins the enclosing cell; text boxes and field codes are left out.
 */
import { SaxesParser } from 'saxes';
import type { DocxBlock, DocxCell, DocxBody } from '../../../shared/docx/types';

/** Bounds of one read (rows per table, cells per row, blocks in the body). */
export interface DocxParseLimits {
  readonly maxRows: number;
  readonly maxCols: number;
  readonly maxBlocks: number;
}

interface CellDraft {
  paras: string[];
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
}

/** Parses the XML text of the document part. @throws Error on malformed XML (the worker turns it into DOCX_CORRUPT). */
export function parseDocumentXml(xml: string, limits: DocxParseLimits): DocxBody {
  const blocks: DocxBlock[] = [];
  const warnings = new Set<string>();
  let tableDepth = 0;
  let pDepth = 0;
  let inText = false;
  let para: { text: string; style: string; pageBreak: boolean } | null = null;
  let rows: DocxCell[][] | null = null;
  let row: DocxCell[] | null = null;
  let cell: CellDraft | null = null;
  let cellPara = '';
  const full = (): boolean => blocks.length >= limits.maxBlocks;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (node) => {
    const a = node.attributes as Record<string, string>;
    switch (node.name) {
      case 'w:tbl':
        tableDepth++;
        if (tableDepth === 1) rows = [];
        break;
      case 'w:tr':
        if (tableDepth === 1) row = [];
        break;
      case 'w:tc':
        if (tableDepth === 1) cell = { paras: [], gridSpan: 1, vMerge: null };
        break;
      case 'w:gridSpan':
        if (tableDepth === 1 && cell) cell.gridSpan = Math.max(1, Math.min(limits.maxCols, Number(a['w:val']) || 1));
        break;
      case 'w:vMerge':
        if (tableDepth === 1 && cell) cell.vMerge = a['w:val'] === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:p':
        pDepth++;
        if (pDepth === 1 && tableDepth === 0) para = { text: '', style: '', pageBreak: false };
        if (pDepth === 1 && tableDepth > 0) cellPara = '';
        break;
      case 'w:pStyle':
        if (para && pDepth === 1) para.style = a['w:val'] ?? '';
        break;
      case 'w:pageBreakBefore':
        if (para && pDepth === 1 && a['w:val'] !== '0' && a['w:val'] !== 'false') para.pageBreak = true;
        break;
      case 'w:t':
        inText = pDepth === 1;
        break;
      case 'w:tab':
      case 'w:br':
        if (pDepth !== 1) break;
        if (node.name === 'w:br' && a['w:type'] === 'page') {
          if (para) para.pageBreak = true;
          break;
        }
        if (tableDepth > 0) cellPara += node.name === 'w:tab' ? '\t' : '\n';
        else if (para) para.text += node.name === 'w:tab' ? '\t' : '\n';
        break;
      default:
    }
  });
  parser.on('text', (text) => {
    if (!inText) return;
    if (tableDepth > 0) cellPara += text;
    else if (para) para.text += text;
  });
  parser.on('closetag', (node) => {
    switch (node.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:p':
        if (pDepth === 1 && tableDepth === 0 && para && !full()) blocks.push({ kind: 'paragraph', text: para.text, style: para.style, ...(para.pageBreak ? { pageBreak: true } : {}) });
        if (pDepth === 1 && tableDepth > 0 && cell) cell.paras.push(cellPara);
        if (pDepth === 1) para = null;
        pDepth--;
        break;
      case 'w:tc':
        if (tableDepth === 1 && cell && row) {
          if (row.length < limits.maxCols) row.push({ text: cell.paras.join('\n').trim(), gridSpan: cell.gridSpan, vMerge: cell.vMerge });
          else warnings.add(`文档中有表格的列数超过 ${limits.maxCols}，多出的列未读取`);
          cell = null;
        }
        break;
      case 'w:tr':
        if (tableDepth === 1 && row && rows) {
          if (rows.length < limits.maxRows) rows.push(row);
          else warnings.add(`文档中有表格的行数超过 ${limits.maxRows}，多出的行未读取`);
          row = null;
        }
        break;
      case 'w:tbl':
        if (tableDepth === 1 && rows && !full()) blocks.push({ kind: 'table', rows });
        if (tableDepth === 1) rows = null;
        tableDepth--;
        break;
      default:
    }
  });
  parser.write(xml).close();
  if (full()) warnings.add(`文档内容超过 ${limits.maxBlocks} 段，其余内容未读取`);
  return { blocks, warnings: [...warnings] };
}
