/**
 * Issue 14: a `.jxmb` nested deeper than MAX_PROJECT_JSON_DEPTH is refused before JSON.parse
 * (shared/file/json-depth.ts), with a Chinese message; real projects and brackets inside strings
 * are not affected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors';
import { jsonNestingExceeds, MAX_PROJECT_JSON_DEPTH } from '../../shared/file/json-depth';
import { parseProjectFile, parseProjectOrPlain } from '../../shared/file/project-file';

const ROOT = join(__dirname, '..', '..');

function thrown(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    return e as { code: string; message: string };
  }
  throw new Error('accepted');
}

describe('jsonNestingExceeds', () => {
  it('counts objects and arrays, not brackets inside strings or escaped quotes', () => {
    expect(jsonNestingExceeds('[[]]', 2)).toBe(false);
    expect(jsonNestingExceeds('[[[]]]', 2)).toBe(true);
    expect(jsonNestingExceeds('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(jsonNestingExceeds('{"a":{"b":[1]}}', 2)).toBe(true);
    expect(jsonNestingExceeds('["[[[[[[", "{{{{"]', 1)).toBe(false);
    // An escaped quote does not end the string; an escaped backslash before a quote does.
    expect(jsonNestingExceeds('["\\"[[[["]', 1)).toBe(false);
    expect(jsonNestingExceeds('["\\\\"[[[', 1)).toBe(true);
    // An unterminated string hides the rest: left to JSON.parse.
    expect(jsonNestingExceeds('["[[[[', 1)).toBe(false);
  });

  it('the sample project is far below the limit', () => {
    const text = readFileSync(join(ROOT, 'resources', 'sample.jxmb'), 'utf8');
    expect(jsonNestingExceeds(text, 12)).toBe(false);
    expect(jsonNestingExceeds(text, MAX_PROJECT_JSON_DEPTH)).toBe(false);
  });
});

describe('parseProjectFile on deep nesting', () => {
  it('refuses 1,000,000 levels at once with a Chinese message saying what to do', () => {
    const t0 = Date.now();
    const err = thrown(() => parseProjectFile(`{"format":"jxmb-project","version":2,"project":${'['.repeat(1_000_000)}`));
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(err.code).toBe('file-not-json');
    expect(err.message).toMatch(/嵌套超过 100 层.*请选择本软件保存的 \.jxmb 项目文件/);
  });

  it('refuses the same in a plain project (library inputs)', () => {
    expect(thrown(() => parseProjectOrPlain(`{"meta":${'{"a":'.repeat(200)}1${'}'.repeat(200)},"tables":[]}`)).message).toMatch(/嵌套超过/);
  });

  it('still reads a plain project without the envelope, and refuses a plain object that is not one', () => {
    const seed = readFileSync(join(ROOT, 'tests', 'fixtures', 'seeds', 's0.project.json'), 'utf8');
    expect(parseProjectOrPlain(seed).project.tables.length).toBeGreaterThan(0);
    expect(thrown(() => parseProjectOrPlain('{"x":1}')).code).toBe('file-not-project');
  });
});
