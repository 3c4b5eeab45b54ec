/**
 * Test helper: compares a rendered page with a stored reference page, tolerant of font hinting
 * and anti-aliasing but not of a missing border or a shifted column.
 *
 * Method (all on darkness 0 = white … 1 = black):
 * 1. Ruling lines: a pixel is a vertical-line pixel when it lies in a vertical run of dark pixels
 *    at least `minLineRun` long (a border at 50 dpi is a crisp 1 px line through whole rows; CJK
 *    glyph strokes are shorter than a row). Horizontal lines likewise. Every line pixel of one image
 *    must have a line pixel of the other within ±`positionTolerance` px across the line; a run of
 *    more than `maxUnmatchedRun` unmatched pixels along a line is a missing (or extra, or moved) border.
 * 2. Ink: both images are averaged over `block` × `block` px cells; a cell whose mean darkness differs
 *    by more than `blockTolerance` counts as changed; more than `maxChangedBlocks` changed cells
 *    (text missing, moved or re-wrapped) fail. Hinting changes stroke weight, not a whole cell.
 */
import type { RgbaImage } from './png-io';

/** Darkness per pixel, 0 (white) … 1 (black). */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

export interface CompareOptions {
  readonly darkThreshold: number;
  readonly minLineRun: number;
  readonly positionTolerance: number;
  readonly maxUnmatchedRun: number;
  readonly block: number;
  readonly blockTolerance: number;
  readonly maxChangedBlocks: number;
}

/** Defaults tuned for pdftoppm pages at 50 dpi (a 20 pt row is 14 px high). */
export const DEFAULT_COMPARE: CompareOptions = {
  darkThreshold: 0.5,
  minLineRun: 14,
  positionTolerance: 1,
  maxUnmatchedRun: 6,
  block: 8,
  blockTolerance: 0.25,
  maxChangedBlocks: 6,
};

export interface CompareResult {
  readonly ok: boolean;
  /** Human-readable reasons (for the test failure message). */
  readonly problems: readonly string[];
  readonly changedBlocks: number;
  readonly lineMismatches: number;
}

/** Luminance darkness of an RGBA image (alpha over white). */
export function toGray(image: RgbaImage): GrayImage {
  const data = new Float32Array(image.width * image.height);
  for (let i = 0; i < data.length; i++) {
    const a = image.data[i * 4 + 3] / 255;
    const lum = (0.299 * image.data[i * 4] + 0.587 * image.data[i * 4 + 1] + 0.114 * image.data[i * 4 + 2]) / 255;
    data[i] = 1 - (lum * a + (1 - a));
  }
  return { width: image.width, height: image.height, data };
}

/** Masks of ruling-line pixels: `vertical[y * w + x]` / `horizontal[...]` are 1 on a line. */
export function lineMasks(img: GrayImage, opts: CompareOptions = DEFAULT_COMPARE): { vertical: Uint8Array; horizontal: Uint8Array } {
  const { width: w, height: h, data } = img;
  const dark = (x: number, y: number) => data[y * w + x] >= opts.darkThreshold;
  const vertical = new Uint8Array(w * h);
  const horizontal = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h;) {
      if (!dark(x, y)) { y++; continue; }
      let end = y;
      while (end < h && dark(x, end)) end++;
      if (end - y >= opts.minLineRun) for (let k = y; k < end; k++) vertical[k * w + x] = 1;
      y = end;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w;) {
      if (!dark(x, y)) { x++; continue; }
      let end = x;
      while (end < w && dark(end, y)) end++;
      if (end - x >= opts.minLineRun) for (let k = x; k < end; k++) horizontal[y * w + k] = 1;
      x = end;
    }
  }
  return { vertical, horizontal };
}

/** Runs (longer than allowed) of line pixels of `a` with no line pixel of `b` nearby across the line. */
function unmatchedRuns(a: Uint8Array, b: Uint8Array, w: number, h: number, vertical: boolean, opts: CompareOptions): string[] {
  const found: string[] = [];
  const matched = (x: number, y: number) => {
    for (let d = -opts.positionTolerance; d <= opts.positionTolerance; d++) {
      const xx = vertical ? x + d : x;
      const yy = vertical ? y : y + d;
      if (xx >= 0 && xx < w && yy >= 0 && yy < h && b[yy * w + xx]) return true;
    }
    return false;
  };
  const outer = vertical ? w : h;
  const inner = vertical ? h : w;
  for (let o = 0; o < outer; o++) {
    let run = 0;
    for (let i = 0; i <= inner; i++) {
      const x = vertical ? o : i;
      const y = vertical ? i : o;
      const miss = i < inner && a[y * w + x] === 1 && !matched(x, y);
      if (miss) { run++; continue; }
      if (run > opts.maxUnmatchedRun) {
        found.push(vertical ? `vertical line x=${o} y=${i - run}–${i - 1}` : `horizontal line y=${o} x=${i - run}–${i - 1}`);
      }
      run = 0;
    }
  }
  return found;
}

function blockMeans(img: GrayImage, block: number): Float32Array {
  const bw = Math.ceil(img.width / block);
  const bh = Math.ceil(img.height / block);
  const sums = new Float32Array(bw * bh);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) sums[Math.floor(y / block) * bw + Math.floor(x / block)] += img.data[y * img.width + x];
  }
  return sums.map((s) => s / (block * block));
}

/** Compares an actual page image with the reference; see the file comment for the method. */
export function comparePageImages(reference: GrayImage, actual: GrayImage, options: Partial<CompareOptions> = {}): CompareResult {
  const opts = { ...DEFAULT_COMPARE, ...options };
  if (reference.width !== actual.width || reference.height !== actual.height) {
    return { ok: false, problems: [`size ${actual.width}×${actual.height} ≠ reference ${reference.width}×${reference.height}`], changedBlocks: 0, lineMismatches: 0 };
  }
  const { width: w, height: h } = reference;
  const ref = lineMasks(reference, opts);
  const act = lineMasks(actual, opts);
  const lineProblems = [
    ...unmatchedRuns(ref.vertical, act.vertical, w, h, true, opts).map((p) => `missing ${p}`),
    ...unmatchedRuns(act.vertical, ref.vertical, w, h, true, opts).map((p) => `extra ${p}`),
    ...unmatchedRuns(ref.horizontal, act.horizontal, w, h, false, opts).map((p) => `missing ${p}`),
    ...unmatchedRuns(act.horizontal, ref.horizontal, w, h, false, opts).map((p) => `extra ${p}`),
  ];
  const a = blockMeans(reference, opts.block);
  const b = blockMeans(actual, opts.block);
  let changedBlocks = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > opts.blockTolerance) changedBlocks++;
  const problems = [...lineProblems];
  if (changedBlocks > opts.maxChangedBlocks) problems.push(`${changedBlocks} ink blocks of ${opts.block}px changed (max ${opts.maxChangedBlocks})`);
  return { ok: problems.length === 0, problems, changedBlocks, lineMismatches: lineProblems.length };
}
