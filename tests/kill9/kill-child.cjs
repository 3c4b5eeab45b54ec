'use strict';
// Child of the kill -9 harness (tests/kill9/run-kill9.ts): repeats one write path forever on a
// target in <dir>, announcing each version before writing it ("W <k>"), until the parent kills
// it with SIGKILL at a random moment. Mode "start" runs what the app does at the next start
// (orphan clean-up, the list of recovery copies) and prints it as JSON. Fill (回填) modes:
// "fill-setup" exports the base project to source.xlsx and imports it with its source (the
// bureau's workbook) into fill-base.json; "fill" fills version k into a copy of it (out.xlsx);
// "fill-expect <k,k,…>" prints the SHA-256 of each version's filled bytes (the byte oracle).
// Uses the compiled code (dist/, or JXMB_KILL9_DIST to test another build).
const fs = require('node:fs');
const path = require('node:path');

const dist = process.env.JXMB_KILL9_DIST || path.join(__dirname, '..', '..', 'dist');
const svc = (name) => require(path.join(dist, 'electron', 'services', name));
const { saveProjectFile } = svc('project-file-service.js');
const recovery = svc('recovery-service.js');
const atomic = svc('atomic-write.js');

const [op, dir, startArg] = process.argv.slice(2);
const isFill = op.startsWith('fill');
const base = JSON.parse(fs.readFileSync(path.join(dir, isFill && op !== 'fill-setup' ? 'fill-base.json' : 'base.json'), 'utf8'));
const target = path.join(dir, op.startsWith('export') || isFill ? 'out.xlsx' : '项目.jxmb');
const recDir = path.join(dir, 'recovery');

/** Version k of the project: every table and the unit name carry the marker. */
function version(k) {
  return {
    ...base,
    meta: { ...base.meta, unitName: `版本${k}` },
    tables: base.tables.map((t) => ({ ...t, projectName: `${t.projectName}·版本${k}` })),
  };
}

const say = (line) => fs.writeSync(1, `${line}\n`);

/** Fills version k of the imported project into a copy of its source, written to `output`. */
function fill(k, output) {
  return svc('fill/fill-service.js').fillProjectFile(version(k), { output, projectPath: path.join(dir, '项目.jxmb') });
}

async function fillMode() {
  const reader = svc('xlsx/read-workbook.js');
  if (op === 'fill-setup') {
    const source = path.join(dir, 'source.xlsx');
    await svc('import-service.js').exportXlsxFile(base, source);
    const imported = await svc('import-service.js').importXlsxWithSource(source);
    fs.writeFileSync(path.join(dir, 'fill-base.json'), JSON.stringify(imported.project));
  } else if (op === 'fill-expect') {
    // Each version filled the same way into a scratch folder, hashed: what a complete write leaves.
    const scratch = fs.mkdtempSync(path.join(dir, 'expect-'));
    const out = {};
    for (const k of startArg.split(',').filter(Boolean).map(Number)) {
      const file = path.join(scratch, 'out.xlsx');
      await fill(k, file);
      out[k] = require('node:crypto').createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    }
    fs.rmSync(scratch, { recursive: true, force: true });
    say(JSON.stringify(out));
  } else {
    // Load the filler and start the parse child before "ready": the kills fall in the writes.
    // "T" when the atomic write opens its temp file: the parent can aim kills at the write itself.
    let tempAt = 0;
    const open = fs.promises.open;
    fs.promises.open = function openSpy(file, flags, ...rest) {
      if (flags === 'wx' && String(file).endsWith('.tmp')) {
        tempAt = Date.now();
        if (path.dirname(String(file)) === dir) say('T');
      }
      return open.call(this, file, flags, ...rest);
    };
    // A first fill elsewhere loads the code and starts the parse child; its times ("ready <fill
    // ms> <write ms>") size the parent's kill windows to this machine, however busy.
    fs.mkdirSync(path.join(dir, 'warm'), { recursive: true });
    const t0 = Date.now();
    await fill(Number(startArg), path.join(dir, 'warm', 'out.xlsx'));
    say(`ready ${Date.now() - t0} ${Date.now() - tempAt}`);
    for (let k = Number(startArg); ; k++) {
      say(`W ${k}`);
      await fill(k, target);
      say(`D ${k}`);
      if (op === 'fill-once') break;
    }
  }
  await reader.shutdownReadWorker();
}

async function loop() {
  let k = Number(startArg);
  if (op === 'recovery') {
    // The restore flow: read the copy left by a crash, save it over the original, discard it.
    say('ready');
    for (;;) {
      const found = (await recovery.listOrphanedRecoveries(recDir))[0];
      if (!found) return;
      const restored = await recovery.readRecovery(recDir, found.sessionId);
      await saveProjectFile(target, restored.project);
      await recovery.discardRecovery(recDir, found.sessionId);
      say('restored');
      return;
    }
  }
  say('ready');
  for (;; k++) {
    const p = version(k);
    say(`W ${k}`);
    if (op === 'save') await saveProjectFile(target, p);
    else if (op === 'export' || op === 'export-once') await svc('import-service.js').exportXlsxFile(p, target);
    else if (op === 'autosave' || op === 'autosave-once') await recovery.writeRecovery(recDir, { sessionId: 'sess-1', originalPath: target, project: p, now: new Date(Date.UTC(2024, 0, 1) + k * 1000) });
    say(`D ${k}`);
    if (op === 'autosave-once' || op === 'export-once') return;
  }
}

async function start() {
  const cleaned = typeof atomic.cleanOrphanTemps === 'function';
  if (cleaned) {
    await atomic.cleanOrphanTemps(dir);
    await atomic.cleanOrphanTemps(recDir);
  }
  const recoveries = await recovery.listOrphanedRecoveries(recDir);
  const versions = [];
  for (const r of recoveries) {
    try {
      versions.push(Number(/版本(\d+)/.exec((await recovery.readRecovery(recDir, r.sessionId)).project.meta.unitName)[1]));
    } catch {
      versions.push(-1);
    }
  }
  say(JSON.stringify({ cleaned, recoveries: recoveries.map((r) => r.sessionId), versions }));
}

(op === 'start' ? start() : isFill ? fillMode() : loop()).catch((e) => {
  process.stderr.write(String((e && e.stack) || e));
  process.exit(3);
});
