import type { PerformanceTable } from '../model/types';
import { stripMarkup } from '../values/markup';
import type { ProjectRuleFinding, Rule } from './rule';
import { clip, tableName } from './text';

/** QUA-02, QUA-04, QUA-05: duplication across the tables of one project (DOMAIN.md §3.5). Linear-time indexes, no all-pairs scan. */

const compact = (s: string) => s.replace(/\s+/g, '');

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
      const first = seen.get(base);
      if (first === undefined) {
        seen.set(base, i);
        return;
      }
      if (compact(project.tables[first].projectName) === compact(t.projectName)) return; // identical names: same project listed twice is QUA-02's
      out.push({ tableIndex: i, path: 'projectName', message: `${tableName(t, i)}与${tableName(project.tables[first], first)}（第 ${first + 1} 张表）名称仅差编号，疑为同一项目拆分；请确认两表的资金和指标没有重复计算` });
    });
    return out;
  },
};

/** Text compared without blanks and punctuation (half- and full-width commas differ between copies). */
const plain = (s: string) => s.replace(/[\s，,。.、；;：:！!？?“”"'（）()]/g, '');

/** (二级, 三级, 值) tuples of the filled rows of a table (QUA-02). */
function tuples(t: PerformanceTable): Set<string> {
  const out = new Set<string>();
  for (const ind of t.indicators) {
    if (ind.name.trim() === '' || ind.value.raw.trim() === '') continue;
    out.add(`${plain(ind.level2)}|${plain(ind.name)}|${plain(ind.value.raw)}`);
  }
  return out;
}

/** (二级, 值) pairs of the filled rows, numbered per repeat so that the set is a multiset (QUA-02, copied values). */
function valuePairs(t: PerformanceTable): Set<string> {
  const out = new Set<string>();
  for (const ind of t.indicators) {
    if (ind.value.raw.trim() === '') continue;
    const key = `${plain(ind.level2)}|${plain(ind.value.raw)}`;
    let k = 0;
    while (out.has(`${key}#${k}`)) k++;
    out.add(`${key}#${k}`);
  }
  return out;
}

/** Money values of the 成本 rows (`25.59万元`), the fingerprint of a copied table (QUA-02). */
function moneyValues(t: PerformanceTable): string[] {
  return t.indicators.filter((i) => /成本/.test(i.level1 + i.level2) && /\d\s*(万元|元)/.test(i.value.raw)).map((i) => plain(i.value.raw));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>, common?: number): number {
  let n = common ?? 0;
  if (common === undefined) for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n);
}

/** Max tables remembered per tuple when looking for candidates (bounds the work on pathological inputs). */
const POSTING_CAP = 200;

/**
 * QUA-02: indicator set duplicated from another project: Jaccard ≥ 0.8 on (二级, 三级, 值) tuples
 * (≥ 3 rows), or the same 成本 amount and ≥ 80% of the (二级, 值) pairs (values copied under new
 * names: S0 绿化养护 vs 做实职业年养老金). Split projects (QUA-05) are not compared.
 */
export const QUA_02: Rule = {
  id: 'QUA-02', severity: 'warning', families: 'all', title: '指标与其他项目重复',
  checkProject: (project) => {
    const tables = project.tables;
    const sets = tables.map(tuples);
    const pairsCache: (Set<string> | undefined)[] = [];
    const pairsOf = (k: number) => (pairsCache[k] ??= valuePairs(tables[k]));
    const postings = new Map<string, number[]>();
    const byMoney = new Map<string, number[]>();
    const out: ProjectRuleFinding[] = [];
    sets.forEach((set, i) => {
      const overlap = new Map<number, number>();
      for (const tuple of set) for (const j of postings.get(tuple) ?? []) overlap.set(j, (overlap.get(j) ?? 0) + 1);
      let best: { j: number; score: number; how: string } | undefined;
      const consider = (j: number, score: number, how: string) => {
        if (score >= 0.8 && !splitPair(tables[i], tables[j]) && (!best || score > best.score)) best = { j, score, how };
      };
      for (const [j, common] of overlap) if (Math.min(set.size, sets[j].size) >= 3) consider(j, jaccard(set, sets[j], common), '指标');
      const money = moneyValues(tables[i]);
      for (const j of new Set(money.flatMap((m) => byMoney.get(m) ?? []))) {
        if (j !== i) consider(j, jaccard(pairsOf(i), pairsOf(j)), '各指标值（含成本金额）');
      }
      if (best) {
        const other = tables[best.j];
        out.push({ tableIndex: i, path: 'indicators', message: `${tableName(tables[i], i)}的${best.how}与${tableName(other, best.j)}（第 ${best.j + 1} 张表）有 ${Math.round(best.score * 100)}% 相同，疑似整表复制；应按本项目的产出、效果和资金重新设置指标` });
      }
      for (const tuple of set) {
        const list = postings.get(tuple) ?? [];
        if (list.length < POSTING_CAP) list.push(i);
        postings.set(tuple, list);
      }
      for (const m of new Set(money)) {
        const list = byMoney.get(m) ?? [];
        if (list.length < POSTING_CAP) list.push(i);
        byMoney.set(m, list);
      }
    });
    return out;
  },
};

/** QUA-04: 绩效目标 copied from another project: identical goal, or the same first 15 characters (S0 l.1100 vs l.1061). */
export const QUA_04: Rule = {
  id: 'QUA-04', severity: 'warning', families: 'all', title: '绩效目标疑似复制其他项目',
  checkProject: (project) => {
    const byGoal = new Map<string, number>();
    const byHead = new Map<string, number>();
    const out: ProjectRuleFinding[] = [];
    project.tables.forEach((t, i) => {
      const goal = compact(stripMarkup(t.goal)).replace(/^(\d+[.、．]|目标\d+[:：])/, '');
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
