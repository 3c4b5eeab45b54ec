/**
 * `npm run build:library`: regenerates the built-in 指标库 (shared/library/builtin.json) from the
 * seed projects in tests/fixtures/seeds (s0..s3.project.json), through the same code as
 * `jxmb library build`. `--check` only compares and exits 1 when the committed file drifted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinLibraryText } from './build-library-lib';

const out = path.join(__dirname, '..', 'shared', 'library', 'builtin.json');

async function run(): Promise<number> {
  const text = await builtinLibraryText();
  if (process.argv.includes('--check')) {
    const old = readFileSync(out, 'utf8');
    if (old === text) return 0;
    process.stderr.write('shared/library/builtin.json 与种子项目生成的结果不一致：请运行 npm run build:library\n');
    return 1;
  }
  writeFileSync(out, text);
  process.stdout.write(`已生成 ${path.relative(process.cwd(), out)}\n`);
  return 0;
}

run().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(2);
});
