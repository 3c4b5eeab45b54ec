/**
 * Family detection (DOMAIN.md §1): every family prints a set of header labels; the family
 * whose labels are found best in a table wins. Examples of decisive labels:
 * 年度资金总额(含本级和市县) → A, 主管部门及代码 + 项目属性 → B, 项目编码 + 预算规模及资金用途 → C,
 * 上年结转 / the 年度绩效目标 heading → D, 部门名称 + 当年预算情况 → E.
 */
import { FAMILIES } from '../families';
import type { FamilyDefinition } from '../families/types';
import type { BuiltinFamilyId } from '../model/types';
import { FAMILY_IDS } from '../model/types';
import { looseLabel, specLabel } from '../vocabulary/label-normalize';

/** The comparable header labels a family prints (title, subtitle and unit line excluded). */
export function familyLabels(family: FamilyDefinition): ReadonlySet<string> {
  const out = new Set<string>();
  for (const spec of family.header) {
    if (!spec.text || ['title', 'subtitle', 'unitLine', 'unitLineRight'].includes(spec.style)) continue;
    const label = specLabel(spec.text);
    if (label) out.add(label);
  }
  for (const col of family.matrix.columns) out.add(specLabel(col.header));
  return out;
}

const LABELS: ReadonlyMap<BuiltinFamilyId, ReadonlySet<string>> = new Map(FAMILY_IDS.map((id) => [id, familyLabels(FAMILIES[id])]));

/** Score of every family for a set of cell texts: the share of the family's labels found, then the count. */
export function scoreFamilies(texts: Iterable<string>): { family: BuiltinFamilyId; share: number; found: number }[] {
  const present = new Set<string>();
  for (const t of texts) {
    const l = looseLabel(t);
    if (l) present.add(l);
  }
  return FAMILY_IDS.map((family) => {
    const labels = LABELS.get(family)!;
    let found = 0;
    for (const l of labels) if (present.has(l)) found++;
    return { family, share: found / labels.size, found };
  }).sort((a, b) => b.share - a.share || b.found - a.found);
}

/**
 * Detects the family of a table from the texts of its cells (header block and matrix header).
 * Returns null when no family label beyond the common matrix headers is found.
 */
export function detectFamily(texts: Iterable<string>): BuiltinFamilyId | null {
  const ranked = scoreFamilies(texts);
  const best = ranked[0];
  // The matrix headers (一级指标 … 指标值) alone are shared by every family: need more.
  return best && best.found > 4 ? best.family : null;
}
