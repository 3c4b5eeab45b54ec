/**
 * The import report a user reads (CLI and import dialog): warnings of the same kind are grouped
 * into one line with a count and the first places, so 119 unread cells are one line, not 119;
 * a lost column of indicator content is stated first and plainly.
 */
import type { ImportWarning, ImportWarningKind } from './raw';

/** The grouped report of an import. */
export interface ImportReport {
  /** Lines in Chinese, most important first. */
  readonly lines: readonly string[];
  /** Columns of indicator content that were not imported (the import is partial). */
  readonly lostColumns: number;
}

const KIND_TITLES: Readonly<Record<ImportWarningKind, string>> = {
  'column-lost': '指标列未导入',
  unread: '未识别的内容（未导入，回填时原表保持不变）',
  'label-missing': '未找到的表头项（该项留空）',
  amount: '金额不是数字（已保留原文）',
  'no-table': '没有绩效目标表的工作表（原样保留）',
};
const ORDER: readonly ImportWarningKind[] = ['column-lost', 'label-missing', 'amount', 'unread', 'no-table'];
/** A kind with at most this many warnings is listed in full. */
const LIST_IN_FULL = 3;
const PLACES_SHOWN = 5;

/** Where a warning points: 「工作表「Sheet1」C5」. */
export function warningPlace(w: ImportWarning): string {
  return [w.sheet ? `工作表「${w.sheet}」` : '', w.cell ?? ''].join('');
}

/** One warning as a line: 「工作表「Sheet1」C5：…」. */
export function formatImportWarning(w: ImportWarning): string {
  const where = warningPlace(w);
  return where ? `${where}：${w.message}` : w.message;
}

/** Groups warnings by kind (ImportWarning.kind); ungrouped warnings keep their own line, in order. */
export function importReport(warnings: readonly ImportWarning[]): ImportReport {
  const lines: string[] = [];
  const lost = warnings.filter((w) => w.kind === 'column-lost').length;
  if (lost > 0) lines.push(`注意：有 ${lost} 列指标内容无法识别、未导入（原表中该列保持不变），请核对后再保存。`);
  for (const kind of ORDER) {
    const group = warnings.filter((w) => w.kind === kind);
    if (group.length === 0) continue;
    if (group.length <= LIST_IN_FULL) {
      lines.push(...group.map(formatImportWarning));
      continue;
    }
    const places = group.slice(0, PLACES_SHOWN).map(warningPlace).filter(Boolean).join('、');
    lines.push(`${KIND_TITLES[kind]}：共 ${group.length} 处（${places}${group.length > PLACES_SHOWN ? ' 等' : ''}）`);
  }
  lines.push(...warnings.filter((w) => !w.kind).map(formatImportWarning));
  return { lines, lostColumns: lost };
}
