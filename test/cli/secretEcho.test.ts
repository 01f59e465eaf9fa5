/**
 * The command line never repeats a value that may be a secret: users paste the password itself where
 * the NAME of an environment variable is asked, a key's text where its file is asked, or leave a
 * password as a stray argument. Every error path of both commands that take SFTP credentials.
 */
import { main } from '../../cli/main';
import { bufferIo } from '../../cli/io';

const SECRET = 'Hunter2SecretPass';
const HOST_KEY = 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBDx';
const KEY_TEXT = `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ${SECRET}\n-----END OPENSSH PRIVATE KEY-----`;

const commands = {
  'sftp-check': (extra: string[]) => [
    'sftp-check',
    '--host',
    '127.0.0.1',
    '--port',
    '1',
    '--user',
    'hotwax',
    '--host-key',
    HOST_KEY,
    '--dir',
    '/home/hotwax/',
    ...extra,
  ],
  simulate: (extra: string[]) => [
    'simulate',
    '--quiet',
    '--sftp-host',
    '127.0.0.1',
    '--sftp-port',
    '1',
    '--sftp-user',
    'hotwax',
    '--sftp-host-key',
    HOST_KEY,
    '--sftp-dir',
    '/home/hotwax/',
    ...extra,
  ],
};
const flag = (cmd: string, name: string) => (cmd === 'simulate' ? `--sftp-${name}` : `--${name}`);

describe.each(Object.keys(commands) as (keyof typeof commands)[])('%s', (cmd) => {
  const run = async (extra: string[], env: NodeJS.ProcessEnv = {}) => {
    const io = bufferIo(env);
    const status = await main(commands[cmd](extra), io);
    return { status, text: io.stdout + io.stderr };
  };

  test.each([
    ['the password itself as the variable name (a valid name, unset)', SECRET, {}],
    ['the password with symbols as the variable name', `${SECRET}!#`, {}],
    ['a variable that is set but empty', SECRET, { [SECRET]: '' }],
  ] as [string, string, NodeJS.ProcessEnv][])('password-env: %s is never echoed', async (_l, v, env) => {
    const r = await run([flag(cmd, 'password-env'), v], env);
    expect(r.status).toBe(2);
    expect(r.text).toMatch(/NAME/);
    expect(r.text).not.toContain(SECRET);
  });

  test("the key's text pasted in place of its file is never echoed", async () => {
    const r = await run([`${flag(cmd, 'key')}=${KEY_TEXT}`]);
    expect(r.status).toBe(2);
    expect(r.text).toMatch(/--(sftp-)?key: no such file; give the path of the private key/);
    expect(r.text).not.toContain(SECRET);
    expect(r.text).not.toContain('b3BlbnNzaC1rZXktdjEA');
  });

  test('a password left as a stray argument, or after an unknown option, is never echoed', async () => {
    for (const extra of [
      [flag(cmd, 'password-env'), 'HC_PW', SECRET],
      ['--password', SECRET],
      [`--password=${SECRET}`],
      [SECRET],
    ]) {
      const r = await run(extra, { HC_PW: 'x' });
      expect(r.status).toBe(2);
      expect(r.text).not.toContain(SECRET);
    }
  });
});
