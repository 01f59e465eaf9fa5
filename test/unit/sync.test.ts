/**
 * Each script's logic (sync/) over fakes of its ports, from the TypeScript sources (no build): fast,
 * no SFTP server, no emulated account. The end to end tests (test/e2e) run the same logic, built,
 * through the real adapters; test/lib loads the built library in a bare context.
 */
import * as lib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib';
import type { ImportState } from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib';
import * as idExport from '../../src/TypeScripts/HotWaxCustomerSync/sync/idExport';
import type { ExportState } from '../../src/TypeScripts/HotWaxCustomerSync/sync/idExport';
import type {
  CustomerStore,
  ExistingCustomer,
  FeedFolder,
  MatchKeys,
} from '../../src/TypeScripts/HotWaxCustomerSync/sync/ports';
import type { HistoricalState } from '../../src/TypeScripts/HotWaxCustomerSync/sync/historicalExport';
import {
  EXPORT_CUSTOMER_IDS,
  IMPORT_CUSTOMER,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';
import { HOTWAX_FEED_HEADER } from '../../src/TypeScripts/HotWaxCustomerSync/core/hotwaxFiles';

/** A usage meter that counts down by what the fakes say each call costs. */
function meter(units: number) {
  const m = { left: units, remaining: () => m.left, spend: (n: number) => (m.left -= n) };
  return m;
}

/** NetSuite's error shape: the code in `name`. */
const nsError = (name: string, message: string) => Object.assign(new Error(message), { name });

/** An in-memory checkpoint with NetSuite's create-once semantics reduced to what the logic sees. */
function memoryCheckpoint<T>(initial: T | null = null) {
  let state: T | null = initial === null ? null : structuredClone(initial);
  const saves: T[] = [];
  return {
    load: () => (state === null ? null : structuredClone(state)),
    save: (s: T) => {
      state = structuredClone(s);
      saves.push(structuredClone(s));
      return true;
    },
    saves,
    get state() {
      return state;
    },
  };
}

describe('historical upload (runHistoricalUpload)', () => {
  const files = [
    { id: '1', name: 'a.csv' },
    { id: '2', name: 'b.csv' },
    { id: '3', name: 'c.csv' },
  ];

  test('a failed upload is reported with its code and its file left; the others are uploaded and archived', () => {
    const archived: string[] = [];
    const uploaded: string[] = [];
    const s = lib.runHistoricalUpload({
      listFiles: () => files,
      load: (id) => `contents ${id}`,
      upload: (dir, name, contents) => {
        if (name === 'b.csv') throw nsError('FTP_PERMISSION_DENIED', 'no');
        uploaded.push(`${dir}/${name}:${contents}`);
      },
      archive: (id) => archived.push(id),
      budget: new lib.GovernanceBudget(meter(10000)),
    });
    expect(uploaded).toEqual([
      'historicalshopifycustomer/csv/a.csv:contents 1',
      'historicalshopifycustomer/csv/c.csv:contents 3',
    ]);
    expect(archived).toEqual(['1', '3']);
    expect(s.uploaded).toEqual(['a.csv', 'c.csv']);
    expect(s.failed).toEqual([{ name: 'b.csv', code: 'FTP_PERMISSION_DENIED', message: 'no' }]);
    expect(s.paused).toBe(false);
  });

  test('with units for one file only it uploads one and pauses, leaving the rest counted', () => {
    const m = meter(lib.STOP_RESERVE + 200);
    const s = lib.runHistoricalUpload({
      listFiles: () => files,
      load: () => 'x',
      upload: () => m.spend(150),
      archive: () => undefined,
      budget: new lib.GovernanceBudget(m),
    });
    expect(s.uploaded).toEqual(['a.csv']);
    expect(s.paused).toBe(true);
    expect(s.remaining).toBe(2);
  });
});

describe('historical export (runHistoricalExport)', () => {
  const customers = Array.from({ length: 25 }, (_, i) => ({
    id: String(i + 1),
    firstName: `First${i + 1}`,
    lastName: 'Last',
    companyName: '',
    shopifyCustomerId: String(6620110000000 + i + 1),
  }));

  function deps(
    checkpoint = memoryCheckpoint<HistoricalState>(),
    units = 100000,
    parts = new Map<string, string>(),
  ) {
    const m = meter(units);
    return {
      parts,
      checkpoint,
      deps: {
        fetchAfter: (after: string) => {
          m.spend(10);
          return customers.filter((c) => Number(c.id) > Number(after)).slice(0, 4000);
        },
        savePart: (name: string, contents: string) => {
          m.spend(20);
          parts.set(name, contents);
          return name;
        },
        partSaved: (name: string) => {
          m.spend(5);
          return parts.has(name);
        },
        duplicates: () => [],
        checkpoint,
        budget: new lib.GovernanceBudget(m),
        now: () => new Date(Date.UTC(2026, 11, 1, 12)),
      },
    };
  }

  test('every customer is in exactly one part, under the byte limit, each part with the header', () => {
    const d = deps();
    const s = lib.runHistoricalExport(d.deps, 300);
    expect(s.finished).toBe(true);
    expect(s.exportedTotal).toBe(25);
    expect(d.parts.size).toBeGreaterThan(1);
    const lines: string[] = [];
    for (const text of d.parts.values()) {
      expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(300);
      const [header, ...rows] = text.split('\r\n').filter(Boolean);
      expect(header).toBe('first-name,last-name,external-id,party-identifications');
      lines.push(...rows);
    }
    expect(lines).toHaveLength(25);
    expect(new Set(lines).size).toBe(25);
    expect(lines[0]).toBe('First1,Last,6620110000001,SHOPIFY_CUST_ID:6620110000001|NETSUITE_CUSTOMER_ID:1');
  });

  test('a finished export is not repeated: nothing is written again', () => {
    const first = deps();
    lib.runHistoricalExport(first.deps, 300);
    const before = new Map(first.parts);
    const again = deps(first.checkpoint, 100000, first.parts);
    let written = 0;
    again.deps.savePart = () => String(++written);
    const s = lib.runHistoricalExport(again.deps, 300);
    expect(s.alreadyFinished).toBe(true);
    expect(written).toBe(0);
    expect(first.parts).toEqual(before);
  });

  test('write-ahead: each part follows the state it makes true, and no save follows the last part', () => {
    const d = deps();
    const saved: number[] = [];
    const save = d.deps.savePart;
    d.deps.savePart = (name, contents) => (saved.push(d.checkpoint.saves.length), save(name, contents));
    lib.runHistoricalExport(d.deps, 300);
    // the checkpoint was saved once before every part, never after the last one
    expect(saved).toEqual(saved.map((_, i) => i + 1));
    expect(d.checkpoint.saves).toHaveLength(d.parts.size);
    const last = d.checkpoint.state!;
    expect(last).toMatchObject({ done: true, exported: 25, nextPart: d.parts.size + 1 });
  });

  test('a crash between a state and its part: the re-run writes that part again, every customer once', () => {
    const crashed = deps();
    let n = 0;
    const save = crashed.deps.savePart;
    crashed.deps.savePart = (name, contents) => {
      if (++n === 3) throw new Error('crash before the third part was saved');
      return save(name, contents);
    };
    expect(() => lib.runHistoricalExport(crashed.deps, 300)).toThrow('crash');
    expect(crashed.parts.size).toBe(2);
    const again = deps(crashed.checkpoint, 100000, crashed.parts);
    const s = lib.runHistoricalExport(again.deps, 300);
    expect(s.finished).toBe(true);
    const rows = [...again.parts.values()].flatMap((t) => t.split('\r\n').filter(Boolean).slice(1));
    expect(rows).toHaveLength(25);
    expect(new Set(rows).size).toBe(25);
    // the same names: the part the crash lost is written under its own name
    expect(s.partsWritten[0]).toMatch(/part0003\.csv$/);
  });
});

describe('id export (planAndSave, sendExport)', () => {
  const customers = [
    { id: '12', hcCustomerId: 'HC12', stamped: true },
    { id: '3', hcCustomerId: 'HC3', stamped: false },
  ];

  /** customer/import/ as a set of names; a failed upload leaves its temporary file, as a crash does. */
  function target(failUpload = false, folder = new Set<string>()) {
    const calls: string[] = [];
    return {
      calls,
      folder,
      connect: () => ({
        listEntries: () => [...folder].map((name) => ({ name, directory: false })),
        removeTemporary: (dir: string, name: string) => {
          folder.delete(`.${name}.part`);
          calls.push(`remove ${dir}/${name}`);
        },
        uploadAtomic: (dir: string, name: string, contents: string) => {
          if (failUpload) {
            folder.add(`.${name}.part`);
            throw nsError('FTP_TRANSFER_FAILED', 'reset');
          }
          folder.add(name);
          calls.push(`upload ${dir}/${name} ${contents.split('\r\n').filter(Boolean).length - 1} rows`);
        },
      }),
    };
  }

  const send = (
    cp: ReturnType<typeof memoryCheckpoint<ExportState>>,
    t: ReturnType<typeof target>,
    more: Partial<idExport.SendDeps> = {},
  ) =>
    idExport.sendExport(
      {
        checkpoint: cp,
        connect: t.connect,
        deploymentId: EXPORT_CUSTOMER_IDS.deploymentId,
        maxRowsPerFile: () => 50000,
        now: new Date(Date.UTC(2026, 11, 1, 12, 0, 0)),
        unique: 'abc123',
        log: { audit: () => undefined },
        ...more,
      },
      customers,
    );

  test("a run's files hold the unique part planned with it: nothing written between the plan and the commit, which keeps the run's entry", () => {
    const cp = memoryCheckpoint<ExportState>({ committed: { stampAfter: 1000 }, pending: {} });
    const planned = idExport.planAndSave(
      cp,
      EXPORT_CUSTOMER_IDS.deploymentId,
      () => 500000,
      120000,
      'pln123',
    );
    expect(planned.pending[EXPORT_CUSTOMER_IDS.deploymentId]).toMatchObject({
      stampAfter: 1000,
      stampUpTo: 380000,
      unique: 'pln123',
    });
    const t = target();
    const { files, recorded } = send(cp, t, { runEntry: (f) => ({ exported: 2, files: f }) });
    expect(files).toEqual(['CustomerExport-20261201T120000Z-pln123.csv']);
    expect(recorded).toBe(true);
    expect(cp.saves).toHaveLength(2); // the plan and the commit
    expect(t.calls).toEqual([`upload customer/import/${files[0]} 2 rows`]);
    expect(cp.state).toEqual({
      committed: { stampAfter: 380000 },
      pending: {},
      lastRuns: [
        {
          exported: 2,
          files,
          deploymentId: EXPORT_CUSTOMER_IDS.deploymentId,
          ended: Date.UTC(2026, 11, 1, 12),
        },
      ],
    });
  });

  test('the run history kept in the checkpoint stays short enough for one lookup: oldest runs and extra file names dropped', () => {
    let state: ExportState = { committed: { stampAfter: 1 }, pending: {} };
    const many = Array.from({ length: 40 }, (_, i) => `CustomerExport-20261201T120000Z-abc123-${i}.csv`);
    for (let i = 0; i < 30; i++)
      state = idExport.withRunEntry(state, { deploymentId: 'd', ended: i, exported: 9, files: many });
    expect(JSON.stringify(state).length).toBeLessThanOrEqual(3500);
    expect(state.lastRuns![0]).toMatchObject({ ended: 29, filesOmitted: 35 });
    expect((state.lastRuns![0].files as string[]).length).toBe(5);
  });

  test('a failed upload leaves the cursor where it was; the next run removes what it left, then sends again', () => {
    const cp = memoryCheckpoint<ExportState>({ committed: { stampAfter: 1000 }, pending: {} });
    idExport.planAndSave(cp, EXPORT_CUSTOMER_IDS.deploymentId, () => 500000, 120000, 'pln123');
    const failed = target(true);
    expect(() => send(cp, failed)).toThrow('reset');
    expect(cp.state!.committed.stampAfter).toBe(1000);
    idExport.planAndSave(cp, EXPORT_CUSTOMER_IDS.deploymentId, () => 600000, 120000, 'pln456');
    const t = target(false, failed.folder);
    send(cp, t);
    expect(t.calls[0]).toBe('remove customer/import/CustomerExport-20261201T120000Z-pln123.csv');
    expect(t.calls[1]).toMatch(/^upload customer\/import\/CustomerExport-20261201T120000Z-pln456.csv/);
    expect(cp.state!.committed.stampAfter).toBe(480000);
  });

  test.each([
    ['under way (started a minute ago) is spared', 60e3, true],
    ['of a run started two days ago (it crashed) is removed', 2 * 864e5, false],
  ])(
    "a restarted summarize removes its earlier attempt's temporary file, named anew; another deployment's upload %s",
    (_what, age, spared) => {
      const cp = memoryCheckpoint<ExportState>({ committed: { stampAfter: 1000 }, pending: {} });
      // The other deployment's run: its temporary file holds its unique part.
      idExport.planAndSave(
        cp,
        EXPORT_CUSTOMER_IDS.onDemandDeploymentId,
        () => Date.UTC(2026, 11, 1, 12) - age,
        120000,
        'other1',
      );
      idExport.planAndSave(cp, EXPORT_CUSTOMER_IDS.deploymentId, () => 500000, 120000, 'pln123');
      const folder = new Set(['.CustomerExport-20261201T115900Z-other1.csv.part', 'CustomerExport-old.csv']);
      expect(() => send(cp, target(true, folder))).toThrow('reset');
      // The restart: same pending run, a later time, so a new name; NetSuite says it is restarted.
      const t = target(false, folder);
      send(cp, t, { now: new Date(Date.UTC(2026, 11, 1, 12, 5, 0)), restarted: true });
      expect([...folder].sort()).toEqual([
        ...(spared ? ['.CustomerExport-20261201T115900Z-other1.csv.part'] : []),
        'CustomerExport-20261201T120500Z-pln123.csv',
        'CustomerExport-old.csv',
      ]);
    },
  );

  test('without a crash or a restart the folder is not listed', () => {
    const cp = memoryCheckpoint<ExportState>({ committed: { stampAfter: 1000 }, pending: {} });
    idExport.planAndSave(cp, EXPORT_CUSTOMER_IDS.deploymentId, () => 500000, 120000, 'pln123');
    const folder = new Set(['.CustomerExport-20261201T115900Z-zzz999.csv.part']);
    send(cp, target(false, folder));
    expect(folder.has('.CustomerExport-20261201T115900Z-zzz999.csv.part')).toBe(true);
  });

  test('a checkpoint that never reads back is a SyncError with its code', () => {
    const cp = { load: () => null, save: () => false };
    let thrown: unknown;
    try {
      idExport.planAndSave(cp, EXPORT_CUSTOMER_IDS.deploymentId, () => 1, 0);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(lib.SyncError);
    expect((thrown as Error).name).toBe('HC_CHECKPOINT_CONFLICT');
  });
});

describe('customer import (runCustomerImport)', () => {
  const HEADER = HOTWAX_FEED_HEADER.join(',');
  const row = (id: string, email = `${id.toLowerCase()}@example.com`) =>
    `${id},Ada,Lovelace,${email},,66${id.replace(/\D/g, '').padStart(11, '0')},,T,CUSTOMER-Closed Won,TRUE,5,2`;

  /** A feed folder in memory: customer/export/ and its subfolders. */
  function folder(feeds: Record<string, string>) {
    const waiting = new Map(Object.entries(feeds));
    const reports = new Map<string, string>();
    const moved: string[] = [];
    const f: FeedFolder = {
      list: () => [...waiting.keys()].map((name) => ({ name, size: waiting.get(name)!.length })),
      download: (name) => {
        const t = waiting.get(name);
        if (t === undefined) throw nsError('FTP_NO_SUCH_FILE_OR_DIRECTORY', name);
        return t;
      },
      writeReport: (dir, name, csv) => void reports.set(`${dir}/${name}`, csv),
      moveFeed: (name, dir) => {
        waiting.delete(name);
        moved.push(`${dir}/${name}`);
        return name;
      },
    };
    return { f, reports, moved, waiting };
  }

  /** Customers in memory, found the way the search adapter finds them. */
  function store() {
    const customers: ExistingCustomer[] = [];
    const s: CustomerStore = {
      findCandidates: (k: MatchKeys) =>
        customers.filter(
          (c) =>
            k.hcCustomerIds.includes(c.hcCustomerId) ||
            k.externalIds.includes(c.externalId) ||
            k.shopifyCustomerIds.includes(c.shopifyCustomerId) ||
            k.emails.includes(c.email),
        ),
      create: (n, _status, stamp) => {
        const id = String(100 + customers.length);
        customers.push({
          id,
          hcCustomerId: n.hcCustomerId,
          externalId: n.externalId,
          shopifyCustomerId: n.shopifyCustomerId,
          email: n.email,
          inactive: false,
          stamp,
        });
        return id;
      },
      update: (id, values) => {
        const c = customers.find((x) => x.id === id)!;
        if (typeof values.custentity_hc_customer_id === 'string')
          c.hcCustomerId = values.custentity_hc_customer_id;
      },
      statusId: (name) => (name === 'CUSTOMER-Closed Won' ? '13' : null),
      subsidiaryExists: (id) => id === '1' || id === '2',
      leadSourceExists: () => null,
    };
    return { s, customers };
  }

  function run(
    feeds: ReturnType<typeof folder>,
    customers: ReturnType<typeof store>,
    cp = memoryCheckpoint<ImportState>(),
  ) {
    return lib.runCustomerImport(
      {
        feeds: feeds.f,
        customers: customers.s,
        checkpoint: cp,
        leaseHolderRunning: () => false,
        budget: new lib.GovernanceBudget(meter(10000)),
        now: () => Date.UTC(2026, 11, 1, 12),
        log: { audit: () => undefined, error: () => undefined },
      },
      {
        oneWorld: true,
        defaultSubsidiary: '',
        fieldMap: {},
        matchByEmail: false,
        dryRun: false,
        batchSize: 50,
        executionId: 'exec-1',
        deploymentId: IMPORT_CUSTOMER.deploymentId,
        restampAfterMs: 3600000,
      },
    );
  }

  test('every line is accounted for: created, or reported with its line number; the feed is archived', () => {
    const feeds = folder({
      'feed.csv': [HEADER, row('HC1'), row('HC2', 'not-an-email'), row('HC3')].join('\r\n') + '\r\n',
    });
    const customers = store();
    const s = run(feeds, customers);
    expect(s.totals).toEqual({ created: 2, linked: 0, alreadyLinked: 0, errors: 1 });
    expect(customers.customers.map((c) => c.hcCustomerId)).toEqual(['HC1', 'HC3']);
    expect(feeds.moved).toEqual(['customer/export/archive/feed.csv']);
    const [reportName, report] = [...feeds.reports].find(([n]) => n.startsWith('customer/export/error/'))!;
    expect(reportName).toMatch(/^customer\/export\/error\/feed-\d{8}T\d{6}Z-[0-9a-z]{6}-errors\.csv$/);
    const lines = report.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('fileName,lineNumber,HCCustomerId,errorCode,errorMessage');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['feed.csv,3,HC2']);
  });

  test('the same customers again in a second feed are found, never created twice', () => {
    const customers = store();
    run(folder({ 'a.csv': `${HEADER}\r\n${row('HC1')}\r\n` }), customers);
    const s = run(folder({ 'b.csv': `${HEADER}\r\n${row('HC1')}\r\n${row('HC2')}\r\n` }), customers);
    expect(s.totals.created).toBe(1);
    expect(s.totals.created + s.totals.linked + s.totals.alreadyLinked).toBe(2);
    expect(customers.customers.map((c) => c.hcCustomerId)).toEqual(['HC1', 'HC2']);
  });
});
