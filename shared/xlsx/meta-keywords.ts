import type { ProjectMeta } from '../model/types';

/**
 * Project meta our exports carry in the workbook's `keywords` document property, so that
 * facts no official layout prints (单位名称 in families A/B/D, 预算年度 in C) survive a round trip:
 * `jxmb:fiscalYear=2024;unitCode=816001;unitName=…;moneyUnit=wanYuan` with URI-encoded values.
 */

const PREFIX = 'jxmb:';

/** The keywords text for a project's meta. */
export function metaKeywords(meta: ProjectMeta): string {
  const fields: [string, string][] = [
    ['fiscalYear', meta.fiscalYear == null ? '' : String(meta.fiscalYear)],
    ['unitCode', meta.unitCode],
    ['unitName', meta.unitName],
    ['moneyUnit', meta.moneyUnit],
  ];
  return PREFIX + fields.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join(';');
}

/** Meta fields read back from keywords written by `metaKeywords`; empty when absent or malformed. */
export function parseMetaKeywords(keywords: string | undefined): Partial<ProjectMeta> {
  if (!keywords || !keywords.startsWith(PREFIX)) return {};
  const out: { -readonly [K in keyof ProjectMeta]?: ProjectMeta[K] } = {};
  for (const pair of keywords.slice(PREFIX.length).split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    let value: string;
    try { value = decodeURIComponent(pair.slice(eq + 1)); } catch { continue; }
    const key = pair.slice(0, eq);
    if (key === 'fiscalYear' && /^\d{4}$/.test(value)) out.fiscalYear = Number(value);
    if (key === 'unitCode') out.unitCode = value;
    if (key === 'unitName') out.unitName = value;
    if (key === 'moneyUnit' && (value === 'yuan' || value === 'wanYuan')) out.moneyUnit = value;
  }
  return out;
}
