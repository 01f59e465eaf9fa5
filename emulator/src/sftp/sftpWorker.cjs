'use strict';
/**
 * The worker thread behind one N/sftp Connection (see bridge.ts for why a worker).
 *
 * Plain CommonJS on purpose: a worker_threads Worker is started by Node itself, outside ts-jest's
 * transform, so this file must run as is both from the source tree (tests) and from a built tree.
 *
 * Protocol: the main thread posts `{ id, op, args }` on `port`; this worker runs the operation on
 * its ssh2 session, posts `{ id, ok, value }` or `{ id, ok: false, error: { kind, message, code } }`
 * back on the same port, then sets `flag[0] = 1` and notifies, which wakes the main thread's
 * Atomics.wait. The main thread reads the reply with receiveMessageOnPort.
 *
 * Error `kind`s are this file's own vocabulary; modules/sftp.ts turns them into NetSuite codes.
 * Secrets: the password and private key arrive in the `connect` request and are only handed to
 * ssh2; every error message leaving this worker goes through `redact` first.
 */
const { workerData } = require('node:worker_threads');
const { Client } = require('ssh2');

const { port, shared } = workerData;
const flag = new Int32Array(shared);

/** SFTP v3 status codes (draft-ietf-secsh-filexfer-02, section 7). */
const FX = { EOF: 1, NO_SUCH_FILE: 2, PERMISSION_DENIED: 3, FAILURE: 4 };

/** NetSuite: "only CTR (and not CBC) ciphers are allowed" (help: Supported Cipher Suites and Host Key Types). */
const CIPHERS = ['aes128-ctr', 'aes192-ctr', 'aes256-ctr'];
/** NetSuite accepts RSA, DSA and ECDSA host keys (same help page); ed25519 is not listed there. */
const HOST_KEY_ALGOS = [
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
  'ssh-dss',
];

let client = null;
let sftp = null;
let secrets = [];
/** Rejects the operation in flight: set while one runs, called when the SFTP session breaks. */
let abort = null;

function redact(text) {
  let out = String(text);
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('***');
  }
  return out;
}

function reply(msg) {
  try {
    port.postMessage(msg);
  } finally {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }
}

function fail(kind, message, code) {
  const e = new Error(message);
  e.kind = kind;
  if (code !== undefined) e.sftpCode = code;
  return e;
}

/** An SFTP status error from ssh2 carries the numeric status in `code`. */
function sftpFail(err) {
  const code = typeof err.code === 'number' ? err.code : undefined;
  return fail('sftp', err.message || 'SFTP failure', code);
}

function call(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn.call(sftp, ...args, (err, value) => (err ? reject(sftpFail(err)) : resolve(value)));
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(fail('timeout', `${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

function connect(args) {
  secrets = [args.password, args.privateKey].filter(Boolean);
  return new Promise((resolve, reject) => {
    const c = new Client();
    let hostKeyRejected = false;
    let settled = false;
    const done = (err, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        try {
          c.end();
        } catch {
          /* already closed */
        }
        reject(err);
      } else resolve(value);
    };
    // The overall connect budget (TCP + handshake + auth + SFTP channel), as NetSuite's
    // options.timeout (at most 20 s) covers establishing the connection.
    const timer = setTimeout(
      () => done(fail('connect-timeout', `no connection within ${args.timeoutMs / 1000} s`)),
      args.timeoutMs,
    );
    c.on('error', (err) => {
      if (hostKeyRejected) return done(fail('host-key', 'host key mismatch'));
      if (err.level === 'client-authentication') return done(fail('auth', 'authentication failed'));
      if (err.level === 'client-timeout') return done(fail('connect-timeout', err.message));
      if (err.level === 'handshake') return done(fail('handshake', err.message));
      const sysCode = err.code;
      if (sysCode === 'ENOTFOUND' || sysCode === 'EAI_AGAIN') return done(fail('unknown-host', err.message));
      if (sysCode === 'ECONNREFUSED') return done(fail('refused', err.message));
      if (sysCode === 'EHOSTUNREACH' || sysCode === 'ENETUNREACH') return done(fail('no-route', err.message));
      if (sysCode === 'ECONNRESET') return done(fail('reset', err.message));
      return done(fail('connect', err.message));
    });
    c.on('close', () => done(fail('closed', 'connection closed by the host')));
    c.on('ready', () => {
      c.sftp((err, s) => {
        if (err) return done(fail('connect', err.message));
        client = c;
        sftp = s;
        // A fatal SFTP protocol error (e.g. a reply larger than ssh2's 256 KiB packet limit) ends
        // the channel; ssh2 may never call the pending callback, so fail the call now instead of
        // at its timeout.
        s.on('error', (e) => {
          if (sftp === s) sftp = null;
          if (abort) abort(fail('closed', `the SFTP session failed: ${e.message}`));
        });
        c.on('close', () => {
          if (client === c) {
            client = null;
            sftp = null;
          }
        });
        s.realpath('.', (err2, home) => (err2 ? done(sftpFail(err2)) : done(null, { home })));
      });
    });
    try {
      c.connect({
        host: args.host,
        port: args.port,
        username: args.username,
        password: args.password || undefined,
        privateKey: args.privateKey || undefined,
        readyTimeout: args.timeoutMs,
        algorithms: { cipher: CIPHERS, serverHostKey: HOST_KEY_ALGOS },
        hostVerifier: (key) => {
          const ok = Buffer.from(key).toString('base64') === args.hostKey;
          if (!ok) hostKeyRejected = true;
          return ok;
        },
      });
    } catch (err) {
      // ssh2 throws synchronously for an unusable private key.
      done(fail('bad-key', err && err.message ? err.message : 'unusable private key'));
    }
  });
}

async function stat(path) {
  try {
    const a = await call(sftp.stat, path);
    return { size: a.size, mtime: a.mtime, isDirectory: a.isDirectory(), isFile: a.isFile() };
  } catch (err) {
    if (err.sftpCode === FX.NO_SUCH_FILE) return null;
    throw err;
  }
}

async function upload(args) {
  const dir = await stat(args.dir);
  if (!dir || !dir.isDirectory) throw fail('no-dir', `directory ${args.dir} does not exist`);
  if (!args.replace) {
    const existing = await stat(args.path);
    if (existing) throw fail('exists', `${args.path} already exists`);
  }
  // 'wx' (O_EXCL) keeps "never overwrite" true even if the file appears in between.
  const handle = await call(sftp.open, args.path, args.replace ? 'w' : 'wx');
  try {
    const data = Buffer.from(args.data);
    let offset = 0;
    const chunk = 32 * 1024;
    while (offset < data.length) {
      const n = Math.min(chunk, data.length - offset);
      await call(sftp.write, handle, data, offset, n, offset);
      offset += n;
    }
  } finally {
    await call(sftp.close, handle).catch(() => undefined);
  }
  return null;
}

async function download(args) {
  const st = await stat(args.path);
  if (!st) throw fail('sftp', `${args.path} does not exist`, FX.NO_SUCH_FILE);
  if (st.isDirectory) throw fail('sftp', `${args.path} is a directory`, FX.NO_SUCH_FILE);
  if (st.size > args.maxBytes) throw fail('too-big', `${args.path} is ${st.size} bytes`);
  const handle = await call(sftp.open, args.path, 'r');
  const parts = [];
  let total = 0;
  try {
    for (;;) {
      const buf = Buffer.alloc(32 * 1024);
      const n = await new Promise((resolve, reject) => {
        sftp.read(handle, buf, 0, buf.length, total, (err, bytes) => {
          if (err && err.code === FX.EOF) return resolve(0);
          if (err) return reject(sftpFail(err));
          resolve(bytes);
        });
      });
      if (!n) break;
      parts.push(buf.subarray(0, n));
      total += n;
      if (total > args.maxBytes) throw fail('too-big', `${args.path} is over ${args.maxBytes} bytes`);
    }
  } finally {
    await call(sftp.close, handle).catch(() => undefined);
  }
  return new Uint8Array(Buffer.concat(parts));
}

async function list(args) {
  const entries = await call(sftp.readdir, args.path);
  return entries
    .filter((e) => e.filename !== '.' && e.filename !== '..')
    .map((e) => ({
      name: e.filename,
      directory: e.attrs.isDirectory(),
      size: e.attrs.size,
      mtime: e.attrs.mtime,
    }));
}

async function removeDirectory(args) {
  try {
    await call(sftp.rmdir, args.path);
  } catch (err) {
    // OpenSSH answers a non-empty directory with a bare SSH_FX_FAILURE: look before guessing.
    if (err.sftpCode === FX.FAILURE) {
      const st = await stat(args.path);
      if (st && st.isDirectory) {
        const entries = await call(sftp.readdir, args.path).catch(() => []);
        if (entries.some((e) => e.filename !== '.' && e.filename !== '..')) {
          throw fail('not-empty', `${args.path} is not empty`);
        }
      }
    }
    throw err;
  }
  return null;
}

async function close() {
  const c = client;
  client = null;
  sftp = null;
  if (c) {
    await new Promise((resolve) => {
      const t = setTimeout(resolve, 2000);
      c.once('close', () => {
        clearTimeout(t);
        resolve();
      });
      c.end();
    });
  }
  return null;
}

const OPS = {
  connect,
  stat: (a) => stat(a.path),
  upload,
  download,
  list,
  rename: (a) => call(sftp.rename, a.from, a.to).then(() => null),
  removeFile: (a) => call(sftp.unlink, a.path).then(() => null),
  makeDirectory: (a) => call(sftp.mkdir, a.path).then(() => null),
  removeDirectory,
  close,
};

port.on('message', async (msg) => {
  const { id, op, args } = msg;
  try {
    const fn = OPS[op];
    if (!fn) throw fail('internal', `unknown operation ${op}`);
    if (op !== 'connect' && op !== 'close' && !sftp) throw fail('closed', 'the connection is closed');
    const ms = args && args.timeoutMs ? args.timeoutMs : 300000;
    // fn starts synchronously (its own timers before withTimeout's: connect reports its timeout)
    const running = new Promise((resolve, reject) => {
      abort = reject;
      Promise.resolve(fn(args || {})).then(resolve, reject);
    });
    const value = await withTimeout(running, ms, op).finally(() => (abort = null));
    reply({ id, ok: true, value });
  } catch (err) {
    const error = {
      kind: (err && err.kind) || 'internal',
      message: redact((err && err.message) || String(err)),
      code: err && err.sftpCode,
    };
    reply({ id, ok: false, error });
  }
});

process.on('uncaughtException', (err) => {
  reply({ id: -1, ok: false, error: { kind: 'internal', message: redact(err && err.message) } });
});
