/**
 * `jxmb library build <files or folders…> -o <library.json>` (a township's 指标库 from past files)
 * and `jxmb library suggest <text> [--level2 <二级>] [--json] [--library <file>]`.
 * Only the argument parser is loaded up front; each subcommand imports what it needs.
 */
import { UserError } from '../../shared/errors';
import { parseArgs } from './args';
import { EXIT_INPUT, EXIT_OK, type CliCommand, type CliIo } from './types';
import { commandInfo } from './registry';

const USAGE = commandInfo('library').usage;

/** `library build`: reads every input, builds the library, writes it (atomic). */
async function build(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, { valued: ['output'], aliases: { o: 'output' } });
  const out = options.output;
  if (positionals.length === 0 || typeof out !== 'string') throw new UserError('usage', `用法：jxmb library build <文件或文件夹…> -o <library.json>`);
  const { expandLibraryInputs, readLibraryInput, libraryFromInputs } = await import('../services/library/library-inputs');
  const { serializeLibrary } = await import('../../shared/library');
  const { writeFileAtomic } = await import('../services/atomic-write');
  const { describeFsError } = await import('../services/project-file-service');
  const { isUserError } = await import('../../shared/errors');
  const files = await expandLibraryInputs(positionals);
  const inputs = [];
  for (const file of files) {
    try {
      inputs.push(await readLibraryInput(file));
    } catch (e) {
      if (!isUserError(e)) throw e;
      io.stderr(`跳过：${e.message}\n`);
    }
  }
  if (inputs.length === 0) {
    io.stderr('错误：没有可读取的项目文件（.jxmb、.xlsx 或 .project.json），未生成指标库。\n');
    return EXIT_INPUT;
  }
  const library = libraryFromInputs(inputs);
  try {
    await writeFileAtomic(out, serializeLibrary(library), { keepBackup: false });
  } catch (e) {
    throw describeFsError(e, out, '写入');
  }
  const tables = inputs.reduce((n, i) => n + i.project.tables.length, 0);
  io.stdout(`已从 ${inputs.length} 个文件（${tables} 张表）生成指标库：${library.entries.length} 条指标，保存到 ${out}\n`);
  return EXIT_OK;
}

/** `library suggest`: the built-in library (or `--library <file>`), searched like the grid does. */
async function suggestCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, { valued: ['level2', 'library', 'limit'], flags: ['json'] });
  if (positionals.length !== 1) throw new UserError('usage', '用法：jxmb library suggest <文字> [--level2 <二级>] [--json] [--library <文件>]');
  const { suggest, valueTemplate, parseLibraryFile, LIBRARY_CATEGORIES } = await import('../../shared/library');
  let entries;
  if (typeof options.library === 'string') {
    const { readFile } = await import('node:fs/promises');
    const { describeFsError } = await import('../services/project-file-service');
    let text: string;
    try {
      text = await readFile(options.library, 'utf8');
    } catch (e) {
      throw describeFsError(e, options.library, '读取');
    }
    entries = parseLibraryFile(text).entries;
  } else {
    entries = (await import('../../shared/library/builtin')).BUILTIN_LIBRARY.entries;
  }
  const level2 = typeof options.level2 === 'string' ? options.level2 : undefined;
  if (level2 && !LIBRARY_CATEGORIES.some((c) => c.level2 === level2)) {
    throw new UserError('usage', `未知的二级指标“${level2}”；可用：${[...new Set(LIBRARY_CATEGORIES.map((c) => c.level2))].join('、')}`);
  }
  const limit = typeof options.limit === 'string' ? Math.max(1, Math.min(200, Number.parseInt(options.limit, 10) || 10)) : 10;
  const found = suggest(entries, positionals[0], { level2, limit });
  if (options.json) {
    io.stdout(`${JSON.stringify(found.map((e) => ({ ...e, template: valueTemplate(e).text })), null, 2)}\n`);
    return EXIT_OK;
  }
  if (found.length === 0) {
    io.stdout(`指标库中没有与“${positionals[0]}”相符的指标${level2 ? `（二级：${level2}）` : ''}。\n`);
    return EXIT_OK;
  }
  const lines = found.map((e, i) => `  ${i + 1}. ${e.name}  [${e.level1} › ${e.level2}]  ${valueTemplate(e).text}（例：${e.example}）  出现 ${e.count} 次`);
  io.stdout(`与“${positionals[0]}”相符的指标${level2 ? `（二级：${level2}）` : ''}：\n${lines.join('\n')}\n`);
  return EXIT_OK;
}

/** `jxmb library build|suggest …`. */
export const libraryCommand: CliCommand = {
  ...commandInfo('library'),
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'build') return build(rest, io);
    if (sub === 'suggest') return suggestCommand(rest, io);
    throw new UserError('usage', `用法：${USAGE}`);
  },
};
