/**
 * A TCP proxy on loopback, in its own thread (the emulator's SFTP calls block the test's thread), that
 * drops a connection on command: once armed, the k-th chunk the client sends after arming is not
 * forwarded and both sockets are destroyed (as a connection reset by a network device would).
 * Control: Int32Array over a SharedArrayBuffer: [0] port (set by the worker), [1] chunks until the
 * drop (0: not armed), [2] drops done.
 */
const net = require('node:net');
const { workerData } = require('node:worker_threads');

const ctl = new Int32Array(workerData.shared);
const server = net.createServer((client) => {
  const upstream = net.connect(workerData.targetPort, workerData.targetHost);
  const drop = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('data', (chunk) => {
    const left = Atomics.load(ctl, 1);
    if (left > 0) {
      if (left === 1) {
        Atomics.store(ctl, 1, 0);
        Atomics.add(ctl, 2, 1);
        drop();
        return;
      }
      Atomics.store(ctl, 1, left - 1);
    }
    upstream.write(chunk);
  });
  upstream.on('data', (chunk) => client.write(chunk));
  client.on('error', drop);
  upstream.on('error', drop);
  client.on('close', drop);
  upstream.on('close', drop);
});
server.listen(0, '127.0.0.1', () => {
  Atomics.store(ctl, 0, server.address().port);
  Atomics.notify(ctl, 0);
});
