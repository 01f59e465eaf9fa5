/**
 * Feed rules of the import, from the BUILT library module in a bare context: the header alias table
 * (legacy feeds), characters NetSuite cannot store, every problem of a row, NetSuite's email rule
 * (the same as the emulator's model of NetSuite), CSV-injection neutralisation, unterminated quotes,
 * and listing names that must never be joined into a path. Helpers the entry points do not use (so
 * the library does not export them) are tested from their modules.
 */
import '../support/csvPackages';
import path from 'node:path';
import { loadBareAmd } from '../support/bareAmd';
import type * as Lib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib';
import { toCsv, neutralizeCell, toReportCsv } from '../../src/TypeScripts/HotWaxCustomerSync/core/csv';
import {
  invalidCharacter,
  isNetSuiteEmail,
} from '../../src/TypeScripts/HotWaxCustomerSync/sync/customerRows';
import { unsafeNameReason } from '../../src/TypeScripts/HotWaxCustomerSync/sync/customerFeedFolder';
import { isValidEmail } from '../../emulator/src';

const LIB = path.resolve(
  __dirname,
  '../../src/FileCabinet/SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib.js',
);
const lib = loadBareAmd<typeof Lib>(LIB).exports;
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const opts = { oneWorld: true, defaultSubsidiary: '', fieldMap: {} };

describe('header alias table', () => {
  test('a legacy Title Case feed: HotWax id in "External Id", no HCCustomerId, "Subsdiary"', () => {
    const feed = lib.readCustomerFeed(
      'External Id,First Name,Last Name,Email,Subsdiary\r\n10081,Ada,Lovelace,ada@example.com,2\r\n',
      'legacy.csv',
    );
    expect(plain(feed.missingColumns)).toEqual([]);
    expect(feed.legacyKeyColumn).toBe('External Id');
    expect(plain(feed.rows[0].values)).toMatchObject({
      HCCustomerId: '10081',
      externalId: '10081',
      subsidiary: '2',
      firstName: 'Ada',
    });
  });

  test.each([
    ['two email columns', 'HCCustomerId,email,E-mail', /"E-mail" is another "email" column/],
    ['two HCCustomerId columns', 'HCCustomerId,firstName,hc_customer_id', /another "HCCustomerId" column/],
    ['an unknown column twice', 'HCCustomerId,loyaltyTier,LoyaltyTier', /"LoyaltyTier"/],
  ])('%s: the whole file is refused, naming the column', (_what, header, names) => {
    const feed = lib.readCustomerFeed(`${header}\r\nHC1,a,b\r\n`);
    expect(feed.refusal).toMatch(names);
    expect(feed.refusal).toMatch(/named twice/);
  });

  test('a header without a repeated name is not refused (blank names do not count)', () => {
    expect(lib.readCustomerFeed('HCCustomerId,,email,\r\nHC1,,a@example.com,\r\n').refusal).toBeNull();
  });

  test("a 2025 feed's externalId (the Shopify id) is never taken for the key", () => {
    const feed = lib.readCustomerFeed('externalId,firstName\r\n661,Ada\r\n');
    expect(plain(feed.missingColumns)).toEqual(['HCCustomerId']);
    expect(feed.legacyKeyColumn).toBeNull();
  });

  test('every Title Case name of the contracts (2a) maps to its column', () => {
    const names = [
      'External Id',
      'HC Shopify Customer Id',
      'First Name',
      'Last Name',
      'Individual',
      'Status',
      'Subsidiary',
      'Taxable',
      'Default Order Priority',
      'Account Origin',
    ];
    const feed = lib.readCustomerFeed(`HCCustomerId,${names.join(',')}\r\n`);
    expect(Object.values(plain(feed.matched)).sort()).toEqual(['HCCustomerId', ...names].sort());
  });
});

describe('row validation: every problem, nothing cut', () => {
  const row = {
    HCCustomerId: 'HC1',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    subsidiary: '2',
  };

  test('a row reports all its problems, not only the first', () => {
    const r = lib.toNewCustomer(
      { ...row, subsidiary: '', email: 'not-an-email', firstName: 'A'.repeat(33), phone: '12' },
      {},
      opts,
    ) as { code: string; problems: { code: string }[]; missingRequired: boolean };
    expect(r.problems.map((p) => p.code)).toEqual([
      'MISSING_SUBSIDIARY',
      'FIELD_TOO_LONG',
      'INVALID_EMAIL',
      'INVALID_PHONE',
    ]);
    expect(r.code).toBe('MISSING_SUBSIDIARY;FIELD_TOO_LONG;INVALID_EMAIL;INVALID_PHONE');
    expect(r.missingRequired).toBe(true);
  });

  test.each([
    ['U+FFFD', 'Ad\uFFFD'],
    ['NUL', 'Ad\u0000a'],
    ['a lone high surrogate', 'Ad\uD83D'],
    ['a lone low surrogate', '\uDE00Ada'],
    ['a control character', 'A\u0007da'],
  ])('%s in a cell fails the row (INVALID_CHARACTER)', (_what, firstName) => {
    const r = lib.toNewCustomer({ ...row, firstName }, {}, opts, [firstName], ['firstName']) as {
      code: string;
      message: string;
    };
    expect(r.code).toBe('INVALID_CHARACTER');
    expect(r.message).toMatch(/column "firstName"/);
  });

  // Every identifier field, each way it can be unclean: a tab or line break anywhere (any other
  // control character is INVALID_CHARACTER in every column), or whitespace at either end.
  test.each(
    (['HCCustomerId', 'HCShopifyCustomerId', 'externalId', 'subsidiary', 'status'] as const).flatMap((k) =>
      (
        [
          ['\n', 'INVALID_CHARACTER'],
          ['\r', 'INVALID_CHARACTER'],
          ['\t', 'INVALID_CHARACTER'],
          ['\u0007', 'INVALID_CHARACTER'],
          [' ', 'SURROUNDING_WHITESPACE'],
          ['\u00a0', 'SURROUNDING_WHITESPACE'],
        ] as const
      ).flatMap(([c, code]) =>
        [`${c}X1`, `X${c}1`, `X1${c}`]
          .filter((v) => code === 'INVALID_CHARACTER' || v !== `X${c}1`)
          .map((v) => [k, JSON.stringify(v), v, code] as const),
      ),
    ),
  )('identifier %s = %s fails the row with %s', (k, _shown, v, code) => {
    const value = k === 'subsidiary' ? v.replace('X', '') : v;
    const values = { ...row, [k]: value };
    const r = lib.toNewCustomer(values, {}, opts, Object.values(values), Object.keys(values)) as {
      problems?: { code: string; message: string }[];
    };
    expect(
      r.problems
        ?.filter((p) => p.code === code)
        .map((p) => p.message.includes(k) || p.message.includes(`"${k}"`)),
    ).toEqual([true]);
  });

  test('a line feed inside an HC id is never a key, and a value with only inner spaces is kept', () => {
    expect((lib.toNewCustomer({ ...row, HCCustomerId: 'HC\n1' }, {}, opts) as { code: string }).code).toBe(
      'INVALID_CHARACTER',
    );
    const ok = lib.toNewCustomer(
      { ...row, status: 'CUSTOMER-Closed Won', HCShopifyCustomerId: ' ' },
      {},
      opts,
    ) as {
      statusName: string;
      shopifyCustomerId: string;
    };
    expect([ok.statusName, ok.shopifyCustomerId]).toEqual(['CUSTOMER-Closed Won', '']);
  });

  test('an emoji is two characters, as NetSuite counts: 31 + 😀 is refused, never cut in half', () => {
    expect(invalidCharacter('Zoë 😀')).toBeNull();
    const r = lib.toNewCustomer({ ...row, firstName: `${'A'.repeat(31)}😀` }, {}, opts) as { code: string };
    expect(r.code).toBe('FIELD_TOO_LONG');
    const ok = lib.toNewCustomer({ ...row, firstName: `${'A'.repeat(30)}😀` }, {}, opts) as {
      firstName: string;
    };
    expect(ok.firstName).toBe(`${'A'.repeat(30)}😀`);
  });

  test("NetSuite's email rule: the product's check and the emulator's model of NetSuite agree", () => {
    const cases = [
      'ada@example.com',
      "o'brien+tag@sub.example.co.uk",
      'A.B-C_d@EXAMPLE.COM',
      'ada@example',
      'a b@example.com',
      'a@@example.com',
      'a..b@example.com',
      '.a@example.com',
      'a.@example.com',
      'a@example..com',
      'a@-example.com',
      'a@example-.com',
      'ü@example.com',
      'a@exämple.com',
      'a@example.com,b@example.com',
      '@example.com',
      'a@',
      '"a"@example.com',
      `${'e'.repeat(64)}@${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(59)}.com`,
    ];
    for (const email of cases) expect([email, isNetSuiteEmail(email)]).toEqual([email, isValidEmail(email)]);
    expect(cases.filter((e) => isNetSuiteEmail(e))).toEqual([
      'ada@example.com',
      "o'brien+tag@sub.example.co.uk",
      'A.B-C_d@EXAMPLE.COM',
    ]);
  });
});

describe('CSV injection (OWASP)', () => {
  test('report cells starting with = + - @ TAB CR get a leading quote; contract files keep exact values', () => {
    const cells = ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx', 'plain', '', 'a=b'];
    expect(cells.map((c) => neutralizeCell(c))).toEqual([
      "'=1+1",
      "'+SUM(A1)",
      "'-2",
      "'@cmd",
      "'\tx",
      "'\rx",
      'plain',
      '',
      'a=b',
    ]);
    expect(neutralizeCell(-5)).toBe(-5);
    expect(toReportCsv(['a', '=b'], [['=x', 'y']])).toBe("a,'=b\r\n'=x,y\r\n");
    expect(toCsv(['a'], [['=x']])).toBe('a\r\n=x\r\n');
  });
});

describe('unterminated quotes never make lines vanish', () => {
  test('each broken line is reported alone, every other line is read', () => {
    const text = 'id,name\r\n1,a\r\n2,"open\r\n3,c\r\n4,"x"y\r\n5,e\r\n';
    const r = lib.parseCsvRecords(text);
    expect(plain(r.records.map((x) => x.lineNumber))).toEqual([1, 2, 4, 6]);
    expect(plain(r.problems.map((p) => [p.lineNumber, p.code]))).toEqual([
      // Line 3's quote is closed by line 5's first one, with text after it: line 3 alone is reported.
      [3, 'STRAY_QUOTE'],
      [5, 'STRAY_QUOTE'],
    ]);
    expect(
      plain(
        lib
          .parseCsvRecords('id,name\r\n1,a\r\n2,"open\r\n3,c\r\n')
          .problems.map((p) => [p.lineNumber, p.code]),
      ),
    ).toEqual([[3, 'UNCLOSED_QUOTE']]);
  });

  test('a file where every line opens a quote is read in linear time, each line reported', () => {
    const lines = ['id,name', ...Array.from({ length: 3000 }, (_, i) => `${i},"open ${i}`)];
    const r = lib.parseCsvRecords(lines.join('\n') + '\n');
    expect(r.records).toHaveLength(1);
    expect(r.problems).toHaveLength(3000);
    expect(r.problems[2999].lineNumber).toBe(3001);
  });
});

describe('listing names never joined into a path', () => {
  test.each([
    ['a/b.csv', 'path separator'],
    ['..\\up.csv', 'path separator'],
    ['x\u0000.csv', 'NUL'],
    ['..', 'segment'],
    ['.', 'segment'],
  ])('%j is reported and skipped, never downloaded or moved', (bad, why) => {
    expect(unsafeNameReason(bad)).toMatch(why);
    const downloaded: string[] = [];
    const moved: string[] = [];
    const errors: string[] = [];
    const summary = lib.runCustomerImport(
      {
        feeds: {
          list: () => [{ name: bad }, { name: 'ok.csv' }],
          download: (name: string) => {
            downloaded.push(name);
            return 'HCCustomerId,subsidiary\r\n';
          },
          writeReport: () => undefined,
          moveFeed: (name: string) => {
            moved.push(name);
            return name;
          },
        },
        customers: {
          findCandidates: () => [],
          create: () => '1',
          update: () => undefined,
          statusId: () => '13',
          subsidiaryExists: () => true,
          leadSourceExists: () => true,
        },
        checkpoint: { load: () => null, save: () => undefined },
        budget: new lib.GovernanceBudget({ remaining: () => 10_000 }),
        now: () => 0,
        leaseHolderRunning: () => false,
        log: { audit: () => undefined, error: (title: string) => errors.push(title) },
      },
      {
        ...opts,
        matchByEmail: false,
        dryRun: false,
        batchSize: 50,
        executionId: 'e',
        deploymentId: 'd',
        restampAfterMs: 0,
      },
    );
    expect(downloaded).toEqual(['ok.csv']);
    expect(moved).toEqual(['ok.csv']);
    expect(plain(summary.files.map((f) => [f.name, f.outcome]))).toEqual([
      [bad, 'skipped'],
      ['ok.csv', 'archived'],
    ]);
    expect(errors).toHaveLength(1);
  });
});

describe('setup mistakes are said once per execution, and every row still errors', () => {
  const run = (feeds: Record<string, string>, o: Partial<typeof opts>, subsidiaries: string[]) => {
    const errors: { title: string; details: string }[] = [];
    const reports: Record<string, string> = {};
    const summary = lib.runCustomerImport(
      {
        feeds: {
          list: () => Object.keys(feeds).map((name) => ({ name })),
          download: (name: string) => feeds[name],
          writeReport: (folder: string, name: string, csv: string) => {
            reports[`${folder}/${name}`] = csv;
          },
          moveFeed: (name: string) => name,
        },
        customers: {
          findCandidates: () => [],
          create: () => '1',
          update: () => undefined,
          statusId: () => '13',
          subsidiaryExists: (id: string) => subsidiaries.includes(id),
          leadSourceExists: () => true,
        },
        checkpoint: { load: () => null, save: () => undefined },
        budget: new lib.GovernanceBudget({ remaining: () => 10_000 }),
        now: () => 0,
        leaseHolderRunning: () => false,
        log: {
          audit: () => undefined,
          error: (title: string, details: string) => errors.push({ title, details }),
        },
      },
      {
        ...opts,
        ...o,
        matchByEmail: false,
        dryRun: false,
        batchSize: 50,
        executionId: 'e',
        deploymentId: 'd',
        restampAfterMs: 0,
      },
    );
    return { errors, reports, summary };
  };
  const noSubsidiaryColumn = 'HCCustomerId,firstName,email\r\nHC1,Ada,bad\r\nHC2,Grace,grace@example.com\r\n';

  test('OneWorld, no subsidiary column, no default: one ERROR naming the parameter for two feeds; each row lists all its problems', () => {
    const { errors, reports, summary } = run(
      { 'a.csv': noSubsidiaryColumn, 'b.csv': noSubsidiaryColumn },
      {},
      ['1', '2'],
    );
    const setup = errors.filter((e) => /setup/.test(e.title));
    expect(setup).toHaveLength(1);
    expect(setup[0].details).toContain('custscript_hc_imp_default_subsidiary');
    expect(plain(summary.totals)).toEqual({ created: 0, linked: 0, alreadyLinked: 0, errors: 4 });
    const report = Object.entries(reports).find(([k]) => k.startsWith('customer/export/error/a-'))![1];
    expect(report).toContain('MISSING_SUBSIDIARY;INVALID_EMAIL');
  });

  test('a default subsidiary that does not exist: one ERROR naming the parameter; rows refused with NetSuite’s code', () => {
    const { errors, summary } = run({ 'a.csv': noSubsidiaryColumn }, { defaultSubsidiary: '99' }, ['1', '2']);
    const setup = errors.filter((e) => /setup/.test(e.title));
    expect(setup.map((e) => e.title)).toEqual([
      'HC_SC_ImportCustomer setup: the default subsidiary does not exist',
    ]);
    expect(setup[0].details).toContain('custscript_hc_imp_default_subsidiary');
    expect(plain(summary.totals)).toMatchObject({ created: 0, errors: 2 });
  });

  test('the same feed with a valid default subsidiary imports its good row, and says nothing about setup', () => {
    const { errors, summary } = run({ 'a.csv': noSubsidiaryColumn }, { defaultSubsidiary: '2' }, ['1', '2']);
    expect(errors.filter((e) => /setup/.test(e.title))).toEqual([]);
    expect(plain(summary.totals)).toMatchObject({ created: 1, errors: 1 });
  });
});
