/**
 * N/sftp against real SSH servers: OpenSSH's sshd and the embedded ssh2 server, one suite for both.
 * NetSuite help pages cited by title in test names: "sftp.createConnection(options)",
 * "Connection.upload(options)", "Connection.download(options)", "Connection.list(options)",
 * "sftp.Sort", "SFTP Connector Error Codes"; the others (move, removeFile, makeDirectory,
 * removeDirectory) follow the SuiteCloud unit-testing stub sftp/Connection.js.
 *
 * The openssh run is skipped when sshd is not usable here, unless HC_REQUIRE_OPENSSH=1 (CI), in
 * which case starting the server fails and so do the tests.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type * as sftpTypes from 'N/sftp';
import { createSftpModule, closeSftpConnections, type ListEntry } from '../../src/modules/sftp';
import { closeAll, openCount } from '../../src/sftp/bridge';
import {
  generateEcdsaKey,
  openSshAvailable,
  openSshHidden,
  startEmbeddedServer,
  startSftpServer,
  type RunningSftpServer,
} from '../../src/sftp/servers';
import { makeContext, textFile, thrown } from './helpers';

jest.setTimeout(60000);

const KINDS = ['openssh', 'embedded'] as const;
type Kind = (typeof KINDS)[number];

function runs(kind: Kind): boolean {
  return (
    kind === 'embedded' ||
    (!openSshHidden() && (openSshAvailable() || process.env.HC_REQUIRE_OPENSSH === '1'))
  );
}

afterAll(() => closeAll());

describe.each(KINDS)('N/sftp against %s', (kind) => {
  const maybe = runs(kind) ? test : test.skip;
  let server: RunningSftpServer;
  const KEY_ID = 'custkey_hc_sftp';
  const SECRET_ID = 'custsecret_hc_sftp';
  let seq = 0;

  beforeAll(async () => {
    if (!runs(kind)) return;
    server = await startSftpServer(kind);
  }, 30000);

  afterAll(async () => {
    closeAll();
    if (server) await server.stop();
  }, 30000);

  afterEach(() => closeAll());

  function ctxFor() {
    return makeContext({
      keys: { [KEY_ID]: server.privateKey },
      secrets: server.password ? { [SECRET_ID]: server.password } : {},
    });
  }

  /** A fresh working folder below the login directory for each test. */
  function workDir(): string {
    const rel = `netsuite/t${++seq}`;
    fs.mkdirSync(server.localPath(`${server.homeDir}/${rel}`), { recursive: true });
    return rel;
  }

  function connect(ctx = ctxFor(), extra: Record<string, unknown> = {}): sftpTypes.Connection {
    const sftp = createSftpModule(ctx);
    return sftp.createConnection({
      url: server.host,
      port: server.port,
      username: server.username,
      hostKey: server.hostKey,
      hostKeyType: 'ecdsa',
      keyId: KEY_ID,
      timeout: 10,
      ...extra,
    } as never);
  }

  maybe('sftp.createConnection(options): connects with keyId (SSH key) and costs no units', () => {
    const ctx = ctxFor();
    const dir = workDir();
    const conn = connect(ctx, { directory: dir });
    expect(conn.list({ path: '.', sort: 'NAME' as never })).toEqual([]);
    expect(ctx.meter.report()['sftp.createConnection']).toEqual({ calls: 1, units: 0 });
  });

  maybe(
    'Connection.list(options): path and sort are required, sort from sftp.Sort, FTP_INVALID_DIRECTORY (help "Connection.list(options)")',
    () => {
      const conn = connect(ctxFor(), { directory: workDir() });
      const err = (fn: () => unknown) => {
        try {
          fn();
        } catch (e) {
          return (e as { name: string }).name;
        }
        return 'no error';
      };
      expect(err(() => (conn.list as (o?: unknown) => unknown)())).toBe('SSS_MISSING_REQD_ARGUMENT');
      expect(err(() => conn.list({ path: '.' } as never))).toBe('SSS_MISSING_REQD_ARGUMENT');
      expect(err(() => conn.list({ sort: 'NAME' } as never))).toBe('SSS_MISSING_REQD_ARGUMENT');
      expect(err(() => conn.list({ path: '.', sort: 'BY_COLOUR' } as never))).toBe('SSS_INVALID_TYPE_ARG');
      expect(err(() => conn.list({ path: 'no/such/dir', sort: 'NAME' } as never))).toBe(
        'FTP_INVALID_DIRECTORY',
      );
    },
  );

  // sshd here runs without PAM and with PasswordAuthentication no: password login would need a
  // system account password for root. The embedded server checks the password itself.
  (kind === 'embedded' ? maybe : test.skip)(
    'sftp.createConnection(options): connects with an API secret as password',
    () => {
      const ctx = ctxFor();
      const sftp = createSftpModule(ctx);
      const conn = sftp.createConnection({
        url: server.host,
        port: server.port,
        username: server.username,
        hostKey: server.hostKey,
        secret: SECRET_ID,
      });
      expect(Array.isArray(conn.list({ path: '.', sort: 'NAME' as never }))).toBe(true);
    },
  );

  maybe('SFTP Connector Error Codes: a different host key is refused (FTP_INCORRECT_HOST_KEY)', () => {
    const other = generateEcdsaKey().publicBlob.toString('base64');
    const err = thrown(() => connect(ctxFor(), { hostKey: other }));
    expect(err.name).toBe('FTP_INCORRECT_HOST_KEY');
    expect(openCount()).toBe(0);
  });

  maybe('sftp.createConnection(options): host key format and type, arguments, timeout', () => {
    const ctx = ctxFor();
    expect(thrown(() => connect(ctx, { hostKey: 'not base64!' })).name).toBe('FTP_MALFORMED_HOST_KEY');
    expect(thrown(() => connect(ctx, { hostKeyType: 'rsa' })).name).toBe('FTP_INCORRECT_HOST_KEY_TYPE');
    expect(thrown(() => connect(ctx, { hostKey: undefined })).name).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(thrown(() => connect(ctx, { passwordGuid: SECRET_ID, secret: SECRET_ID })).name).toBe(
      'MUTUALLY_EXCLUSIVE_ARGUMENTS',
    );
    expect(thrown(() => connect(ctx, { timeout: 21 })).name).toBe('FTP_INVALID_CONNECTION_TIMEOUT');
    expect(thrown(() => connect(ctx, { timeout: 0 })).name).toBe('FTP_INVALID_CONNECTION_TIMEOUT');
    expect(thrown(() => connect(ctx, { port: 70000 })).name).toBe('FTP_INVALID_PORT_NUMBER');
    expect(thrown(() => connect(ctx, { directory: 'netsuite/nope' })).name).toBe('FTP_INVALID_DIRECTORY');
    expect(openCount()).toBe(0);
  });

  maybe('upload, list, download, move, removeFile, makeDirectory, removeDirectory round trip', () => {
    const ctx = ctxFor();
    const dir = workDir();
    const conn = connect(ctx, { directory: dir });
    const csv = 'id,email\n1,ä@example.com\n';

    conn.makeDirectory({ path: 'export' });
    conn.upload({ file: textFile('customer.csv', csv), directory: 'export' });
    const local = server.localPath(`${server.homeDir}/${dir}/export/customer.csv`);
    expect(fs.readFileSync(local, 'utf8')).toBe(csv);

    const listed = conn.list({ path: 'export', sort: 'NAME' as never }) as unknown as ListEntry[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: 'customer.csv', directory: false, size: Buffer.byteLength(csv) });
    expect(listed[0].lastModified).toBeInstanceOf(Date);
    expect(Math.abs(listed[0].lastModified.getTime() - Date.now())).toBeLessThan(120000);

    const file = conn.download({ filename: 'customer.csv', directory: 'export' });
    expect(file.name).toBe('customer.csv');
    expect(String(file.fileType)).toBe('CSV');
    expect(file.getContents()).toBe(csv);

    conn.makeDirectory({ path: 'archive' });
    conn.move({ from: 'export/customer.csv', to: 'archive/customer.csv' });
    expect(fs.existsSync(local)).toBe(false);
    const top = conn.list({ path: '.', sort: 'NAME' as never }) as unknown as ListEntry[];
    expect(top.map((e) => [e.name, e.directory])).toEqual([
      ['archive', true],
      ['export', true],
    ]);

    conn.removeFile({ path: 'archive/customer.csv' });
    conn.removeDirectory({ path: 'archive' });
    conn.removeDirectory({ path: 'export' });
    expect(conn.list({ path: '.', sort: 'NAME' as never })).toEqual([]);
  });

  maybe('Connection.upload(options): FTP_FILE_ALREADY_EXISTS unless replaceExisting', () => {
    const ctx = ctxFor();
    const dir = workDir();
    const conn = connect(ctx, { directory: dir });
    conn.upload({ file: textFile('a.csv', 'first') });
    const err = thrown(() => conn.upload({ file: textFile('a.csv', 'second') }));
    expect(err.name).toBe('FTP_FILE_ALREADY_EXISTS');
    expect(fs.readFileSync(server.localPath(`${server.homeDir}/${dir}/a.csv`), 'utf8')).toBe('first');
    conn.upload({ file: textFile('a.csv', 'third'), replaceExisting: true });
    expect(fs.readFileSync(server.localPath(`${server.homeDir}/${dir}/a.csv`), 'utf8')).toBe('third');
    // options.filename renames on the way up.
    conn.upload({ file: textFile('a.csv', 'renamed'), filename: 'b.csv' });
    expect(fs.readFileSync(server.localPath(`${server.homeDir}/${dir}/b.csv`), 'utf8')).toBe('renamed');
  });

  maybe('sftp.createConnection(options): relative paths resolve against options.directory', () => {
    const dir = workDir();
    fs.mkdirSync(server.localPath(`${server.homeDir}/${dir}/in`));
    fs.writeFileSync(server.localPath(`${server.homeDir}/${dir}/in/x.txt`), 'hello');
    // relative to the login directory
    const rel = connect(ctxFor(), { directory: `${dir}/in` });
    expect(rel.download({ filename: 'x.txt' }).getContents()).toBe('hello');
    // absolute
    const abs = connect(ctxFor(), { directory: `${server.homeDir}/${dir}` });
    expect(abs.download({ filename: 'x.txt', directory: 'in' }).getContents()).toBe('hello');
    // no directory: the login directory
    const home = connect(ctxFor());
    expect(home.download({ filename: `${dir}/in/x.txt` }).getContents()).toBe('hello');
    expect(String(home.download({ filename: `${dir}/in/x.txt` }).fileType)).toBe('PLAINTEXT');
  });

  maybe('sftp.Sort and Connection.list(options): sort orders and wildcards', () => {
    const dir = workDir();
    const base = server.localPath(`${server.homeDir}/${dir}`);
    const files: [string, number, number][] = [
      ['b.csv', 30, 1_600_000_000],
      ['a.csv', 10, 1_700_000_000],
      ['c.txt', 20, 1_650_000_000],
    ];
    for (const [name, size, mtime] of files) {
      fs.writeFileSync(path.join(base, name), 'x'.repeat(size));
      fs.utimesSync(path.join(base, name), mtime, mtime);
    }
    const conn = connect(ctxFor(), { directory: dir });
    const names = (sort: string, p = '.') =>
      (conn.list({ path: p, sort: sort as never }) as unknown as ListEntry[]).map((e) => e.name);
    expect(names('NAME')).toEqual(['a.csv', 'b.csv', 'c.txt']);
    expect(names('NAME_DESC')).toEqual(['c.txt', 'b.csv', 'a.csv']);
    expect(names('SIZE')).toEqual(['a.csv', 'c.txt', 'b.csv']);
    expect(names('SIZE_DESC')).toEqual(['b.csv', 'c.txt', 'a.csv']);
    expect(names('DATE')).toEqual(['b.csv', 'c.txt', 'a.csv']);
    expect(names('DATE_DESC')).toEqual(['a.csv', 'c.txt', 'b.csv']);
    expect(names('NAME', '*.csv')).toEqual(['a.csv', 'b.csv']);
    const sftp = createSftpModule(ctxFor());
    expect(Object.keys(sftp.Sort)).toEqual(['DATE', 'DATE_DESC', 'SIZE', 'SIZE_DESC', 'NAME', 'NAME_DESC']);
    expect(sftp.Sort.DATE as unknown).toBe('DATE');
  });

  maybe('Connection errors carry NetSuite codes', () => {
    const dir = workDir();
    const base = server.localPath(`${server.homeDir}/${dir}`);
    fs.mkdirSync(path.join(base, 'full'));
    fs.writeFileSync(path.join(base, 'full', 'f.csv'), 'x');
    fs.writeFileSync(path.join(base, 'g.csv'), 'y');
    const conn = connect(ctxFor(), { directory: dir });
    expect(thrown(() => conn.download({ filename: 'missing.csv' })).name).toBe(
      'FTP_NO_SUCH_FILE_OR_DIRECTORY',
    );
    expect(thrown(() => conn.upload({ file: textFile('z.csv', 'z'), directory: 'nodir' })).name).toBe(
      'FTP_NO_SUCH_FILE_OR_DIRECTORY',
    );
    expect(thrown(() => conn.list({ path: 'nodir', sort: 'NAME' as never })).name).toBe(
      'FTP_INVALID_DIRECTORY',
    );
    expect(thrown(() => conn.removeFile({ path: 'missing.csv' })).name).toBe('FTP_NO_SUCH_FILE_OR_DIRECTORY');
    expect(thrown(() => conn.removeDirectory({ path: 'nodir' })).name).toBe('FTP_DIRECTORY_NOT_FOUND');
    expect(thrown(() => conn.removeDirectory({ path: 'full' })).name).toBe('FTP_DIRECTORY_NOT_EMPTY');
    expect(thrown(() => conn.makeDirectory({ path: 'nodir/sub' })).name).toBe('FTP_DIRECTORY_NOT_FOUND');
    // OpenSSH's RENAME does not overwrite: moving onto an existing name fails.
    expect(thrown(() => conn.move({ from: 'g.csv', to: 'full/f.csv' })).name).toBe('FTP_INVALID_MOVE');
    expect(thrown(() => conn.move({ from: 'missing.csv', to: 'h.csv' })).name).toBe('FTP_INVALID_MOVE');
    expect(thrown(() => conn.download({ filename: 'g.csv', timeout: 301 })).name).toBe(
      'FTP_INVALID_TRANSFER_TIMEOUT',
    );
    expect(fs.readFileSync(path.join(base, 'full', 'f.csv'), 'utf8')).toBe('x');
  });

  maybe(
    'governance: upload/download 100 units, list/move/removeFile/makeDirectory/removeDirectory 10',
    () => {
      const ctx = ctxFor();
      const dir = workDir();
      const conn = connect(ctx, { directory: dir });
      conn.makeDirectory({ path: 'd' });
      conn.upload({ file: textFile('u.csv', 'u'), directory: 'd' });
      conn.list({ path: 'd', sort: 'NAME' as never });
      conn.download({ filename: 'u.csv', directory: 'd' });
      conn.move({ from: 'd/u.csv', to: 'v.csv' });
      conn.removeFile({ path: 'v.csv' });
      conn.removeDirectory({ path: 'd' });
      expect(ctx.meter.report()).toEqual({
        'sftp.Connection.download': { calls: 1, units: 100 },
        'sftp.Connection.list': { calls: 1, units: 10 },
        'sftp.Connection.makeDirectory': { calls: 1, units: 10 },
        'sftp.Connection.move': { calls: 1, units: 10 },
        'sftp.Connection.removeDirectory': { calls: 1, units: 10 },
        'sftp.Connection.removeFile': { calls: 1, units: 10 },
        'sftp.Connection.upload': { calls: 1, units: 100 },
        'sftp.createConnection': { calls: 1, units: 0 },
      });
      expect(ctx.meter.total()).toBe(250);
    },
  );

  maybe('SSS_USAGE_LIMIT_EXCEEDED stops an upload before it happens', () => {
    const ctx = makeContext({ keys: { [KEY_ID]: server.privateKey }, limit: 150 });
    const dir = workDir();
    const conn = connect(ctx, { directory: dir });
    conn.upload({ file: textFile('one.csv', '1') });
    expect(thrown(() => conn.upload({ file: textFile('two.csv', '2') })).name).toBe(
      'SSS_USAGE_LIMIT_EXCEEDED',
    );
    expect(fs.existsSync(server.localPath(`${server.homeDir}/${dir}/two.csv`))).toBe(false);
  });

  maybe('no secret or key text appears in any error', () => {
    const wrongPassword = 'Sup3r-Secret-Passw0rd!';
    const wrongKey = generateEcdsaKey().privatePem;
    const ctx = makeContext({
      secrets: { custsecret_wrong: wrongPassword },
      keys: { custkey_wrong: wrongKey, custkey_garbage: 'not a key at all, but secret-looking-text-1234' },
    });
    const sftp = createSftpModule(ctx);
    const base = { url: server.host, port: server.port, username: server.username, hostKey: server.hostKey };
    const errors = [
      thrown(() => sftp.createConnection({ ...base, keyId: 'custkey_wrong' })),
      thrown(() => sftp.createConnection({ ...base, keyId: 'custkey_garbage' })),
      thrown(() => sftp.createConnection({ ...base, keyId: 'custkey_missing' })),
    ];
    if (kind === 'embedded')
      errors.push(thrown(() => sftp.createConnection({ ...base, secret: 'custsecret_wrong' })));
    for (const e of errors) expect(e.name).toBe('FTP_CANNOT_ESTABLISH_CONNECTION');
    const secrets = [
      wrongPassword,
      'secret-looking-text-1234',
      ...wrongKey.split('\n').filter((l) => l.length > 16),
    ];
    if (server.password) secrets.push(server.password);
    for (const line of server.privateKey.split('\n').filter((l) => l.length > 16)) secrets.push(line);
    for (const e of errors) {
      const text = `${e.name} ${e.message} ${JSON.stringify(e)} ${String(e)}`;
      for (const s of secrets) expect(text).not.toContain(s);
    }
    expect(openCount()).toBe(0);
  });

  maybe('connections close at the end of an execution', () => {
    const ctx = ctxFor();
    connect(ctx);
    connect(ctx);
    expect(openCount()).toBe(2);
    closeSftpConnections(ctx);
    expect(openCount()).toBe(0);
  });
});

describe('N/sftp connection failures (SFTP Connector Error Codes)', () => {
  const hostKey = generateEcdsaKey().publicBlob.toString('base64');
  const ctx = () => makeContext({ keys: { k: generateEcdsaKey().privatePem } });

  test('a server that never answers: FTP_CONNECT_TIMEOUT_EXCEEDED after options.timeout, no hang', async () => {
    // The kernel accepts the TCP connection even while this thread is blocked; nothing speaks SSH.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const started = Date.now();
      const sftp = createSftpModule(ctx());
      const err = thrown(() =>
        sftp.createConnection({ url: '127.0.0.1', port, hostKey, keyId: 'k', timeout: 1 }),
      );
      expect(err.name).toBe('FTP_CONNECT_TIMEOUT_EXCEEDED');
      expect(Date.now() - started).toBeLessThan(8000);
      expect(openCount()).toBe(0);
    } finally {
      silent.close();
    }
  });

  test('nothing listening: CONNECTION_CLOSED_BY_HOST', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const sftp = createSftpModule(ctx());
    const err = thrown(() =>
      sftp.createConnection({ url: '127.0.0.1', port, hostKey, keyId: 'k', timeout: 5 }),
    );
    expect(err.name).toBe('CONNECTION_CLOSED_BY_HOST');
  });

  test('Supported Cipher Suites and Host Key Types: a server without AES-CTR is refused', async () => {
    const server = await startEmbeddedServer({
      ciphers: ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com'],
    });
    try {
      const sftp = createSftpModule(makeContext({ keys: { k: server.privateKey } }));
      const err = thrown(() =>
        sftp.createConnection({
          url: server.host,
          port: server.port,
          username: server.username,
          hostKey: server.hostKey,
          keyId: 'k',
          timeout: 5,
        }),
      );
      expect(err.name).toBe('FTP_UNSUPPORTED_ENCRYPTION_ALGORITHM');
    } finally {
      await server.stop();
    }
  });
});
