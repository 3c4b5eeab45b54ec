import path from 'node:path';
import { UserError } from '../../shared/errors';
import { exportXlsxFile } from '../services/import-service';
import { loadInput } from '../services/load-input';
import { parseArgs } from './args';
import { familyOption, requireOne, requireOutput } from './family-option';
import { EXIT_OK, type CliCommand } from './types';
import { commandInfo } from './registry';

/** `jxmb export <in> -o <out.xlsx> [--family <id>] [--stacked]`: writes the official layout. */
export const exportCommand: CliCommand = {
  ...commandInfo('export'),
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { valued: ['output', 'family'], flags: ['stacked'], aliases: { o: 'output' } });
    const input = requireOne(positionals, this.usage);
    const output = requireOutput(options, this.usage);
    if (path.resolve(input) === path.resolve(output)) throw new UserError('usage', '输出文件不能与输入文件相同。');
    const loaded = await loadInput(input, { family: familyOption(options.family) });
    for (const w of loaded.warnings) io.stderr(`警告：${w}\n`);
    await exportXlsxFile(loaded.project, output, { stacked: options.stacked === true });
    io.stdout(`已导出 ${loaded.project.tables.length} 张表 → ${output}\n`);
    return EXIT_OK;
  },
};
