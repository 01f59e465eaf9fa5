// The SFTP worker files are plain CommonJS run in worker threads: tsc does not copy them, so the
// package build puts them next to the compiled files that start them (dist/sftp, dist/sftp/servers).
const fs = require('node:fs');
const path = require('node:path');

for (const rel of ['sftp/sftpWorker.cjs', 'sftp/servers/embeddedServerWorker.cjs']) {
  const to = path.join(__dirname, 'dist', rel);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'src', rel), to);
}
