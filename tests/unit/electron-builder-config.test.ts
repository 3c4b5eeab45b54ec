import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  fileAssociations: { ext: string; name: string; role?: string }[];
  win: { target: Target[] };
  linux: { target: Target[] };
}

const REPO = path.resolve(__dirname, '../..');
const config = yaml.load(readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { main: string; productName: string };

function arches(targets: Target[], name: string): string[] {
  return targets.filter((t) => t.target === name).flatMap((t) => t.arch).sort();
}

describe('electron-builder.yml', () => {
  it('names the product and app id', () => {
    expect(config.productName).toBe('绩效目标表编辑器');
    expect(config.productName).toBe(pkg.productName);
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/);
  });

  it('builds Windows NSIS for x64', () => {
    expect(arches(config.win.target, 'nsis')).toEqual(['x64']);
  });

  it('builds Linux deb and AppImage for x64 and arm64 (UOS / Kylin)', () => {
    expect(arches(config.linux.target, 'deb')).toEqual(['arm64', 'x64']);
    expect(arches(config.linux.target, 'AppImage')).toEqual(['arm64', 'x64']);
  });

  it('associates .jxmb files with the editor', () => {
    const jxmb = config.fileAssociations.filter((a) => a.ext === 'jxmb');
    expect(jxmb).toHaveLength(1);
    expect(jxmb[0].name).toBeTruthy();
    expect(jxmb[0].role).toBe('Editor');
  });

  it('packs the built app, resources and package.json, and the sample as an extra resource', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'resources/**', 'package.json']));
    expect(config.extraResources).toContainEqual({ from: 'resources/sample.jxmb', to: 'sample.jxmb' });
    // The entry the packed app starts is inside the packed files.
    expect(pkg.main.startsWith('dist/')).toBe(true);
  });
});

describe('electron-builder.yml: hardening (issue 14)', () => {
  const raw = config as unknown as { asar?: unknown; electronFuses?: Record<string, unknown> };

  it('packs the app as an asar archive', () => {
    expect(raw.asar).toBe(true);
  });

  it('sets the fuses: no RunAsNode, no NODE_OPTIONS, no --inspect, app only from a verified asar', () => {
    expect(raw.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('does not give file:// pages extra privileges (pages load from app://)', () => {
    expect(raw.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });
});
