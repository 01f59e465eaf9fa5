/**
 * The companion library's pure logic, run from the BUILT library module (what SDF deploys) in a
 * bare context: configuration checks, feed row validation, cursor planning, file formats and names.
 * Helpers the entry points do not use (so the library does not export them), from their modules.
 */
import '../support/csvPackages';
import path from 'node:path';
import { loadBareAmd } from '../support/bareAmd';
import type * as Lib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib';
import { sftpSettingsFrom } from '../../src/TypeScripts/HotWaxCustomerSync/core/config';
import {
  planRun,
  commitRun,
  partyIdentificationFiles,
} from '../../src/TypeScripts/HotWaxCustomerSync/sync/idExport';
import { timestampedCsvName } from '../../src/TypeScripts/HotWaxCustomerSync/core/fileNames';
import { historicalLine } from '../../src/TypeScripts/HotWaxCustomerSync/sync/historicalExport';
import { EXPORT_CUSTOMER_IDS } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

const LIB = path.resolve(
  __dirname,
  '../../src/FileCabinet/SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib.js',
);
const lib = loadBareAmd<typeof Lib>(LIB).exports;

const record = {
  id: '7',
  host: 'sftp.hotwax.io',
  username: 'acme-sftp',
  port: '22',
  hostKey: 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBAbc=',
  credential: 'custsecret_hc_sftp_password',
  defaultDirectory: '/home/acme-sftp/netsuite',
};

describe('SFTP settings (customrecord_ns_sftp_configuration)', () => {
  test('the default directory works with or without its trailing slash', () => {
    expect(sftpSettingsFrom(record).directory).toBe('/home/acme-sftp/netsuite/');
    expect(sftpSettingsFrom({ ...record, defaultDirectory: '/home/acme-sftp/netsuite/' }).directory).toBe(
      '/home/acme-sftp/netsuite/',
    );
  });

  test('the host key type prefix is stripped and its type inferred', () => {
    const s = sftpSettingsFrom(record);
    expect(s.hostKey).toBe('AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBAbc=');
    expect(s.hostKeyType).toBe('ecdsa');
    expect(s.credential).toEqual({ kind: 'secret', id: 'custsecret_hc_sftp_password' });
  });

  test.each([
    [{ hostKey: '' }, 'custrecord_ns_sftp_host_key'],
    [{ hostKey: 'not a key' }, 'custrecord_ns_sftp_host_key'],
    [{ host: ' ' }, 'custrecord_ns_sftp_server'],
    [{ port: '70000' }, 'custrecord_ns_sftp_port_no'],
    [{ credential: 'hunter2' }, 'custrecord_ns_sftp_guid'],
    [{ defaultDirectory: '' }, 'custrecord_ns_sftp_default_file_dir'],
  ])('a bad setting %j stops with an error naming the record and field %s', (bad, field) => {
    let message = '';
    try {
      sftpSettingsFrom({ ...record, ...bad });
    } catch (e) {
      message = (e as Error).message;
      expect((e as Error).name).toBe('HC_SFTP_CONFIG_INVALID');
    }
    expect(message).toContain('customrecord_ns_sftp_configuration');
    expect(message).toContain('record 7');
    expect(message).toContain(field);
    // A value typed where the secret id belongs is never echoed back.
    expect(message).not.toContain('hunter2');
  });

  test('the directory parameter overrides the record and must be absolute', () => {
    const param = 'custscript_hc_imp_sftp_directory';
    expect(sftpSettingsFrom(record, { directory: { param, value: '/other' } }).directory).toBe('/other/');
    expect(() => sftpSettingsFrom(record, { directory: { param, value: 'relative' } })).toThrow(param);
  });
});

describe('customer feed rows (docs/CONTRACTS.md §2a)', () => {
  const opts = { oneWorld: true, defaultSubsidiary: '1', fieldMap: { loyalty: 'custentity_loyalty' } };
  const row = {
    HCCustomerId: '10081',
    firstName: 'Ada',
    lastName: 'X',
    email: 'ada@example.com',
    phone: '1 212 5550100',
    HCShopifyCustomerId: '6620112345678',
    externalId: '6620112345678',
    individual: 'T',
    status: 'CUSTOMER-Closed Won',
    taxable: 'TRUE',
    defaultOrderPriority: '5',
  };

  test("HotWax's X placeholder is kept only where NetSuite needs a name", () => {
    const c = lib.toNewCustomer(row, { loyalty: 'gold' }, opts);
    expect(c).toMatchObject({
      hcCustomerId: '10081',
      isPerson: true,
      firstName: 'Ada',
      lastName: 'X',
      subsidiary: '1',
      taxable: true,
      defaultOrderPriority: 5,
      extraFields: { custentity_loyalty: 'gold' },
    });
  });

  test.each([
    [{ HCCustomerId: '' }, 'MISSING_HC_CUSTOMER_ID', true],
    [{ email: 'not-an-email' }, 'INVALID_EMAIL', false],
    [{ taxable: 'maybe' }, 'INVALID_TAXABLE', false],
    [{ individual: 'F', firstName: 'X', lastName: 'X' }, 'MISSING_COMPANY_NAME', true],
    [{ phone: '12' }, 'INVALID_PHONE', false],
  ])('%j is reported as %s', (change, code, missingRequired) => {
    expect(lib.toNewCustomer({ ...row, ...change }, {}, opts)).toMatchObject({ code, missingRequired });
  });

  test('OneWorld without a subsidiary in the row or the default parameter is missing required data', () => {
    const p = lib.toNewCustomer(row, {}, { ...opts, defaultSubsidiary: '' });
    expect(p).toMatchObject({ code: 'MISSING_SUBSIDIARY', missingRequired: true });
    expect(lib.toNewCustomer(row, {}, { ...opts, oneWorld: false, defaultSubsidiary: '' })).toMatchObject({
      subsidiary: '',
    });
  });

  test('the field map parameter must be a JSON object of field ids', () => {
    expect(lib.parseFieldMap('p', '{"tier":"custentity_tier"}')).toEqual({ tier: 'custentity_tier' });
    expect(lib.parseFieldMap('p', '')).toEqual({});
    expect(() => lib.parseFieldMap('custscript_x', '{nope')).toThrow('custscript_x');
    expect(() => lib.parseFieldMap('p', '{"a":"Not A Field"}')).toThrow('not a field id');
  });
});

describe('id export cursor (numbers only: no date format or time zone)', () => {
  test('a run selects up to now minus the settle time, and commits only what it planned', () => {
    const planned = planRun(null, EXPORT_CUSTOMER_IDS.deploymentId, 1_000_000, 120_000);
    expect(planned.pending[EXPORT_CUSTOMER_IDS.deploymentId]).toMatchObject({
      stampAfter: 0,
      stampUpTo: 880_000,
    });
    const committed = commitRun(planned, EXPORT_CUSTOMER_IDS.deploymentId);
    expect(committed).toEqual({ committed: { stampAfter: 880_000 }, pending: {} });
    // A run that never committed (upload failed) plans again from the same committed cursor.
    expect(
      planRun(planned, EXPORT_CUSTOMER_IDS.deploymentId, 2_000_000, 0).pending[
        EXPORT_CUSTOMER_IDS.deploymentId
      ],
    ).toMatchObject({ stampAfter: 0, stampUpTo: 2_000_000 });
  });

  test("a crashed run's files are handed to the next run of the same deployment only", () => {
    const planned = planRun(null, EXPORT_CUSTOMER_IDS.deploymentId, 1_000, 0);
    planned.pending[EXPORT_CUSTOMER_IDS.deploymentId].files = ['CustomerExport-a.csv'];
    const other = planRun(planned, EXPORT_CUSTOMER_IDS.onDemandDeploymentId, 2_000, 0);
    expect(other.pending[EXPORT_CUSTOMER_IDS.onDemandDeploymentId].leftovers).toBeUndefined();
    const again = planRun(other, EXPORT_CUSTOMER_IDS.deploymentId, 3_000, 0);
    expect(again.pending[EXPORT_CUSTOMER_IDS.deploymentId].leftovers).toEqual(['CustomerExport-a.csv']);
    // Crashing again before naming its own files keeps the list for the run after.
    const third = planRun(again, EXPORT_CUSTOMER_IDS.deploymentId, 4_000, 0);
    expect(third.pending[EXPORT_CUSTOMER_IDS.deploymentId].leftovers).toEqual(['CustomerExport-a.csv']);
    expect(commitRun(third, EXPORT_CUSTOMER_IDS.deploymentId).pending).not.toHaveProperty(
      EXPORT_CUSTOMER_IDS.deploymentId,
    );
  });

  test('two deployments running at once: whichever commits first, the cursor never skips a range', () => {
    const a = planRun(null, EXPORT_CUSTOMER_IDS.deploymentId, 1_000, 0);
    const both = planRun(a, EXPORT_CUSTOMER_IDS.onDemandDeploymentId, 2_000, 0);
    // The later run (up to 2,000) commits first, then the earlier one (up to 1,000): the cursor stays at 2,000.
    const afterRest = commitRun(both, EXPORT_CUSTOMER_IDS.onDemandDeploymentId);
    const afterBoth = commitRun(afterRest, EXPORT_CUSTOMER_IDS.deploymentId);
    expect(afterBoth.committed.stampAfter).toBe(2_000);
    // The earlier run commits and the later one fails: the later one's range is selected again next time.
    const onlyA = commitRun(both, EXPORT_CUSTOMER_IDS.deploymentId);
    expect(onlyA.committed.stampAfter).toBe(1_000);
    expect(
      planRun(onlyA, EXPORT_CUSTOMER_IDS.onDemandDeploymentId, 3_000, 0).pending[
        EXPORT_CUSTOMER_IDS.onDemandDeploymentId
      ].stampAfter,
    ).toBe(1_000);
  });

  test('party identification files follow contract 2b, split by size, sorted by internal id', () => {
    const files = partyIdentificationFiles(
      [
        { id: '9', hcCustomerId: '10082', stamped: true },
        { id: '4321', hcCustomerId: '10081', stamped: true },
        { id: '10', hcCustomerId: 'a,b', stamped: true },
      ],
      2,
    );
    expect(files).toEqual([
      'partyId,partyIdentificationTypeId,idValue\r\n10082,NETSUITE_CUSTOMER_ID,9\r\n"a,b",NETSUITE_CUSTOMER_ID,10\r\n',
      'partyId,partyIdentificationTypeId,idValue\r\n10081,NETSUITE_CUSTOMER_ID,4321\r\n',
    ]);
  });
});

describe('file names and formats', () => {
  test('timestamped names are UTC, sortable, without spaces or colons', () => {
    const name = timestampedCsvName(
      'CustomerExport',
      new Date(Date.UTC(2026, 10, 26, 20, 38, 46, 123)),
      'k3f9qa',
    );
    expect(name).toBe('CustomerExport-20261126T203846Z-k3f9qa.csv');
    expect(lib.uniqueSuffix()).toMatch(/^[0-9a-z]{6}$/);
  });

  test('historical lines follow contract 2c', () => {
    expect(
      historicalLine({
        id: '4321',
        firstName: 'Ada',
        lastName: 'Lovelace',
        companyName: '',
        shopifyCustomerId: '6620112345678',
      }),
    ).toBe('Ada,Lovelace,6620112345678,SHOPIFY_CUST_ID:6620112345678|NETSUITE_CUSTOMER_ID:4321\r\n');
  });
});
