/**
 * The CSV module (core/csv.ts): its parser through the bundled library file NetSuite runs
 * (src/FileCabinet/SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib.js, built by `npm run build`),
 * loaded in a bare vm context without Node globals; what the library does not export (the entry points
 * do not use it), from its module.
 */
import '../support/csvPackages';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type * as Lib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib';
import {
  PARTY_IDENTIFICATION_HEADER,
  HISTORICAL_CUSTOMER_HEADER,
  ERROR_REPORT_HEADER,
  CUSTOMER_FEED_COLUMNS,
  HOTWAX_FEED_HEADER,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/hotwaxFiles';
import {
  CSV_EOL,
  readCsv,
  toCsv,
  csvLine,
  normalizeHeaderName,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/csv';
import { loadBareAmd } from '../support/bareAmd';

const ROOT = path.resolve(__dirname, '../..');
const LIB_FILE = path.join(ROOT, 'src/FileCabinet/SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib.js');
const SPECTRUM = path.join(ROOT, 'node_modules/csv-spectrum');

const loaded = loadBareAmd<typeof Lib>(LIB_FILE);
const lib = loaded.exports;
/** Results come from another realm: compare them as plain data. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('bundled library in a bare context', () => {
  it('sees no Node globals and asks for no N/ module', () => {
    for (const name of [
      'Buffer',
      'process',
      'require',
      'module',
      'setTimeout',
      'setInterval',
      'setImmediate',
    ]) {
      expect(vm.runInContext(`typeof ${name}`, loaded.context)).toBe('undefined');
    }
    expect(loaded.dependencies).toEqual([]);
  });

  it('has exactly one define() and its header tags', () => {
    const code = fs.readFileSync(LIB_FILE, 'utf8');
    expect(code.match(/\bdefine\(/g)).toHaveLength(1);
    expect(code.startsWith('/**\n * @NApiVersion 2.1\n * @NModuleScope SameAccount\n */\ndefine(')).toBe(
      true,
    );
  });

  it('exports the parser the entry points use', () => {
    for (const name of ['parseCsvRecords', 'readCustomerFeed'])
      expect(typeof lib[name as keyof typeof lib]).toBe('function');
  });
});

describe('the HotWax file headers (docs/CONTRACTS.md §2)', () => {
  it('are the contract', () => {
    expect(plain(PARTY_IDENTIFICATION_HEADER)).toEqual(['partyId', 'partyIdentificationTypeId', 'idValue']);
    expect(plain(HISTORICAL_CUSTOMER_HEADER)).toEqual([
      'first-name',
      'last-name',
      'external-id',
      'party-identifications',
    ]);
    expect(plain(ERROR_REPORT_HEADER)).toEqual([
      'fileName',
      'lineNumber',
      'HCCustomerId',
      'errorCode',
      'errorMessage',
    ]);
    expect(CSV_EOL).toBe('\r\n');
    // 2a: what HotWax's generate_CustomerFeed writes today (the one copy; everything else derives from it).
    expect(plain(HOTWAX_FEED_HEADER)).toEqual([
      'HCCustomerId',
      'firstName',
      'lastName',
      'email',
      'phone',
      'HCShopifyCustomerId',
      'externalId',
      'individual',
      'status',
      'taxable',
      'defaultOrderPriority',
      'subsidiary',
    ]);
  });
});

describe('csv-spectrum', () => {
  const cases = fs.readdirSync(path.join(SPECTRUM, 'csvs')).filter((f) => f.endsWith('.csv'));

  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s parses to its JSON', (file) => {
    const text = fs.readFileSync(path.join(SPECTRUM, 'csvs', file), 'utf8');
    const json: unknown = JSON.parse(
      fs.readFileSync(path.join(SPECTRUM, 'json', file.replace(/\.csv$/, '.json')), 'utf8'),
    );
    const expected = (Array.isArray(json) ? json : [json]) as Record<string, string>[];
    if (file === 'location_coordinates.csv') {
      // The corpus itself disagrees here: its CSV has phone 2095257564, its JSON 1234567890 (and the
      // JSON is one object, not an array). Check that this is the only difference, then compare the rest.
      expect(text).toContain('2095257564,');
      expect(expected[0]['Contact Phone Number']).toBe('1234567890');
      expected[0]['Contact Phone Number'] = '2095257564';
    }
    const result = readCsv(text, { columns: [], fileName: file });
    expect(plain(result.problems)).toEqual([]);
    expect(plain(result.rows.map((r) => r.extra))).toEqual(expected);
    // The bundled parser (csv-parse over core/csvBuffer.ts) reads the same records in a bare context.
    const built = lib.parseCsvRecords(text, file);
    expect(plain(built.problems)).toEqual([]);
    expect(plain(built.records.map((r) => r.fields))).toEqual([
      result.header,
      ...result.rows.map((r) => result.header.map((h) => r.extra[h])),
    ]);
  });

  it('numbers records by the physical line they start on', () => {
    const lines = (file: string) =>
      lib
        .parseCsvRecords(fs.readFileSync(path.join(SPECTRUM, 'csvs', file), 'utf8'))
        .records.map((r) => r.lineNumber);
    expect(plain(lines('newlines.csv'))).toEqual([1, 2, 3, 5]);
    expect(plain(lines('newlines_crlf.csv'))).toEqual([1, 2, 3, 5]);
    expect(plain(lines('quotes_and_newlines.csv'))).toEqual([1, 2, 5]);
  });
});

describe('writing', () => {
  it('quotes per RFC 4180 with CRLF line ends, header first, no BOM, values unaltered', () => {
    const text = toCsv(
      ['a', 'b', 'c'],
      [
        ['plain', 'with,comma', 'with "quotes"'],
        ['line\nfeed', 'carriage\rreturn', 'crlf\r\ninside'],
        ['=1+2', '+33 1 23', '-5'],
        ['@SUM(A1)', ' padded ', ''],
        [null, undefined, 0],
        [true, false, 12.5],
        ['Zoë', '東京', '"'],
      ],
    );
    expect(text).toBe(
      [
        'a,b,c',
        'plain,"with,comma","with ""quotes"""',
        '"line\nfeed","carriage\rreturn","crlf\r\ninside"',
        '=1+2,+33 1 23,-5',
        '@SUM(A1), padded ,',
        ',,0',
        'true,false,12.5',
        'Zoë,東京,""""',
        '',
      ].join('\r\n'),
    );
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads object rows by the header names', () => {
    const text = toCsv(
      ['partyId', 'idValue'],
      [{ idValue: 7, partyId: 'P1', ignored: 'x' }, { partyId: 'P2' }],
    );
    expect(text).toBe('partyId,idValue\r\nP1,7\r\nP2,\r\n');
  });

  it('can leave out the header and the last line end', () => {
    expect(toCsv(['a'], [['x'], ['y']], { includeHeader: false })).toBe('x\r\ny\r\n');
    expect(toCsv(['a'], [['x']], { trailingLineEnd: false })).toBe('a\r\nx');
    expect(toCsv(['a'], [], { includeHeader: false })).toBe('');
  });

  it('csvLine quotes exactly as toCsv and adds no line end', () => {
    const rows: (string | number | boolean | null)[][] = [
      ['x', 'a,b', 'say "hi"', 'two\nlines', '', null, 3, true],
      [' lead', 'trail ', '=cmd', 'Ünïcödé', '\r', '"', ',', 'plain'],
    ];
    const lines = rows.map((r) => csvLine(r));
    expect(lines.join('\r\n') + '\r\n').toBe(
      toCsv(['1', '2', '3', '4', '5', '6', '7', '8'], rows, { includeHeader: false }),
    );
    expect(csvLine(['a', 'b'])).toBe('a,b');
  });
});

describe('contract formats round trip', () => {
  it('2b party identifications', () => {
    const rows = [
      ['10081', 'NETSUITE_CUSTOMER_ID', '4321'],
      ['10082', 'NETSUITE_CUSTOMER_ID', '4322'],
    ];
    const text = toCsv(PARTY_IDENTIFICATION_HEADER, rows);
    expect(text).toBe(
      'partyId,partyIdentificationTypeId,idValue\r\n10081,NETSUITE_CUSTOMER_ID,4321\r\n10082,NETSUITE_CUSTOMER_ID,4322\r\n',
    );
    const columns = PARTY_IDENTIFICATION_HEADER.map((name) => ({ name, required: true }));
    const back = readCsv(text, { columns, fileName: 'ids.csv' });
    expect(plain(back.missingColumns)).toEqual([]);
    expect(plain(back.problems)).toEqual([]);
    expect(plain(back.header)).toEqual([...PARTY_IDENTIFICATION_HEADER]);
    expect(plain(back.rows.map((r) => PARTY_IDENTIFICATION_HEADER.map((h) => r.values[h])))).toEqual(rows);
    expect(plain(back.rows.map((r) => r.lineNumber))).toEqual([2, 3]);
  });

  it('2c historical customers, written line by line', () => {
    const rows = [
      ['Ada', 'Lovelace', '6620112345678', 'SHOPIFY_CUST_ID:6620112345678|NETSUITE_CUSTOMER_ID:4321'],
      [
        'Jean, Jr.',
        'O\'Brien "JB"',
        '6620112345679',
        'SHOPIFY_CUST_ID:6620112345679|NETSUITE_CUSTOMER_ID:17',
      ],
      [
        'Multi\r\nLine',
        '  spaced  ',
        '6620112345680',
        'SHOPIFY_CUST_ID:6620112345680|NETSUITE_CUSTOMER_ID:18',
      ],
      [
        '=HYPERLINK("x")',
        'Zoë 東京',
        '6620112345681',
        'SHOPIFY_CUST_ID:6620112345681|NETSUITE_CUSTOMER_ID:19',
      ],
    ];
    // As N/file appendLine would build it: one csvLine per line, the line end added by the file.
    const text = [csvLine(HISTORICAL_CUSTOMER_HEADER), ...rows.map((r) => csvLine(r))].join('\n') + '\n';
    expect(text.split('\n')[1]).toBe(
      'Ada,Lovelace,6620112345678,SHOPIFY_CUST_ID:6620112345678|NETSUITE_CUSTOMER_ID:4321',
    );
    const columns = HISTORICAL_CUSTOMER_HEADER.map((name) => ({ name, required: true }));
    const back = readCsv(text, { columns, fileName: 'hist.csv' });
    expect(plain(back.problems)).toEqual([]);
    expect(plain(back.missingColumns)).toEqual([]);
    expect(plain(back.rows.map((r) => HISTORICAL_CUSTOMER_HEADER.map((h) => r.values[h])))).toEqual(rows);
    expect(plain(back.rows.map((r) => r.lineNumber))).toEqual([2, 3, 4, 6]);
    // and the same through toCsv
    const again = readCsv(toCsv(HISTORICAL_CUSTOMER_HEADER, rows), { columns });
    expect(plain(again.rows.map((r) => r.fields))).toEqual(rows);
  });

  it('error report header', () => {
    const text = toCsv(ERROR_REPORT_HEADER, [
      ['customer-Feed-1.csv', 4, '10081', 'MISSING', 'no "lastName", nothing done'],
    ]);
    expect(text).toBe(
      'fileName,lineNumber,HCCustomerId,errorCode,errorMessage\r\ncustomer-Feed-1.csv,4,10081,MISSING,"no ""lastName"", nothing done"\r\n',
    );
  });
});

describe('customer feed (2a)', () => {
  const columns = () => CUSTOMER_FEED_COLUMNS;

  it('matches shuffled columns by name and keeps unknown columns aside (BOM, CRLF)', () => {
    const text =
      '\ufeffemail,HCCustomerId,lastName,firstName,loyaltyTier,phone,HCShopifyCustomerId,externalId,individual,status,taxable,defaultOrderPriority,subsidiary,accountSource\r\n' +
      'ada@example.com,10081,Lovelace,Ada,gold,1 212 5551234,6620112345678,6620112345678,T,CUSTOMER-Closed Won,TRUE,5,1,-6\r\n' +
      ',10082,"Hopper, G","Grace ""Amazing""",,,6620112345679,6620112345679,T,CUSTOMER-Closed Won,TRUE,5,,\r\n';
    const feed = readCsv(text, {
      columns: columns(),
      fileName: 'customer-Feed-2025-01-01-00-00-00-000.csv',
    });
    expect(plain(feed.missingColumns)).toEqual([]);
    expect(plain(feed.problems)).toEqual([]);
    expect(feed.header[0]).toBe('email');
    expect(plain(feed.rows)).toEqual([
      {
        lineNumber: 2,
        endLine: 2,
        values: {
          HCCustomerId: '10081',
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@example.com',
          phone: '1 212 5551234',
          HCShopifyCustomerId: '6620112345678',
          externalId: '6620112345678',
          individual: 'T',
          status: 'CUSTOMER-Closed Won',
          subsidiary: '1',
          taxable: 'TRUE',
          defaultOrderPriority: '5',
          accountSource: '-6',
          companyName: '',
        },
        extra: { loyaltyTier: 'gold' },
        original: expect.objectContaining({
          email: 'ada@example.com',
          loyaltyTier: 'gold',
          HCCustomerId: '10081',
        }),
        fields: text.split('\r\n')[1].split(','),
      },
      expect.objectContaining({
        lineNumber: 3,
        values: expect.objectContaining({
          HCCustomerId: '10082',
          lastName: 'Hopper, G',
          firstName: 'Grace "Amazing"',
          email: '',
        }),
        extra: { loyaltyTier: '' },
      }),
    ]);
  });

  it('maps the pre-2025 Title Case headers, Account Origin included', () => {
    const text =
      'HC Customer Id,External Id,HC Shopify Customer Id,First Name,Last Name,Individual,Status,Subsidiary,Taxable,Default Order Priority,Account Origin,Email\r\n' +
      '10090,66201,66201,Alan,Turing,T,CUSTOMER-Closed Won,3,TRUE,5,-6,alan@example.com\r\n';
    const feed = readCsv(text, { columns: columns() });
    expect(plain(feed.missingColumns)).toEqual([]);
    expect(plain(feed.matched)).toEqual({
      HCCustomerId: 'HC Customer Id',
      externalId: 'External Id',
      HCShopifyCustomerId: 'HC Shopify Customer Id',
      firstName: 'First Name',
      lastName: 'Last Name',
      individual: 'Individual',
      status: 'Status',
      subsidiary: 'Subsidiary',
      taxable: 'Taxable',
      defaultOrderPriority: 'Default Order Priority',
      accountSource: 'Account Origin',
      email: 'Email',
    });
    expect(plain(feed.rows[0].values)).toEqual({
      HCCustomerId: '10090',
      firstName: 'Alan',
      lastName: 'Turing',
      email: 'alan@example.com',
      phone: '',
      HCShopifyCustomerId: '66201',
      externalId: '66201',
      individual: 'T',
      status: 'CUSTOMER-Closed Won',
      subsidiary: '3',
      taxable: 'TRUE',
      defaultOrderPriority: '5',
      accountSource: '-6',
      companyName: '',
    });
    expect(plain(feed.rows[0].extra)).toEqual({});
  });

  it('compares header names ignoring case, spaces, underscores and dashes', () => {
    const feed = readCsv('hc_customer_id, FIRST-NAME ,Last name\n1,a,b\n', { columns: columns() });
    expect(plain(feed.missingColumns)).toEqual([]);
    expect(plain(feed.rows[0].values)).toMatchObject({ HCCustomerId: '1', firstName: 'a', lastName: 'b' });
    expect(normalizeHeaderName('HC Shopify_Customer-Id')).toBe('hcshopifycustomerid');
  });

  it('reports a missing required column, an empty file and a header-only file', () => {
    const noKey = readCsv('firstName,lastName\r\nAda,Lovelace\r\n', {
      columns: columns(),
      fileName: 'f.csv',
    });
    expect(plain(noKey.missingColumns)).toEqual(['HCCustomerId']);
    expect(noKey.rows).toHaveLength(1);

    for (const empty of ['', '\ufeff', '\r\n\r\n']) {
      const r = readCsv(empty, { columns: columns(), fileName: 'e.csv' });
      expect(plain(r.missingColumns)).toEqual(['HCCustomerId']);
      expect(plain(r.header)).toEqual([]);
      expect(plain(r.problems)).toEqual([
        { fileName: 'e.csv', lineNumber: 1, code: 'EMPTY_FILE', message: 'the file has no header row' },
      ]);
    }
    const headerOnly = readCsv('HCCustomerId,firstName\r\n', { columns: columns() });
    expect(plain(headerOnly.missingColumns)).toEqual([]);
    expect(headerOnly.rows).toHaveLength(0);
    expect(headerOnly.problems).toHaveLength(0);
  });

  it('reports a duplicate column and keeps it as an extra column', () => {
    const r = readCsv('HCCustomerId,externalId,External Id\r\n1,a,b\r\n', {
      columns: columns(),
      fileName: 'd.csv',
    });
    expect(r.rows[0].values.externalId).toBe('a');
    expect(plain(r.rows[0].extra)).toEqual({ 'External Id': 'b' });
    expect(plain(r.problems.map((p) => [p.lineNumber, p.code]))).toEqual([[1, 'DUPLICATE_COLUMN']]);
  });

  it('a column named __proto__ is an ordinary extra column', () => {
    const r = readCsv('HCCustomerId,__proto__\r\n1,x\r\n', { columns: columns() });
    expect(Object.keys(r.rows[0].extra)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(r.rows[0].extra)).not.toBe('x');
  });
});

describe('a feed-sized file in the bare context', () => {
  // Correctness at size only: speed is measured by `npm run bench`, not asserted in tests.
  it('writes and reads back 5,000 quoted rows with exact line numbers', () => {
    const header = CUSTOMER_FEED_COLUMNS.map((c) => c.name);
    const rows = Array.from({ length: 5000 }, (_, i) =>
      header.map((h) => (h === 'lastName' ? `Name, ${i} "x"` : `${h}-${i}`)),
    );
    const text = toCsv(header, rows);
    const feed = readCsv(text, { columns: CUSTOMER_FEED_COLUMNS });
    expect(feed.rows).toHaveLength(5000);
    expect(feed.rows[4999].values.lastName).toBe('Name, 4999 "x"');
    expect(feed.rows[4999].lineNumber).toBe(5001);
    expect(rows.map((r) => csvLine(r) + '\r\n').join('')).toBe(text.slice(text.indexOf('\r\n') + 2));
  });
});
