/**
 * Clones a worksheet inside an xlsx package (a blank form sheet repeated once per project):
 * the sheet XML with its relationships (hyperlinks, printer settings), a `<sheet>` entry in
 * workbook.xml at the requested tab position, the workbook relationship, the content type, the
 * sheet-local defined names (print area, print titles) and the titles in docProps/app.xml.
 * Comments, pictures and table objects of the source sheet are not copied (reported).
 */
import type { FillNotice } from '../../../shared/fill/edits';
import { quoteSheet } from './refs';
import { attrs, decodeXml, encodeXml, relsPath, type XlsxPackage } from './xlsx-package';

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DROPPED = /\/(comments|vmlDrawing|drawing|table|threadedComment)$/;

/** A valid, unused sheet name: forbidden characters replaced, at most 31 characters, numbered when taken. */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || '表').slice(0, 31);
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Replaces qualified references to sheet `from` by sheet `to` in a formula / defined name text. */
function renameSheetRefs(text: string, from: string, to: string): string {
  const quoted = `'${from.replace(/'/g, "''")}'!`;
  const plain = `${from}!`;
  return text.split(quoted).join(`${quoteSheet(to)}!`).split(plain).join(`${quoteSheet(to)}!`);
}

function nextPartName(pkg: XlsxPackage, folder: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder}/sheet${n}.xml`;
    if (!pkg.has(name)) return name;
  }
}

function cloneRels(pkg: XlsxPackage, srcPart: string, newPart: string): boolean {
  const xml = pkg.read(relsPath(srcPart));
  if (xml === null) return false;
  let dropped = false;
  const kept = xml.replace(/<Relationship\b[^>]*?\/>/g, (rel) => {
    const type = attrs(rel).Type ?? '';
    if (DROPPED.test(type)) {
      dropped = true;
      return '';
    }
    return rel;
  });
  pkg.write(relsPath(newPart), kept);
  return dropped;
}

function cleanSheetXml(xml: string): string {
  return xml
    .replace(/\stabSelected="(?:1|true)"/, '')
    .replace(/<(\w+:)?(?:drawing|legacyDrawing|legacyDrawingHF|picture)\b[^>]*\/>/g, '')
    .replace(/<(\w+:)?tableParts\b[\s\S]*?(?:<\/(?:\w+:)?tableParts>|\/>)/g, '');
}

function addToWorkbook(wbXml: string, srcIndex: number, position: number, name: string, relId: string, srcName: string): string {
  const sheetRe = /<(?:\w+:)?sheet\b[^>]*?\/>/g;
  const elements = [...wbXml.matchAll(sheetRe)];
  const src = elements[srcIndex][0];
  const maxId = Math.max(0, ...elements.map((m) => Number(attrs(m[0]).sheetId) || 0));
  const entry = src
    .replace(/\sname="[^"]*"/, ` name="${encodeXml(name)}"`)
    .replace(/\ssheetId="[^"]*"/, ` sheetId="${maxId + 1}"`)
    .replace(/(\s[\w]+:id=")[^"]*"/, `$1${relId}"`)
    .replace(/\sstate="[^"]*"/, '');
  const anchor = position < elements.length ? elements[position] : elements[elements.length - 1];
  const at = position < elements.length ? anchor.index! : anchor.index! + anchor[0].length;
  let out = wbXml.slice(0, at) + entry + wbXml.slice(at);
  out = out.replace(/(<(?:\w+:)?definedName\b[^>]*?\slocalSheetId=")(\d+)(")/g, (w, a: string, id: string, b: string) =>
    Number(id) >= position ? `${a}${Number(id) + 1}${b}` : w);
  const srcNow = srcIndex >= position ? srcIndex + 1 : srcIndex;
  const copies: string[] = [];
  for (const m of out.matchAll(/<(?:\w+:)?definedName\b[^>]*?\slocalSheetId="(\d+)"[^>]*>[^<]*<\/(?:\w+:)?definedName>/g)) {
    if (Number(m[1]) !== srcNow) continue;
    copies.push(m[0].replace(/localSheetId="\d+"/, `localSheetId="${position}"`)
      .replace(/>([^<]*)</, (_w, t: string) => `>${encodeXml(renameSheetRefs(decodeXml(t), srcName, name))}<`));
  }
  if (copies.length > 0) out = out.replace(/<\/(?:\w+:)?definedNames>/, (close) => copies.join('') + close);
  return out.replace(/(\s(?:activeTab|firstSheet)=")(\d+)(")/g, (w, a: string, n: string, b: string) => Number(n) >= position ? `${a}${Number(n) + 1}${b}` : w);
}

function addRelationship(pkg: XlsxPackage, wbPart: string, target: string): string {
  const path = relsPath(wbPart);
  const xml = pkg.read(path) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
  const ids = new Set([...xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/>`;
  pkg.write(path, xml.replace('</Relationships>', `${rel}</Relationships>`));
  return id;
}

function addContentType(pkg: XlsxPackage, srcPart: string, newPart: string): void {
  const xml = pkg.read('[Content_Types].xml');
  if (xml === null) return;
  const src = new RegExp(`<Override\\b[^>]*PartName="/${srcPart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*?/>`).exec(xml);
  const type = src ? attrs(src[0]).ContentType : 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  pkg.write('[Content_Types].xml', xml.replace('</Types>', `<Override PartName="/${newPart}" ContentType="${type}"/></Types>`));
}

/** Adds the sheet title to docProps/app.xml when its worksheet heading comes first (Excel's and WPS's own files). */
function addAppTitle(pkg: XlsxPackage, position: number, name: string): void {
  const xml = pkg.read('docProps/app.xml');
  if (xml === null) return;
  const heading = /(<vt:variant>\s*<vt:lpstr>(?:Worksheets|工作表)<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>)(\d+)(<\/vt:i4>)/.exec(xml);
  const titles = /(<TitlesOfParts>\s*<vt:vector\b[^>]*?size=")(\d+)("[^>]*>)([\s\S]*?)(<\/vt:vector>)/.exec(xml);
  const headingFirst = heading && /<HeadingPairs>\s*<vt:vector\b[^>]*>\s*$/.test(xml.slice(0, heading.index));
  if (!heading || !titles || !headingFirst) return;
  const items = [...titles[4].matchAll(/<vt:lpstr>[^<]*<\/vt:lpstr>/g)].map((m) => m[0]);
  items.splice(Math.min(position, items.length), 0, `<vt:lpstr>${encodeXml(name)}</vt:lpstr>`);
  let out = xml.replace(heading[0], `${heading[1]}${Number(heading[2]) + 1}${heading[3]}`);
  out = out.replace(titles[0], `${titles[1]}${Number(titles[2]) + 1}${titles[3]}${items.join('')}${titles[5]}`);
  pkg.write('docProps/app.xml', out);
}

/**
 * Clones sheet `srcIndex` (its current text, `sheetXml`) as a new sheet named `name` (made
 * unique) at tab `position`. Returns the new sheet's name.
 */
export function cloneSheet(pkg: XlsxPackage, srcIndex: number, sheetXml: string, wanted: string, position: number, notices: FillNotice[]): string {
  const sheets = pkg.sheets();
  const src = sheets[srcIndex];
  const name = uniqueSheetName(wanted, sheets.map((s) => s.name));
  const folder = src.part.slice(0, src.part.lastIndexOf('/'));
  const newPart = nextPartName(pkg, folder);
  pkg.write(newPart, cleanSheetXml(sheetXml));
  if (cloneRels(pkg, src.part, newPart)) {
    notices.push({ level: 'info', sheet: name, message: `工作表「${name}」复制自「${src.name}」，未带原表的批注、图片和表格对象` });
  }
  const wbPart = pkg.workbookPart();
  const wbFolder = wbPart.slice(0, wbPart.lastIndexOf('/') + 1);
  const target = newPart.startsWith(wbFolder) ? newPart.slice(wbFolder.length) : `/${newPart}`;
  const relId = addRelationship(pkg, wbPart, target);
  pkg.write(wbPart, addToWorkbook(pkg.read(wbPart)!, srcIndex, position, name, relId, src.name));
  addContentType(pkg, src.part, newPart);
  addAppTitle(pkg, position, name);
  return name;
}
