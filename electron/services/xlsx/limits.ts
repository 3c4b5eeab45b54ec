/**
 * One place for the limits of reading untrusted input (xlsx and .jxmb): bytes read, memory and
 * time of the parse child, sizes of the result.
 *
 * Limits that keep reading an untrusted xlsx bounded in memory and time. Every limit has a
 * default; callers (tests, the CLI) may tighten or loosen single fields.
 */
export interface ReadLimits {
  /** Largest file accepted at all, in bytes. */
  readonly maxFileBytes: number;
  /** Most zip entries. */
  readonly maxEntries: number;
  /** Largest uncompressed size of one part, in bytes (declared and actual). */
  readonly maxPartBytes: number;
  /** Largest total uncompressed size of all parts, in bytes (declared and actual). */
  readonly maxTotalBytes: number;
  /** Highest compression ratio (uncompressed / compressed) of a part larger than `ratioCheckMinBytes`. */
  readonly maxCompressionRatio: number;
  /** Parts smaller than this are not ratio-checked (tiny XML compresses very well). */
  readonly ratioCheckMinBytes: number;
  /** Rows read per sheet; more are dropped with a warning. */
  readonly maxRows: number;
  /** Columns read per sheet; more are dropped with a warning. */
  readonly maxCols: number;
  /** Sheets read; more are dropped with a warning. */
  readonly maxSheets: number;
  /** Merged ranges kept per sheet (exceljs checks merges pairwise). */
  readonly maxMergesPerSheet: number;
  /** V8 heap limit of the parse child process (--max-old-space-size), in MB. */
  readonly workerMemoryMb: number;
  /**
   * Resident memory of the parse child (heap, strings, buffers, native), in MB: past it the
   * child is killed and the read fails with 「内存不足」. With the host's own memory this keeps
   * the whole import under 1.5 GB.
   */
  readonly maxRssMb: number;
  /** Largest result handed back to the host (the workbook as JSON), in bytes. */
  readonly maxResultBytes: number;
  /** Wall-clock limit of one parse, in milliseconds. */
  readonly timeoutMs: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 5_000,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1024 * 1024,
  maxRows: 5_000,
  maxCols: 100,
  maxSheets: 200,
  maxMergesPerSheet: 10_000,
  workerMemoryMb: 768,
  maxRssMb: 1024,
  maxResultBytes: 64 * 1024 * 1024,
  timeoutMs: 30_000,
};

/** Defaults overridden by the given fields. */
export function resolveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...(limits ?? {}) };
}

/** Excel's own sheet size: 1,048,576 rows × 16,384 columns (XFD). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

/** Largest `.jxmb` file read (a 1,000-table project is about 10 MB), in bytes read. */
export const MAX_PROJECT_FILE_BYTES = 200 * 1024 * 1024;
