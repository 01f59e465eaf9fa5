/**
 * Every command answers every bad input with one line: what is wrong and what to do, exit status 2
 * for a wrong command line (1 for a server that cannot be reached), never a stack trace, never a
 * secret. Each option of each command is gone through (cli/README.md lists them).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';
import { bufferIo } from '../../cli/io';

let tmp: string;
const FEED = path.join(__dirname, '../fixtures/feeds/bad-rows.csv');
const HOST_KEY =
  'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFakeKeyBodyForTestsOnly0123456789abcdefABCDEF';
const at = (...p: string[]) => path.join(tmp, ...p);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-badinput-'));
  fs.mkdirSync(at('folder'));
  fs.writeFileSync(at('file.txt'), 'x');
  fs.writeFileSync(at('key.pub'), `ecdsa-sha2-nistp256 ${HOST_KEY} me@host\n`);
  fs.writeFileSync(at('not-json.json'), '{ nope');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = bufferIo(env);
  io.cwd = tmp;
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** One line on stderr, no stack, the expected message. */
async function expectUsage(argv: string[], message: RegExp, code = 2, env: NodeJS.ProcessEnv = {}) {
  const r = await run(argv, env);
  expect({ argv, code: r.code }).toEqual({ argv, code });
  expect(r.err).toMatch(/^[^\n]+\n$/);
  expect(r.err).not.toMatch(/\n\s+at |Error:|ENOENT|EISDIR|ambiguous/);
  expect(r.err).toMatch(message);
  return r;
}

const sftp = (cmd: 'simulate' | 'sftp-check', over: Record<string, string | null> = {}) => {
  const p = cmd === 'simulate' ? 'sftp-' : '';
  const o: Record<string, string | null> = {
    host: '127.0.0.1',
    port: '22',
    user: 'acme',
    'host-key': HOST_KEY,
    dir: '/home/acme/netsuite/',
    'password-env': 'SFTP_PW',
    ...over,
  };
  const argv: string[] = [cmd];
  for (const [k, v] of Object.entries(o))
    if (v !== null)
      argv.push(`--${k === 'password-env' || k === 'key' ? (p ? `sftp-${k}` : k) : `${p}${k}`}`, v);
  return argv;
};

test('the top level: no command, an unknown command, an option before the command', async () => {
  expect((await run([])).code).toBe(2);
  await expectUsage(
    ['simualte'],
    /"simualte" is not a command; give one of simulate, check-feed, snapshot, sftp-check/,
  );
  await expectUsage(['--customers', '5'], /"--customers" is not a command/);
});

test('simulate: every option with a bad value', async () => {
  const cases: [string[], RegExp][] = [
    [['--bogus'], /unknown option --bogus \(options: hc-customer-sync simulate --help\)/],
    [['--custmers', '5'], /unknown option --custmers \(did you mean --customers\?\)/],
    [['-x'], /unknown option -x/],
    [['--customers', '-5'], /--customers takes a whole number of at least 2 \(got "-5"\)/],
    [['--customers', '1.5'], /--customers takes a whole number of at least 2 \(got "1.5"\)/],
    [['--customers', '1'], /--customers takes a whole number of at least 2/],
    [['--customers', 'many'], /--customers takes a whole number/],
    [['--customers'], /--customers needs a value/],
    [['--customers', '--json'], /--customers needs a value/],
    [['--new', '-1'], /--new takes a whole number/],
    [['--seed', 'x'], /--seed takes a whole number/],
    [['--port', '70000'], /--port takes a whole number from 0 to 65535/],
    [['--port', '-1'], /--port takes a whole number from 0 to 65535/],
    [['--server', 'ftp'], /--server is embedded or openssh/],
    [
      ['--customers', '900000000'],
      /--customers 900000000 needs about \d+\.\d GB of memory and this Node allows .*choose at most --customers \d+, or raise the limit \(NODE_OPTIONS=--max-old-space-size=\d+\)/,
    ],
    [
      ['--customers', '5', '--new', '900000000'],
      /--customers 5 --new 900000000 needs about .*choose at most \d+ customers in all/,
    ],
    [['--json=yes'], /--json takes no value/],
    [['--quiet', 'hunter2'], /unexpected argument \(not shown\)/],
    [['--out', 'file.txt'], /--out file.txt is a file; give a folder/],
    [['--out', 'file.txt/sub'], /--out file.txt\/sub: part of this path is a file/],
  ];
  for (const [argv, message] of cases) await expectUsage(['simulate', ...argv], message);
  // A mistyped option with its value joined: the value (a password, pasted) is never repeated.
  const r = await expectUsage(
    ['simulate', '--sftp-pasword-env=hunter2'],
    /unknown option --sftp-pasword-env \(did you mean --sftp-password-env\?\)/,
  );
  expect(r.err).not.toContain('hunter2');
});

test('simulate and sftp-check: every SFTP option with a bad value, the secret never repeated', async () => {
  const env = { SFTP_PW: 'pw-in-env' };
  for (const cmd of ['simulate', 'sftp-check'] as const) {
    const p = cmd === 'simulate' ? '--sftp-' : '--';
    const cases: [Record<string, string | null>, RegExp][] = [
      [{ host: null }, new RegExp(`${p}host is required`)],
      [{ host: 'bad host;rm' }, new RegExp(`${p}host takes a host name or an IP address`)],
      [{ port: '0' }, new RegExp(`${p}port must be a port number`)],
      [{ port: '-22' }, new RegExp(`${p}port must be a port number`)],
      [{ user: null }, new RegExp(`${p}user is required`)],
      [{ 'host-key': 'not a key' }, new RegExp(`${p}host-key must be the server's public host key`)],
      [{ dir: 'home/acme' }, new RegExp(`${p}dir must be an absolute directory`)],
      [{ 'password-env': null }, new RegExp(`give ${p}key <private key file> or ${p}password-env`)],
      [
        { 'password-env': 'hunter2!' },
        new RegExp(`${p}password-env takes the NAME of an environment variable`),
      ],
      [{ 'password-env': 'NOT_SET' }, /is empty or not set/],
      [
        { 'password-env': null, key: 'missing-key' },
        new RegExp(`${p}key: no such file; give the path of the private key`),
      ],
      [
        { 'password-env': null, key: 'folder' },
        new RegExp(`${p}key: the path given is a folder; give the private key file inside it`),
      ],
      [
        { 'password-env': null, key: 'key.pub' },
        new RegExp(`${p}key: the file is not a private key .*\\.pub file is the public half`),
      ],
    ];
    for (const [over, message] of cases) {
      const r = await expectUsage(sftp(cmd, over), message, 2, env);
      expect(r.err).not.toMatch(/pw-in-env|hunter2|missing-key|key\.pub/);
    }
  }
});

test('sftp-check: a refused port, an unknown host, a server that hangs up: exit 1, the cause and what to check', async () => {
  // A port nothing listens on.
  const closed = net.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const freePort = String((closed.address() as net.AddressInfo).port);
  await new Promise<void>((r) => closed.close(() => r()));
  // A server that accepts and closes at once (not SSH), in another process: the SFTP bridge blocks
  // this thread while it connects.
  const hangUp = spawn(process.execPath, [
    '-e',
    "require('net').createServer((s) => s.destroy()).listen(0, '127.0.0.1', function () { console.log(this.address().port) })",
  ]);
  const hangUpPort = await new Promise<string>((r) =>
    hangUp.stdout.once('data', (d: Buffer) => r(d.toString().trim())),
  );
  try {
    const env = { SFTP_PW: 'pw-in-env' };
    const cases: [Record<string, string>, RegExp][] = [
      [{ port: freePort }, new RegExp(`nothing accepts connections on 127.0.0.1:${freePort}`)],
      [{ host: 'no-such-host.invalid' }, /unknown host no-such-host\.invalid/],
      [
        { port: hangUpPort },
        /lost before the SSH handshake.*check that the address is reachable from here, that an SSH\/SFTP server listens on that port/,
      ],
    ];
    for (const [over, message] of cases) {
      const r = await run(sftp('sftp-check', over), env);
      expect(r.code).toBe(1);
      const failed = r.out.split('\n').filter((l) => /^\s+failed/.test(l));
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatch(message);
      expect(r.out + r.err).not.toMatch(/\n\s+at |pw-in-env|connect: connect:/);
    }
    // simulate with the same server options: one line, exit 1, before anything runs.
    const r = await run([...sftp('simulate', { port: freePort }), '--quiet'], env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `^hc-customer-sync simulate: cannot reach the SFTP server: nothing accepts connections on 127.0.0.1:${freePort}: check the port \\(usually 22\\) and that the SFTP server is running\n$`,
      ),
    );
  } finally {
    hangUp.kill();
  }
});

test('check-feed: the feed and the snapshot given as a folder, missing, unreadable or not a snapshot', async () => {
  const cases: [string[], RegExp, number?][] = [
    [[], /give the feed FILE to check/],
    [[FEED, FEED], /give exactly one feed FILE \(got 2\)/],
    [
      ['folder'],
      /FILE: folder is a folder; give the HotWax customer feed \(customer-Feed-\*\.csv\) file inside it/,
    ],
    [['missing.csv'], /FILE: no such file missing\.csv; give the path of the HotWax customer feed/],
    [['--snapshot', 'folder', FEED], /--snapshot: folder is a folder; give the account snapshot/],
    [['--snapshot', 'missing.json', FEED], /--snapshot: no such file missing\.json/],
    [['--snapshot', 'not-json.json', FEED], /cannot read the snapshot .*not-json\.json/, 1],
    [['--snapshot', 'file.txt', FEED], /cannot read the snapshot/, 1],
    [['--default-subsidiary', '-1', FEED], /--default-subsidiary takes the internal id of a subsidiary/],
    [['--default-subsidiary', FEED], /--default-subsidiary takes the internal id of a subsidiary/],
    [['--oneworld', '--no-oneworld', FEED], /--oneworld and --no-oneworld exclude each other/],
    [['--jsn', FEED], /unknown option --jsn \(did you mean --json\?\)/],
  ];
  for (const [argv, message, code] of cases) await expectUsage(['check-feed', ...argv], message, code ?? 2);
});

test('snapshot: --out missing, into a missing folder, onto a folder; bad numbers', async () => {
  const cases: [string[], RegExp][] = [
    [[], /--out FILE is required/],
    [
      ['--out', 'no-such-folder/snap.json'],
      /--out: the folder no-such-folder does not exist; create it first \(mkdir -p no-such-folder\)/,
    ],
    [['--out', 'folder'], /--out folder is a folder; give a file name, e.g\. folder\/snapshot\.json/],
    [['--out', 'new-folder/'], /--out new-folder\/ is a folder; give a file name/],
    [['--out', 'file.txt/snap.json'], /--out: the folder file\.txt does not exist/],
    [['--out', 's.json', '--customers', '-5'], /--customers takes a whole number of at least 2 \(got "-5"\)/],
    [['--out', 's.json', '--seed', '2.5'], /--seed takes a whole number/],
    [['--out', 's.json', '--customers', '900000000'], /--customers 900000000 needs about .* GB of memory/],
    [['--out', 's.json', '--no-oneworld=1'], /--no-oneworld takes no value/],
  ];
  for (const [argv, message] of cases) await expectUsage(['snapshot', ...argv], message);
  expect(fs.existsSync(at('s.json'))).toBe(false);
});

test('simulate --serve on a port in use: said before the simulation runs', async () => {
  const busy = net.createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  const port = String((busy.address() as net.AddressInfo).port);
  try {
    const r = await expectUsage(
      ['simulate', '--serve', '--port', port],
      new RegExp(`--port ${port} is in use on 127.0.0.1 .*choose another with --port, or --port 0`),
    );
    expect(r.out).toBe(''); // nothing ran
  } finally {
    await new Promise<void>((r) => busy.close(() => r()));
  }
});

test('an output folder that cannot be written is said before any work', async () => {
  if (process.getuid?.() !== 0) {
    fs.mkdirSync(at('ro'), { mode: 0o555 });
    await expectUsage(['snapshot', '--out', 'ro/s.json'], /--out: cannot write in ro \(permission denied\)/);
  }
});
