/**
 * QUA-13 with the built-in 指标库: opt-in (no findings without the library's units), and with
 * them it flags units that differ from the library's usual unit for the same name.
 */
import { describe, expect, it } from 'vitest';
import { entryKey, usualUnits } from '../../../shared/library';
import { BUILTIN_LIBRARY } from '../../../shared/library/builtin';
import { createProject } from '../../../shared/model/create';
import { createTable } from '../../../shared/families/create-table';
import { validateProject } from '../../../shared/validation';
import { parseIndicatorValue } from '../../../shared/values/indicator-value';

const units = usualUnits(BUILTIN_LIBRARY.entries);

function project(rows: [string, string, string, string][]) {
  const indicators = rows.map(([level1, level2, name, raw]) => ({ level1, level2, name, description: '', basis: '', value: parseIndicatorValue(raw) }));
  return { ...createProject({ fiscalYear: 2024 }), tables: [{ ...createTable('nx-2024'), projectName: '村干部报酬', indicators }] };
}

describe('QUA-13 (unit differs from the 指标库)', () => {
  const p = project([
    ['产出指标', '数量指标', '行政村数量', '21户'],
    ['产出指标', '数量指标', '行政村 数量', '21个'],
    ['产出指标', '成本指标', '会议成本', '14000元'],
    ['产出指标', '数量指标', '没有见过的指标', '3户'],
    ['产出指标', '质量指标', '行政村数量', '21户'],
    ['产出指标', '数量指标', '行政村数量', '21个行政村'],
  ]);

  it('is silent without the library (file validation and seed goldens unchanged)', () => {
    expect(validateProject(p).filter((f) => f.ruleId === 'QUA-13')).toEqual([]);
  });

  it('flags a different unit (warning), a different money unit as info; nothing for the usual unit, an unknown name, another 二级 or an invalid unit (VAL-02\'s)', () => {
    expect(units.get(entryKey('数量指标', '行政村数量'))?.unit).toBe('个');
    expect(units.get(entryKey('成本指标', '会议成本'))?.unit).toBe('万元');
    const found = validateProject(p, { usualUnits: units }).filter((f) => f.ruleId === 'QUA-13');
    expect(found.map((f) => [f.path, f.severity])).toEqual([['indicators.0.value', 'warning'], ['indicators.2.value', 'info']]);
    expect(found[0].message).toBe('“村干部报酬”的指标“产出指标›数量指标›行政村数量”的计量单位“户”与指标库中同名指标的常用单位“个”不同；请核对单位（如“21个”）或指标名称');
  });
});
