import path from 'node:path';
import { UserError } from '../../shared/errors';
import { fillProjectFile } from '../services/fill/fill-service';
import { loadInput } from '../services/load-input';
import { parseArgs } from './args';
import { requireOne, requireOutput } from './family-option';
import { EXIT_OK, type CliCommand } from './types';
import { commandInfo } from './registry';

/**
 * `jxmb fill <project.jxmb|in.xlsx> -o <out.xlsx> [--template <workbook>]`: writes the project
 * back into its source workbook (a .jxmb imported from a workbook; an xlsx is imported and filled
 * back into itself) or into a template, as a new file.
 */
export const fillCommand: CliCommand = {
  ...commandInfo('fill'),
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { valued: ['output', 'template'], aliases: { o: 'output' } });
    const input = requireOne(positionals, this.usage);
    const output = requireOutput(options, this.usage);
    const template = typeof options.template === 'string' ? options.template : undefined;
    for (const other of [input, template]) {
      if (other && path.resolve(other) === path.resolve(output)) throw new UserError('usage', '输出文件不能与输入文件或模板相同。');
    }
    const loaded = await loadInput(input, { withSource: true });
    for (const w of loaded.warnings) io.stderr(`警告：${w}\n`);
    const report = await fillProjectFile(loaded.project, { output, template, projectPath: input });
    for (const line of report.lines) io.stdout(`${line}\n`);
    return EXIT_OK;
  },
};
