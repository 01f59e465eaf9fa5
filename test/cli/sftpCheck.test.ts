import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';
import { bufferIo } from '../../cli/io';
import { layoutFolders } from '../../cli/sftpCheck';
import { generateEcdsaKey, sftpServerUsable, startSftpServer } from '../../emulator/src';
import type { RunningSftpServer, SftpServerKind } from '../../emulator/src';

const kinds = (['embedded', 'openssh'] as SftpServerKind[]).filter((k) => sftpServerUsable(k));

describe.each(kinds)('sftp-check against the %s server', (kind) => {
  let server: RunningSftpServer;
  let tmp: string;
  let keyFile: string;
  let base: string;
  beforeAll(async () => {
    server = await startSftpServer(kind);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-sftpcheck-'));
    keyFile = path.join(tmp, 'id_key');
    fs.writeFileSync(keyFile, server.privateKey, { mode: 0o600 });
    base = `${server.homeDir.replace(/\/$/, '')}/netsuite/`;
    for (const rel of layoutFolders())
      if (rel !== 'customer/export/failed')
        fs.mkdirSync(path.join(server.localPath(base), rel), { recursive: true });
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const args = (extra: string[] = [], hostKey = `ecdsa-sha2-nistp256 ${server.hostKey}`) => [
    'sftp-check',
    '--host',
    server.host,
    '--port',
    String(server.port),
    '--user',
    server.username,
    '--key',
    keyFile,
    '--host-key',
    hostKey,
    '--dir',
    base,
    ...extra,
  ];
  const noSecrets = (s: string) => {
    expect(s).not.toContain('PRIVATE KEY');
    for (const line of server.privateKey.split('\n')) if (line.length > 20) expect(s).not.toContain(line);
    if (server.password) expect(s).not.toContain(server.password);
  };

  test('finds the missing folder, then --fix creates it', async () => {
    const a = bufferIo();
    expect(await main(args(), a)).toBe(1);
    expect(a.stdout).toMatch(/missing +customer\/export\/failed/);
    expect(a.stdout).toMatch(/ok +host key: matches/);
    expect(a.stdout).toMatch(/ok +customer\/export: write, rename into archive\/, delete/);
    noSecrets(a.stdout + a.stderr);
    const b = bufferIo();
    expect(await main(args(['--fix']), b)).toBe(0);
    expect(b.stdout).toMatch(/created +customer\/export\/failed/);
    expect(fs.statSync(path.join(server.localPath(base), 'customer/export/failed')).isDirectory()).toBe(true);
    const c = bufferIo();
    expect(await main(args(), c)).toBe(0);
    expect(c.stdout).toMatch(/OK: the server is ready/);
    // No probe file is left behind.
    const left: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }))
        if (e.isDirectory()) walk(path.join(d, e.name));
        else left.push(e.name);
    };
    walk(server.localPath(base));
    expect(left).toEqual([]);
  });

  test('refuses a wrong host key with a clear message', async () => {
    const other = generateEcdsaKey().publicBlob.toString('base64');
    const io = bufferIo();
    expect(await main(args([], other), io)).toBe(1);
    expect(io.stdout).toMatch(
      /host key is not the one given with --host-key .*connection refused before logging in/,
    );
    noSecrets(io.stdout + io.stderr);
  });

  test('password from an environment variable (embedded server only: sshd has no test password)', async () => {
    if (!server.password) return;
    const io = bufferIo({ HC_TEST_SFTP_PW: server.password });
    const argv = args().filter((a, i, all) => a !== '--key' && all[i - 1] !== '--key');
    expect(await main([...argv, '--password-env', 'HC_TEST_SFTP_PW'], io)).toBe(0);
    noSecrets(io.stdout + io.stderr);
    const wrong = bufferIo({ HC_TEST_SFTP_PW: 'not-the-password' });
    expect(await main([...argv, '--password-env', 'HC_TEST_SFTP_PW'], wrong)).toBe(1);
    expect(wrong.stdout).toMatch(/login refused for user/);
    expect(wrong.stdout).not.toContain('not-the-password');
  });
});
