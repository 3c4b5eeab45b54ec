import * as CFB from 'cfb';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cfbStreamNames, isCfb } from '../../electron/services/xlsx/cfb';
import { buildCfb } from '../helpers/hostile-zip';

/** A container written by the cfb package itself (a real FAT, mini FAT and red-black directory). */
function written(streams: readonly string[]): Buffer {
  const c = CFB.utils.cfb_new();
  for (const s of streams) CFB.utils.cfb_add(c, s, Buffer.from('数据', 'utf8'));
  return Buffer.from(CFB.write(c, { type: 'buffer', fileType: 'cfb' }) as Buffer);
}

describe('CFB stream names (cfb package)', () => {
  it('is the cfb version @e965/xlsx bundles (1.2.x)', () => {
    const require = createRequire(import.meta.url);
    expect((require('cfb/package.json') as { version: string }).version).toBe('1.2.2');
    const sheetjs = JSON.parse(readFileSync(join(dirname(require.resolve('@e965/xlsx')), 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(sheetjs.devDependencies.cfb).toBe('~1.2.2');
  });

  it('lists the streams of written and minimal containers', () => {
    const names = cfbStreamNames(written(['EncryptionInfo', 'EncryptedPackage']));
    expect(names).toEqual(expect.arrayContaining(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']));
    expect(cfbStreamNames(buildCfb(['Workbook', 'ETExtData']))).toEqual(['Root Entry', 'Workbook', 'ETExtData']);
    expect(isCfb(written(['Workbook']))).toBe(true);
  });

  it('falls back to the known names when the directory cannot be read, and stays fast on damaged containers', () => {
    const base = buildCfb(['Workbook', 'ETExtData', 'EncryptionInfo', 'EncryptedPackage', 'a', 'b']);
    expect(cfbStreamNames(base.subarray(0, 1536 + 200))).toEqual(expect.arrayContaining(['Workbook', 'EncryptionInfo']));
    const loop = Buffer.from(base);
    loop.writeUInt32LE(1, 512 + 4); // the directory chain points at itself
    expect(cfbStreamNames(loop)).toEqual(expect.arrayContaining(['EncryptionInfo', 'EncryptedPackage']));
    let seed = 7;
    const rnd = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    for (let i = 0; i < 300; i++) {
      const b = Buffer.from(base);
      for (let k = 0; k < 1 + Math.floor(rnd() * 8); k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      expect(Array.isArray(cfbStreamNames(b))).toBe(true);
    }
  });
});
