/**
 * Entry of the `jxmb` command line: help, version, and dispatch to the subcommand named first
 * (loaded on demand from registry.ts); maps user errors and internal failures to exit codes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isUserError } from '../../shared/errors';
import { logInternal, sanitizeUserMessage, seeLog } from '../services/internal-log';
import { commandEntries } from './registry';
import { EXIT_INPUT, EXIT_OK, type CliIo } from './types';

function help(): string {
  const lines = [
    'jxmb — 绩效目标表编辑器 命令行工具',
    '',
    '用法：',
    ...commandEntries().map((c) => `  ${c.usage}\n      ${c.summary}`),
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
  const entry = commandEntries().find((c) => c.name === name);
  if (!entry) {
    io.stderr(`未知命令：${name}\n\n${help()}`);
    return EXIT_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`用法：${entry.usage}\n${entry.summary}\n`);
    return EXIT_OK;
  }
  try {
    // Every input (workbook or .jxmb) is parsed in a child process: start it now, so its start-up
    // runs while this process loads the command's modules.
    if (entry.readsInput && rest.some((a) => !a.startsWith('-'))) (await import('../services/xlsx/read-workbook')).warmUpReadWorker();
    const command = await entry.load();
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
