import type { BuiltinFamilyId, FamilyId, PerformanceTable, Project } from '../../../shared/model/types';
import { parseIndicatorValue } from '../../../shared/values/indicator-value';
import { goodTable, projectOf, withRow } from './fixtures';
import type { ValidationSettings } from '../../../shared/validation';

/**
 * One defect per case, each quoted from a seed (DOMAIN.md §3): the rule must fire on `make()`
 * and stay silent on the clean table of the same family; `fix: true` means its findings carry a
 * fix that makes the rule stop firing.
 */
export interface RuleCase {
  readonly id: string;
  readonly what: string;
  readonly family: BuiltinFamilyId;
  readonly make: () => Project;
  readonly fix?: boolean;
  /** Expected severity of the first finding, when it differs from the rule default. */
  readonly severity?: 'error' | 'warning' | 'info';
  /** Settings the rule needs to run (QUA-13: the 指标库's usual units), used for both make() and the clean table. */
  readonly settings?: ValidationSettings;
}

const one = (t: PerformanceTable) => projectOf(t);
const A = () => goodTable('nx-2024');
const B = () => goodTable('nx-2022');
const C = () => goodTable('hebei');
const D = () => goodTable('jx-2024');
const E = () => goodTable('jx-department');

export const STR_CASES: readonly RuleCase[] = [
  { id: 'STR-01', what: 'S1 主管部门及代码 empty', family: 'nx-2022', make: () => one({ ...B(), supervisingDepartment: '' }) },
  { id: 'STR-02', what: 'S2 goal 「1.目标内容1」', family: 'hebei', make: () => one({ ...C(), goal: '1.目标内容1' }) },
  { id: 'STR-03', what: 'family D without 成本指标', family: 'jx-2024', make: () => one({ ...D(), indicators: D().indicators.filter((i) => i.level1 !== '成本指标') }) },
  { id: 'STR-04', what: 'S1 no 可持续影响指标(必填)', family: 'nx-2022', make: () => one({ ...B(), indicators: B().indicators.filter((i) => i.level2 !== '可持续影响指标') }) },
  { id: 'STR-05', what: 'S0 empty pre-printed slot 「指标2:」', family: 'nx-2024', make: () => one({ ...A(), indicators: [...A().indicators.slice(0, 1), { ...A().indicators[0], name: '', value: parseIndicatorValue('') }, ...A().indicators.slice(1)] }) },
  { id: 'STR-06', what: 'S0 l.40 「指标2: ≥96%」 without name', family: 'nx-2024', make: () => one(withRow(A(), '服务对象满意度指标', { name: '', raw: '≥96%' })) },
  { id: 'STR-07', what: 'S0 l.1239 「促进工作、提高效率」 without value', family: 'nx-2024', make: () => one(withRow(A(), '社会效益指标', { name: '促进工作、提高效率', raw: '' })) },
  { id: 'STR-08', what: 'S3 l.24 「总成本：13158.93万元」 under 时效指标', family: 'jx-department', make: () => one(withRow(E(), '时效指标', { name: '指标4：总成本：13158.93万元', raw: '≤13158.93万元' })) },
  { id: 'STR-08', what: 'S0 l.225 header word 「二级指标」 in the 一级 column', family: 'nx-2024', make: () => one({ ...A(), indicators: A().indicators.map((i) => (i.level1 === '效益指标' ? { ...i, level1: '二级指标' } : i)) }) },
  { id: 'STR-08', what: '经济效益指标 under 产出指标', family: 'hebei', make: () => one(withRow(C(), '数量指标', { level2: '经济效益指标' })) },
  { id: 'STR-09', what: 'S1 l.22 three cells in one row', family: 'nx-2022', make: () => one(withRow(B(), '时效指标', { name: '上岗后购买意外伤害保险和缴纳工伤保险', raw: '配发统一保安服装及相应装备\n入职手续办理后缴纳' })) },
  { id: 'STR-10', what: 'S0 l.1158 「指标2: 指标2:」', family: 'nx-2024', make: () => one({ ...A(), indicators: [A().indicators[0], { ...A().indicators[0], name: '人大会议次数', slotLabel: '指标2: 指标2:' }, ...A().indicators.slice(1)] }), fix: true },
  { id: 'STR-10', what: 'two bad slot labels in one table', family: 'nx-2024', make: () => one({ ...A(), indicators: A().indicators.map((i, k) => (k < 2 ? { ...i, slotLabel: `指标${k + 3}:` } : i)) }), fix: true },
  { id: 'STR-11', what: 'S0 l.809 「可持续发展影响指标」', family: 'nx-2024', make: () => one({ ...A(), indicators: A().indicators.map((i) => (i.level2 === '可持续影响指标' ? { ...i, level2: '可持续发展影响指标' } : i)) }), fix: true },
  { id: 'STR-11', what: 'S3 l.56 「服务对象满意度」 without 指标', family: 'jx-2024', make: () => one(withRow(D(), '服务对象满意度指标', { level2: '服务对象满意度' })), fix: true },
  {
    id: 'STR-12', what: 'S2 l.272 可持续影响 before 社会效益', family: 'hebei', fix: true,
    make: () => {
      const t = C();
      const sustain = t.indicators.findIndex((i) => i.level2 === '可持续影响指标');
      const social = t.indicators.findIndex((i) => i.level2 === '社会效益指标');
      const indicators = t.indicators.slice();
      [indicators[social], indicators[sustain]] = [indicators[sustain], indicators[social]];
      return one({ ...t, indicators });
    },
  },
  { id: 'STR-13', what: 'S1 l.250/l.253 「保障政府大院安保工作 有效保障」 twice', family: 'nx-2022', make: () => one({ ...B(), indicators: [...B().indicators, { ...B().indicators[0], name: '保障政府大院安保工作', value: parseIndicatorValue('有效保障') }, { ...B().indicators[1], name: '保障政府大院安保工作', value: parseIndicatorValue('有效保障') }] }) },
];

export const FUND_COST_CASES: readonly RuleCase[] = [
  { id: 'FUND-01', what: 'S3 l.37–40 16.606 = 0 + 0 + 0', family: 'jx-2024', make: () => one({ ...D(), funds: { total: 16.606, fiscal: 0, other: 0, carryover: 0 } }) },
  { id: 'FUND-02', what: '含本级 5 > 含本级和市县 4', family: 'nx-2024', make: () => one({ ...A(), ownLevelFunds: { total: 5, fiscal: 5, other: 0 } }) },
  { id: 'FUND-03', what: '部门整体 income 13158.93 ≠ 4019.79 + 9139.24', family: 'jx-department', make: () => one({ ...E(), departmentBudget: { ...E().departmentBudget!, incomeOther: 9139.24 } }) },
  { id: 'FUND-04', what: 'Σ project totals 4 ≠ 部门整体 项目支出 10254.47', family: 'jx-2024', make: () => projectOf(E(), D()) },
  {
    id: 'FUND-05', what: 'S1 l.10 106 under 元 with cost 「经费 100 万元」', family: 'nx-2022', fix: true,
    make: () => one(withRow({ ...B(), funds: { total: 106, fiscal: 106, other: null } }, '成本指标', { name: '受益人数', raw: '经费 100 万元，每人每年 2.5 万元' })),
  },
  { id: 'FUND-06', what: 'S0 l.8 「4万元」 in a 万元 block', family: 'nx-2024', make: () => one({ ...A(), amountTexts: { 'funds.total': '4万元' } }), fix: true },
  { id: 'FUND-06', what: 'S0 l.8–9 four amount cells with texts in one table (全部修正 removes each)', family: 'nx-2024', make: () => one({ ...A(), amountTexts: { 'funds.total': '4万元', 'funds.fiscal': '4万元', 'ownLevelFunds.total': '4万', 'ownLevelFunds.fiscal': '4万元' } }), fix: true },
  { id: 'FUND-06', what: 'S0 l.420 cost 「2.8万」', family: 'nx-2024', make: () => one(withRow({ ...A(), funds: { total: 2.8, fiscal: 2.8, other: null }, ownLevelFunds: { total: 2.8, fiscal: 2.8, other: null } }, '成本指标', { raw: '2.8万' })), fix: true },
  { id: 'FUND-07', what: '12月底 90%', family: 'hebei', make: () => one({ ...C(), spendingPlan: { march: 25, june: 50, october: 75, december: 90 } }) },
  { id: 'FUND-08', what: 'S2 l.534 资金用途 = another project’s name', family: 'hebei', make: () => projectOf({ ...C(), fundUse: '社区党组织服务群众专项经费' }, { ...C(), projectName: '怀财字【2024】7号社区党组织服务群众专项经费', projectCode: '13073024P00888510016C' }) },
  { id: 'COST-01', what: 'S1 l.48 费 3.58 + 4.54 + 7.84 万元 > 150000 元', family: 'nx-2022', make: () => one(withRow({ ...B(), funds: { total: 150000, fiscal: 150000, other: null } }, '成本指标', { name: '落实运行经费 (万元)', raw: '费 3.58 万元、保养维修 4.54 万元、看护费 7.84 万元' })) },
  { id: 'COST-01', what: 'S3 l.306 招商引资经费 5 万 but ≤20万元', family: 'jx-2024', make: () => one(withRow(D(), '经济成本指标', { raw: '≤20万元' })) },
  { id: 'COST-01', what: 'S0 l.1232 绿化养护 177.5 but 25.59万元', family: 'nx-2024', severity: 'warning', make: () => one(withRow({ ...A(), funds: { total: 177.5, fiscal: 177.5, other: null }, ownLevelFunds: { total: 177.5, fiscal: 177.5, other: null } }, '成本指标', { raw: '25.59万元' })) },
  { id: 'COST-02', what: 'S2 l.362–365 成本 「控制在预算内 ≥95%」', family: 'hebei', make: () => one(withRow(C(), '成本指标', { name: '控制在预算内', raw: '≥95%' })) },
  { id: 'COST-03', what: 'S3 l.207 「上缴房屋拆除款 $\\geq 500$ 万元」', family: 'jx-2024', make: () => one(withRow(D(), '经济成本指标', { name: '上缴房屋拆除款', raw: '$\\geq 500$ 万元' })) },
  {
    id: 'COST-04', what: 'unit cost 3万元/个 × 16个 ≠ 40 万元', family: 'nx-2022',
    make: () => one(withRow(withRow({ ...B(), funds: { total: 400000, fiscal: 400000, other: null } }, '成本指标', { name: '经费补助标准', raw: '3万元/个' }), '数量指标', { name: '村委会个数', raw: '16个' })),
  },
];

export const VAL_CASES: readonly RuleCase[] = [
  { id: 'VAL-01', what: 'S1 l.212 「≧95%」', family: 'nx-2022', make: () => one(withRow(B(), '服务对象满意度指标', { raw: '≧95%' })), fix: true },
  { id: 'VAL-01', what: 'S1 l.227 「不少于 10 次」', family: 'nx-2022', make: () => one(withRow(B(), '数量指标', { raw: '不少于 10 次' })), fix: true },
  { id: 'VAL-01', what: 'S3 l.205 「$\\leq 1000000$ 元」', family: 'jx-2024', make: () => one(withRow({ ...D(), funds: { total: 100, fiscal: 100, other: 0, carryover: 0 } }, '经济成本指标', { raw: '$\\leq 1000000$ 元' })), fix: true },
  { id: 'VAL-02', what: 'S2 l.344 「≥95百分比」', family: 'hebei', make: () => one(withRow(C(), '质量指标', { raw: '≥95百分比' })), fix: true },
  { id: 'VAL-02', what: '「≥1清洁天数」 unit is the name', family: 'hebei', make: () => one(withRow(C(), '时效指标', { name: '清洁天数', raw: '≥1清洁天数' })) },
  { id: 'VAL-03', what: 'S0 l.100 「能及时化解矛盾 0.98」', family: 'nx-2024', make: () => one(withRow(A(), '时效指标', { name: '能及时化解矛盾', raw: '0.98' })), fix: true },
  { id: 'VAL-03', what: 'S1 l.15 「配备监控设备 18」', family: 'nx-2022', make: () => one(withRow(B(), '数量指标', { name: '配备监控设备', raw: '18' })) },
  { id: 'VAL-04', what: 'percent out of range 「≥120%」', family: 'nx-2024', make: () => one(withRow(A(), '质量指标', { raw: '≥120%' })) },
  { id: 'VAL-04', what: 'S0 l.1182 数量 「保障职工职业年金补缴 91%」', family: 'nx-2024', severity: 'warning', make: () => one(withRow(A(), '数量指标', { name: '保障职工职业年金补缴', raw: '91%' })) },
  { id: 'VAL-05', what: 'S0 l.724 质量 「4408元」', family: 'nx-2024', make: () => one(withRow(A(), '质量指标', { name: '社保及医保缴费基数4408元', raw: '4408元' })) },
  { id: 'VAL-06', what: 'S0 l.79 「就餐职工满意度 0.96」', family: 'nx-2024', make: () => one(withRow(A(), '服务对象满意度指标', { name: '就餐职工满意度', raw: '0.96' })), fix: true },
  { id: 'VAL-06', what: 'S1 l.30 「持续提高」', family: 'nx-2022', make: () => one(withRow(B(), '服务对象满意度指标', { raw: '持续提高' })) },
  { id: 'VAL-07', what: 'S3 l.21 value = name', family: 'jx-department', make: () => one(withRow(E(), '时效指标', { name: '按工作计划正常进行各项支出', raw: '按工作计划正常进行各项支出' })) },
  { id: 'VAL-07', what: 'S3 l.26 long sentence', family: 'jx-department', make: () => one(withRow(E(), '社会效益指标', { raw: '提升居民健康，提高生活水平，改善人口素质，促进社会和谐稳定' })) },
  { id: 'VAL-07', what: 'S0 l.296 value 「合格率」', family: 'nx-2024', make: () => one(withRow(A(), '质量指标', { raw: '合格率' })) },
  { id: 'VAL-08', what: 'S1 l.277 「2020 年全年」 in 2022', family: 'nx-2022', make: () => ({ ...one(withRow(B(), '时效指标', { name: '2020 年全年', raw: '12个月' })), meta: { ...projectOf().meta, fiscalYear: 2022 } }) },
  { id: 'VAL-09', what: 'S3 l.46 「安全事故率 ≤0%」', family: 'jx-2024', make: () => one(withRow(D(), '质量指标', { name: '办公场所安全事故率', raw: '≤0%' })), fix: true },
  { id: 'VAL-09', what: 'S3 l.49 「≤35台」 on a 数量', family: 'jx-2024', make: () => one(withRow(D(), '数量指标', { name: '全镇国产计算机数量', raw: '≤35台' })) },
  { id: 'VAL-10', what: 'S0 l.258 时效 「长效机制」', family: 'nx-2024', make: () => one(withRow(A(), '时效指标', { name: '持续性管理', raw: '长效机制' })) },
];

export const QUA_HDR_CASES: readonly RuleCase[] = [
  { id: 'QUA-01', what: '「XX」 in a 三级 name', family: 'jx-2024', make: () => one(withRow(D(), '质量指标', { name: 'XX工作完成率' })) },
  { id: 'QUA-02', what: 'S0 市政 = 民生中心 indicators', family: 'nx-2024', make: () => projectOf(A(), { ...A(), projectName: '闽宁镇·市政管理服务项目', goal: '保障市政设施正常运行。' }) },
  { id: 'QUA-03', what: 'S2 l.508 防汛经费 「棚改拆迁居民满意度」', family: 'hebei', make: () => one(withRow({ ...C(), projectName: '官厅镇防汛经费', fundUse: '用于防汛物资购置' }, '服务对象满意度指标', { name: '棚改拆迁居民满意度', description: '棚改拆迁居民满意度' })) },
  { id: 'QUA-04', what: 'S3 l.42 = l.203 goal copied', family: 'jx-2024', make: () => projectOf(D(), { ...withRow(D(), '数量指标', { name: '重点工作调度会数量', raw: '≥50次' }), projectName: '工作经费' }) },
  { id: 'QUA-05', what: 'S3 招商引资经费 / 招商引资经费1', family: 'jx-2024', make: () => projectOf({ ...D(), projectName: '招商引资经费' }, { ...withRow(D(), '数量指标', { raw: '≥6个' }), projectName: '招商引资经费1' }) },
  { id: 'QUA-06', what: 'S2 l.501 三级 cut at 15', family: 'hebei', make: () => one(withRow(C(), '可持续影响指标', { name: '逐步促进了解河势变化及对防洪、', description: '逐步促进了解河势变化及对防洪、河道整治的开发利用' })) },
  { id: 'QUA-07', what: 'S2 l.156 描述 = 三级', family: 'hebei', make: () => one(withRow(C(), '质量指标', { name: '足额发放率', description: '足额发放率' })) },
  { id: 'QUA-08', what: 'S2 依据 年度工作计划 + 年初工作计划', family: 'hebei', make: () => one(withRow(withRow(C(), '质量指标', { basis: '年度工作计划' }), '时效指标', { basis: '年初工作计划' })) },
  { id: 'QUA-09', what: '描述 about another subject', family: 'hebei', make: () => one(withRow(C(), '质量指标', { name: '足额发放率', description: '棚改拆迁户数' })) },
  { id: 'QUA-10', what: 'S0 l.11 「<p>…</p>」 goal', family: 'nx-2024', make: () => one({ ...A(), goal: `<p>${A().goal}</p>`, ownLevelGoal: `<p>${A().goal}</p>` }), fix: true },
  { id: 'QUA-13', what: '培训人数 in 人次 where the 指标库 has 人', family: 'hebei', make: () => one(withRow(C(), '数量指标', { name: '培训人数', raw: '≥50人次' })), settings: { usualUnits: new Map([['数量指标\u0000培训人数', { unit: '人', name: '培训人数' }]]) } },
  { id: 'QUA-11', what: 'S0 l.1022 goal ending 「…群众身边的」', family: 'jx-2024', make: () => one({ ...D(), goal: '推动基层纪检监察工作高质量发展，为了群众、依靠群众发现和推动解决群众身边的' }) },
  { id: 'QUA-12', what: 'S0 l.748 goal repeated in one cell', family: 'nx-2024', make: () => one({ ...A(), goal: `目标1：保障村级扶贫网格员工作者工资。目标1：保障村级扶贫网格员工作者工资。`, ownLevelGoal: null }) },
  { id: 'HDR-01', what: '项目属性 「新项目」', family: 'nx-2022', make: () => one({ ...B(), projectAttribute: '新项目' }) },
  { id: 'HDR-02', what: '项目期 「长久」', family: 'nx-2024', make: () => one({ ...A(), projectPeriod: '长久' }) },
  { id: 'HDR-03', what: '主管部门 without code', family: 'jx-2024', make: () => one({ ...D(), supervisingDepartment: '赣州经济技术开发区凤岗镇人民政府' }) },
  { id: 'HDR-04', what: 'S3 l.44 万元 header vs 「≤166060元」', family: 'jx-2024', make: () => one(withRow({ ...D(), funds: { total: 16.606, fiscal: 16.606, other: 0, carryover: 0 } }, '经济成本指标', { raw: '≤166060元' })) },
  { id: 'HDR-05', what: '项目编码 20 characters', family: 'hebei', make: () => one({ ...C(), projectCode: '13073024P00888510015' }) },
  { id: 'HDR-06', what: 'titles 1., 3.', family: 'hebei', make: () => projectOf({ ...C(), title: '1.人大代表工作绩效目标表' }, { ...C(), projectName: '防火经费', title: '3.防火经费绩效目标表', fundUse: '用于购置防火物资' }) },
];
