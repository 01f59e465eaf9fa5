/**
 * N/sftp path arguments are relative to the connection's directory, with or without a leading slash,
 * as HotWax's production scripts use them (connection on '<root>customer', then list '/export/',
 * download from '/export', upload to '/export/error/'); help "Connection.list(options)",
 * "Connection.upload(options)" call them relative paths. A path leaving the connection's directory
 * is refused (NetSuite's behaviour unverified: see emulator/README.md "N/sftp paths").
 */
import * as fs from 'node:fs';
import type * as sftpTypes from 'N/sftp';
import { createSftpModule } from '../../src/modules/sftp';
import { closeAll } from '../../src/sftp/bridge';
import { startEmbeddedServer, type RunningSftpServer } from '../../src/sftp/servers';
import { makeContext, textFile, thrown } from './helpers';

jest.setTimeout(60000);

let server: RunningSftpServer;
const KEY_ID = 'custkey_paths';

beforeAll(async () => {
  server = await startEmbeddedServer();
}, 30000);
afterAll(async () => {
  closeAll();
  if (server) await server.stop();
}, 30000);

function connect(directory: string): sftpTypes.Connection {
  const ctx = makeContext({ keys: { [KEY_ID]: server.privateKey } });
  return createSftpModule(ctx).createConnection({
    url: server.host,
    port: server.port,
    username: server.username,
    hostKey: server.hostKey,
    hostKeyType: 'ecdsa',
    keyId: KEY_ID,
    directory,
    timeout: 10,
  } as never);
}

const local = (p: string) => server.localPath(`${server.homeDir}/${p}`);
const names = (c: sftpTypes.Connection, p: string) =>
  c.list({ path: p, sort: 'NAME' as never }).map((e) => e.name);

test('every Connection method takes its paths relative to the connection directory, leading slash or not', () => {
  fs.mkdirSync(local('hc/customer/export'), { recursive: true });
  fs.mkdirSync(local('export'), { recursive: true }); // a same-named folder at the login directory must not be used
  fs.writeFileSync(local('hc/customer/export/a.csv'), 'id\n1\n');
  const c = connect('hc/customer');
  expect(names(c, '/export/')).toEqual(['a.csv']);
  expect(names(c, 'export')).toEqual(['a.csv']);
  expect(names(c, '/export/*.csv')).toEqual(['a.csv']);
  expect(c.download({ directory: '/export', filename: 'a.csv' }).getContents()).toBe('id\n1\n');
  expect(c.download({ directory: '/export/', filename: 'a.csv' }).getContents()).toBe('id\n1\n');
  c.makeDirectory({ path: '/export/error' });
  c.upload({ directory: '/export/error/', filename: 'e.csv', file: textFile('e.csv', 'x') });
  expect(fs.readFileSync(local('hc/customer/export/error/e.csv'), 'utf8')).toBe('x');
  c.move({ from: '/export/a.csv', to: '/export/error/a.csv' });
  expect(fs.existsSync(local('hc/customer/export/error/a.csv'))).toBe(true);
  c.removeFile({ path: '/export/error/a.csv' });
  c.removeFile({ path: '/export/error/e.csv' });
  c.removeDirectory({ path: '/export/error' });
  expect(fs.existsSync(local('hc/customer/export/error'))).toBe(false);
  expect(names(c, '/')).toEqual(['export']);
  // '..' inside the connection directory is allowed
  expect(names(c, 'export/../export')).toEqual([]);
  expect(fs.readdirSync(local('export'))).toEqual([]);
});

test("a path leaving the connection directory is refused with the operation's not-found code, nothing done", () => {
  fs.mkdirSync(local('hc2/customer'), { recursive: true });
  fs.writeFileSync(local('hc2/secret.csv'), 's');
  const c = connect('hc2/customer');
  expect(thrown(() => names(c, '..')).name).toBe('FTP_INVALID_DIRECTORY');
  expect(thrown(() => names(c, '/../')).name).toBe('FTP_INVALID_DIRECTORY');
  const dl = thrown(() => c.download({ directory: 'a/../..', filename: 'secret.csv' }));
  expect(dl.name).toBe('FTP_NO_SUCH_FILE_OR_DIRECTORY');
  expect(dl.message).toMatch(/leaves the connection's directory/);
  expect(thrown(() => c.download({ filename: '../secret.csv' })).name).toBe('FTP_NO_SUCH_FILE_OR_DIRECTORY');
  expect(
    thrown(() => c.upload({ directory: '../', filename: 'x.csv', file: textFile('x.csv', 'x') })).name,
  ).toBe('FTP_NO_SUCH_FILE_OR_DIRECTORY');
  expect(thrown(() => c.move({ from: '../secret.csv', to: 'secret.csv' })).name).toBe('FTP_INVALID_MOVE');
  expect(thrown(() => c.removeFile({ path: '../secret.csv' })).name).toBe('FTP_NO_SUCH_FILE_OR_DIRECTORY');
  expect(thrown(() => c.makeDirectory({ path: '../x' })).name).toBe('FTP_DIRECTORY_NOT_FOUND');
  expect(thrown(() => c.removeDirectory({ path: '..' })).name).toBe('FTP_DIRECTORY_NOT_FOUND');
  expect(fs.readFileSync(local('hc2/secret.csv'), 'utf8')).toBe('s');
  expect(fs.existsSync(local('hc2/x'))).toBe(false);
});
