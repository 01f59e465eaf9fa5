/** `npm start -- --serve`: the simulated account's status page, served until interrupted. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../simulation/project';
import { CUSTOMER_SYNC_PAGE } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

test('simulate --serve prints the page URL, serves the page, and stops on SIGINT', async () => {
  const child = spawn(
    process.execPath,
    [
      path.join(PROJECT_ROOT, 'dist/cli/main.js'),
      'simulate',
      '--customers',
      '30',
      '--quiet',
      '--serve',
      '--port',
      '0',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /Status page: (http:\/\/127\.0\.0\.1:\d+\/app\/site\/hosting\/scriptlet\.nl\?\S+)/.exec(
          out,
        );
        if (m && out.includes('Serving')) {
          clearInterval(timer);
          resolve(m[1]);
        }
      }, 100);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error(`simulate exited before serving:\n${out}`));
      });
    });
    expect(url).toContain(`script=${CUSTOMER_SYNC_PAGE.scriptId}&deploy=${CUSTOMER_SYNC_PAGE.deploymentId}`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1 class="ns-title">HotWax Customer Sync</h1>');
    expect(html).toContain('Customer import (HC_SC_ImportCustomer)');
    expect(html).toContain('id="hc-health"');
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
  expect(out).toContain('Stopped serving the status page.');
});
