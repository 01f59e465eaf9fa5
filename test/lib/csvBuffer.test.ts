/**
 * core/csvBuffer.ts, the one Buffer csv-parse and csv-stringify get in the built library: its UTF-8
 * must be Node's Buffer's (what the packages are written against) for every string the import reads,
 * half surrogate pairs included. The parsing itself is tested on the built library (csv.test.ts).
 */
import { CsvBuffer } from '../../src/TypeScripts/HotWaxCustomerSync/core/csvBuffer';

const SAMPLES = [
  '',
  'HCCustomerId,firstName\r\n1,Ann\n',
  'Zoë, Ågren, Łódź, 東京, 🙂👩‍👩‍👧, \u0000\u0007\u007f\u0080\u07ff\u0800\uffff',
  'lead alone \ud83d end',
  'trail alone \ude42 end',
  'two leads \ud83d\ud83d\ude42',
  'ends with a lead \ud83d',
  '\ufeffBOM first',
];

describe('CsvBuffer against Node Buffer', () => {
  test.each(SAMPLES.map((s) => [JSON.stringify(s), s]))('%s: same bytes, same text back', (_n, text) => {
    const ours = CsvBuffer.from(text);
    const node = Buffer.from(text, 'utf8');
    expect([...ours]).toEqual([...node]);
    expect(ours.toString()).toBe(node.toString('utf8'));
    // Cut after the first character (ASCII in every sample), as csv-parse cuts at its delimiters.
    expect(ours.toString('utf8', 1)).toBe(node.toString('utf8', 1));
  });

  test('random text of every plane reads back as Node reads it', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 200; round++) {
      let s = '';
      for (let i = 0; i < 40; i++) {
        const kind = next() % 4;
        const code = [0x7f, 0x7ff, 0xffff, 0x10ffff][kind];
        s += String.fromCodePoint(next() % (code + 1));
      }
      const ours = CsvBuffer.from(s);
      expect([...ours]).toEqual([...Buffer.from(s)]);
      expect(ours.toString()).toBe(Buffer.from(s).toString());
    }
  });

  test('invalid bytes read as U+FFFD one byte at a time', () => {
    const bytes = CsvBuffer.from([0x41, 0xff, 0xc3, 0x41, 0xe2, 0x82, 0xed, 0xa0, 0x80, 0x42]);
    expect(bytes.toString()).toBe('A\ufffd\ufffdA\ufffd\ufffd\ufffd\ufffd\ufffdB');
  });

  test('the few Buffer operations csv-parse calls', () => {
    const a = CsvBuffer.from('abc');
    const b = CsvBuffer.from([0x61, 0x62, 0x64]);
    expect(CsvBuffer.isBuffer(a)).toBe(true);
    expect(CsvBuffer.isBuffer(new Uint8Array(3))).toBe(false);
    expect(CsvBuffer.compare(a, b)).toBe(-1);
    expect(CsvBuffer.compare(b, a)).toBe(1);
    expect(CsvBuffer.compare(a, CsvBuffer.from('abc'))).toBe(0);
    expect(CsvBuffer.compare(a, CsvBuffer.from('ab'))).toBe(1);
    expect(a.compare(CsvBuffer.from('abcdef'), 0, 3)).toBe(0);
    expect(a.equals(CsvBuffer.from('abc'))).toBe(true);
    expect(() => a.equals('abc' as unknown as Uint8Array)).toThrow(TypeError);
    expect(CsvBuffer.concat([a, b]).toString()).toBe('abcabd');
    // slice is a view, as Node's is
    const view = a.slice(1);
    view[0] = 0x7a;
    expect(a.toString()).toBe('azc');
    const target = CsvBuffer.allocUnsafe(4);
    expect(b.copy(target, 1)).toBe(3);
    expect([...target.slice(1)]).toEqual([0x61, 0x62, 0x64]);
    expect(b.copy(target, 3, 0, 3)).toBe(1);
    expect(() => CsvBuffer.from('x', 'latin1')).toThrow(/Unknown encoding/);
  });
});
