/** Parsing a table selection such as `1,3-5` (the CLI's `--tables`) into 0-based table indices. */
import { UserError } from '../errors';

/**
 * Parses a table selection such as `1,3-5` (1-based table numbers and ranges, as the CLI's
 * `--tables` takes it) into 0-based table indices in the order given, without duplicates.
 * @throws UserError `usage` naming the bad part, or a number outside 1…tableCount.
 */
export function parseTableSelection(text: string, tableCount: number): number[] {
  const indices: number[] = [];
  const bad = (part: string): UserError =>
    new UserError('usage', `--tables 中的“${part}”无效：应为 1–${tableCount} 的表序号或范围，例如 1,3-5。`);
  for (const raw of text.split(/[,，]/)) {
    const part = raw.trim();
    if (part === '') continue;
    const m = /^(\d+)(?:\s*[-–~]\s*(\d+))?$/.exec(part);
    if (!m) throw bad(part);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from || to > tableCount) throw bad(part);
    for (let n = from; n <= to; n++) if (!indices.includes(n - 1)) indices.push(n - 1);
  }
  if (indices.length === 0) throw bad(text);
  return indices;
}
