import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layering of shared/ (eslint.config.mjs SHARED_LAYERS) as ESLint applies it to one import. */
const eslint = new ESLint({ cwd: join(__dirname, '..', '..') });

async function restricted(file: string, from: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath: file });
  return result.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('lint: layers of shared/', () => {
  it.each([
    ['shared/layout/x.ts', '../commands'],
    ['shared/layout/x.ts', '../validation/facts'],
    ['shared/model/x.ts', '../families'],
    ['shared/values/x.ts', '../model/types'],
    ['shared/vocabulary/x.ts', '../xlsx/raw'],
    ['shared/xlsx/x.ts', '../validation'],
    ['shared/validation/x.ts', '../library/normalize'],
    ['shared/commands/x.ts', '../ipc/contract'],
    ['shared/errors.ts', './limits'],
  ])('%s must not import %s', async (file, from) => {
    expect(await restricted(file, from)).toBe(true);
  }, 30_000);

  it.each([
    ['shared/layout/x.ts', '../families'],
    ['shared/layout/x.ts', './types'],
    ['shared/commands/x.ts', '../layout/cell-index'],
    ['shared/validation/x.ts', '../layout/indicator-runs'],
    ['shared/ipc/x.ts', '../limits'],
    ['shared/fill/x.ts', '../commands'],
  ])('%s may import %s', async (file, from) => {
    expect(await restricted(file, from)).toBe(false);
  }, 30_000);
});
