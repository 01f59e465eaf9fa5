/**
 * The one `Buffer` csv-parse and csv-stringify see. Both packages are written against Node's global
 * `Buffer`, which NetSuite does not have; their browser builds each inline a full copy of a Buffer
 * polyfill (about 58 kB each, half of the library file). The build (rollup.config.mjs) bundles their
 * plain ES sources instead and imports this module as `Buffer` into each of their files: one copy,
 * and only what they call (from, isBuffer, allocUnsafe, concat, compare; on bytes: copy, slice,
 * compare, equals, toString), UTF-8 only (the parser and writer are always given `encoding: utf8`,
 * their default). The UTF-8 rules are the polyfill's, so the parser reads exactly as before: a lone
 * surrogate is written as U+FFFD (EF BF BD), and a byte that starts no valid sequence reads as U+FFFD.
 * No TextEncoder/TextDecoder: NetSuite's server runtime does not offer them.
 */

function utf8Encoding(encoding: unknown): void {
  if (encoding === undefined || encoding === null) return;
  const e = String(encoding).toLowerCase();
  if (e !== 'utf8' && e !== 'utf-8') throw new TypeError(`Unknown encoding: ${String(encoding)}`);
}

/** The bytes csv-parse works on: a Uint8Array with the few Node Buffer methods it calls. */
class Bytes extends Uint8Array {
  /** Node's `slice` is a view on the same memory, not a copy. */
  override slice(start?: number, end?: number): Bytes {
    return this.subarray(start, end) as Bytes;
  }

  /** Copies into `target` at `targetStart`; returns the number of bytes copied. */
  copy(target: Uint8Array, targetStart = 0, sourceStart = 0, sourceEnd = this.length): number {
    const end = Math.min(sourceEnd, this.length, sourceStart + (target.length - targetStart));
    if (end <= sourceStart) return 0;
    target.set(this.subarray(sourceStart, end), targetStart);
    return end - sourceStart;
  }

  /** Compares this[sourceStart, sourceEnd) with target[targetStart, targetEnd): -1, 0 or 1. */
  compare(
    target: Uint8Array,
    targetStart = 0,
    targetEnd = target.length,
    sourceStart = 0,
    sourceEnd = this.length,
  ): number {
    return compareBytes(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
  }

  equals(other: Uint8Array): boolean {
    if (!(other instanceof Uint8Array)) throw new TypeError('Argument must be a Buffer');
    return compareBytes(this, other) === 0;
  }

  override toString(encoding?: string, start = 0, end = this.length): string {
    utf8Encoding(encoding);
    return decodeUtf8(this, Math.max(0, start), Math.min(end, this.length));
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Calls `put` with each code point of `text`, a half surrogate pair as U+FFFD. */
function forEachCodePoint(text: string, put: (code: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) put(c);
    else {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) put(0xfffd);
      else {
        put(0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00));
        i++;
      }
    }
  }
}

const utf8Size = (c: number) => (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);

/** Two passes (size, then bytes): a feed of several MB is never held as an array of numbers. */
function encodeUtf8(text: string): Bytes {
  let size = 0;
  forEachCodePoint(text, (c) => (size += utf8Size(c)));
  const out = new Bytes(size);
  let at = 0;
  forEachCodePoint(text, (c) => {
    if (c < 0x80) out[at++] = c;
    else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      out[at++] = 0xe0 | (c >> 12);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    } else {
      out[at++] = 0xf0 | (c >> 18);
      out[at++] = 0x80 | ((c >> 12) & 0x3f);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    }
  });
  return out;
}

const isContinuation = (b: number) => (b & 0xc0) === 0x80;

function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  const units: number[] = [];
  let text = '';
  let i = start;
  while (i < end) {
    const first = bytes[i];
    let size = first > 0xef ? 4 : first > 0xdf ? 3 : first > 0xbf ? 2 : 1;
    let code = -1;
    if (i + size <= end) {
      if (size === 1) {
        if (first < 0x80) code = first;
      } else if (size === 2) {
        const b = bytes[i + 1];
        const c = ((first & 0x1f) << 6) | (b & 0x3f);
        if (isContinuation(b) && c > 0x7f) code = c;
      } else if (size === 3) {
        const b = bytes[i + 1];
        const d = bytes[i + 2];
        const c = ((first & 0x0f) << 12) | ((b & 0x3f) << 6) | (d & 0x3f);
        if (isContinuation(b) && isContinuation(d) && c > 0x7ff && (c < 0xd800 || c > 0xdfff)) code = c;
      } else {
        const b = bytes[i + 1];
        const d = bytes[i + 2];
        const e = bytes[i + 3];
        const c = ((first & 0x0f) << 18) | ((b & 0x3f) << 12) | ((d & 0x3f) << 6) | (e & 0x3f);
        if (isContinuation(b) && isContinuation(d) && isContinuation(e) && c > 0xffff && c < 0x110000)
          code = c;
      }
    }
    if (code < 0) {
      code = 0xfffd;
      size = 1;
    }
    if (code > 0xffff) {
      code -= 0x10000;
      units.push(0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff));
    } else units.push(code);
    i += size;
    // String.fromCharCode takes its code units as arguments: keep each call far below engine limits.
    if (units.length >= 0x1000) {
      text += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return text + String.fromCharCode(...units);
}

/** Node's `Buffer` statics that csv-parse and csv-stringify call. */
export const CsvBuffer = {
  from(value: string | ArrayLike<number>, encoding?: string): Bytes {
    if (typeof value === 'string') {
      utf8Encoding(encoding);
      return encodeUtf8(value);
    }
    return Bytes.from(value) as Bytes;
  },
  isBuffer(value: unknown): value is Bytes {
    return value instanceof Bytes;
  },
  alloc(size: number): Bytes {
    return new Bytes(size);
  },
  allocUnsafe(size: number): Bytes {
    return new Bytes(size);
  },
  concat(list: readonly Uint8Array[], totalLength?: number): Bytes {
    const length = totalLength ?? list.reduce((n, b) => n + b.length, 0);
    const out = new Bytes(length);
    let at = 0;
    for (const b of list) {
      if (at >= length) break;
      const part = b.subarray(0, length - at);
      out.set(part, at);
      at += part.length;
    }
    return out;
  },
  compare(a: Uint8Array, b: Uint8Array): number {
    return compareBytes(a, b);
  },
};
