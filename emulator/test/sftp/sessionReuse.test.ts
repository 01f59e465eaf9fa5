/**
 * reuseSftpSessions (sftp/bridge.ts): a closed Connection's SSH session is kept for the next one with
 * the very same login, never for another login, never once a call broke it; turning reuse off ends
 * the kept sessions. Against the embedded server (the bridge is the same for both servers).
 */
import { BridgeError, SftpBridge, idleCount, openCount, reuseSftpSessions } from '../../src/sftp/bridge';
import { startEmbeddedServer, type RunningSftpServer } from '../../src/sftp/servers';

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startEmbeddedServer();
  reuseSftpSessions(true);
}, 30000);
afterAll(async () => {
  reuseSftpSessions(false);
  await server?.stop();
});

const login = (how: 'key' | 'password') => ({
  host: server.host,
  port: server.port,
  username: server.username,
  hostKey: server.hostKey,
  ...(how === 'key' ? { privateKey: server.privateKey } : { password: server.password }),
  timeoutMs: 20000,
});

test('a closed session is handed to the next Connection with the same login, and works', () => {
  const first = new SftpBridge();
  const { home } = first.connect(login('key'));
  first.close();
  expect([idleCount(), openCount()]).toEqual([1, 0]);
  const second = new SftpBridge();
  expect(second.connect(login('key'))).toEqual({ home });
  expect(idleCount()).toBe(0);
  expect(second.call('stat', { path: home }, 10000)).toMatchObject({ isDirectory: true });
  second.close();
  expect(idleCount()).toBe(1);
});

test('another login gets its own session; a wrong host key still fails the handshake', () => {
  const other = new SftpBridge();
  other.connect(login('password'));
  expect(idleCount()).toBe(1);
  other.close();
  expect(idleCount()).toBe(2);
  const wrongKey = new SftpBridge();
  expect(() => wrongKey.connect({ ...login('key'), hostKey: 'AAAA' })).toThrow(BridgeError);
  wrongKey.close();
  expect(idleCount()).toBe(2);
});

test('a session whose call failed other than with an SFTP status is not kept', () => {
  const b = new SftpBridge();
  b.connect(login('key'));
  expect(idleCount()).toBe(1);
  expect(() => b.call('nonsense', {}, 10000)).toThrow(expect.objectContaining({ kind: 'internal' }));
  b.close();
  expect(idleCount()).toBe(1);
});

test('reuse off ends the kept sessions, and new Connections get their own', () => {
  reuseSftpSessions(false);
  expect(idleCount()).toBe(0);
  const b = new SftpBridge();
  b.connect(login('key'));
  b.close();
  expect(idleCount()).toBe(0);
  reuseSftpSessions(true);
});
