import type { PerformanceTable } from '../model/types';
import { hasMarkup, stripMarkup } from '../values/markup';
import { isValidUnit } from '../values/units';
import { setTextFix } from './fixes';
import { PLACEHOLDER_TOKEN } from './placeholders';
import type { IndicatorFacts } from './facts';
import { rowRule, type Rule, type RuleCheckContext, type RuleFinding } from './rule';
import { level3Limit } from './settings';
import { clip, compact, MARKUP_CHARS, plainText } from './text';

/** QUA-01, QUA-03, QUA-06..QUA-12: content quality of one table (DOMAIN.md §3.5). Project-wide QUA-02/04/05 are in qua-project.rules.ts. */


/** The text fields QUA-01 and QUA-10 read: the table's own, then per indicator 名称 / 描述 / 依据. */
const TABLE_FIELDS = [['projectName', '项目名称'], ['goal', '绩效目标'], ['ownLevelGoal', '绩效目标（含本级）'], ['fundUse', '资金用途']] as const;
const INDICATOR_FIELDS = [['name', '的名称'], ['description', '的绩效指标描述'], ['basis', '的指标值确定依据']] as const;

/** The finding about one text field, or undefined; `field` and `row` as `eachTextField` passes them. */
type TextFieldCheck = (ctx: RuleCheckContext, text: string, field: number, row: number) => RuleFinding | undefined;

/**
 * Runs `check` on every non-blank text field of a table, in the order table fields, then per
 * indicator name, description, basis (QUA-01, QUA-10), and collects the findings. `check` gets the
 * text, a field index and the row (-1: a table field); `fieldOf` turns them into a path and a name.
 * `check` is a module-level function, not a closure per table (see `valueRule`).
 */
function eachTextField(t: PerformanceTable, ctx: RuleCheckContext, check: TextFieldCheck, out: RuleFinding[]): void {
  const own = [t.projectName, t.goal, t.ownLevelGoal ?? '', t.fundUse];
  for (let k = 0; k < own.length; k++) checkField(check, ctx, own[k], k, -1, out);
  for (let row = 0; row < ctx.facts.indicators.length; row++) {
    const ind = ctx.facts.indicators[row].indicator;
    checkField(check, ctx, ind.name, 0, row, out);
    checkField(check, ctx, ind.description, 1, row, out);
    checkField(check, ctx, ind.basis, 2, row, out);
  }
}

/** `check` of one text field unless it is blank; a finding goes to `out`. */
function checkField(check: TextFieldCheck, ctx: RuleCheckContext, text: string, field: number, row: number, out: RuleFinding[]): void {
  if (text.trim() === '') return;
  const finding = check(ctx, text, field, row);
  if (finding) out.push(finding);
}

/** Path and Chinese name of a field visited by `eachTextField` (row -1: a table field), built for a finding only. */
function fieldOf(ctx: RuleCheckContext, field: number, row: number): { path: string; what: string } {
  if (row < 0) return { path: TABLE_FIELDS[field][0], what: TABLE_FIELDS[field][1] };
  const f = ctx.facts.indicators[row];
  const [part, suffix] = INDICATOR_FIELDS[field];
  return { path: `indicators.${f.index}.${part}`, what: `指标“${f.label}”${suffix}` };
}

/** A slot prefix alone: `指标2:` (QUA-01). */
const SLOT_ONLY = /^指标\s*\d+\s*[:：]?$/;

/** QUA-01 on one text field: a placeholder token or a slot prefix alone. */
function placeholderInText(ctx: RuleCheckContext, text: string, field: number, row: number): RuleFinding | undefined {
  if (row < 0 && field === 1 && ctx.facts.goalIsPlaceholder) return undefined; // STR-02 reports a goal that is only a placeholder
  const slotOnly = SLOT_ONLY.test(text.trim());
  const token = PLACEHOLDER_TOKEN.exec(text);
  if (!slotOnly && !token) return undefined;
  const { path, what } = fieldOf(ctx, field, row);
  return { path, message: `${ctx.tableName}的${what}含有模板占位文字“${slotOnly ? text.trim() : token?.[0]}”；应替换为实际内容` };
}

/** QUA-01: placeholder text anywhere (`目标内容1`, `指标N:` alone, `XX`, `**`, `.....`, `≥1<word>`). */
export const QUA_01: Rule = {
  id: 'QUA-01', severity: 'error', families: 'all', title: '占位文字',
  check: (table, ctx) => {
    const out: RuleFinding[] = [];
    eachTextField(table, ctx, placeholderInText, out);
    for (const f of ctx.facts.indicators) {
      const v = f.indicator.value;
      if (PLACEHOLDER_TOKEN.test(v.raw)) {
        out.push({ path: `indicators.${f.index}.value`, message: `${ctx.tableName}的指标“${f.label}”的指标值“${v.raw.trim()}”是占位文字；应填写目标值（如“≥95%”）` });
      } else if (v.kind === 'quantitative' && v.number === 1 && v.operator && v.unit && v.unit.length >= 2 && !isValidUnit(v.unit) && table.indicators[f.index].name.includes(v.unit.slice(0, 2))) {
        out.push({ path: `indicators.${f.index}.value`, message: `${ctx.tableName}的指标“${f.label}”的指标值“${v.raw.trim()}”是“≥1+指标名”式的占位写法；应填写实际目标值和计量单位（如“≥20天”）` });
      }
    }
    return out;
  },
};

/**
 * Indicators typical of sample libraries that rarely belong to a 乡镇 project (DOMAIN.md QUA-03,
 * seen in S2 tables unrelated to them). Flagged only when the project name, 资金用途 and goal do
 * not mention the keyword.
 */
export const LIBRARY_SAMPLE_KEYWORDS: readonly string[] = [
  '粮食产能', '社保费征缴', '棚改', '拆迁居民', '行业企业应对', '应对相关调查', '科研人员', '贸易成交额', '随团出访',
  '经贸信息', '税源轮查', '审计建议', '审计通知书', '牌照', '水运建设', '灌溉水利用', '河势变化', '再生水', '农产品出口',
  '推介活动', '改革试验', '教育学校', '自然资源开发', '发票损耗', '选拔专业人才', '调查数据审核', '绿色产业标准', '养殖技术',
  '案例办理', '功能恢复率', '年度服务部门数量', '新增年节能', '受资助对象',
];

/** Any of LIBRARY_SAMPLE_KEYWORDS (plain Chinese words, no regex syntax): a cheap pre-check. */
const ANY_LIBRARY_SAMPLE_KEYWORD = new RegExp(LIBRARY_SAMPLE_KEYWORDS.join('|'));

/** QUA-03: library-sample / irrelevant indicators (keyword denylist, no overlap with the project). */
export const QUA_03: Rule = {
  id: 'QUA-03', severity: 'warning', families: 'all', title: '疑似套用指标库的无关指标',
  check: (table, ctx) => {
    let context: string | undefined;
    const out: RuleFinding[] = [];
    for (const f of ctx.facts.indicators) {
      const name = compact(f.indicator.name);
      if (!ANY_LIBRARY_SAMPLE_KEYWORD.test(name)) continue; // one scan; the first keyword in list order is found below
      const hit = LIBRARY_SAMPLE_KEYWORDS.find((k) => name.includes(k));
      context ??= compact(`${table.projectName}${table.fundUse}${table.goal}`);
      if (!hit || context.includes(hit) || context.includes(hit.slice(0, 2))) continue;
      out.push({ path: `indicators.${f.index}.name`, message: `${ctx.tableName}的指标“${f.label}”与项目“${clip(table.projectName, 20)}”无关，疑似从指标库套用；应改为反映本项目产出或效果的指标` });
    }
    return out;
  },
};

/** QUA-06: 三级 length: over the family limit (Hebei 15: the system truncates), cut at the limit, or over 40 characters. */
export const QUA_06: Rule = {
  id: 'QUA-06', severity: 'warning', families: 'all', title: '三级指标名称过长或被截断',
  check: (table, ctx) => {
    const limit = level3Limit(ctx.settings, ctx.family);
    const out: RuleFinding[] = [];
    for (const f of ctx.facts.indicators) {
      const name = f.indicator.name.trim();
      if (!(limit && name.length >= limit) && name.length <= 40) continue;
      const desc = f.indicator.description.trim();
      const path = `indicators.${f.index}.name`;
      const base = `${ctx.tableName}的三级指标“${clip(name, 20)}”`;
      if (limit && name.length === limit && desc.length > name.length && desc.startsWith(name)) {
        out.push({ path, message: `${base}正好 ${limit} 字，而绩效指标描述为“${clip(desc, 40)}”，名称疑被系统截断；应把名称精简到 ${limit} 字以内，完整内容写在绩效指标描述中` });
      } else if (limit && name.length > limit) {
        out.push({ path, message: `${base}有 ${name.length} 字，超过 ${limit} 字的限制（系统会截断）；应精简名称，详细内容写在绩效指标描述中` });
      } else if (name.length > 40) {
        out.push({ path, message: `${base}有 ${name.length} 字，过长；三级指标应是简短的指标名称，说明性文字应写入绩效指标描述或绩效目标` });
      }
    }
    return out;
  },
};

/** QUA-07 (C): 绩效指标描述 identical to the 三级 name (no description). */
export const QUA_07: Rule = rowRule({
  id: 'QUA-07', severity: 'info', families: ['hebei'], needs: ['description'], title: '绩效指标描述与三级指标相同',
  row: (ctx, f) => (f.indicator.name.trim() === '' || compact(f.indicator.description) !== compact(f.indicator.name) ? undefined : {
    path: `indicators.${f.index}.description`, message: `${ctx.tableName}的指标“${f.label}”的绩效指标描述与三级指标名称相同；描述应说明指标的含义和计算口径`,
  }),
});

/** Path of a row's 指标值确定依据 (QUA-08). */
function basisPath(f: IndicatorFacts): string {
  return `indicators.${f.index}.basis`;
}

/** 「…的指标“一级›二级›三级”的指标值确定依据」 for a QUA-08 message. */
function basisBase(ctx: RuleCheckContext, f: IndicatorFacts): string {
  return `${ctx.tableName}的指标“${f.label}”的指标值确定依据`;
}

const BASIS_PICK_LIST = /计划标准|行业标准|历史标准|财政部门|预算部门|其他标准|^其他/;
const PLAN_BASIS = /计划|预算|通知|方案|文件/;

/** QUA-08 (C): 指标值确定依据 from the pick-list (+ detail); `预算` for 满意度/效益 is flagged; mixed spellings in one table. */
export const QUA_08: Rule = {
  id: 'QUA-08', severity: 'warning', families: ['hebei'], needs: ['basis'], title: '指标值确定依据不规范',
  check: (_table, ctx) => {
    const out: RuleFinding[] = [];
    const plans = new Set<string>();
    const offList: { index: number; basis: string }[] = [];
    for (const f of ctx.facts.indicators) {
      if (!f.filled) continue;
      const basis = f.indicator.basis.trim();
      if (basis === '') {
        out.push({ path: basisPath(f), message: `${basisBase(ctx, f)}为空；应从“计划标准、行业标准、历史标准、财政部门确认的标准、其他”中选择，可附具体文件` });
        continue;
      }
      if (/预算/.test(basis) && (f.expects === 'satisfaction' || f.expects === 'benefit')) {
        out.push({ path: basisPath(f), message: `${basisBase(ctx, f)}为“${basis}”，但满意度和效益指标不能以预算为依据；应选“计划标准”“历史标准”或“行业标准”` });
      } else if (!BASIS_PICK_LIST.test(basis)) {
        offList.push({ index: f.index, basis });
      }
      if (/工作计划$/.test(basis)) plans.add(basis);
    }
    if (offList.length > 0) {
      const spellings = [...new Set(offList.map((x) => x.basis))];
      const suggestion = spellings.slice(0, 3).map((b) => `“${PLAN_BASIS.test(b) ? '计划标准' : '其他'}（${b}）”`).join('、');
      out.push({
        path: `indicators.${offList[0].index}.basis`, severity: 'info',
        message: `${ctx.tableName}有 ${offList.length} 个指标的指标值确定依据（${spellings.slice(0, 3).map((b) => `“${b}”`).join('、')}）不是标准选项（计划标准、行业标准、历史标准、财政部门确认的标准、其他）；建议写作 ${suggestion}`,
      });
    }
    if (plans.size > 1) {
      const first = ctx.facts.indicators.find((f) => f.indicator.basis.trim() === [...plans][1]);
      out.push({ path: first ? `indicators.${first.index}.basis` : '', message: `${ctx.tableName}的指标值确定依据混用了 ${[...plans].map((p) => `“${p}”`).join('、')}；同一表内应统一写法（如“计划标准（年度工作计划）”）` });
    }
    return out;
  },
};

/** Function words, punctuation, digits and % (QUA-09 compares the other characters). */
const NON_CONTENT = /[的了和与及在对为是有把被将从向以并或等其中，,。、；;：:()（）“”"\d%]/g;

/** The characters that carry content (function words and punctuation removed), for QUA-09. */
function contentText(text: string): string {
  return compact(text).replace(NON_CONTENT, '');
}

/** True when the two texts share a code point (as two Sets of their code points would). */
function shareCodePoint(a: string, b: string): boolean {
  for (let i = 0; i < b.length;) {
    const cb = b.codePointAt(i)!;
    i += cb > 0xffff ? 2 : 1;
    for (let j = 0; j < a.length;) {
      const ca = a.codePointAt(j)!;
      j += ca > 0xffff ? 2 : 1;
      if (ca === cb) return true;
    }
  }
  return false;
}

/** QUA-09 (C): 三级 name and 绩效指标描述 about different subjects (not one content character in common). */
export const QUA_09: Rule = rowRule({
  id: 'QUA-09', severity: 'info', families: ['hebei'], needs: ['description'], title: '三级指标与描述不一致',
  row: (ctx, f) => {
    const { name, description } = f.indicator;
    if (name.trim() === '' || description.trim() === '' || compact(name) === compact(description)) return undefined;
    if (shareCodePoint(contentText(name), contentText(description))) return undefined;
    return { path: `indicators.${f.index}.description`, message: `${ctx.tableName}的三级指标“${clip(name, 20)}”与其绩效指标描述“${clip(description, 20)}”内容不一致；请核对是否错行` };
  },
});

/** QUA-10 on one text field: HTML or LaTeX remnants, with the fix that removes them. */
function markupInText(ctx: RuleCheckContext, text: string, field: number, row: number): RuleFinding | undefined {
  if (!MARKUP_CHARS.test(text) || !hasMarkup(text)) return undefined; // no <, &, $ or \\: no tag, entity or LaTeX
  const { path, what } = fieldOf(ctx, field, row);
  const fixed = stripMarkup(text);
  return { path, message: `${ctx.tableName}的${what}含有 HTML/LaTeX 排版残留（如“${clip(text.match(/<[^>]+>|\$[^$]*\$|\\[a-z]+/)?.[0] ?? '', 12)}”）；应删除，改为“${clip(fixed, 30)}”`, fix: setTextFix('删除排版残留', ctx.tableIndex, path, fixed) };
}

/** QUA-10: HTML or LaTeX remnants in text (`<p>`, `<b>`, `$…$`); fix removes them. Values are VAL-01's. */
export const QUA_10: Rule = {
  id: 'QUA-10', severity: 'warning', families: 'all', title: '文本含排版残留',
  check: (table, ctx) => {
    const out: RuleFinding[] = [];
    eachTextField(table, ctx, markupInText, out);
    return out;
  },
};

const TERMINAL = /[。.！!？?；;）)】」”"…%％\d]$/;
const DANGLING = /[的和与及对在为把被将从向以并或、，,：:]$/;

/** QUA-11 (info): text that seems cut off: no terminal punctuation and a dangling last character, or very long without an end. */
export const QUA_11: Rule = {
  id: 'QUA-11', severity: 'info', families: 'all', title: '文本疑似被截断',
  check: (table, ctx) => {
    const goals: [string, string][] = [['goal', table.goal], ['ownLevelGoal', table.ownLevelGoal ?? '']];
    return goals.flatMap(([path, raw]): RuleFinding[] => {
      const text = plainText(raw).trim();
      if (text.length < 20 || TERMINAL.test(text)) return [];
      if (!DANGLING.test(text) && text.length < 150) return [];
      return [{ path, message: `${ctx.tableName}的绩效目标（${text.length} 字）结尾为“…${text.slice(-10)}”，没有结束标点，疑似被截断；请补全` }];
    });
  },
};

/** QUA-12 (A): two-column goals: 含本级和市县 filled needs 含本级; one goal repeated or both concatenated in one cell. */
export const QUA_12: Rule = {
  id: 'QUA-12', severity: 'warning', families: ['nx-2024'], title: '两栏绩效目标不完整或重复',
  check: (table, ctx) => {
    const out: RuleFinding[] = [];
    if (table.goal.trim() !== '' && table.ownLevelGoal !== null && table.ownLevelGoal.trim() === '') {
      out.push({ path: 'ownLevelGoal', message: `${ctx.tableName}已填写“年度总体绩效目标(含本级和市县)”，但“年度绩效目标(含本级)”为空；乡镇项目两栏通常相同，应一并填写` });
    }
    for (const [path, text] of [['goal', table.goal], ['ownLevelGoal', table.ownLevelGoal ?? '']] as const) {
      const t = compact(plainText(text));
      if (/含本级和市县/.test(t) && /[(（]含本级[)）]/.test(t)) {
        out.push({ path, message: `${ctx.tableName}的一个单元格里同时写了“含本级和市县”和“含本级”两栏目标；应分别填入两栏` });
        continue;
      }
      const head = t.slice(0, 15);
      if (t.length >= 30 && head.length === 15 && t.indexOf(head, 15) > 0) {
        out.push({ path, message: `${ctx.tableName}的绩效目标“${clip(t, 20)}”在同一单元格内重复出现；应删除重复部分` });
      }
    }
    return out;
  },
};
