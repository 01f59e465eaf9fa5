'use strict';
/**
 * An SFTP server on ssh2's Server, run in a worker thread (embeddedServer.ts starts it).
 *
 * Why a thread: N/sftp calls block their thread (Atomics.wait, see ../bridge.ts); a server on
 * that same thread could never answer. Plain CommonJS for the same reason as ../sftpWorker.cjs.
 *
 * - loopback only, port 0 (the OS picks a free port), the host key passed in by the parent;
 * - password and public-key authentication for one user;
 * - a local folder is the root of the virtual file system: `/home/acme/netsuite/x.csv` is
 *   `<root>/home/acme/netsuite/x.csv`; `..` never climbs above `/`; the session starts in
 *   `/home/<user>` (what REALPATH(".") answers);
 * - status codes follow OpenSSH's sftp-server: ENOENT/ENOTDIR → NO_SUCH_FILE, EACCES/EPERM →
 *   PERMISSION_DENIED, anything else → FAILURE; RENAME onto an existing path fails (OpenSSH
 *   links the new name first, so an existing target is EEXIST → FAILURE), unlike posix-rename.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { workerData, parentPort } = require('node:worker_threads');
const { Server, utils } = require('ssh2');

const { STATUS_CODE, flagsToString } = utils.sftp;
const { rootDir, username, password, authorizedKey, hostKeyPem, ciphers } = workerData;
const home = `/home/${username}`;
/** Names per SSH_FXP_NAME reply to READDIR: OpenSSH sftp-server.c process_readdir's 100. */
const READDIR_BATCH = 100;
fs.mkdirSync(path.join(rootDir, home), { recursive: true });

const allowedKey = authorizedKey ? utils.parseKey(authorizedKey) : null;
if (allowedKey instanceof Error) throw allowedKey;

function sameBytes(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Virtual path (absolute or relative to home) → normalized virtual absolute path. */
function virtual(p) {
  const joined = p.startsWith('/') ? p : path.posix.join(home, p);
  return path.posix.normalize('/' + joined).replace(/\/+$/, '') || '/';
}

function real(p) {
  return path.join(rootDir, virtual(p));
}

function statusOf(err) {
  switch (err && err.code) {
    case 'ENOENT':
    case 'ENOTDIR':
    case 'EBADF':
    case 'ELOOP':
      return STATUS_CODE.NO_SUCH_FILE;
    case 'EACCES':
    case 'EPERM':
      return STATUS_CODE.PERMISSION_DENIED;
    default:
      return STATUS_CODE.FAILURE;
  }
}

function attrsOf(st) {
  return {
    mode: st.mode,
    uid: st.uid,
    gid: st.gid,
    size: st.size,
    atime: Math.floor(st.atimeMs / 1000),
    mtime: Math.floor(st.mtimeMs / 1000),
  };
}

function longname(name, st) {
  const type = st.isDirectory() ? 'd' : '-';
  const perms = (st.mode & 0o777).toString(8);
  const when = new Date(st.mtimeMs).toISOString().slice(0, 16).replace('T', ' ');
  return `${type}${perms} 1 ${username} ${username} ${st.size} ${when} ${name}`;
}

/** The session's open handles (files and directories) and the error reply every request shares. */
function handleTable(sftp) {
  const handles = new Map();
  let nextHandle = 1;
  const newHandle = (value) => {
    const id = nextHandle++;
    handles.set(id, value);
    const b = Buffer.alloc(4);
    b.writeUInt32BE(id);
    return b;
  };
  const lookup = (buf) => (buf.length === 4 ? handles.get(buf.readUInt32BE(0)) : undefined);
  const guard = (reqid, fn) => {
    try {
      fn();
    } catch (err) {
      sftp.status(reqid, statusOf(err), err.code || 'Failure');
    }
  };

  // A session that ends without CLOSE (a dropped connection) leaves no descriptor open here.
  sftp.on('close', () => {
    for (const h of handles.values()) {
      try {
        if (h.fd !== undefined) fs.closeSync(h.fd);
        else h.entries.closeSync();
      } catch {
        /* already closed */
      }
    }
    handles.clear();
  });
  return { newHandle, lookup, guard, handles };
}

/** OPEN, READ, WRITE, FSTAT, FSETSTAT and CLOSE on file (and directory) handles. */
function serveFiles(sftp, { newHandle, lookup, guard, handles }) {
  sftp.on('OPEN', (reqid, filename, flags) =>
    guard(reqid, () => {
      const fd = fs.openSync(real(filename), flagsToString(flags) || 'r');
      sftp.handle(reqid, newHandle({ fd }));
    }),
  );
  sftp.on('READ', (reqid, handle, offset, length) =>
    guard(reqid, () => {
      const h = lookup(handle);
      if (!h || h.fd === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
      const buf = Buffer.alloc(length);
      const n = fs.readSync(h.fd, buf, 0, length, offset);
      if (n === 0) return sftp.status(reqid, STATUS_CODE.EOF);
      sftp.data(reqid, buf.subarray(0, n));
    }),
  );
  sftp.on('WRITE', (reqid, handle, offset, data) =>
    guard(reqid, () => {
      const h = lookup(handle);
      if (!h || h.fd === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
      fs.writeSync(h.fd, data, 0, data.length, offset);
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on('FSTAT', (reqid, handle) =>
    guard(reqid, () => {
      const h = lookup(handle);
      if (!h) return sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
      sftp.attrs(reqid, attrsOf(h.fd !== undefined ? fs.fstatSync(h.fd) : fs.statSync(h.dir)));
    }),
  );
  sftp.on('FSETSTAT', (reqid) => sftp.status(reqid, STATUS_CODE.OK));
  sftp.on('CLOSE', (reqid, handle) =>
    guard(reqid, () => {
      const h = lookup(handle);
      if (!h) return sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
      handles.delete(handle.readUInt32BE(0));
      if (h.fd !== undefined) fs.closeSync(h.fd);
      if (h.entries) h.entries.closeSync();
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
}

/** OPENDIR and READDIR. */
function serveDirectories(sftp, { newHandle, lookup, guard }) {
  // A directory is read as OpenSSH's sftp-server reads it (process_opendir / process_readdir):
  // opendir(3) at OPENDIR, then each READDIR takes the next entries from the open directory and
  // answers with at most 100 of them ("send up to 100 entries in one message"), lstat'ing only
  // those, skipping an entry that vanished since; EOF once none is left. One NAME packet for the
  // whole folder would outgrow what clients accept (ssh2: 256 KiB, about 2,000 entries).
  sftp.on('OPENDIR', (reqid, p) =>
    guard(reqid, () => {
      const dir = real(p);
      sftp.handle(reqid, newHandle({ dir, entries: fs.opendirSync(dir), dots: ['.', '..'] }));
    }),
  );
  sftp.on('READDIR', (reqid, handle) =>
    guard(reqid, () => {
      const h = lookup(handle);
      if (!h || h.dir === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE, 'bad handle');
      const names = [];
      while (names.length < READDIR_BATCH) {
        const name = h.dots.length ? h.dots.shift() : h.entries.readSync()?.name;
        if (name === undefined) break;
        let st;
        try {
          st = fs.lstatSync(path.join(h.dir, name));
        } catch {
          continue;
        }
        names.push({ filename: name, longname: longname(name, st), attrs: attrsOf(st) });
      }
      if (!names.length) return sftp.status(reqid, STATUS_CODE.EOF);
      sftp.name(reqid, names);
    }),
  );
}

/** Requests on paths: STAT, LSTAT, SETSTAT, REMOVE, RMDIR, MKDIR, RENAME, REALPATH; no links. */
function servePaths(sftp, { guard }) {
  const statPath = (follow) => (reqid, p) =>
    guard(reqid, () => sftp.attrs(reqid, attrsOf(follow ? fs.statSync(real(p)) : fs.lstatSync(real(p)))));
  sftp.on('STAT', statPath(true));
  sftp.on('LSTAT', statPath(false));
  sftp.on('SETSTAT', (reqid, p, attrs) =>
    guard(reqid, () => {
      const r = real(p);
      if (attrs && typeof attrs.mode === 'number') fs.chmodSync(r, attrs.mode & 0o7777);
      if (attrs && typeof attrs.mtime === 'number') fs.utimesSync(r, attrs.atime ?? attrs.mtime, attrs.mtime);
      if (!attrs || (attrs.mode === undefined && attrs.mtime === undefined)) fs.statSync(r);
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on('REMOVE', (reqid, p) =>
    guard(reqid, () => {
      fs.unlinkSync(real(p));
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on('RMDIR', (reqid, p) =>
    guard(reqid, () => {
      fs.rmdirSync(real(p));
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on('MKDIR', (reqid, p) =>
    guard(reqid, () => {
      fs.mkdirSync(real(p));
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on('RENAME', (reqid, from, to) =>
    guard(reqid, () => {
      const src = real(from);
      const dst = real(to);
      fs.lstatSync(src); // ENOENT → NO_SUCH_FILE
      if (fs.existsSync(dst)) return sftp.status(reqid, STATUS_CODE.FAILURE, 'Failure');
      fs.renameSync(src, dst);
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on('REALPATH', (reqid, p) =>
    guard(reqid, () => {
      const v = virtual(p);
      sftp.name(reqid, [{ filename: v, longname: v, attrs: {} }]);
    }),
  );
  sftp.on('READLINK', (reqid) => sftp.status(reqid, STATUS_CODE.OP_UNSUPPORTED));
  sftp.on('SYMLINK', (reqid) => sftp.status(reqid, STATUS_CODE.OP_UNSUPPORTED));
}

function serveSftp(sftp) {
  const table = handleTable(sftp);
  serveFiles(sftp, table);
  serveDirectories(sftp, table);
  servePaths(sftp, table);
}

// `ciphers` (tests only) narrows what the server offers, e.g. to prove a CTR-less server is refused.
const serverConfig = { hostKeys: [hostKeyPem] };
if (Array.isArray(ciphers)) serverConfig.algorithms = { cipher: ciphers };
const server = new Server(serverConfig, (client) => {
  client.on('error', () => undefined);
  client.on('authentication', (ctx) => {
    if (ctx.username !== username) return ctx.reject();
    if (ctx.method === 'password' && password && sameBytes(ctx.password, password)) return ctx.accept();
    if (ctx.method === 'publickey' && allowedKey) {
      const pub = allowedKey.getPublicSSH();
      if (ctx.key.algo !== allowedKey.type || !sameBytes(ctx.key.data, pub)) return ctx.reject();
      if (!ctx.signature) return ctx.accept(); // "would this key do?"
      if (allowedKey.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true) return ctx.accept();
      return ctx.reject();
    }
    const methods = [];
    if (allowedKey) methods.push('publickey');
    if (password) methods.push('password');
    return ctx.reject(methods);
  });
  client.on('ready', () => {
    client.on('session', (accept) => {
      const session = accept();
      session.on('sftp', (acceptSftp) => serveSftp(acceptSftp()));
    });
  });
});

server.on('error', (err) => parentPort.postMessage({ type: 'error', message: err.message }));
server.listen(0, '127.0.0.1', () => {
  parentPort.postMessage({ type: 'listening', port: server.address().port });
});

parentPort.on('message', (msg) => {
  if (msg && msg.type === 'stop') {
    server.close();
    // Existing sessions keep a closed server alive; the parent terminates this thread next.
    parentPort.postMessage({ type: 'stopped' });
  }
});
