import path from 'node:path';
import { loadSavedCsvImports, parseCsv, csvFieldId } from '../../src/data/savedCsvImports';
import { Scheduler } from '../../src/runners/scheduler';
import { FIXTURES, fixtureAccount, logged, scheduled } from './helpers';

function setup(csv: string) {
  const account = fixtureAccount();
  for (const [id, m] of loadSavedCsvImports(path.join(FIXTURES, 'Objects')))
    account.savedCsvImports.set(id, m);
  account.files.putText('/Imports/customers.csv', csv, 'CSV');
  scheduled(account, 'customscript_async', '/SuiteScripts/Task/SC_AsyncTasks.js');
  return account;
}

// NetSuite help "savedcsvimport", "Saved CSV Import Maps XML Definition Example": STD-prefixed standard fields,
// column references, data handling ADD / UPDATE / ADDUPDATE.
describe('saved CSV import maps', () => {
  test('are read from SDF savedcsvimport XML', () => {
    const m = loadSavedCsvImports(path.join(FIXTURES, 'Objects')).get('custimport_hc_customers');
    expect(m).toMatchObject({ recordType: 'customer', dataHandling: 'ADDUPDATE', columnDelimiter: 'COMMA' });
    expect(m?.records[0].fields).toContainEqual({ field: 'email', column: 'Email', file: 'CUSTOMER' });
    expect(m?.records[0].fields).toContainEqual({ field: 'subsidiary', value: '1' });
    expect(csvFieldId('[scriptid=custentity_hc_customer_id]')).toBe('custentity_hc_customer_id');
    expect(parseCsv('a|"b|c"\r\n"x ""y"""|z\n', 'PIPE')).toEqual([
      ['a', 'b|c'],
      ['x "y"', 'z'],
    ]);
  });
});

// Help "CsvImportTask.submit()" (100 units), "task.SearchTask", "task.checkStatus(options)".
describe('CSV import and search tasks', () => {
  test('a CSV import adds and updates by external id and reports failed rows by line; a search task writes a CSV', () => {
    const account = setup(
      'External Id,Company,Email\r\nHC-1,Acme Renamed,new@acme.test\r\nHC-2,Beta Ltd,beta@beta.test\r\nHC-3,,nobody@x.test\r\n',
    );
    const existing = account.records.create('customer', {
      externalid: 'HC-1',
      companyname: 'Acme',
      isperson: false,
      subsidiary: 1,
    });
    const s = new Scheduler(account);
    s.submit('customscript_async', 'customdeploy_async');
    const [run, csvJob, searchJob] = s.run();
    expect(run.error).toBeUndefined();
    expect(run.status).toBe('COMPLETE');
    const sub = logged<{ csvId: string; stId: string; csvStatus: string; remaining: number }>(
      run.logs,
      'submitted',
    );
    expect(sub.csvStatus).toBe('PENDING');
    expect(run.usage.byApi['task.CsvImportTask.submit'].units).toBe(100);
    expect(run.usage.byApi['task.SearchTask.submit'].units).toBe(100);
    expect(csvJob.kind).toBe('CSV_IMPORT');
    expect(csvJob.status).toBe('COMPLETE');
    expect(csvJob.csvImport).toMatchObject({ total: 3, added: 1, updated: 1 });
    expect(csvJob.csvImport?.failed).toHaveLength(1);
    expect(csvJob.csvImport?.failed[0].line).toBe(4);
    expect(csvJob.csvImport?.failed[0].error).toMatch(/Company Name|companyname/i);
    expect(csvJob.csvImport?.records).toContainEqual({ line: 2, id: existing, action: 'UPDATE' });
    expect(account.records.get('customer', existing)?.values.companyname).toBe('Acme Renamed');
    expect(account.records.findByExternalId('customer', 'HC-2')?.values.email).toBe('beta@beta.test');
    expect(account.tasks.get(sub.csvId)?.status).toBe('COMPLETE');
    expect(csvJob.modeledMs).toBeGreaterThan(0);

    expect(searchJob.kind).toBe('SEARCH');
    expect(searchJob.status).toBe('COMPLETE');
    const out = account.files.getByPath('/Exports/customers.csv');
    expect(out?.contents.split('\r\n')[0]).toMatch(/External ID|externalid/i);
    expect(out?.contents).toContain('Acme Renamed');
    expect(out?.contents).toContain('beta@beta.test');
  });

  test('with multi-threading the rows run on 5 threads, not in file order, and the job is modeled shorter', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `MT-${i},Company ${i},c${i}@x.test`).join('\r\n');
    const run = (mt: boolean) => {
      const account = setup(`External Id,Company,Email\r\n${rows}\r\n`);
      account.savedCsvImports.get('custimport_hc_customers')!.multithreading = mt;
      const s = new Scheduler(account);
      s.submit('customscript_async', 'customdeploy_async');
      return s.run()[1];
    };
    const single = run(false);
    const multi = run(true);
    expect(multi.csvImport).toMatchObject({ threads: 5, added: 20 });
    const ids = multi.csvImport!.records.map((r) => r.id);
    expect(ids).not.toEqual([...ids].sort((a, b) => a - b));
    expect(single.csvImport!.records.map((r) => r.id)).toEqual(
      [...single.csvImport!.records.map((r) => r.id)].sort((a, b) => a - b),
    );
    expect(multi.modeledMs).toBeLessThan(single.modeledMs / 2);
  });

  test('submit refuses an unknown map or a missing file before queueing', () => {
    const account = setup('External Id,Company,Email\r\n');
    account.savedCsvImports.clear();
    const s = new Scheduler(account);
    s.submit('customscript_async', 'customdeploy_async');
    const [run] = s.run();
    expect(run.status).toBe('FAILED');
    expect(run.error?.name).toBe('FAILED_TO_SUBMIT_JOB_REQUEST_1');
  });
});
