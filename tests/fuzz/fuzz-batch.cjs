'use strict';
// Batch driver of the fuzz run: runs the compiled CLI's main() (`jxmb inspect <file>`, the same
// entry bin/jxmb.js calls) on each file listed in argv[2], one JSON line per case on stdout:
// {i, exit, stderr, ms, rssMb, childPeakMb}. A "start" line precedes each case so that a crash
// of this process is attributed to the case that caused it.
const fs = require('node:fs');
const path = require('node:path');

// JXMB_FUZZ_DIST: a copy of dist/ to test (a long run keeps its own copy while the code changes).
const root = process.env.JXMB_FUZZ_DIST ? path.resolve(process.env.JXMB_FUZZ_DIST, '..') : path.join(__dirname, '..', '..');
const { main } = require(path.join(root, 'dist', 'electron', 'cli', 'main.js'));
const { childStats, shutdownReadWorker } = require(path.join(root, 'dist', 'electron', 'services', 'xlsx', 'read-workbook.js'));

async function run() {
  const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  for (const { i, file } of files) {
    process.stdout.write(`${JSON.stringify({ start: i })}\n`);
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (t) => { stderr += t; } };
    childStats.peakRssMb = 0;
    const t0 = Date.now();
    const exit = await main(['inspect', file], io);
    const ms = Date.now() - t0;
    const rssMb = Math.round(process.memoryUsage.rss() / 1048576);
    process.stdout.write(`${JSON.stringify({ i, exit, stderr: stderr.slice(0, 4000), ms, rssMb, childPeakMb: Math.round(childStats.peakRssMb) })}\n`);
  }
  await shutdownReadWorker();
  process.stdout.write(`${JSON.stringify({ done: true, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

run().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(70);
});
