/**
 * One error policy: what stops an execution is logged under its own code (never `Error`), in the
 * execution's ERROR line, in the error NetSuite ends the execution with, and in its AUDIT summary;
 * and no secret is in any of them. The class: every script that connects to the SFTP server, and
 * the two other kinds of stop (a bad settings record, a bad script parameter).
 */
import { utils } from 'ssh2';
import { KEY_ID, SECRET_ID, SyncEnvironment } from '../../simulation/environment';
import type { ScriptKey } from '../../simulation/environment';
import type { ExecutionResult } from '../../emulator/src';
import { feedText, serverKind, writeFeed } from './helpers';

const kind = serverKind();
let env: SyncEnvironment;

beforeEach(async () => {
  env = await SyncEnvironment.start({ sftp: kind });
});
afterEach(async () => {
  await env.stop();
});

/** What each script needs to reach its SFTP connection. */
const SETUP: Record<'import' | 'export' | 'upload', () => void> = {
  import: () => writeFeed(env, 'feed.csv', feedText([{ HCCustomerId: 'HC1' }])),
  export: () => {
    env.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Ada',
      lastname: 'Lovelace',
      subsidiary: 2,
      custentity_hc_customer_id: 'HC1',
    });
  },
  upload: () => {
    env.account.records.create('customer', {
      isperson: 'T',
      firstname: 'Ada',
      lastname: 'Lovelace',
      subsidiary: 2,
      custentity_hc_shop_cust_id: '6620110000001',
    });
    expect(env.run('generate').every((r) => r.status === 'COMPLETE')).toBe(true);
  },
};

const SCRIPT_NAME: Record<string, string> = {
  import: 'HC_SC_ImportCustomer',
  export: 'HC_MR_ExportedCustomerCSV',
  upload: 'HC_SC_UploadHistoricalCustomerCSV',
  generate: 'HC_SC_GenerateHistoricalCustomerCSV',
};

/** The code the execution ended with, its ERROR lines' titles and its summary. */
function outcome(results: ExecutionResult[], key: ScriptKey) {
  const failed = results.filter((r) => r.status === 'FAILED');
  const logs = results.flatMap((r) => r.logs);
  const summaries = logs
    .filter((l) => l.level === 'AUDIT' && l.title === `${SCRIPT_NAME[key]} summary`)
    .map((l) => JSON.parse(l.details) as Record<string, unknown>);
  return {
    failed,
    codes: failed.map((r) => r.error?.name),
    errorTitles: logs.filter((l) => l.level === 'ERROR').map((l) => l.title),
    summaries,
  };
}

/** Every text an administrator or HotWax could read: logs, errors, SFTP files, the File Cabinet. */
function everythingWritten(): string[] {
  const out: string[] = [];
  for (const l of env.account.logs) out.push(l.title, l.details);
  for (const e of env.account.executions) if (e.error) out.push(e.error.name, e.error.message);
  for (const r of env.account.records.all('folder'))
    for (const f of env.account.files.list(Number(r.id))) out.push(String(f.contents ?? ''));
  return out;
}

/** Replaces the stored credential with a wrong one; returns the texts that must never be written. */
function wrongCredential(): string[] {
  const guid = String(
    env.account.records.get('customrecord_ns_sftp_configuration', env.sftpRecordId)?.values
      .custrecord_ns_sftp_guid,
  );
  if (guid === SECRET_ID) {
    const real = env.account.secrets.get(SECRET_ID)!;
    const wrong = 'Wr0ng-passw0rd-for-this-test';
    env.account.secrets.set(SECRET_ID, wrong);
    return [real, wrong];
  }
  expect(guid).toBe(KEY_ID);
  const real = env.account.keys.get(KEY_ID)!;
  const wrong = utils.generateKeyPairSync('ecdsa', { bits: 256 }).private;
  env.account.keys.set(KEY_ID, wrong);
  const slices = (k: string) =>
    k
      .split('\n')
      .filter((l) => l.length > 30 && !l.startsWith('-----'))
      .map((l) => l.slice(0, 24));
  return [...slices(real), ...slices(wrong)];
}

describe(`error policy against ${kind}`, () => {
  test.each(['import', 'export', 'upload'] as const)(
    '%s: a refused SFTP login ends the execution under N/sftp code FTP_CANNOT_ESTABLISH_CONNECTION, in its log and summary, with no secret',
    (key) => {
      SETUP[key]();
      const secrets = wrongCredential();
      expect(secrets.length).toBeGreaterThan(0);
      const o = outcome(env.run(key), key);
      expect(o.codes).toEqual(['FTP_CANNOT_ESTABLISH_CONNECTION']);
      expect(o.errorTitles).toContain('FTP_CANNOT_ESTABLISH_CONNECTION');
      expect(o.errorTitles).not.toContain('Error');
      expect(o.summaries).toEqual([
        {
          error: {
            code: 'FTP_CANNOT_ESTABLISH_CONNECTION',
            message: expect.stringMatching(/^Cannot connect to /),
          },
        },
      ]);
      expect(o.failed[0].error?.message).toContain('HC SFTP Configuration record');
      for (const text of everythingWritten()) for (const s of secrets) expect(text.includes(s)).toBe(false);
    },
  );

  test('a host key that does not match: FTP_INCORRECT_HOST_KEY', () => {
    SETUP.import();
    env.account.records.update('customrecord_ns_sftp_configuration', env.sftpRecordId, {
      custrecord_ns_sftp_host_key:
        'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHdyb25nIGtleSB3cm9uZyBrZXkgd3JvbmcgeGV5IHdyb25nIGtleSB3cm9uZyBrZXk=',
    });
    const o = outcome(env.run('import'), 'import');
    expect(o.codes).toEqual(['FTP_INCORRECT_HOST_KEY']);
    expect(o.summaries.map((s) => (s.error as { code: string }).code)).toEqual(['FTP_INCORRECT_HOST_KEY']);
  });

  test('a settings record without a host key: HC_SFTP_CONFIG_INVALID, naming the field', () => {
    SETUP.import();
    env.account.records.update('customrecord_ns_sftp_configuration', env.sftpRecordId, {
      custrecord_ns_sftp_host_key: '',
    });
    const o = outcome(env.run('import'), 'import');
    expect(o.codes).toEqual(['HC_SFTP_CONFIG_INVALID']);
    expect(o.errorTitles).toContain('HC_SFTP_CONFIG_INVALID');
    expect(o.failed[0].error?.message).toContain('custrecord_ns_sftp_host_key');
    expect(o.summaries.map((s) => (s.error as { code: string }).code)).toEqual(['HC_SFTP_CONFIG_INVALID']);
  });

  test.each([
    ['generate', { custscript_hc_ghc_id_source: 'not a field' }, 'custscript_hc_ghc_id_source'],
    ['generate', { custscript_hc_ghc_max_file_bytes: 'many' }, 'custscript_hc_ghc_max_file_bytes'],
    ['import', { custscript_hc_imp_field_map: '{not json' }, 'custscript_hc_imp_field_map'],
  ] as const)('%s with a bad parameter %j: HC_PARAMETER_INVALID naming %s', (key, params, param) => {
    if (key === 'import') SETUP.import();
    env.setParams(key, params);
    const o = outcome(env.run(key), key);
    expect(o.codes).toEqual(['HC_PARAMETER_INVALID']);
    expect(o.failed[0].error?.message).toContain(param);
    expect(o.summaries.map((s) => (s.error as { code: string }).code)).toEqual(['HC_PARAMETER_INVALID']);
  });

  test('a completed run writes one summary, without `error`', () => {
    SETUP.import();
    const o = outcome(env.run('import'), 'import');
    expect(o.failed).toEqual([]);
    expect(o.summaries).toHaveLength(1);
    expect(o.summaries[0]).not.toHaveProperty('error');
  });
});
