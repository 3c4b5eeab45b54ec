/**
 * The built-in 指标库 text, generated from the seed projects (tests/fixtures/seeds/s0..s3.project.json)
 * in the order s0, s1, s2, s3; shared by `npm run build:library` and the drift test.
 */
import path from 'node:path';
import { serializeLibrary } from '../shared/library';
import { libraryFromInputs, readLibraryInput } from '../electron/services/library/library-inputs';

/** Seed project files the built-in library is made from. */
export const SEED_PROJECT_FILES: readonly string[] = ['s0', 's1', 's2', 's3'].map((s) =>
  path.join(__dirname, '..', 'tests', 'fixtures', 'seeds', `${s}.project.json`));

/** The text `shared/library/builtin.json` must hold. */
export async function builtinLibraryText(): Promise<string> {
  const inputs = [];
  for (const file of SEED_PROJECT_FILES) inputs.push(await readLibraryInput(file));
  return serializeLibrary(libraryFromInputs(inputs));
}
