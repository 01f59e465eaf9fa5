// The generator's settings: the notification list, and what each mode refuses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFacts } from './facts';
import { GenerateError, generateDeployProject, parseNotifyEmails } from './generate';
import { EXPORT_CUSTOMER_IDS } from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

const REPO = path.resolve(__dirname, '..', '..');
const facts = loadFacts(REPO);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sdf-generate-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('HC_SYNC_NOTIFY_EMAILS', () => {
  it('takes comma-, semicolon- or space-separated addresses; unset is an empty list', () => {
    expect(parseNotifyEmails('ops@acme.com, it@acme.com;sre@acme.io')).toEqual([
      'ops@acme.com',
      'it@acme.com',
      'sre@acme.io',
    ]);
    expect(parseNotifyEmails(undefined)).toEqual([]);
    expect(parseNotifyEmails('  ')).toEqual([]);
  });
  it('refuses a malformed address and a list longer than notifyemails holds (999)', () => {
    expect(() => parseNotifyEmails('ops@acme.com, ops')).toThrow(GenerateError);
    const many = Array.from({ length: 60 }, (_, i) => `operations-team-${i}@acme.com`).join(',');
    expect(() => parseNotifyEmails(many)).toThrow(/999/);
  });
});

describe('generateDeployProject', () => {
  it('refuses to write over the source project', () => {
    expect(() =>
      generateDeployProject(path.join(REPO, 'src'), path.join(REPO, 'src'), {
        mode: 'update',
        hotwaxOwned: facts.hotwaxOwned,
      }),
    ).toThrow(/refusing to overwrite/);
  });
  it('add-deployments needs ids', () => {
    expect(() =>
      generateDeployProject(path.join(REPO, 'src'), path.join(out, 'a'), {
        mode: 'add-deployments',
        hotwaxOwned: facts.hotwaxOwned,
      }),
    ).toThrow(/HC_ADD_DEPLOYMENTS/);
  });
  it('without a list, failures go to the administrators, never to the owner', () => {
    const p = generateDeployProject(path.join(REPO, 'src'), path.join(out, 'u'), {
      mode: 'update',
      hotwaxOwned: facts.hotwaxOwned,
    });
    expect(p.deployments).toEqual([]);
    const xml = fs.readFileSync(path.join(p.dir, 'Objects', `${EXPORT_CUSTOMER_IDS.scriptId}.xml`), 'utf8');
    expect(xml).toContain('<notifyowner>F</notifyowner>');
    expect(xml).toContain('<notifyadmins>T</notifyadmins>');
    expect(xml).toContain('<notifyemails></notifyemails>');
    expect(xml).not.toContain('scriptdeployment');
  });
});
