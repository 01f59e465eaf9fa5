/**
 * A folder of 100,000 entries (more than HotWax leaves in customer/export/) listed through N/sftp's
 * Connection.list on both servers, and the READDIR batches behind it: OpenSSH's sftp-server answers
 * each SSH_FXP_READDIR with at most 100 names (sftp-server.c process_readdir: "send up to 100
 * entries in one message"), and the embedded server does the same, so no SSH_FXP_NAME packet
 * outgrows what an SFTP client accepts (ssh2's client: 256 KiB, OpenSSH's own limit).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'ssh2';
import { createSftpModule, type ListEntry } from '../../src/modules/sftp';
import { closeAll } from '../../src/sftp/bridge';
import { sftpServerUsable, startSftpServer, type RunningSftpServer } from '../../src/sftp/servers';
import { makeContext } from './helpers';

jest.setTimeout(120000);

const ENTRIES = 100_000;
const KINDS = ['openssh', 'embedded'] as const;

/** The folder, made once (hard links to one empty file: the quickest way to 100,000 entries). */
let many: string;
beforeAll(() => {
  many = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-sftp-many-'));
  fs.mkdirSync(path.join(many, 'sub'));
  fs.writeFileSync(path.join(many, 'CustomerExport-1.csv'), 'HCCustomerId\n');
  let empty = '';
  for (let i = 2; i < ENTRIES; i++) {
    const name = path.join(many, `CustomerExport-${i}.csv`);
    try {
      if (!empty) throw Object.assign(new Error('first'), { code: 'EMLINK' });
      fs.linkSync(empty, name);
    } catch (err) {
      // a new file each time the file system's link limit is reached (ext4: 65,000)
      if ((err as NodeJS.ErrnoException).code !== 'EMLINK') throw err;
      fs.writeFileSync(name, '');
      empty = name;
    }
  }
}, 120000);

afterAll(() => {
  closeAll();
  fs.rmSync(many, { recursive: true, force: true });
}, 120000);

describe.each(KINDS)('a %s folder of 100,000 entries', (kind) => {
  const maybe = sftpServerUsable(kind) ? test : test.skip;
  let server: RunningSftpServer;
  const dir = 'netsuite/many';

  beforeAll(async () => {
    if (!sftpServerUsable(kind)) return;
    server = await startSftpServer(kind);
    const local = server.localPath(`${server.homeDir}/${dir}`);
    fs.mkdirSync(path.dirname(local), { recursive: true });
    fs.symlinkSync(many, local);
  }, 60000);

  afterAll(async () => {
    closeAll();
    if (server) await server.stop();
  }, 60000);

  maybe('READDIR answers in SSH_FXP_NAME batches of at most 100 names (as OpenSSH sftp-server)', async () => {
    const client = new Client();
    try {
      const batches = await new Promise<number[]>((resolve, reject) => {
        client.on('error', reject);
        client.on('ready', () =>
          client.sftp((err, sftp) => {
            if (err) return reject(err);
            sftp.opendir(dir, (err2, handle) => {
              if (err2) return reject(err2);
              const sizes: number[] = [];
              const next = () =>
                sftp.readdir(handle, (err3, list) => {
                  if (err3 && (err3 as { code?: number }).code === 1) return resolve(sizes); // EOF
                  if (err3) return reject(err3);
                  sizes.push(list.length);
                  next();
                });
              next();
            });
          }),
        );
        client.connect({
          host: server.host,
          port: server.port,
          username: server.username,
          privateKey: server.privateKey,
          hostVerifier: (key: Buffer) => key.toString('base64') === server.hostKey,
        });
      });
      expect(Math.max(...batches)).toBeLessThanOrEqual(100);
      // every entry once (ssh2 leaves out "." and ".." of each batch)
      expect(batches.reduce((a, b) => a + b, 0)).toBe(ENTRIES);
    } finally {
      client.end();
    }
  });

  maybe('Connection.list(options) returns every entry, with its size and whether it is a folder', () => {
    const ctx = makeContext({ keys: { custkey_hc_sftp: server.privateKey } });
    const conn = createSftpModule(ctx).createConnection({
      url: server.host,
      port: server.port,
      username: server.username,
      hostKey: server.hostKey,
      hostKeyType: 'ecdsa',
      keyId: 'custkey_hc_sftp',
      timeout: 10,
    } as never);
    const listed = conn.list({ path: dir, sort: 'NAME' as never }) as unknown as ListEntry[];
    expect(listed).toHaveLength(ENTRIES);
    expect(new Set(listed.map((e) => e.name)).size).toBe(ENTRIES);
    expect(listed.filter((e) => e.directory).map((e) => e.name)).toEqual(['sub']);
    expect(listed.find((e) => e.name === 'CustomerExport-1.csv')?.size).toBe(13);
    expect(ctx.meter.report()['sftp.Connection.list']).toEqual({ calls: 1, units: 10 });
  });
});
