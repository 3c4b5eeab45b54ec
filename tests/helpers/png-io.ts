/**
 * Test helper: PNG files ⇄ RGBA pixels (pngjs, pure JS, pinned in devDependencies).
 */
import fs from 'node:fs';
import { PNG } from 'pngjs';

/** Decoded RGBA image: `data` holds 4 bytes per pixel, row-major. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Decodes PNG bytes. */
export function decodePng(bytes: Uint8Array): RgbaImage {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

/** Reads and decodes a PNG file. */
export function readPng(file: string): RgbaImage {
  return decodePng(fs.readFileSync(file));
}

/** Encodes an RGBA image as PNG bytes. */
export function encodePng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).copy(png.data);
  return PNG.sync.write(png);
}
