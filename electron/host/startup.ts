/**
 * What the main process does once at start, kept free of Electron so that it is testable in
 * Node: the log folder in the user data, and the clean-up of temp files left by a killed
 * writer (autosave) in the recovery folder.
 */
import path from 'node:path';
import { cleanOrphanTemps } from '../services/atomic-write';
import { setLogDirectory } from '../services/internal-log';
import { recoveryDir } from '../services/recovery-service';

/** Sets `<userData>/logs` as the log folder and removes orphaned temp files. Never throws. */
export async function prepareUserData(userDataDir: string): Promise<{ removedTemps: number }> {
  setLogDirectory(path.join(userDataDir, 'logs'));
  const removedTemps = await cleanOrphanTemps(recoveryDir(userDataDir));
  return { removedTemps };
}
