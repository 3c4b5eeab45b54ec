/**
 * 定性 指标值: the controlled vocabulary of graded wording (DOMAIN.md §2.4, VAL-07) and the
 * recognisers for time expressions (VAL-10) shared by validation and the editor.
 */

/**
 * Default graded wording for 定性 values (DOMAIN.md §2.4): 达到预期 / 基本达到 / 部分达到 /
 * 未达到; 优 / 良 / 中 / 差; 好 / 较好 / 一般; 是 / 否; 合格 / 不合格; 明显提升 / 有所提升,
 * plus close variants seen in the seeds. Configurable in ValidationSettings (VAL-07).
 */
export const DEFAULT_QUALITATIVE_VOCABULARY: readonly string[] = [
  '达到预期', '基本达到', '部分达到', '未达到', '达到', '达标', '基本达标',
  '优', '良', '中', '差', '优秀', '良好', '较好', '好', '一般', '较差',
  '是', '否', '有', '无', '合格', '不合格', '基本合格',
  '明显提升', '有所提升', '显著提升', '逐步提升', '稳步提升', '不断提升', '提升',
  '明显提高', '有所提高', '显著提高', '逐步提高', '稳步提高', '不断提高', '提高',
  '明显改善', '有所改善', '显著改善', '逐步改善', '改善',
  '明显', '显著', '有效', '较明显', '效果明显', '效果显著', '效果良好', '有所增强', '明显增强', '增强',
  '满意', '基本满意', '不满意', '完成', '按时完成', '全部完成', '基本完成', '及时', '按时', '按期',
];

/** Punctuation and spaces ignored when matching vocabulary. */
const TRIM = /[\s。.，,；;！!、]+/g;

/**
 * True when a 定性 value uses graded wording from `vocabulary`: it equals a term, or is a
 * short phrase (≤ 8 characters) ending in one (`效果显著`, `不断提高`). VAL-07.
 */
export function isControlledQualitative(text: string, vocabulary: readonly string[] = DEFAULT_QUALITATIVE_VOCABULARY): boolean {
  const t = text.replace(TRIM, '');
  if (t === '') return false;
  if (vocabulary.includes(t)) return true;
  return t.length <= 8 && vocabulary.some((term) => term.length >= 2 && t.endsWith(term));
}

/**
 * Words naming a measure rather than giving a value (`合格率`, `满意度`, `百分比`): a 指标值
 * that is only such a word is a unit word, not a value (VAL-07, S0 l.296).
 */
export function isMeasureWord(text: string): boolean {
  const t = text.replace(TRIM, '');
  return /^(百分比|百分百|百分率|%|％|[\u4e00-\u9fa5]{0,6}(率|度|比例|比率|指数))$/.test(t);
}

/**
 * True for assessable time wording (VAL-10): dates and deadlines (`2024年底`, `12月底前`,
 * `2022 年 12 月底之前`), periods (`4 月—9 月`, `1-12 月`, `每年1—12月…`), frequencies
 * (`每月`, `每季度`, `每日一次`) and `及时` / `按时` / `按期`.
 */
export function isTimeExpression(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return /(19|20)\d{2}年|\d{1,2}月|月底|年底|年末|季度|上半年|下半年|每(日|天|周|月|季|年|半年)|\d+(个)?(工作日|天|日|小时|分钟|周)(内|前|以内)?|之前|以前|前完成|及时|按时|按期|准时|当日|当天|即时|实时/.test(t);
}

/** Units that are really deadline words (`12月底前` parses as 12 + `月底前`): not a 计量单位 error (VAL-02). */
export function isDeadlineUnit(unit: string | null): boolean {
  return unit != null && /^(月底|月末|月份|月中|日|号)(前|之前|以前|完成)?$|^月底前|^月前/.test(unit.replace(/\s+/g, ''));
}

/** Wording that is not a 时效 value (VAL-10): 长期, 长效机制, 持续, 常态化 (S0 l.258, l.299). */
export function isNonAssessableTime(text: string): boolean {
  return /长期|长效|持续|常态|永久|长远/.test(text.replace(/\s+/g, ''));
}
