/**
 * Reading past projects for `jxmb library build` and `npm run build:library`: files or folders
 * of `.jxmb` projects, xlsx workbooks and project JSON (`*.project.json`, the seed fixtures'
 * plain `{meta, tables}` form), each checked by the same schema as a `.jxmb` file.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/errors';
import { buildLibrary, type IndicatorLibrary } from '../../../shared/library';
import type { Project } from '../../../shared/model/types';
import { loadProjectFileIsolated } from '../project-file-service';
import { nameInitials } from './pinyin';

/** A project read from one input file. */
export interface LibraryInput {
  readonly file: string;
  readonly project: Project;
}

/** True for the files a folder contributes: `.jxmb`, `.xlsx` and `*.project.json`. */
export function isLibraryInputName(name: string): boolean {
  const lower = name.toLowerCase();
  return !name.startsWith('~$') && (lower.endsWith('.jxmb') || lower.endsWith('.xlsx') || lower.endsWith('.project.json'));
}

/**
 * The files named: a folder means every input file inside it (recursively, sorted by name).
 * @throws UserError naming an input that does not exist.
 */
export async function expandLibraryInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && isLibraryInputName(e.name)) files.push(full);
    }
  };
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      throw new UserError('library-input-missing', `找不到文件或文件夹“${input}”。`);
    }
    if (stat.isDirectory()) await walk(input);
    else files.push(input);
  }
  return files;
}

/**
 * Reads one input: a `.jxmb` or JSON project (with or without the `.jxmb` envelope) or an xlsx
 * workbook (imported as the editor would).
 * @throws UserError naming the file when it is unreadable or not a project.
 */
export async function readLibraryInput(file: string): Promise<LibraryInput> {
  if (file.toLowerCase().endsWith('.xlsx')) {
    const { importXlsxFile } = await import('../import-service');
    return { file, project: (await importXlsxFile(file, {})).project };
  }
  // Parsed in the parse child, bounded in memory and time like every .jxmb read (issue 14).
  return { file, project: (await loadProjectFileIsolated(file, { plain: true })).project };
}

/** Builds a library from input files (in the given order), with 拼音 initials. */
export function libraryFromInputs(inputs: readonly LibraryInput[]): IndicatorLibrary {
  return buildLibrary(inputs.map((i) => i.project), nameInitials);
}
