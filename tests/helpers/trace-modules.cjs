'use strict';
// Preload for `node --require`: records the npm packages (node_modules/<name>) this process loads
// and writes them, one a line, to the file named by JXMB_TRACE_MODULES when the process exits.
// Used by tests that check which libraries a CLI command or the Electron main process loads;
// `loadedPackages()` gives the list so far (tests/helpers/fake-electron.cjs takes it when the first
// window shows).
const Module = require('node:module');
const fs = require('node:fs');

const out = process.env.JXMB_TRACE_MODULES;
const seen = new Set();
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  const exports = originalLoad.apply(this, arguments);
  try {
    const file = Module._resolveFilename(request, parent, isMain);
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (m) seen.add(m[1].replace(/\\/g, '/'));
  } catch {
    // Built-in or unresolvable request: not a package.
  }
  return exports;
};
/** The npm packages loaded so far, sorted. */
function loadedPackages() {
  return [...seen].sort();
}
module.exports = { loadedPackages };
process.on('exit', () => {
  if (out) fs.writeFileSync(out, loadedPackages().join('\n'));
});
