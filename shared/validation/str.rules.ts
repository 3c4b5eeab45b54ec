import { FIELD_TERMS } from '../vocabulary/terms';
import { familyHas, fieldLabel, tableName } from './text';
import { rowRule, type Rule, type RuleFinding } from './rule';

/**
 * STR-01..STR-07, STR-09: structure and completeness (DOMAIN.md §3.1). STR-08 and STR-10..13
 * (categories, numbering, order, duplicates) are in str-categories.rules.ts.
 */

/** Header fields that must be filled where a layout prints them; labels from the field vocabulary. */
const REQUIRED_FIELDS: readonly { path: string; label: string }[] = ['projectName', 'projectCode', 'supervisingDepartment', 'implementingUnit', 'projectAttribute', 'projectPeriod']
  .map((path) => ({ path, label: FIELD_TERMS.find((t) => t.path === path)!.label }));

/** STR-01: required header fields (those the family prints) are filled. */
export const STR_01: Rule = {
  id: 'STR-01', severity: 'error', families: 'all', title: '必填表头字段为空',
  check: (table, ctx) => {
    const out: RuleFinding[] = [];
    for (const { path, label } of REQUIRED_FIELDS) {
      if (!familyHas(ctx.family, path)) continue;
      const value = (table as unknown as Record<string, unknown>)[path];
      if (typeof value === 'string' && value.trim() !== '') continue;
      const name = fieldLabel(ctx.family, path, label);
      const example = path === 'supervisingDepartment' && ctx.family.letter !== 'A' ? '（如「916-赣州经济技术开发区凤岗镇人民政府」）' : '';
      out.push({ path, message: `${tableName(table, ctx.tableIndex)}的「${name}」为空，请填写${name}${example}` });
    }
    return out;
  },
};

/** STR-02: 绩效目标 present and not a template placeholder (`1.目标内容1`). */
export const STR_02: Rule = {
  id: 'STR-02', severity: 'error', families: 'all', title: '绩效目标为空或为占位内容',
  check: (table, ctx) => {
    const label = fieldLabel(ctx.family, 'goal', '绩效目标');
    const where = tableName(table, ctx.tableIndex);
    if (table.goal.trim() === '') return [{ path: 'goal', message: `${where}的「${label}」为空，应写明本年度预期达到的产出和效果` }];
    if (ctx.facts.goalIsPlaceholder) {
      return [{ path: 'goal', message: `${where}的「${label}」“${table.goal.trim()}”是模板占位内容，应替换为本项目的具体目标（如“1.保障…，完成…”）` }];
    }
    return [];
  },
};

/** STR-03: every required 一级 of the family is present. */
export const STR_03: Rule = {
  id: 'STR-03', severity: 'error', families: 'all', title: '缺少一级指标',
  check: (table, ctx) => {
    const present = new Set(ctx.facts.indicators.map((f) => f.level1Def ?? f.level2Parent));
    const order = ctx.family.categories.map((c) => c.name).join('、');
    return ctx.family.categories
      .filter((c) => c.required && !present.has(c))
      .map((c) => ({ path: 'indicators', message: `${tableName(table, ctx.tableIndex)}缺少一级指标“${c.name}”；本版式的一级指标应为：${order}` }));
  },
};

/** STR-04: required 二级 (family B: 必填) have at least one filled 三级. */
export const STR_04: Rule = {
  id: 'STR-04', severity: 'error', families: 'all', title: '必填二级指标缺失',
  check: (table, ctx) => {
    const out: RuleFinding[] = [];
    for (const l1 of ctx.family.categories) {
      for (const l2 of l1.level2) {
        if (!l2.required) continue;
        const rows = ctx.facts.indicators.filter((f) => f.level2Def === l2);
        if (rows.some((f) => f.indicator.name.trim() !== '')) continue;
        const anchor = rows[0] ?? ctx.facts.indicators.find((f) => f.level1Def === l1);
        const path = rows[0] ? `indicators.${rows[0].index}.name` : anchor ? `indicators.${anchor.index}.level1` : 'indicators';
        out.push({ path, message: `${tableName(table, ctx.tableIndex)}缺少必填的二级指标“${l1.name}›${l2.name}${l2.annotation ?? ''}”，至少应填写一个三级指标及其指标值` });
      }
    }
    return out;
  },
};

/** STR-05: empty pre-printed slots (family A) — hide them when printing or fill them. */
export const STR_05: Rule = rowRule({
  id: 'STR-05', severity: 'warning', families: ['nx-2024'], title: '空白预置指标行',
  row: (ctx, f) => (f.filled ? undefined : {
    path: `indicators.${f.index}.name`,
    message: `${ctx.tableName}的“${f.indicator.level1}›${f.indicator.level2}”下有空白预置指标行（无名称、无指标值）；请填写，或打印时选择“隐藏空白指标行”`,
  }),
});

/** STR-06: a value without a 三级 name. */
export const STR_06: Rule = rowRule({
  id: 'STR-06', severity: 'error', families: 'all', title: '有指标值但无三级指标',
  row: (ctx, f) => (f.indicator.name.trim() !== '' || f.indicator.value.raw.trim() === '' ? undefined : {
    path: `indicators.${f.index}.name`,
    message: `${ctx.tableName}的“${f.indicator.level1}›${f.indicator.level2}”下，指标值“${f.indicator.value.raw.trim()}”没有对应的三级指标名称；请补写指标名称（如“服务对象满意度”）或删除该值`,
  }),
});

/** STR-07: a 三级 name without a value. */
export const STR_07: Rule = rowRule({
  id: 'STR-07', severity: 'error', families: 'all', title: '三级指标缺少指标值',
  row: (ctx, f) => (f.indicator.name.trim() === '' || f.indicator.value.raw.trim() !== '' ? undefined : {
    path: `indicators.${f.index}.value`,
    message: `${ctx.tableName}的指标“${f.label}”没有指标值；应写作“符号+数值+单位”（如“≥95%”“=16个”）或分级定性值（如“明显提升”）`,
  }),
});

/**
 * STR-09: column shift — cells of one printed row spilling into the next columns (a tab inside
 * a cell) or a value orphaned on the row after a name whose value is text (S1 l.22, l.25, l.30–31).
 */
export const STR_09: Rule = {
  id: 'STR-09', severity: 'error', families: 'all', title: '列错位',
  check: (table, ctx) => {
    const out: RuleFinding[] = [];
    const where = tableName(table, ctx.tableIndex);
    for (let i = 0; i < table.indicators.length; i++) {
      const ind = table.indicators[i];
      const tab = ind.name.includes('\t') || ind.value.raw.includes('\t') || ind.description.includes('\t') || ind.basis.includes('\t');
      if (tab || ind.value.raw.trim().includes('\n')) {
        out.push({ path: `indicators.${i}.value`, message: `${where}的指标“${ctx.facts.indicators[i].label}”一行内有多余的单元格（列错位）：每行应只有三级指标和指标值各一个单元格，请把错位的内容移回对应列` });
        continue;
      }
      const prev = table.indicators[i - 1];
      if (!prev || ind.name.trim() !== '' || ind.value.raw.trim() === '') continue;
      if (prev.level2 === ind.level2 && prev.name.trim() !== '' && prev.value.kind === 'qualitative') {
        out.push({
          path: `indicators.${i}.value`,
          message: `${where}的指标值“${ind.value.raw.trim()}”单独占一行，而上一行“${prev.name.trim()}”的指标值是文字“${prev.value.raw.trim()}”，疑似列错位；应合并为一行（如“${prev.name.trim()}：${ind.value.raw.trim()}”）`,
        });
      }
    }
    return out;
  },
};
