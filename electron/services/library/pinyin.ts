/**
 * 拼音 initials of 三级指标 names for the 指标库, behind our own function: the only place that
 * imports pinyin-pro (pinned). The library data carries the initials precomputed, so neither
 * shared/ nor the renderer needs the dictionary.
 */
import { pinyin } from 'pinyin-pro';

/**
 * Lower-case initials of a name: one letter per Chinese character (满意度指标 → `mydzb`), ASCII
 * letters and digits kept (lower-cased), everything else (punctuation, %, blanks) dropped.
 */
export function nameInitials(name: string): string {
  const parts = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'spaced' });
  return parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}
