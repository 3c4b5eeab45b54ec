import path from 'node:path';
import { UserError } from '../../shared/errors';
import { renderPrintHtml } from '../../shared/print/render-print-html';
import { parseTableSelection } from '../../shared/print/table-selection';
import { writeFileAtomic } from '../services/atomic-write';
import { loadInput } from '../services/load-input';
import { describeFsError } from '../services/project-file-service';
import { findBrowser, renderPdf } from '../services/pdf-service';
import { parseArgs } from './args';
import { familyOption, requireOne, requireOutput } from './family-option';
import { EXIT_OK, type CliCommand } from './types';
import { commandInfo } from './registry';

/**
 * `jxmb pdf <in> -o <out.pdf> [--tables 1,3-5] [--hide-empty-slots] [--signature] [--browser <path>]`:
 * prints the official layout to PDF with a Chromium-family browser found on the machine.
 */
export const pdfCommand: CliCommand = {
  ...commandInfo('pdf'),
  async run(args, io) {
    const { positionals, options } = parseArgs(args, {
      valued: ['output', 'tables', 'browser', 'family'],
      flags: ['hide-empty-slots', 'signature', 'no-page-numbers'],
      aliases: { o: 'output' },
    });
    const input = requireOne(positionals, this.usage);
    const output = requireOutput(options, this.usage);
    if (path.resolve(input) === path.resolve(output)) throw new UserError('usage', '输出文件不能与输入文件相同。');
    // Find the browser first: without one nothing can be printed, so say so before reading the input.
    const browserPath = findBrowser({ browserPath: typeof options.browser === 'string' ? options.browser : undefined });
    const loaded = await loadInput(input, { family: familyOption(options.family) });
    for (const w of loaded.warnings) io.stderr(`警告：${w}\n`);
    const { project } = loaded;
    if (project.tables.length === 0) throw new UserError('no-tables', `“${path.basename(input)}”中没有可打印的绩效目标表。`);
    const tables = typeof options.tables === 'string' ? parseTableSelection(options.tables, project.tables.length) : undefined;
    const result = renderPrintHtml(project, {
      tables,
      hideEmptySlots: options['hide-empty-slots'] === true,
      signature: options.signature === true,
      pageNumbers: options['no-page-numbers'] !== true,
    });
    const pdf = await renderPdf(result.html, { browserPath });
    try {
      await writeFileAtomic(output, pdf, { keepBackup: false });
    } catch (e) {
      throw describeFsError(e, output, '写入');
    }
    const count = tables?.length ?? project.tables.length;
    io.stdout(`已打印 ${count} 张表，共 ${result.pageCount} 页 → ${output}\n`);
    return EXIT_OK;
  },
};
