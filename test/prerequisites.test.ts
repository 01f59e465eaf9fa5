/**
 * test/prerequisites.sh, which `npm test` runs first: never fails the command, and where it cannot
 * install Chromium says in one line what to install; it names the SFTP server the tests will use.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const script = path.join(__dirname, 'prerequisites.sh');
const run = (env: Record<string, string>) =>
  spawnSync('sh', [script], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30000 });

test('without Chromium where it cannot install it: one line saying what to install, and exit 0', () => {
  const r = run({ HC_CHROMIUM: '/nonexistent/chromium' });
  expect(r.status).toBe(0);
  expect(r.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      /^npm test: no Chromium at \/nonexistent\/chromium: install Debian's chromium .*test\/page/,
    ),
  ]);
});

test('HC_SFTP_SERVER=embedded: the SFTP tests are said to use the embedded server', () => {
  const r = run({ HC_SFTP_SERVER: 'embedded' });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(
    /^npm test: SFTP tests use the embedded server \(HC_SFTP_SERVER=embedded hides OpenSSH\)$/m,
  );
});
