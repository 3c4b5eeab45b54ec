import { UserError } from '../../shared/errors';
import { FAMILIES, findFamily } from '../../shared/families';
import type { BuiltinFamilyId } from '../../shared/model/types';

/**
 * Reads a `--family` value: an id (`hebei`) or a letter (`C`).
 * @throws UserError `usage` listing the valid families.
 */
export function familyOption(value: string | true | undefined): BuiltinFamilyId | undefined {
  if (value === undefined) return undefined;
  const family = typeof value === 'string' ? findFamily(value) : undefined;
  if (!family) {
    const list = Object.values(FAMILIES).map((f) => `${f.id}（${f.letter}，${f.displayName}）`).join('、');
    throw new UserError('usage', `未知版式：${String(value)}。可用：${list}`);
  }
  return family.id as BuiltinFamilyId;
}

/** The single positional argument, or a usage error. */
export function requireOne(positionals: readonly string[], usage: string): string {
  if (positionals.length !== 1) throw new UserError('usage', `用法：${usage}`);
  return positionals[0];
}

/** The value of `-o/--output`, or a usage error. */
export function requireOutput(options: Readonly<Record<string, string | true>>, usage: string): string {
  const out = options.output;
  if (typeof out !== 'string') throw new UserError('usage', `缺少输出文件 -o。用法：${usage}`);
  return out;
}
