/**
 * The log file of internal details (exception text, stack) that must not appear in a message a
 * user sees. The desktop app writes to `<userData>/logs/jxmb.log`, the CLI to a temp folder;
 * user messages name this file ("详情已记入日志 …") so support can ask for it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Largest log size before it is rotated to `<name>.1` (one generation kept). */
const MAX_LOG_BYTES = 2 * 1024 * 1024;

let logFile: string | null = process.env.JXMB_LOG_FILE || null;

/** Default log location: the CLI and tests log into the temp folder. */
export function defaultLogFile(): string {
  return path.join(os.tmpdir(), 'jxmb-logs', 'jxmb.log');
}

/** Sets the log folder (the Electron main process passes `<userData>/logs`). */
export function setLogDirectory(dir: string): void {
  logFile = path.join(dir, 'jxmb.log');
  process.env.JXMB_LOG_FILE = logFile;
}

/** The current log file path (created on first write). */
export function logFilePath(): string {
  return logFile ?? defaultLogFile();
}

/** Text of any thrown value for the log: stack when there is one. */
export function describeInternal(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  try {
    return typeof e === 'string' ? e : JSON.stringify(e);
  } catch {
    return String(e);
  }
}

/**
 * Appends one entry (time, context, details) to the log; never throws (a log that cannot be
 * written must not hide the user's error). @returns the log file path for the user message.
 */
export function logInternal(context: string, details: unknown): string {
  const file = logFilePath();
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      if (fs.statSync(file).size > MAX_LOG_BYTES) fs.renameSync(file, `${file}.1`);
    } catch {
      // no log yet
    }
    fs.appendFileSync(file, `[${new Date().toISOString()}] pid ${process.pid} ${context}\n${describeInternal(details)}\n\n`);
  } catch {
    // ignore: the message still says what to do
  }
  return file;
}

/** Chinese pointer to the log for messages: 「详情已记入日志：/path/jxmb.log」. */
export function seeLog(file = logFilePath()): string {
  return `详情已记入日志：${file}`;
}

/**
 * True when a message carries English internals (an exception text such as "Cannot read
 * properties of undefined", "A Cell needs a Row", "reading 'richText'"): two English words in a
 * row. Product names in our own messages (Excel 97-2003, OpenDocument, DOCTYPE/ENTITY) do not match.
 */
export function hasEnglishInternals(message: string): boolean {
  // Linear time on any input: a word is tried only from its first letter, and at most 20,000
  // characters are looked at (a message that long is cut anyway).
  const text = message.slice(0, 20_000).replace(ALLOWED_PHRASES, '');
  return /(?<![A-Za-z])[A-Za-z]{2,}[ '",:]+[A-Za-z]+(?![A-Za-z]*[-/])/.test(text) || /\bat [\w.<>]{1,200} \(|Error:/.test(text);
}

/** Longest message shown to a user; longer ones (a 5 MB value quoted back) are cut. */
export const MAX_MESSAGE_CHARS = 2_000;

/** `message` cut to MAX_MESSAGE_CHARS with an ellipsis. */
export function capMessage(message: string): string {
  return message.length <= MAX_MESSAGE_CHARS ? message : `${message.slice(0, MAX_MESSAGE_CHARS)}…（其余内容略）`;
}

/** English names that our own Chinese messages may contain. */
const ALLOWED_PHRASES = /Microsoft Excel|Excel Worksheet|LibreOffice Calc|Open XML|Office Open XML|WPS Office/g;

/**
 * Last guard at a door to the user (CLI, IPC): a message that still carries English internals
 * keeps its Chinese parts, the English details go to the log and the message points there.
 */
export function sanitizeUserMessage(full: string, context: string): string {
  const message = capMessage(full);
  if (!hasEnglishInternals(message)) return message;
  const log = logInternal(context, message);
  let cleaned = message;
  for (let i = 0; i < 4; i++) cleaned = cleaned.replace(/[（(][^（）()]{0,2000}[）)]/g, (m) => (/[A-Za-z]{2,}/.test(m) ? '' : m));
  cleaned = cleaned.replace(/(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9 '",:_.-]{12,}/g, '').replace(/[（(]\s*[）)]/g, '');
  return `${cleaned.trim()}（${seeLog(log)}）`;
}

/**
 * For a message whose cause is an unexpected exception: logs it and returns the Chinese
 * pointer (「系统错误 EIO；详情已记入日志：…」), to put in place of the exception text.
 */
export function loggedCause(context: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const log = logInternal(context, e);
  return `${typeof code === 'string' && /^E[A-Z]+$/.test(code) ? `系统错误 ${code}；` : ''}${seeLog(log)}`;
}
