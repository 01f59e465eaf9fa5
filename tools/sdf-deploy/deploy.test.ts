// Deploys the generated projects into simulated accounts (account.ts: SDF's documented deploy rules on
// flattened objects) and checks what changed: over an account running HotWax's customer scripts (built
// from docs/HOTWAX-OBJECTS.md), over a fresh account, a redeploy after an administrator paused a job and
// changed a recurrence, and HotWax's own project deployed again afterwards. The resulting account is
// loaded into the emulator to check that the schedule it runs is the administrator's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Account, Scheduler } from '../../emulator/src';
import { DeployError, SimulatedAccount, readSdfProject, type SdfProjectContent } from './account';
import { loadFacts } from './facts';
import { generateDeployProject, type DeployMode } from './generate';
import { deploymentsOf, serializeElement, unflatten, type FlatObject } from './sdfXml';
import {
  CUSTOMER_SYNC_PAGE,
  EXPORT_CUSTOMER_IDS,
  GENERATE_HISTORICAL_CSV,
  IMPORT_CUSTOMER,
  IMPORT_CUSTOMER_MR,
  UPLOAD_HISTORICAL_CSV,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

const REPO = path.resolve(__dirname, '..', '..');
const SRC = path.join(REPO, 'src');
const facts = loadFacts(REPO);
/** HotWax-owned ids we share with HotWax's project (the others we never ship nor deploy). */
const OWNED = [...facts.hotwaxOwned].filter((id) => facts.objects.has(id));
const SCRIPTS = [
  IMPORT_CUSTOMER.scriptId,
  EXPORT_CUSTOMER_IDS.scriptId,
  GENERATE_HISTORICAL_CSV.scriptId,
  UPLOAD_HISTORICAL_CSV.scriptId,
];
const DEPLOY1 = `scriptdeployments/scriptdeployment[${IMPORT_CUSTOMER.deploymentId}]`;
const EXPORT_DEPLOY = `scriptdeployments/scriptdeployment[${EXPORT_CUSTOMER_IDS.deploymentId}]`;

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sdf-deploy-'));
  temps.push(d);
  return d;
}

function project(mode: DeployMode, deployments?: string[]): SdfProjectContent {
  const out = path.join(tmp(), mode);
  generateDeployProject(SRC, out, {
    mode,
    hotwaxOwned: facts.hotwaxOwned,
    notifyEmails: ['ops@example.com'],
    deployments,
  });
  return readSdfProject(out);
}

/** HotWax's project as its deploy.xml deploys it (our shared ids, from the facts). */
function hotwaxProject(): SdfProjectContent {
  return {
    objects: [...facts.objects.values()],
    dependencies: [],
    files: SCRIPTS.map((id) => facts.objects.get(id)!.values.scriptfile.replace(/^\[|\]$/g, '')),
  };
}

function hotwaxAccount(): SimulatedAccount {
  const a = new SimulatedAccount();
  a.deploy(hotwaxProject());
  return a;
}

function snapshot(a: SimulatedAccount, ids: Iterable<string>): Record<string, FlatObject> {
  return Object.fromEntries([...ids].map((id) => [id, structuredClone(a.get(id))]));
}

function deploymentSettings(a: SimulatedAccount): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const id of SCRIPTS) {
    if (!a.objects.has(id)) continue;
    for (const [d, v] of deploymentsOf(a.get(id))) out[`${id}.${d}`] = v;
  }
  return out;
}

/** What HotWax's job manager and an administrator do in a live account. */
function adminChanges(a: SimulatedAccount): void {
  a.set(IMPORT_CUSTOMER.scriptId, `${DEPLOY1}/status`, 'TESTING'); // HC_RL_UpdateSuiteScriptStatus: pause
  a.set(EXPORT_CUSTOMER_IDS.scriptId, `${EXPORT_DEPLOY}/recurrence/daily/repeat`, 'PT30M');
  a.set(EXPORT_CUSTOMER_IDS.scriptId, `${EXPORT_DEPLOY}/recurrence/daily/starttime`, '02:00:00Z');
  a.set(EXPORT_CUSTOMER_IDS.scriptId, `${EXPORT_DEPLOY}/loglevel`, 'ERROR');
}

describe('npm run deploy over an account running HotWax customer scripts', () => {
  it('shares four HotWax objects', () => {
    expect(OWNED.sort()).toEqual([
      'custentity_hc_customer_id',
      'custentity_hc_shop_cust_id',
      'customrecord_ns_sftp_configuration',
      'custtab_hc_entity_tab',
    ]);
  });

  it('changes no HotWax object and no deployment, and points the four scripts at our files', () => {
    const account = hotwaxAccount();
    adminChanges(account);
    const owned = snapshot(account, OWNED);
    const deployments = deploymentSettings(account);
    expect(Object.keys(deployments).sort()).toEqual(
      [
        `${EXPORT_CUSTOMER_IDS.scriptId}.${EXPORT_CUSTOMER_IDS.deploymentId}`,
        `${EXPORT_CUSTOMER_IDS.scriptId}.${EXPORT_CUSTOMER_IDS.onDemandDeploymentId}`,
        `${GENERATE_HISTORICAL_CSV.scriptId}.${GENERATE_HISTORICAL_CSV.deploymentId}`,
        `${IMPORT_CUSTOMER.scriptId}.${IMPORT_CUSTOMER.deploymentId}`,
        `${UPLOAD_HISTORICAL_CSV.scriptId}.${UPLOAD_HISTORICAL_CSV.deploymentId}`,
      ].sort(),
    );

    const report = account.deploy(project('update'));

    expect(snapshot(account, OWNED)).toEqual(owned);
    for (const id of OWNED) expect(report.updated.has(id)).toBe(false);
    expect(deploymentSettings(account)).toEqual(deployments);
    // HotWax's files stay (a rollback needs them); ours are uploaded next to them.
    expect(account.files).toContain('/SuiteScripts/Customer/HC_SC_ImportCustomer.js');
    expect(report.filesUploaded).toContain('/SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib.js');
    // The Suitelet's, the map/reduce import's and the id export's own library modules (build/scripts.mjs LIBRARIES) ship too.
    expect(report.filesUploaded).toContain(
      '/SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerSyncStatusLib.js',
    );
    expect(report.filesUploaded).toContain(
      '/SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerImportMapReduceLib.js',
    );
    expect(report.filesUploaded).toContain('/SuiteScripts/HotWaxCustomerSync/lib/HC_CustomerExportLib.js');
    expect(report.filesUploaded.filter((f) => !f.startsWith('/SuiteScripts/HotWaxCustomerSync/'))).toEqual(
      [],
    );
    expect(report.created.filter((id) => !id.includes('.')).sort()).toEqual([
      'custentity_hc_sync_stamp',
      'customrecord_hc_sync_checkpoint',
      'customrecord_hc_sync_run',
      // Ours (issue 11): the map/reduce import; its deployment comes with deploy:add-deployments.
      IMPORT_CUSTOMER_MR.scriptId,
      CUSTOMER_SYNC_PAGE.scriptId,
    ]);
    expect(report.created).toContain(`${IMPORT_CUSTOMER.scriptId}.custscript_hc_imp_sftp_config`);
    expect(report.created.filter((id) => id.includes('.customdeploy'))).toEqual([]);
    for (const id of SCRIPTS) {
      const changes = report.updated.get(id) ?? [];
      expect(changes.filter((c) => c.path.startsWith('scriptdeployments/'))).toEqual([]);
      const scriptfile = account.get(id).values.scriptfile;
      expect(scriptfile).toMatch(/^\[\/SuiteScripts\/HotWaxCustomerSync\/HC_\w+\.js\]$/);
      expect(changes).toContainEqual({
        path: 'scriptfile',
        before: facts.objects.get(id)!.values.scriptfile,
        after: scriptfile,
      });
      expect(account.get(id).values.notifyowner).toBe('F');
      expect(account.get(id).values.notifyemails).toBe('ops@example.com');
    }
    expect(
      account.get(IMPORT_CUSTOMER.scriptId).values[
        'scriptcustomfields/scriptcustomfield[custscript_hc_imp_sftp_config]/fieldtype'
      ],
    ).toBe('SELECT');
  });

  it('a redeploy (the pipeline’s normal case) changes nothing at all', () => {
    const account = hotwaxAccount();
    account.deploy(project('update'));
    adminChanges(account);
    const before = snapshot(account, account.objects.keys());
    const report = account.deploy(project('update'));
    expect(report.created).toEqual([]);
    expect([...report.updated.keys()]).toEqual([]);
    expect(snapshot(account, account.objects.keys())).toEqual(before);
  });

  it('deploy:add-deployments creates the missing _rest deployment and touches no other', () => {
    const account = hotwaxAccount();
    account.deploy(project('update'));
    adminChanges(account);
    const deployments = deploymentSettings(account);
    const report = account.deploy(project('add-deployments', [IMPORT_CUSTOMER.onDemandDeploymentId]));
    expect(report.created).toEqual([`${IMPORT_CUSTOMER.scriptId}.${IMPORT_CUSTOMER.onDemandDeploymentId}`]);
    const after = deploymentSettings(account);
    expect(after[`${IMPORT_CUSTOMER.scriptId}.${IMPORT_CUSTOMER.onDemandDeploymentId}`]).toMatchObject({
      status: 'NOTSCHEDULED',
      title: 'HC_SC_ImportCustomer REST',
    });
    delete after[`${IMPORT_CUSTOMER.scriptId}.${IMPORT_CUSTOMER.onDemandDeploymentId}`];
    expect(after).toEqual(deployments);
  });

  it('a later deploy of HotWax’s project points the scripts back at SuiteScripts/Customer and resets the deployments; ours restores the files only', () => {
    const account = hotwaxAccount();
    account.deploy(project('update'));
    adminChanges(account);
    const owned = snapshot(account, OWNED);

    const hotwax = account.deploy(hotwaxProject());
    for (const id of OWNED) expect(hotwax.updated.has(id)).toBe(false);
    expect(snapshot(account, OWNED)).toEqual(owned);
    const imp = account.get(IMPORT_CUSTOMER.scriptId).values;
    expect(imp.scriptfile).toBe('[/SuiteScripts/Customer/HC_SC_ImportCustomer.js]');
    expect(imp[`${DEPLOY1}/status`]).toBe('SCHEDULED'); // the pause is undone by HotWax's deploy
    expect(imp['scriptcustomfields/scriptcustomfield[custscript_hc_imp_sftp_config]/fieldtype']).toBe(
      'SELECT',
    );
    const exp = account.get(EXPORT_CUSTOMER_IDS.scriptId).values;
    expect(exp[`${EXPORT_DEPLOY}/recurrence/daily/repeat`]).toBe('PT15M');

    const resetByHotWax = deploymentSettings(account);
    account.deploy(project('update'));
    expect(account.get(IMPORT_CUSTOMER.scriptId).values.scriptfile).toBe(
      '[/SuiteScripts/HotWaxCustomerSync/HC_SC_ImportCustomer.js]',
    );
    expect(deploymentSettings(account)).toEqual(resetByHotWax);
  });
});

describe('a fresh account (no HotWax objects)', () => {
  it('npm run deploy refuses: the HotWax objects it depends on are missing', () => {
    const account = new SimulatedAccount();
    expect(() => account.deploy(project('update'))).toThrow(DeployError);
    expect(() => account.deploy(project('update'))).toThrow(/customrecord_ns_sftp_configuration/);
    expect(account.objects.size).toBe(0);
  });

  it('deploy:first-install creates everything, HotWax objects as HotWax defines them', () => {
    const account = new SimulatedAccount();
    const report = account.deploy(project('first-install'));
    expect(report.created).toEqual(
      expect.arrayContaining([
        'customrecord_ns_sftp_configuration',
        'custtab_hc_entity_tab',
        `${IMPORT_CUSTOMER.scriptId}.${IMPORT_CUSTOMER.deploymentId}`,
        `${IMPORT_CUSTOMER.scriptId}.${IMPORT_CUSTOMER.onDemandDeploymentId}`,
        `${EXPORT_CUSTOMER_IDS.scriptId}.${EXPORT_CUSTOMER_IDS.deploymentId}`,
        `${EXPORT_CUSTOMER_IDS.scriptId}.${EXPORT_CUSTOMER_IDS.onDemandDeploymentId}`,
      ]),
    );
    for (const id of OWNED) expect(account.get(id)).toEqual(facts.objects.get(id));
    const imp = account.get(IMPORT_CUSTOMER.scriptId).values;
    expect(imp[`${DEPLOY1}/loglevel`]).toBe('AUDIT');
    expect(account.get(EXPORT_CUSTOMER_IDS.scriptId).values[`${EXPORT_DEPLOY}/loglevel`]).toBe('AUDIT');
  });

  it('after the first install, a redeploy keeps the paused job and the changed recurrence, and the emulator runs the administrator’s schedule', () => {
    const account = new SimulatedAccount();
    account.deploy(project('first-install'));
    adminChanges(account);
    const settings = deploymentSettings(account);
    account.deploy(project('update'));
    expect(deploymentSettings(account)).toEqual(settings);

    // The account's objects, written back as SDF XML, are what the emulator loads.
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'Objects'));
    for (const o of account.objects.values())
      fs.writeFileSync(path.join(dir, 'Objects', `${o.id}.xml`), serializeElement(unflatten(o)));
    const emulated = new Account({ sdfProjectDir: dir, fileCabinetRoot: path.join(SRC, 'FileCabinet') });
    const imp = emulated.script(IMPORT_CUSTOMER.scriptId);
    expect(imp.deployments.find((d) => d.deploymentId === IMPORT_CUSTOMER.deploymentId)?.status).toBe(
      'TESTING',
    );
    const exp = emulated.script(EXPORT_CUSTOMER_IDS.scriptId);
    const scheduled = exp.deployments.find((d) => d.deploymentId === EXPORT_CUSTOMER_IDS.deploymentId)!;
    expect(scheduled.recurrence).toMatchObject({ daily: { repeat: 'PT30M', starttime: '02:00:00Z' } });
    expect(scheduled.logLevel).toBe('ERROR');
    const queued = new Scheduler(emulated).queueScheduledDeployments().map((t) => t.deploymentId);
    expect(queued).toContain(EXPORT_CUSTOMER_IDS.deploymentId);
    expect(queued).not.toContain(IMPORT_CUSTOMER.deploymentId);
  });
});
