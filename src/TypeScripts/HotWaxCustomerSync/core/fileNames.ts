/**
 * File names the sync writes: UTC, sortable, no spaces or colons (HotWax's scripts used
 * Date.toString(), which put spaces, colons and parentheses into SFTP names).
 */

/** 2026-11-26T20:38:46.123Z → 20261126T203846Z */
export function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A short random suffix so two runs in the same second never collide. */
export function uniqueSuffix(random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += Math.floor(random() * 36).toString(36);
  return s;
}

/** e.g. CustomerExport-20261126T203846Z-k3f9qa.csv */
export function timestampedCsvName(prefix: string, date: Date, unique: string): string {
  return `${prefix}-${utcStamp(date)}-${unique}.csv`;
}

/** customer-Feed-2026-11-26-20-38-46-123.csv → customer-Feed-2026-11-26-20-38-46-123 */
export function stem(fileName: string): string {
  return fileName.replace(/\.csv$/i, '');
}

/** Name used in archive/ or failed/ when the plain name is taken: never overwrite. */
export function alternativeName(fileName: string, date: Date, unique: string): string {
  return `${stem(fileName)}-${utcStamp(date)}-${unique}.csv`;
}

/**
 * Where an upload is written before it is moved into place, so readers never see half a file.
 * Fixed per name: an upload repeated after a crash overwrites its own leftover instead of adding one.
 */
export function temporaryName(fileName: string): string {
  return `.${fileName}.part`;
}

export function isCsv(fileName: string): boolean {
  return /\.csv$/i.test(fileName) && !fileName.startsWith('.');
}

/**
 * FNV-1a (32-bit) over a feed's text as read (UTF-16 code units): part of the feed's fingerprint
 * (sync/importTypes.ts FeedPrint). Plain arithmetic, so it costs no governance units (N/crypto's
 * hashing is not needed to tell two versions of one file apart).
 */
export function textHash(text: string): string {
  // Read once: a global looked up per character is about 40 times slower in a vm context (the
  // emulator's sandbox: 5 MB in 25 ms instead of 970 ms); in NetSuite's engine, unverified.
  const imul = Math.imul;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}
