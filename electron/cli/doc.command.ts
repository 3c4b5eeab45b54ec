/**
 * `jxmb doc <in.jxmb|in.xlsx|in.docx> -o <out.pdf|out.docx> [--title …] [--compiler …] [--reviewer …]`:
 * writes the whole 部门预算绩效文本 (cover, 目录 with page numbers, 第一部分, 第二部分).
 */
import path from 'node:path';
import { UserError } from '../../shared/errors';
import { documentFormatOf, writeDocument } from '../services/document-service';
import { loadInput } from '../services/load-input';
import { findBrowser } from '../services/pdf-service';
import { parseArgs } from './args';
import { familyOption, requireOne, requireOutput } from './family-option';
import { EXIT_OK, type CliCommand } from './types';
import { commandInfo } from './registry';

export const docCommand: CliCommand = {
  ...commandInfo('doc'),
  async run(args, io) {
    const { positionals, options } = parseArgs(args, {
      valued: ['output', 'title', 'compiler', 'reviewer', 'browser', 'family'],
      flags: [],
      aliases: { o: 'output' },
    });
    const input = requireOne(positionals, this.usage);
    const output = requireOutput(options, this.usage);
    if (path.resolve(input) === path.resolve(output)) throw new UserError('usage', '输出文件不能与输入文件相同。');
    const format = documentFormatOf(output);
    const str = (v: string | true | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
    const browserPath = format === 'pdf' ? findBrowser({ browserPath: str(options.browser) }) : undefined;
    const loaded = await loadInput(input, { family: familyOption(options.family) });
    for (const w of loaded.warnings) io.stderr(`警告：${w}\n`);
    const written = await writeDocument(output, loaded.project, {
      title: str(options.title), compiler: str(options.compiler), reviewer: str(options.reviewer), browserPath,
    });
    io.stdout(`已生成绩效文本：${written.tableCount} 张表，共 ${written.pageCount} 页 → ${output}\n`);
    return EXIT_OK;
  },
};
