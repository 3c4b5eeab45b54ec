import fs from 'node:fs';
import path from 'node:path';
import { isUserError } from '../../shared/errors';
import { logInternal, sanitizeUserMessage, seeLog } from '../services/internal-log';
import { exportCommand } from './export.command';
import { fillCommand } from './fill.command';
import { importCommand } from './import.command';
import { inspectCommand } from './inspect.command';
import { libraryCommand } from './library.command';
import { docCommand } from './doc.command';
import { pdfCommand } from './pdf.command';
import { validateCommand } from './validate.command';
import { EXIT_INPUT, EXIT_OK, type CliCommand, type CliIo } from './types';

/** Every subcommand of `jxmb`, in help order. */
export function commands(): readonly CliCommand[] {
  return [inspectCommand, importCommand, exportCommand, fillCommand, validateCommand, pdfCommand, libraryCommand, docCommand];
}

function help(): string {
  const lines = [
    'jxmb — 绩效目标表编辑器 命令行工具',
    '',
    '用法：',
    ...commands().map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    '退出码：0 成功；1 校验发现错误级问题；2 输入文件无法读取或用法错误。',
  ];
  return `${lines.join('\n')}\n`;
}

/** Version from the package.json above this file (source or dist). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

/** Runs the CLI with the given arguments and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const command = commands().find((c) => c.name === name);
  if (!command) {
    io.stderr(`未知命令：${name}\n\n${help()}`);
    return EXIT_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`用法：${command.usage}\n${command.summary}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (isUserError(e)) {
      io.stderr(`错误：${sanitizeUserMessage(e.message, `jxmb ${name}`)}\n`);
      return EXIT_INPUT;
    }
    const log = logInternal(`jxmb ${rest.join(' ')}: ${name}`, e);
    io.stderr(`错误：命令“${name}”未能完成（程序内部出错）。${seeLog(log)}；请把这个日志文件发给技术支持。\n`);
    return EXIT_INPUT;
  }
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};
