/**
 * The canonical 一级 › 二级 names across all families, in print order (family A's tree first,
 * then what D and E add), used to order and check library entries. Pure.
 */
import { FAMILIES } from '../families';
import { FAMILY_IDS } from '../model/types';

/** A canonical 二级 with its 一级. */
export interface LibraryCategory {
  readonly level1: string;
  readonly level2: string;
}

function collectCategories(): LibraryCategory[] {
  const seen = new Set<string>();
  const out: LibraryCategory[] = [];
  for (const id of FAMILY_IDS) {
    for (const l1 of FAMILIES[id].categories) {
      for (const l2 of l1.level2) {
        const key = `${l1.name}\u0000${l2.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ level1: l1.name, level2: l2.name });
      }
    }
  }
  return out;
}

/** Every canonical 一级 › 二级 pair of families A–E, in first-seen print order. */
export const LIBRARY_CATEGORIES: readonly LibraryCategory[] = collectCategories();

const RANK = new Map(LIBRARY_CATEGORIES.map((c, i) => [`${c.level1}\u0000${c.level2}`, i]));

/** Position of a 一级 › 二级 pair in `LIBRARY_CATEGORIES`, or -1 when it is not canonical. */
export function categoryRank(level1: string, level2: string): number {
  return RANK.get(`${level1}\u0000${level2}`) ?? -1;
}

/**
 * 拼音 initials of the canonical 一级 / 二级 names (checked against pinyin-pro by
 * tests/integration/library-cli.test.ts), so 「mydzb」 finds the entries under 满意度指标.
 */
export const CATEGORY_INITIALS: Readonly<Record<string, string>> = {
  产出指标: 'cczb', 数量指标: 'slzb', 质量指标: 'zlzb', 时效指标: 'sxzb', 成本指标: 'cbzb', 效益指标: 'xyzb',
  经济效益指标: 'jjxyzb', 社会效益指标: 'shxyzb', 生态效益指标: 'stxyzb', 可持续影响指标: 'kcxyxzb', 满意度指标: 'mydzb',
  服务对象满意度指标: 'fwdxmydzb', 经济成本指标: 'jjcbzb', 社会成本指标: 'shcbzb', 生态环境成本指标: 'sthjcbzb',
};
