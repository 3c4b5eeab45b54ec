/**
 * The indicator category trees (一级 → 二级, with STR-11 alias spellings and the value each 二级
 * expects) shared by the built-in families: 88号, 宁夏 2022, 101号 and 江西 部门整体.
 */
import type { Level1Definition, Level2Definition, ValueExpectation } from './types';

/** Builds a 二级 definition; `aliases` are the spellings of STR-11. */
function l2(name: string, expects: ValueExpectation, required = false, aliases: string[] = [], annotation?: string): Level2Definition {
  return annotation ? { name, expects, required, aliases, annotation } : { name, expects, required, aliases };
}

const QUANTITY_ALIASES = ['数量'];
const QUALITY_ALIASES = ['质量'];
const TIME_ALIASES = ['时效'];
const COST_ALIASES = ['成本'];
const SATISFACTION_ALIASES = ['服务对象满意度', '满意度指标', '满意度', '服务对象满意'];

/**
 * The 88号-style tree (families A and C): 产出 (数量 质量 时效 成本), 效益 (经济 社会 生态 可持续影响),
 * 满意度 (服务对象满意度). DOMAIN.md §1 "Indicator category sets per family".
 */
export const CATEGORIES_88: readonly Level1Definition[] = [
  {
    name: '产出指标', required: true, aliases: ['产出'],
    level2: [
      l2('数量指标', 'count', false, QUANTITY_ALIASES),
      l2('质量指标', 'quality', false, QUALITY_ALIASES),
      l2('时效指标', 'time', false, TIME_ALIASES),
      l2('成本指标', 'money', false, COST_ALIASES),
    ],
  },
  {
    name: '效益指标', required: true, aliases: ['效益'],
    level2: [
      l2('经济效益指标', 'benefit', false, ['经济效益']),
      l2('社会效益指标', 'benefit', false, ['社会效益']),
      l2('生态效益指标', 'benefit', false, ['生态效益', '环境效益指标', '环境效益']),
      l2('可持续影响指标', 'benefit', false, ['可持续影响', '可持续发展影响指标', '可持续发展影响']),
    ],
  },
  {
    name: '满意度指标', required: true, aliases: ['满意度'],
    level2: [l2('服务对象满意度指标', 'satisfaction', false, SATISFACTION_ALIASES)],
  },
];

/** Family B: the same tree with 必填 marks printed in the 二级 labels; 经济/生态效益 are not printed (optional). */
export const CATEGORIES_NX_2022: readonly Level1Definition[] = [
  {
    name: '产出指标', required: true, aliases: ['产出'],
    level2: [
      l2('数量指标', 'count', true, QUANTITY_ALIASES, '(必填硬性指标)'),
      l2('质量指标', 'quality', true, QUALITY_ALIASES, '(必填)'),
      l2('时效指标', 'time', true, TIME_ALIASES, '(必填)'),
      l2('成本指标', 'money', true, COST_ALIASES, '(必填硬性指标)'),
    ],
  },
  {
    name: '效益指标', required: true, aliases: ['效益'],
    level2: [
      l2('经济效益指标', 'benefit', false, ['经济效益']),
      l2('社会效益指标', 'benefit', true, ['社会效益'], '(必填)'),
      l2('生态效益指标', 'benefit', false, ['生态效益', '环境效益指标']),
      l2('可持续影响指标', 'benefit', true, ['可持续影响', '可持续发展影响指标'], '(必填)'),
    ],
  },
  {
    name: '满意度指标', required: true, aliases: ['满意度'],
    level2: [l2('服务对象满意度指标', 'satisfaction', true, SATISFACTION_ALIASES, '(必填)')],
  },
];

/** Family D (101号-style): 成本 first, then 产出 (数量 质量 时效), 效益 (经济 社会 生态), 满意度. */
export const CATEGORIES_101: readonly Level1Definition[] = [
  {
    name: '成本指标', required: true, aliases: ['成本'],
    level2: [
      l2('经济成本指标', 'money', false, ['经济成本']),
      l2('社会成本指标', 'money', false, ['社会成本']),
      l2('生态环境成本指标', 'money', false, ['生态环境成本', '生态成本指标']),
    ],
  },
  {
    name: '产出指标', required: true, aliases: ['产出'],
    level2: [
      l2('数量指标', 'count', false, QUANTITY_ALIASES),
      l2('质量指标', 'quality', false, QUALITY_ALIASES),
      l2('时效指标', 'time', false, TIME_ALIASES),
    ],
  },
  {
    name: '效益指标', required: true, aliases: ['效益'],
    level2: [
      l2('经济效益指标', 'benefit', false, ['经济效益']),
      l2('社会效益指标', 'benefit', false, ['社会效益']),
      l2('生态效益指标', 'benefit', false, ['生态效益']),
    ],
  },
  {
    name: '满意度指标', required: true, aliases: ['满意度'],
    level2: [l2('服务对象满意度指标', 'satisfaction', false, SATISFACTION_ALIASES)],
  },
];

/** Family E (江西 部门整体): old framework without 成本 (DOMAIN.md §1, family E). */
export const CATEGORIES_DEPARTMENT: readonly Level1Definition[] = [
  {
    name: '产出指标', required: true, aliases: ['产出'],
    level2: [
      l2('数量指标', 'count', false, QUANTITY_ALIASES),
      l2('质量指标', 'quality', false, QUALITY_ALIASES),
      l2('时效指标', 'time', false, TIME_ALIASES),
    ],
  },
  CATEGORIES_88[1],
  CATEGORIES_88[2],
];
