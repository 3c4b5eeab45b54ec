/**
 * Stylesheet of the 绩效文本 (added to the print engine's `printCss`): cover, 目录 with dotted
 * leaders, part titles, section headings, body paragraphs. Sizes match the measures of flow.ts
 * and paginate-document.ts (the pagination is computed, not left to the browser).
 */
import { PRINT_FONT_STACK } from '../print/print-css';
import { BODY_FONT, BODY_LINE_MM, PART_FONT, PART_LINE_MM } from './flow';
import { TOC_FONT, TOC_LINE_MM, TOC_NUMBER_MM } from './paginate-document';

/** 仿宋 for body text, falling back to the print serif. */
const FANGSONG = `"仿宋", "仿宋_GB2312", "FangSong", "STFangsong", ${PRINT_FONT_STACK}`;
/** 黑体 for section headings. */
const HEITI = '"黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** The document's own rules; lengths in mm / pt as measured by the paginator. */
export function documentCss(): string {
  return [
    '.flow{position:relative}',
    '.flow>*{margin:0;padding:0}',
    `.part-title{font-family:${PRINT_FONT_STACK};font-size:${PART_FONT.sizePt}pt;line-height:${PART_LINE_MM}mm;font-weight:bold;text-align:center}`,
    '.part-title.standalone{padding-top:60mm}',
    `.section{font-family:${HEITI};font-size:${BODY_FONT.sizePt}pt;line-height:${BODY_LINE_MM}mm;font-weight:normal;text-indent:2em}`,
    `.para{font-family:${FANGSONG};font-size:${BODY_FONT.sizePt}pt;line-height:${BODY_LINE_MM}mm;text-indent:2em;text-align:justify;overflow-wrap:anywhere}`,
    '.para.cont{text-indent:0}',
    `.table-heading{font-family:${HEITI};font-size:${BODY_FONT.sizePt}pt;line-height:${BODY_LINE_MM}mm;font-weight:normal;text-align:center}`,
    '.cover-unit,.cover-title{position:absolute;left:0;right:0;text-align:center;font-weight:bold}',
    `.cover-unit{top:80mm;font-size:26pt;line-height:40pt;font-family:${PRINT_FONT_STACK}}`,
    `.cover-title{top:100mm;font-size:26pt;line-height:40pt;font-family:${PRINT_FONT_STACK}}`,
    `.cover-foot{position:absolute;left:0;right:0;top:215mm;text-align:center;font-size:16pt;line-height:28pt;font-family:${FANGSONG}}`,
    `.toc-heading{font-family:${PRINT_FONT_STACK};font-size:${PART_FONT.sizePt}pt;line-height:${PART_LINE_MM}mm;font-weight:bold;text-align:center;margin-bottom:${TOC_LINE_MM}mm}`,
    `.toc-line{box-sizing:border-box;overflow:hidden;font-family:${FANGSONG};font-size:${TOC_FONT.sizePt}pt;line-height:${TOC_LINE_MM}mm}`,
    '.toc-row{display:flex;align-items:flex-end}',
    '.toc-line.level-0{font-weight:bold}',
    '.toc-line.level-1{padding-left:2em}',
    `.toc-text{color:#000;text-decoration:none;white-space:nowrap;max-width:calc(100% - ${TOC_NUMBER_MM}mm)}`,
    '.toc-dots{flex:1;min-width:6mm;margin:0 1mm 1.6mm;border-bottom:1.2pt dotted #000}',
    '.toc-page{min-width:7mm;text-align:right;font-weight:normal}',
  ].join('\n');
}
