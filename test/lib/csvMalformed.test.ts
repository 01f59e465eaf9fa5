/**
 * The CSV module's reader (core/csv.ts) on malformed input: every problem reported with its line and
 * code, nothing read past a broken quote. (csv.test.ts covers the well-formed contract formats.)
 */
import '../support/csvPackages';
import { readCsv } from '../../src/TypeScripts/HotWaxCustomerSync/core/csv';

/** Compare results as plain data. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('malformed input', () => {
  const columns = [{ name: 'id', required: true }, { name: 'name' }, { name: 'note' }];
  const read = (text: string) => readCsv(text, { columns, fileName: 'bad.csv' });
  const summary = (text: string) => {
    const r = read(text);
    return plain({
      rows: r.rows.map((row) => [row.lineNumber, row.values.id]),
      problems: r.problems.map((p) => [p.lineNumber, p.code]),
    });
  };

  it('reports wrong column counts and keeps the other rows', () => {
    expect(summary('id,name,note\r\n1,a,x\r\n2,b\r\n3,c,x,extra\r\n4,d,x\r\n')).toEqual({
      rows: [
        [2, '1'],
        [5, '4'],
      ],
      problems: [
        [3, 'WRONG_COLUMN_COUNT'],
        [4, 'WRONG_COLUMN_COUNT'],
      ],
    });
    expect(read('id,name,note\r\n2,b\r\n').problems[0]).toEqual(
      expect.objectContaining({ fileName: 'bad.csv', message: '2 fields where the header has 3 columns' }),
    );
  });

  it('reports an unclosed quote on the line it starts on and reads every line after it', () => {
    const text = 'id,name,note\r\n1,"multi\r\nline",x\r\n2,b,x\r\n\r\n3,"never closed,x\r\n4,d,x\r\n';
    expect(summary(text)).toEqual({
      rows: [
        [2, '1'],
        [4, '2'],
        [7, '4'],
      ],
      problems: [[6, 'UNCLOSED_QUOTE']],
    });
    expect(summary('id,name,note\n1,a,x\n2,b,"x')).toEqual({
      rows: [[2, '1']],
      problems: [[3, 'UNCLOSED_QUOTE']],
    });
  });

  it('reports text after a closing quote and keeps the following rows', () => {
    const text = 'id,name,note\r\n1,"a"b,x\r\n2,b,x\r\n3,"c" ,x\r\n4,"ok ""quoted""",x\r\n';
    expect(summary(text)).toEqual({
      rows: [
        [3, '2'],
        [5, '4'],
      ],
      problems: [
        [2, 'STRAY_QUOTE'],
        [4, 'STRAY_QUOTE'],
      ],
    });
    expect(read(text).rows[1].values.name).toBe('ok "quoted"');
  });

  it('keeps a quote inside an unquoted field as a character (as Commons CSV does)', () => {
    const r = read('id,name,note\r\n1,5\'10" tall,x\r\n');
    expect(plain(r.problems)).toEqual([]);
    expect(r.rows[0].values.name).toBe('5\'10" tall');
  });

  it('skips blank and all-empty lines but counts them as physical lines', () => {
    expect(summary('\r\nid,name,note\r\n\r\n1,a,x\r\n,,\r\n\r\n\r\n2,"b\r\n\r\nc",x\r\n3,d,x')).toEqual({
      rows: [
        [4, '1'],
        [8, '2'],
        [11, '3'],
      ],
      problems: [],
    });
  });

  it('reads LF, CR and mixed line ends', () => {
    const expected = {
      rows: [
        [2, '1'],
        [3, '2'],
        [5, '3'],
      ],
      problems: [],
    };
    expect(summary('id,name,note\n1,a,x\n2,"b\nb",x\n3,c,x\n')).toEqual(expected);
    expect(summary('id,name,note\r1,a,x\r2,"b\rb",x\r3,c,x\r')).toEqual(expected);
    expect(summary('id,name,note\r\n1,a,x\n2,"b\r\nb",x\r3,c,x')).toEqual(expected);
  });

  it('a broken header fails the file', () => {
    const r = read('"id"x,name\r\n1,a\r\n');
    expect(plain(r.missingColumns)).toEqual(['id']);
    expect(plain(r.rows)).toEqual([]);
    expect(plain(r.problems.map((p) => [p.lineNumber, p.code]))).toEqual([[1, 'STRAY_QUOTE']]);
  });
});
