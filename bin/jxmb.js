#!/usr/bin/env node
'use strict';
// Entry of the `jxmb` command: runs the compiled CLI (npm run build:node compiles it to dist/).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'electron', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('jxmb 尚未编译：请先在项目目录运行 npm run build:node（或 npm run build）。\n');
  process.exit(2);
}
// Output piped into `head` and closed early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
