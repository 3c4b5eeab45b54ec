'use strict';
// Child of the kill -9 harness (tests/kill9/run-kill9.ts): repeats one write path forever on a
// target in <dir>, announcing each version before writing it ("W <k>"), until the parent kills
// it with SIGKILL at a random moment. Mode "start" runs what the app does at the next start
// (orphan clean-up, the list of recovery copies) and prints it as JSON. Uses the compiled code
// (dist/, or JXMB_KILL9_DIST to test another build).
const fs = require('node:fs');
const path = require('node:path');

const dist = process.env.JXMB_KILL9_DIST || path.join(__dirname, '..', '..', 'dist');
const svc = (name) => require(path.join(dist, 'electron', 'services', name));
const { saveProjectFile } = svc('project-file-service.js');
const recovery = svc('recovery-service.js');
const atomic = svc('atomic-write.js');

const [op, dir, startArg] = process.argv.slice(2);
const base = JSON.parse(fs.readFileSync(path.join(dir, 'base.json'), 'utf8'));
const target = path.join(dir, op.startsWith('export') ? 'out.xlsx' : '项目.jxmb');
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

(op === 'start' ? start() : loop()).catch((e) => {
  process.stderr.write(String((e && e.stack) || e));
  process.exit(3);
});
