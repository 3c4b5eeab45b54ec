import type { CellStyle } from '../families/types';

/**
 * The look of every layout CellStyle, once: font size, weight, line height, horizontal alignment
 * and borders. The printout (shared/print), the xlsx export (shared/xlsx/write-plan → exceljs
 * styles) and the editor's grid (generated CSS) all read this table, so the three agree.
 * The values are those of the official printed form (the bureau prints it): 宋体 throughout,
 * 小二 (18 pt) bold title, 小四 (12 pt) subtitle, 五号 (10.5 pt) body on 14 pt lines.
 */

/** Horizontal alignment of a cell's text. */
export type CellAlign = 'left' | 'center' | 'right';

/** The look of one cell style. */
export interface CellLook {
  /** Font size in points. */
  readonly sizePt: number;
  /** Line height in points (the printout's line pitch; the grid scales it with the zoom). */
  readonly linePt: number;
  readonly bold: boolean;
  readonly align: CellAlign;
  /** True for a cell with a thin (0.5 pt) black border on every side; false for the title lines above the grid. */
  readonly border: boolean;
}

/** The form's font family: 宋体 (SimSun). */
export const FORM_FONT_NAME = '宋体';

/** Body text: 五号 (10.5 pt) on 14 pt lines, the size `layout()` estimates its row heights for. */
const BODY = { sizePt: 10.5, linePt: 14, bold: false, border: true } as const;
const BODY_BOLD = { ...BODY, bold: true } as const;
const LINE = { ...BODY, border: false } as const;

/** Every cell style's look (see the module comment). */
export const CELL_LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { sizePt: 18, linePt: 26, bold: true, align: 'center', border: false },
  subtitle: { sizePt: 12, linePt: 18, bold: false, align: 'center', border: false },
  unitLine: { ...LINE, align: 'left' },
  unitLineRight: { ...LINE, align: 'right' },
  label: { ...BODY_BOLD, align: 'center' },
  labelLeft: { ...BODY_BOLD, align: 'left' },
  heading: { ...BODY_BOLD, align: 'center' },
  vertical: { ...BODY_BOLD, align: 'center' },
  text: { ...BODY, align: 'left' },
  textCenter: { ...BODY, align: 'center' },
  amount: { ...BODY, align: 'right' },
  percent: { ...BODY, align: 'center' },
  spacer: { ...BODY, align: 'left' },
};

/** Every CellStyle, in the order of the table. */
export const CELL_STYLES = Object.keys(CELL_LOOKS) as readonly CellStyle[];

/** The look of a cell style. */
export function cellLook(style: CellStyle): CellLook {
  return CELL_LOOKS[style];
}
