import path from 'node:path';
import { UserError } from '../../shared/errors';
import { importXlsxWithSource } from '../services/import-service';
import { importReport } from '../../shared/xlsx/import-report';
import { saveProjectFile } from '../services/project-file-service';
import { parseArgs } from './args';
import { familyOption, requireOne, requireOutput } from './family-option';
import { EXIT_OK, EXIT_PARTIAL, type CliCommand } from './types';
import { commandInfo } from './registry';

/** `jxmb import <in.xlsx> -o <out.jxmb>`: recognizes the workbook and saves it as a project file. */
export const importCommand: CliCommand = {
  ...commandInfo('import'),
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { valued: ['output', 'family'], aliases: { o: 'output' } });
    const input = requireOne(positionals, this.usage);
    const output = requireOutput(options, this.usage);
    if (path.resolve(input) === path.resolve(output)) throw new UserError('usage', '输出文件不能与输入文件相同。');
    const result = await importXlsxWithSource(input, { family: familyOption(options.family) });
    await saveProjectFile(output, result.project);
    const report = importReport(result.warnings);
    for (const line of report.lines) io.stderr(`警告：${line}\n`);
    io.stdout(`已导入 ${result.project.tables.length} 张表 → ${output}${report.lostColumns > 0 ? '（部分内容未导入，见上方警告）' : ''}\n`);
    return report.lostColumns > 0 ? EXIT_PARTIAL : EXIT_OK;
  },
};
