import path from 'node:path';
import { familyOf } from '../../shared/families';
import type { BuiltinFamilyId, FamilyId, PerformanceTable } from '../../shared/model/types';
import { formatNumber, moneyUnitLabel } from '../../shared/values';
import { loadInput } from '../services/load-input';
import { parseArgs } from './args';
import { familyOption, requireOne } from './family-option';
import { EXIT_OK, EXIT_PARTIAL, type CliCommand } from './types';
import { commandInfo } from './registry';

function tableLine(table: PerformanceTable, index: number): string {
  const family = familyOf(table);
  const total = table.departmentBudget ? table.departmentBudget.expenditureTotal : table.funds.total;
  const amount = total == null ? '金额未填' : `${formatNumber(total)} ${moneyUnitLabel(table.moneyUnit)}`;
  const filled = table.indicators.filter((i) => i.name.trim() !== '' || i.value.raw.trim() !== '').length;
  const name = table.projectName || '（未填项目名称）';
  return `  ${index + 1}. ${name}  [${family.letter} ${family.displayName}]  ${amount}  指标 ${table.indicators.length} 行（已填 ${filled} 行）`;
}

/** `jxmb inspect <file> [--json]`: a Chinese summary, or the project as the `.jxmb` file holds it. */
export const inspectCommand: CliCommand = {
  ...commandInfo('inspect'),
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { flags: ['json'], valued: ['family'] });
    const file = requireOne(positionals, this.usage);
    const family: BuiltinFamilyId | undefined = familyOption(options.family);
    const input = await loadInput(file, { family });
    if (options.json) {
      // The project-file module loads zod: only --json needs it.
      const { serializeProject } = await import('../../shared/file/project-file');
      io.stdout(serializeProject(input.project));
      for (const w of input.warnings) io.stderr(`警告：${w}\n`);
      return input.lostColumns > 0 ? EXIT_PARTIAL : EXIT_OK;
    }
    const { meta, tables } = input.project;
    const lines = [
      `文件：${path.basename(file)}（${input.kind === 'jxmb' ? '项目文件' : 'Excel 工作簿'}）`,
      `预算年度：${meta.fiscalYear ?? '未知'}    单位：${[meta.unitCode, meta.unitName].filter(Boolean).join(' ') || '未填'}`,
      `共 ${tables.length} 张表：`,
      ...tables.map(tableLine),
    ];
    if (input.warnings.length > 0) {
      lines.push('导入报告：', ...input.warnings.map((w) => `  - ${w}`));
    } else {
      lines.push('无警告。');
    }
    io.stdout(`${lines.join('\n')}\n`);
    return input.lostColumns > 0 ? EXIT_PARTIAL : EXIT_OK;
  },
};

