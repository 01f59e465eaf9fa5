/**
 * A merchant's user event script on customer, deployed next to ours: its beforeSubmit throws for some
 * customers. In NetSuite that error is what our Record.save throws (help "beforeSubmit(context)", "How
 * User Event Scripts are Executed"); the import must report that row with NetSuite's error and go on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SyncEnvironment } from '../../simulation/environment';
import {
  customersByHcId,
  feedText,
  importTotals,
  remoteCsv,
  remoteNames,
  serverKind,
  writeFeed,
} from './helpers';

let env: SyncEnvironment;
const cabinet = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-merchant-ue-'));

beforeEach(async () => {
  env = await SyncEnvironment.start({ sftp: serverKind() });
  fs.mkdirSync(path.join(cabinet, 'SuiteScripts', 'Merchant'), { recursive: true });
  fs.writeFileSync(
    path.join(cabinet, 'SuiteScripts', 'Merchant', 'credit_hold_ue.js'),
    `/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 */
define(['N/error'], (error) => ({
  beforeSubmit(context) {
    if (context.type === context.UserEventType.CREATE && context.newRecord.getValue({ fieldId: 'lastname' }) === 'Onhold') {
      throw error.create({ name: 'MERCHANT_CREDIT_HOLD', message: 'Customers on credit hold cannot be created by integrations.' });
    }
  },
}));
`,
  );
  env.account.registerScript({
    scriptId: 'customscript_merchant_credit_hold',
    kind: 'USEREVENT',
    scriptFile: '/SuiteScripts/Merchant/credit_hold_ue.js',
    fileCabinetRoot: cabinet,
    deployments: [
      { deploymentId: 'customdeploy_merchant_credit_hold', status: 'RELEASED', recordType: 'customer' },
    ],
  });
});
afterEach(async () => {
  await env.stop();
});
afterAll(() => fs.rmSync(cabinet, { recursive: true, force: true }));

test("a merchant's beforeSubmit that throws: that row is reported with NetSuite's error, the others are imported", () => {
  writeFeed(
    env,
    'feed.csv',
    feedText([{ HCCustomerId: 'HC1' }, { HCCustomerId: 'HC2', lastName: 'Onhold' }, { HCCustomerId: 'HC3' }]),
  );
  env.run('import');
  expect(importTotals(env)).toEqual({ created: 2, linked: 0, alreadyLinked: 0, errors: 1 });
  expect([...customersByHcId(env).keys()].sort()).toEqual(['HC1', 'HC3']);
  const [report] = remoteCsv(env, 'customer/export/error');
  expect(report.rows.slice(1)).toEqual([
    ['feed.csv', '3', 'HC2', 'MERCHANT_CREDIT_HOLD', expect.stringContaining('credit hold')],
  ]);
  // the feed was processed as a whole and archived
  expect(remoteNames(env, 'customer/export')).toEqual([]);
});
