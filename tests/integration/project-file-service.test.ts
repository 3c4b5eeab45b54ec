import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { loadProjectFile, saveProjectFile } from '../../electron/services/project-file-service';
import { serializeProject } from '../../shared/file/project-file';
import { createTable } from '../../shared/families/create-table';

const meta = { fiscalYear: 2024, unitCode: '', unitName: '永宁县闽宁镇人民政府', moneyUnit: 'wanYuan' as const };

describe('project file service', () => {
  it('saves atomically, keeps the previous version as .bak, leaves no temp files', async () => {
    const dir = tempDir('jxmb-save-');
    const file = path.join(dir, '闽宁镇.jxmb');
    const v1 = { meta, tables: [{ ...createTable('nx-2024'), projectName: '人大代表工作' }] };
    const v2 = { meta, tables: [{ ...createTable('nx-2024'), projectName: '食堂补助' }] };
    await saveProjectFile(file, v1);
    await saveProjectFile(file, v2);
    expect((await loadProjectFile(file)).project).toEqual(v2);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(serializeProject(v1));
    expect(readdirSync(dir).sort()).toEqual(['闽宁镇.jxmb', '闽宁镇.jxmb.bak']);
  });

  it('reports a missing, a corrupt and a foreign file by name, in Chinese', async () => {
    const dir = tempDir('jxmb-load-');
    await expect(loadProjectFile(path.join(dir, '没有.jxmb'))).rejects.toThrow(/没有\.jxmb.*文件不存在/);
    const corrupt = path.join(dir, '损坏.jxmb');
    writeFileSync(corrupt, '{"format": "jxmb-project", "version": 1, "project": {"meta"');
    await expect(loadProjectFile(corrupt)).rejects.toThrow(/损坏\.jxmb.*不是有效的 JSON/);
    await expect(loadProjectFile(dir)).rejects.toThrow(/文件夹/);
  });

  it('reports an unwritable target and leaves no temp file behind', async () => {
    const dir = tempDir('jxmb-ro-');
    await expect(saveProjectFile(path.join(dir, 'no-such-folder', 'x.jxmb'), { meta, tables: [] })).rejects.toThrow(/无法写入/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
