/**
 * Chinese details for the errors of reading a `.jxmb` text: where the JSON breaks (line and
 * column instead of the engine's English message) and what a schema issue means (instead of
 * zod's English text). Pure.
 */
import type { z } from 'zod';

/**
 * Where a JSON.parse error happened, as 「第 3 行第 17 列附近」, from the position in the engine's
 * message (V8: "… at position N" or "(line L column C)"); 「文件末尾」 for unexpected end; '' if unknown.
 */
export function jsonErrorWhere(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return `第 ${lc[1]} 行第 ${lc[2]} 列附近`;
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const p = Math.min(Number(pos[1]), text.length);
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < p; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return `第 ${line} 行第 ${p - lineStart + 1} 列附近`;
  }
  if (/end of (JSON|data) input|Unterminated/i.test(message)) return '文件末尾（内容不完整，可能未保存完）';
  // Newer V8: 'Unexpected token ',', "...n": 1 ,, "pr"... is not valid JSON': find the quoted excerpt.
  const excerpt = /, (?:\.\.\.)?"([\s\S]{4,}?)"(?:\.\.\.)? is not valid JSON/.exec(message)?.[1];
  const at = excerpt ? text.indexOf(excerpt) : -1;
  if (at >= 0) return jsonErrorWhere(text, new Error(`position ${at + Math.floor(excerpt!.length / 2)}`));
  return '';
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字', number: '数字', boolean: '是/否', object: '对象', array: '列表', null: '空值', undefined: '缺失', integer: '整数',
};

/** One schema issue in Chinese: what was expected (no zod English text). */
export function schemaIssueDetail(issue: z.core.$ZodIssue): string {
  const i = issue as unknown as { code: string; expected?: string; maximum?: number | bigint; minimum?: number | bigint; origin?: string; keys?: string[] };
  const unit = i.origin === 'string' ? ' 个字符' : i.origin === 'array' ? ' 项' : '';
  switch (i.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[i.expected ?? ''] ?? '其他类型'}`;
    case 'too_big':
      return `超出上限 ${String(i.maximum)}${unit}`;
    case 'too_small':
      return `低于下限 ${String(i.minimum)}${unit}`;
    case 'invalid_value':
      return '取值不在允许范围内';
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return `含有未知字段 ${(i.keys ?? []).join('、')}`;
    default:
      return '取值无效';
  }
}
