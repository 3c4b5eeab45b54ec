/**
 * Test data for the printer: filled tables of every family built with createTable and values
 * taken from the seed documents (S0 闽宁镇 table 「人大代表工作」, S1 「城关镇老旧小区治安管理」,
 * S2 「官厅镇村干部工资」, S3 「AK替代专项经费」 and the 部门整体 table), plus a long table.
 */
import { createProject } from '../../../shared/model/create';
import { createTable } from '../../../shared/families/create-table';
import type { BuiltinFamilyId, Indicator, PerformanceTable, Project } from '../../../shared/model/types';
import { parseIndicatorValue } from '../../../shared/values/indicator-value';

/** [一级, 二级, 三级, 指标值, 绩效指标描述?, 依据?] */
type Row = readonly [string, string, string, string, string?, string?];

function indicators(rows: readonly Row[]): Indicator[] {
  return rows.map(([level1, level2, name, value, description = '', basis = '']) => ({
    level1, level2, name, description, basis, value: parseIndicatorValue(value),
  }));
}

const A_ROWS: Row[] = [
  ['产出指标', '数量指标', '人大代表观摩次数', '5次'],
  ['产出指标', '数量指标', '人大会议', '1次'],
  ['产出指标', '质量指标', '通过观摩提升效果', '95%'],
  ['产出指标', '质量指标', '会议安排及成功率', '100%'],
  ['产出指标', '时效指标', '计划按期完成率', '≥98%'],
  ['产出指标', '时效指标', '会议安排时间', '2024年底'],
  ['产出指标', '成本指标', '观摩费用', '2.6万元'],
  ['产出指标', '成本指标', '会议成本', '1.4万元'],
  ['效益指标', '经济效益指标', '', ''],
  ['效益指标', '经济效益指标', '', ''],
  ['效益指标', '社会效益指标', '促进人大代表依法履职,代表联系群众更紧密。', '显著'],
  ['效益指标', '社会效益指标', '', ''],
  ['效益指标', '生态效益指标', '', ''],
  ['效益指标', '生态效益指标', '', ''],
  ['效益指标', '可持续影响指标', '提升人大代表及群众思想意识', '0.99'],
  ['效益指标', '可持续影响指标', '参会人员思想觉悟提高', '0.95'],
  ['满意度指标', '服务对象满意度指标', '观摩对象满意度', '≥98%'],
  ['满意度指标', '服务对象满意度指标', '', '≥96%'],
];

const B_ROWS: Row[] = [
  ['产出指标', '数量指标', '配备监控设备', '18'],
  ['产出指标', '数量指标', '配备保安', '40'],
  ['产出指标', '数量指标', '管理老旧小区数量', '18'],
  ['产出指标', '质量指标', '老旧小区管理安全率', '≥95%'],
  ['产出指标', '质量指标', '对所配备监控设备维护完整率', '≥95%'],
  ['产出指标', '时效指标', '保安培训后上岗时间', '入职手续办理后配发'],
  ['产出指标', '成本指标', '老旧小区覆盖面', '经费 5 万元'],
  ['效益指标', '社会效益指标', '群众安全感', '明显提升'],
  ['效益指标', '可持续影响指标', '维护社区长治久安', '长期'],
  ['满意度指标', '服务对象满意度指标', '居民满意度', '≥95%'],
];

const C_ROWS: Row[] = [
  ['产出指标', '数量指标', '行政村数量', '21个', '经费保障行政村数量', '年度工作计划'],
  ['产出指标', '质量指标', '足额发放率', '≥95%', '足额发放率', '年度工作计划'],
  ['产出指标', '时效指标', '及时发放率', '≥95%', '及时发放率', '年度工作计划'],
  ['产出指标', '成本指标', '预算成本内', '≤67.54万元', '控制在预算成本内', '2024县级预算编制通知'],
  ['效益指标', '经济效益指标', '村级组织机构的正常运转', '得到保障', '是否能够保障村级组织机构的正常运转', '年初工作计划'],
  ['效益指标', '社会效益指标', '加强村干部工作稳定性', '得到提升', '对所服务地区村两委队伍生活工作的影响', '年初工作计划'],
  ['满意度指标', '服务对象满意度指标', '村干部满意度', '≥95%', '村干部对工资发放是否满意', '年度工作计划'],
];

const D_ROWS: Row[] = [
  ['成本指标', '经济成本指标', '总成本控制在预算166060元以内', '≤166060元'],
  ['成本指标', '经济成本指标', '单台国产计算机成本', '≤8740元/台'],
  ['成本指标', '社会成本指标', '机关各部门办公场所安全事故率', '≤0%'],
  ['成本指标', '生态环境成本指标', '机关绿化保障率', '≥60%'],
  ['产出指标', '数量指标', '全镇国产计算机数量', '≤35台'],
  ['产出指标', '质量指标', '办公用品维修保障质量', '合格'],
  ['产出指标', '时效指标', '国产计算机维修维护响应时间', '及时'],
  ['效益指标', '社会效益指标', '公众对镇党委、政府工作的支持率', '≥85%'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'],
];

const E_ROWS: Row[] = [
  ['产出指标', '数量指标', '在编在岗人员69人、特岗人员100人、退休人员26人、遗属人数12人', '100%'],
  ['产出指标', '数量指标', '预算执行率', '100%'],
  ['产出指标', '质量指标', '本单位的各项工作效率明显提升', '明显'],
  ['产出指标', '时效指标', '办公设备维修及时率', '100%'],
  ['效益指标', '社会效益指标', '全面落实科学发展观，建立化解社会矛盾机制', '提升居民健康'],
  ['效益指标', '可持续影响指标', '突出推进社会矛盾化解、社会管理创新、公正廉洁执法三项重点', '长期'],
  ['满意度指标', '服务对象满意度指标', '群众满意度测评达90%以上', '90%'],
];

/** A filled table of the family with realistic seed values. */
export function sampleTable(family: BuiltinFamilyId): PerformanceTable {
  const base = createTable(family);
  switch (family) {
    case 'nx-2024': return {
      ...base, projectName: '人大代表工作', supervisingDepartment: '闽宁镇人民政府', implementingUnit: '闽宁镇人民政府',
      projectAttribute: '续建项目', projectPeriod: '长期',
      funds: { total: 4, fiscal: 4, other: null }, ownLevelFunds: { total: 4, fiscal: 4, other: null },
      goal: '本年共组织召开1次镇人代会,按计划分季度组织镇人大代表进行全县农业发展等观摩。',
      ownLevelGoal: '充分发挥人大代表为人民的作用,畅通人大代表为全镇发展献言献策的渠道。',
      indicators: indicators(A_ROWS),
    };
    case 'nx-2022': return {
      ...base, projectName: '城关镇老旧小区治安管理', implementingUnit: '城关镇', projectAttribute: '新增一次性项目',
      projectPeriod: '一年', funds: { total: 150000, fiscal: 150000, other: null },
      goal: '以广大人民群众利益为根本, 以强化安全防范为重点, 将老旧小区安全防范各项措施落到实处。',
      indicators: indicators(B_ROWS),
    };
    case 'hebei': return {
      ...base, title: '1.官厅镇村干部工资绩效目标表', projectName: '官厅镇村干部工资', projectCode: '13073024P00888510015C',
      funds: { total: 67.54, fiscal: 67.54, other: null }, fundUse: '用于支付村干部工资',
      spendingPlan: { march: 25, june: 50, october: 75, december: 100 },
      goal: '1.加大村级组织建设保障力度，充分调动和激发农村干部的工作热情，确保村级组织机构的正常运转。',
      indicators: indicators(C_ROWS),
    };
    case 'jx-2024': return {
      ...base, projectName: 'AK替代专项经费', supervisingDepartment: '916-赣州经济技术开发区凤岗镇人民政府',
      implementingUnit: '赣州经济技术开发区凤岗镇人民政府', funds: { total: 16.606, fiscal: 16.606, other: 0, carryover: 0 },
      goal: '通过厉行勤俭节约、“花小钱、办大事”的原则，强化预算资金的使用绩效等措施，确保镇机关各部门的运转。',
      indicators: indicators(D_ROWS),
    };
    case 'jx-department': return {
      ...base, projectName: '凤岗镇人民政府',
      departmentBudget: {
        incomeTotal: 13158.93, incomeFiscal: 4019.79, incomeOther: 9139.14,
        expenditureTotal: 13158.93, expenditureBasic: 2904.46, expenditureProject: 10254.47,
      },
      goal: '目标1：认真贯彻落实区委精神，化解社会矛盾。\n目标2：切实改善辖区居民群众生活环境，努力打造服务型政府。',
      indicators: indicators(E_ROWS),
    };
  }
}

/** Realistic 三级 names and values (S1, S2) cycled to build long tables. */
const POOL: readonly (readonly [string, string])[] = [
  ['配备监控设备', '18台'], ['配备保安', '40人'], ['老旧小区管理安全率', '≥95%'], ['对所派驻保安员岗前培训合格率', '≥95%'],
  ['保安培训后上岗时间', '入职手续办理后配发'], ['村级办公经费', '=3万元/个'], ['受益人数', '≥1200人'], ['足额发放率', '≥95%'],
  ['及时发放率', '≥95%'], ['行政村数量', '21个'], ['公众对镇党委、政府工作的支持率', '≥85%'], ['群众满意度', '≥90%'],
];

/**
 * A family-B table with `count` filled indicators spread over every 二级 (数量 gets the most),
 * numbered 「…（第N项）」 so that each row's text is unique.
 */
export function longTable(count = 40, family: BuiltinFamilyId = 'nx-2022'): PerformanceTable {
  const base = sampleTable(family);
  const level2s = createTable(family).indicators.map((i) => [i.level1, i.level2] as const)
    .filter((p, i, all) => all.findIndex((q) => q[0] === p[0] && q[1] === p[1]) === i);
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    // The first 二级 takes a third of the rows, so a 一级 and a 二级 run across a page break.
    const slot = i < Math.floor(count / 3) ? 0 : Math.min(level2s.length - 1, Math.floor(((i - Math.floor(count / 3)) * level2s.length) / (count - Math.floor(count / 3))));
    const [level1, level2] = level2s[slot];
    const [name, value] = POOL[i % POOL.length];
    rows.push([level1, level2, `${name}（第${i + 1}项）`, value]);
  }
  rows.sort((a, b) => level2s.findIndex((p) => p[1] === a[1]) - level2s.findIndex((p) => p[1] === b[1]));
  return { ...base, indicators: indicators(rows) };
}

/** A project holding the given tables (meta of the seed documents). */
export function projectOf(tables: readonly PerformanceTable[], fiscalYear = 2024): Project {
  return { ...createProject({ fiscalYear, unitCode: '816001', unitName: '怀来县官厅镇人民政府' }), tables };
}
