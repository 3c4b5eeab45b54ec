import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePageImages, lineMasks, toGray, type GrayImage } from '../../helpers/png-compare';
import { readPng } from '../../helpers/png-io';

const reference = toGray(readPng(path.resolve(__dirname, '../../fixtures/print-reference/nx-2024.png')));
const { width: w, height: h } = reference;

function clone(img: GrayImage): GrayImage {
  return { width: img.width, height: img.height, data: new Float32Array(img.data) };
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const masks = lineMasks(reference);
/** x positions of vertical ruling lines, longest first. */
const verticalLines = [...Array(w).keys()]
  .map((x) => ({ x, length: [...Array(h).keys()].filter((y) => masks.vertical[y * w + x]).length }))
  .filter((l) => l.length > 100)
  .sort((a, b) => b.length - a.length);
const horizontalLines = [...Array(h).keys()]
  .map((y) => ({ y, length: [...Array(w).keys()].filter((x) => masks.horizontal[y * w + x]).length }))
  .filter((l) => l.length > 60);

describe('page image comparison', () => {
  it('finds the ruling lines of the reference page (outer frame, columns, rows)', () => {
    expect(verticalLines.length).toBeGreaterThanOrEqual(6);
    expect(horizontalLines.length).toBeGreaterThanOrEqual(25);
    expect(comparePageImages(reference, reference).ok).toBe(true);
  });

  it('passes a page whose text differs by hinting: noise, anti-aliasing and glyph pixels nudged sideways', () => {
    const img = clone(reference);
    const rnd = random(7);
    const text = (i: number) => !masks.vertical[i] && !masks.horizontal[i];
    for (let i = 0; i < img.data.length; i++) {
      img.data[i] = Math.min(1, Math.max(0, img.data[i] + (rnd() - 0.5) * 0.16));
    }
    for (let y = 0; y < h; y++) {
      for (let x = w - 2; x >= 0; x--) {
        const i = y * w + x;
        if (text(i) && text(i + 1) && img.data[i] > 0.4 && rnd() < 0.3) {
          img.data[i + 1] = img.data[i];
          img.data[i] *= 0.5;
        }
      }
    }
    const result = comparePageImages(reference, img);
    expect(result.problems).toEqual([]);
  });

  it('fails when one vertical border line is removed', () => {
    const img = clone(reference);
    const { x } = verticalLines[2];
    for (let y = 0; y < h; y++) if (masks.vertical[y * w + x]) img.data[y * w + x] = 0;
    const result = comparePageImages(reference, img);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toContain(`missing vertical line x=${x}`);
  });

  it('fails when one horizontal border line (a single row border) is removed', () => {
    const img = clone(reference);
    const { y } = horizontalLines[Math.floor(horizontalLines.length / 2)];
    for (let x = 0; x < w; x++) if (masks.horizontal[y * w + x]) img.data[y * w + x] = 0;
    const result = comparePageImages(reference, img);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toContain(`missing horizontal line y=${y}`);
  });

  it('fails when a column boundary is shifted by 3 px (1.5 mm)', () => {
    const img = clone(reference);
    const { x } = verticalLines[3];
    for (let y = 0; y < h; y++) {
      if (!masks.vertical[y * w + x]) continue;
      img.data[y * w + x] = 0;
      img.data[y * w + x + 3] = 1;
    }
    const result = comparePageImages(reference, img);
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.startsWith(`missing vertical line x=${x}`))).toBe(true);
    expect(result.problems.some((p) => p.startsWith(`extra vertical line x=${x + 3}`))).toBe(true);
  });

  it('fails when a block of text is missing, and when the page size differs', () => {
    const img = clone(reference);
    // Blank the 三级指标 texts of the first rows (inside the cells, borders kept).
    const col = verticalLines.map((l) => l.x).sort((a, b) => a - b);
    const left = col[3] + 3;
    const right = col[4] - 3;
    for (let y = 0; y < h; y++) {
      for (let x = left; x < right; x++) if (!masks.horizontal[y * w + x]) img.data[y * w + x] = 0;
    }
    expect(comparePageImages(reference, img).problems.join('\n')).toMatch(/ink blocks/);
    expect(comparePageImages(reference, { width: w - 1, height: h, data: new Float32Array((w - 1) * h) }).ok).toBe(false);
  });
});
