/**
 * Facts written in more than one place, because an administrator or a reader needs them where they
 * look: each copy agrees with the code's, so a change is made in the code and this test names every
 * other place to update (docs/CHANGING.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalizeHeaderName } from '../../src/TypeScripts/HotWaxCustomerSync/core/csv';
import { CUSTOMER_FEED_COLUMNS } from '../../src/TypeScripts/HotWaxCustomerSync/core/hotwaxFiles';
import { DEFAULT_HANDOFF_ROWS } from '../../src/TypeScripts/HotWaxCustomerSync/core/mapReduceImport';
import { IMPORT_COMPANY_SETTINGS } from '../../src/TypeScripts/HotWaxCustomerSync/sync/statusPage/constants';
import { fixFor } from '../../src/TypeScripts/HotWaxCustomerSync/sync/statusPage/fixes';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The text of a markdown section, from its heading to the next heading of its level or above. */
function section(file: string, heading: string): string {
  const text = read(file);
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${file} has no heading "${heading}"`);
  const level = heading.split(' ')[0];
  const end = text.slice(start + heading.length + 2).search(new RegExp(`\\n#{1,${level.length}} `));
  return end < 0 ? text.slice(start) : text.slice(start, start + heading.length + 2 + end);
}

test("the handoff threshold's default (core/mapReduceImport.ts) is the one every copy states", () => {
  const copies: [string, RegExp][] = [
    ['src/Objects/customscript_imp_customer.xml', /custscript_hc_imp_mr_min_rows">[\s\S]*?Empty: (\d+) /],
    ['README.md', /`custscript_hc_imp_mr_min_rows` rows \(default (\d+);/],
    ['docs/ARCHITECTURE.md', /`custscript_hc_imp_mr_min_rows` \| INTEGER \| \(empty: (\d+)\)/],
    ['cli/README.md', /`custscript_hc_imp_mr_min_rows` \((\d+)\)/],
  ];
  const stated = copies.map(([file, re]) => [file, Number(re.exec(read(file))?.[1])]);
  expect(stated).toEqual(copies.map(([file]) => [file, DEFAULT_HANDOFF_ROWS]));
});

test('the feed columns documented in docs/ARCHITECTURE.md "Feed headers" are CUSTOMER_FEED_COLUMNS', () => {
  const doc = section('docs/ARCHITECTURE.md', '## Feed headers');
  const rows = doc.split('\n').filter((l) => l.startsWith('| `'));
  const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  const documented = rows.flatMap((r) => ticked(r.split('|')[1]));
  expect(documented.sort()).toEqual(CUSTOMER_FEED_COLUMNS.map((c) => c.name as string).sort());
  const spellings = new Set(rows.flatMap((r) => ticked(r)).map(normalizeHeaderName));
  const aliases = CUSTOMER_FEED_COLUMNS.flatMap((c) => c.aliases as readonly string[]);
  expect(aliases.filter((a) => !spellings.has(normalizeHeaderName(a)))).toEqual([]);
});

/** Row codes whose message alone says what to fix: the status page shows its general advice for them. */
const GENERAL_ADVICE = ['FIELD_TOO_LONG', 'SURROUNDING_WHITESPACE'];

test('every row error code of sync/customerRows.ts is documented and has its advice on the status page', () => {
  const codes = [
    ...new Set(
      [
        ...read('src/TypeScripts/HotWaxCustomerSync/sync/customerRows.ts').matchAll(/fail\(\s*'([A-Z_]+)'/g),
      ].map((m) => m[1]),
    ),
  ];
  expect(codes.length).toBeGreaterThan(10);
  const doc = section('docs/ARCHITECTURE.md', '## Row validation');
  expect(codes.filter((c) => !doc.includes(`\`${c}\``))).toEqual([]);
  const general = fixFor('NO_SUCH_CODE').replace('NO_SUCH_CODE', '');
  const withoutAdvice = codes.filter((c) => fixFor(c).replace(c, '') === general);
  expect(withoutAdvice.sort()).toEqual(GENERAL_ADVICE);
});

test("every script parameter in src/Objects is in docs/ARCHITECTURE.md's table; the import's company ones on the status page", () => {
  const objects = path.join(ROOT, 'src/Objects');
  const params = (only: RegExp) =>
    fs
      .readdirSync(objects)
      .flatMap(
        (f) =>
          fs
            .readFileSync(path.join(objects, f), 'utf8')
            .match(/<scriptcustomfield [\s\S]*?<\/scriptcustomfield>/g) ?? [],
      )
      .filter((x) => only.test(x))
      .map((x) => /scriptid="([^"]+)"/.exec(x)![1]);
  const table = [...read('docs/ARCHITECTURE.md').matchAll(/^\| [^|]+ \| `(custscript_[a-z0-9_]+)` \|/gm)].map(
    (m) => m[1],
  );
  expect(params(/./).sort()).toEqual(table.sort());
  expect(params(/<setting>COMPANY<\/setting>/).sort()).toEqual(
    IMPORT_COMPANY_SETTINGS.map((s) => s.id as string).sort(),
  );
});
