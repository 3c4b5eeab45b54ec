import type { PerformanceTable } from '../model/types';
import { firstSeen, type ProjectRuleFinding, type Rule } from './rule';
import { clip, compact, plainText, tableName } from './text';

/** QUA-02, QUA-04, QUA-05: duplication across the tables of one project (DOMAIN.md §3.5). Linear-time indexes, no all-pairs scan. */


/** The name without a trailing number or bracketed number: 「招商引资经费1」 → 「招商引资经费」 (QUA-05). */
export function baseProjectName(name: string): string {
  return compact(name).replace(/([（(]?[0-9一二三四五六七八九十]+[)）]?|[-_][0-9]+)$/, '');
}

/** True when two tables are the split parts of one project (names differ only by a trailing number). */
function splitPair(a: PerformanceTable, b: PerformanceTable): boolean {
  const x = baseProjectName(a.projectName);
  return x !== '' && x === baseProjectName(b.projectName);
}

/** QUA-05 (info): project names differing only by a trailing digit in one workbook (S3 招商引资经费 / 招商引资经费1). */
export const QUA_05: Rule = {
  id: 'QUA-05', severity: 'info', families: 'all', title: '项目名称仅差编号',
  checkProject: (project) => {
    const seen = new Map<string, number>();
    const out: ProjectRuleFinding[] = [];
    project.tables.forEach((t, i) => {
      const base = baseProjectName(t.projectName);
      if (base === '') return;
      const first = firstSeen(seen, base, i);
      if (first === undefined) return;
      if (compact(project.tables[first].projectName) === compact(t.projectName)) return; // identical names: same project listed twice is QUA-02's
      out.push({ tableIndex: i, path: 'projectName', message: `${tableName(t, i)}与${tableName(project.tables[first], first)}（第 ${first + 1} 张表）名称仅差编号，疑为同一项目拆分；请确认两表的资金和指标没有重复计算` });
    });
    return out;
  },
};

/** Blanks and punctuation that QUA-02 ignores (half- and full-width commas differ between copies). */
const PLAIN_IGNORED = /[\s，,。.、；;：:！!？?“”"'（）()]/;
const PLAIN_IGNORED_ALL = new RegExp(PLAIN_IGNORED.source, 'g');

/** Text compared without blanks and punctuation; the text itself when it has none (no replace). */
const plain = (s: string) => (PLAIN_IGNORED.test(s) ? s.replace(PLAIN_IGNORED_ALL, '') : s);

/** The id of a key in an interner map (ids in first-seen order), so sets and postings hold numbers. */
function intern<K>(ids: Map<K, number>, key: K): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

/** Ids below 2^26 (67 million distinct texts): two of them pack into one exact integer below 2^52. */
const ID_SPAN = 2 ** 26;
/** Ids below 2^15 pack into a small integer (below 2^30), which V8 keeps unboxed: no heap number per key. */
const SMALL_SPAN = 2 ** 15;

/** One exact number for a pair of ids (or of an id and a small count): ≥ 0 for two small ids, < 0 otherwise. */
function pack(a: number, b: number): number {
  return a < SMALL_SPAN && b < SMALL_SPAN ? a * SMALL_SPAN + b : -(a * ID_SPAN + b) - 1;
}

/**
 * Per-run view of the tables for QUA-02: every text interned once to the id of its plain() form,
 * tuples and pairs interned as packed pairs of ids (no key strings are built). Plain state read by
 * module-level functions, not methods or closures made per run: V8 keeps optimised code only
 * while an instance of the function lives, so per-run closures were re-optimised after a full GC.
 */
interface DuplicateIndex {
  readonly tables: readonly PerformanceTable[];
  /** Raw text → id of its plain() form: plain() runs once per distinct raw text. */
  readonly rawIds: Map<string, number>;
  readonly plainIds: Map<string, number>;
  readonly pairKeyIds: Map<number, number>;
  readonly tupleIds: Map<number, number>;
  readonly pairIds: Map<number, number>;
  readonly pairsCache: (readonly number[] | undefined)[];
  readonly baseNames: (string | undefined)[];
}

function duplicateIndex(tables: readonly PerformanceTable[]): DuplicateIndex {
  return { tables, rawIds: new Map(), plainIds: new Map(), pairKeyIds: new Map(), tupleIds: new Map(), pairIds: new Map(), pairsCache: [], baseNames: [] };
}

/** Id of plain(text). */
function textId(index: DuplicateIndex, text: string): number {
  let id = index.rawIds.get(text);
  if (id === undefined) {
    id = intern(index.plainIds, plain(text));
    if (id >= ID_SPAN) throw new RangeError('too many distinct texts for QUA-02');
    index.rawIds.set(text, id);
  }
  return id;
}

/** Id of the (二级, 值) pair of a row with a value. */
function pairKey(index: DuplicateIndex, level2: string, value: string): number {
  return intern(index.pairKeyIds, pack(textId(index, level2), textId(index, value)));
}

/** Distinct (二级, 三级, 值) tuples of the filled rows of table i, in row order. */
function tuplesOf(index: DuplicateIndex, i: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  const rows = index.tables[i].indicators;
  for (let r = 0; r < rows.length; r++) {
    const ind = rows[r];
    if (ind.name.trim() === '' || ind.value.raw.trim() === '') continue;
    const id = intern(index.tupleIds, pack(pairKey(index, ind.level2, ind.value.raw), textId(index, ind.name)));
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

/**
 * (二级, 值) pairs of the rows with a value of table i, numbered per repeat (the first `key`, the
 * second `key`…) so that a multiset becomes a set: distinct ids, ascending (for `jaccard`).
 */
function pairsOf(index: DuplicateIndex, i: number): readonly number[] {
  let out = index.pairsCache[i];
  if (!out) {
    const ids: number[] = [];
    const repeats = new Map<number, number>();
    const rows = index.tables[i].indicators;
    for (let r = 0; r < rows.length; r++) {
      if (rows[r].value.raw.trim() === '') continue;
      const key = pairKey(index, rows[r].level2, rows[r].value.raw);
      const k = repeats.get(key) ?? 0;
      repeats.set(key, k + 1);
      ids.push(intern(index.pairIds, pack(key, k)));
    }
    index.pairsCache[i] = out = ids.sort((a, b) => a - b);
  }
  return out;
}

/** True when tables i and j are the split parts of one project (QUA-05), base names computed once. */
function isSplitPair(index: DuplicateIndex, i: number, j: number): boolean {
  const x = (index.baseNames[i] ??= baseProjectName(index.tables[i].projectName));
  return x !== '' && x === (index.baseNames[j] ??= baseProjectName(index.tables[j].projectName));
}

/** Ids of the money values of the 成本 rows of table i (`25.59万元`), the fingerprint of a copied table. */
function moneyValuesOf(index: DuplicateIndex, i: number): number[] {
  const out: number[] = [];
  const rows = index.tables[i].indicators;
  for (let r = 0; r < rows.length; r++) {
    const ind = rows[r];
    if ((ind.level1.includes('成本') || ind.level2.includes('成本')) && MONEY_VALUE.test(ind.value.raw)) out.push(textId(index, ind.value.raw));
  }
  return out;
}

/** A number followed by 万元 or 元. */
const MONEY_VALUE = /\d\s*(万元|元)/;

/** |a ∩ b| / |a ∪ b| of two sets of ids, each given as distinct ids in ascending order. */
function jaccard(a: readonly number[], b: readonly number[]): number {
  let n = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length;) {
    if (a[x] === b[y]) {
      n++;
      x++;
      y++;
    } else if (a[x] < b[y]) x++;
    else y++;
  }
  return n / (a.length + b.length - n);
}

/** Max tables remembered per tuple when looking for candidates (bounds the work on pathological inputs). */
const POSTING_CAP = 200;

/** Appends table i to a posting list, at most once and at most POSTING_CAP tables. */
function post(list: number[], i: number): void {
  if (list.length < POSTING_CAP && list[list.length - 1] !== i) list.push(i);
}

/**
 * QUA-02: indicator set duplicated from another project: Jaccard ≥ 0.8 on (二级, 三级, 值) tuples
 * (≥ 3 rows), or the same 成本 amount and ≥ 80% of the (二级, 值) pairs (values copied under new
 * names: S0 绿化养护 vs 做实职业年养老金). Split projects (QUA-05) are not compared.
 * Linear in the rows: candidates come from posting lists of interned tuples (capped), overlaps
 * are counted in a typed array, not by comparing all pairs of tables.
 */
export const QUA_02: Rule = {
  id: 'QUA-02', severity: 'warning', families: 'all', title: '指标与其他项目重复',
  checkProject: (project) => duplicatedIndicators(project.tables),
};

/** A candidate original of a table for QUA-02: the other table and the score. */
interface Best { readonly j: number; readonly score: number; readonly how: string }

/** QUA-02 over the tables in one loop (indexed loops: the hot path stays allocation-free). */
function duplicatedIndicators(tables: readonly PerformanceTable[]): ProjectRuleFinding[] {
  const index = duplicateIndex(tables);
  const sets: number[][] = [];
  for (let i = 0; i < tables.length; i++) sets.push(tuplesOf(index, i));
  const postings: number[][] = [];
  const byMoney = new Map<number, number[]>();
  const overlap = new Int32Array(tables.length);
  const moneySeen = new Int32Array(tables.length).fill(-1);
  const touched: number[] = [];
  const out: ProjectRuleFinding[] = [];
  for (let i = 0; i < tables.length; i++) {
    const set = sets[i];
    touched.length = 0;
    for (let t = 0; t < set.length; t++) {
      const list = postings[set[t]];
      if (list) for (let k = 0; k < list.length; k++) if (overlap[list[k]]++ === 0) touched.push(list[k]);
    }
    let best: Best | undefined;
    for (let t = 0; t < touched.length; t++) {
      const j = touched[t];
      const common = overlap[j];
      overlap[j] = 0;
      if (Math.min(set.length, sets[j].length) < 3) continue;
      const score = common / (set.length + sets[j].length - common);
      if (score >= 0.8 && !isSplitPair(index, i, j) && (!best || score > best.score)) best = { j, score, how: '指标' };
    }
    const money = moneyValuesOf(index, i);
    for (let m = 0; m < money.length; m++) {
      const list = byMoney.get(money[m]);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const j = list[k];
        if (moneySeen[j] === i || j === i) continue;
        moneySeen[j] = i;
        const score = jaccard(pairsOf(index, i), pairsOf(index, j));
        if (score >= 0.8 && !isSplitPair(index, i, j) && (!best || score > best.score)) best = { j, score, how: '各指标值（含成本金额）' };
      }
    }
    if (best) {
      const other = tables[best.j];
      out.push({ tableIndex: i, path: 'indicators', message: `${tableName(tables[i], i)}的${best.how}与${tableName(other, best.j)}（第 ${best.j + 1} 张表）有 ${Math.round(best.score * 100)}% 相同，疑似整表复制；应按本项目的产出、效果和资金重新设置指标` });
    }
    for (let t = 0; t < set.length; t++) post((postings[set[t]] ??= []), i);
    for (let m = 0; m < money.length; m++) {
      let list = byMoney.get(money[m]);
      if (!list) byMoney.set(money[m], (list = []));
      post(list, i);
    }
  }
  return out;
}

/** QUA-04: 绩效目标 copied from another project: identical goal, or the same first 15 characters (S0 l.1100 vs l.1061). */
export const QUA_04: Rule = {
  id: 'QUA-04', severity: 'warning', families: 'all', title: '绩效目标疑似复制其他项目',
  checkProject: (project) => {
    const byGoal = new Map<string, number>();
    const byHead = new Map<string, number>();
    const out: ProjectRuleFinding[] = [];
    project.tables.forEach((t, i) => {
      const goal = compact(plainText(t.goal)).replace(/^(\d+[.、．]|目标\d+[:：])/, '');
      if (goal.length < 15) return;
      const head = goal.slice(0, 15);
      const j = byGoal.get(goal) ?? byHead.get(head);
      if (j !== undefined && !splitPair(project.tables[j], t) && compact(project.tables[j].projectName) !== compact(t.projectName)) {
        const same = byGoal.get(goal) !== undefined ? '完全相同' : '开头相同';
        out.push({ tableIndex: i, path: 'goal', message: `${tableName(t, i)}的绩效目标与${tableName(project.tables[j], j)}（第 ${j + 1} 张表）${same}（“${clip(goal, 20)}”），疑似从其他项目复制；应写本项目的目标` });
      }
      if (!byGoal.has(goal)) byGoal.set(goal, i);
      if (!byHead.has(head)) byHead.set(head, i);
    });
    return out;
  },
};
