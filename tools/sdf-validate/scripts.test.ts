// Script objects and their deployments (tools/sdf-validate/scripts.ts) and the parameters the built
// code reads (references.ts): a copy broken in one way each fails, naming the file and the problem.
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, validateSdfProject } from './validate';
import { EXPORT, IMPORT, BUILT, broken, copyProject, expectProblem, generated } from './testProject';
import {
  EXPORT_CUSTOMER_IDS,
  IMPORT_CUSTOMER,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

describe('a broken copy fails, naming the file and the problem', () => {
  it('a missing scriptfile', () => {
    const src = copyProject();
    fs.rmSync(path.join(path.dirname(src), BUILT, 'HC_SC_ImportCustomer.js'));
    const problems = validateSdfProject(src);
    expectProblem(
      problems,
      IMPORT,
      /<scriptfile> \[\/SuiteScripts\/HotWaxCustomerSync\/HC_SC_ImportCustomer\.js\] does not exist under src\/FileCabinet/,
    );
    expectProblem(problems, 'src/deploy.xml', /HC_SC_ImportCustomer\.js<\/path> points at no file/);
  });

  it('a scriptfile path that is not the build output', () => {
    const src = broken(IMPORT, (t) =>
      t.replace('HotWaxCustomerSync/HC_SC_ImportCustomer.js', 'Customer/HC_SC_ImportCustomer.js'),
    );
    const problems = validateSdfProject(src);
    expectProblem(problems, IMPORT, /does not exist under src\/FileCabinet/);
    expectProblem(
      problems,
      IMPORT,
      /<scriptfile> must be \[\/SuiteScripts\/HotWaxCustomerSync\/HC_SC_ImportCustomer\.js\] \(build\/scripts\.mjs\)/,
    );
  });

  it('SCHEDULED without a recurrence', () => {
    const src = broken(IMPORT, (t) => t.replace(/<recurrence>[\s\S]*?<\/recurrence>/, ''));
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      new RegExp(`deployment ${IMPORT_CUSTOMER.deploymentId}: status SCHEDULED needs a <recurrence>`),
    );
  });

  it('NOTSCHEDULED with a recurrence', () => {
    const rec =
      '<recurrence><single><startdate>2026-01-01</startdate><starttime>00:00:00Z</starttime></single></recurrence>';
    const src = broken(IMPORT, (t) =>
      t.replace('<title>HC_SC_ImportCustomer REST</title>', `<title>HC_SC_ImportCustomer REST</title>${rec}`),
    );
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      new RegExp(
        `deployment ${IMPORT_CUSTOMER.onDemandDeploymentId}: status NOTSCHEDULED must not have a <recurrence>`,
      ),
    );
  });

  it('a repeat interval NetSuite does not offer', () => {
    const src = broken(EXPORT, (t) => t.replace('<repeat>PT15M</repeat>', '<repeat>PT10M</repeat>'));
    expectProblem(
      validateSdfProject(src),
      EXPORT,
      new RegExp(
        `deployment ${EXPORT_CUSTOMER_IDS.deploymentId} <daily>: repeat "PT10M" is not an interval NetSuite offers`,
      ),
    );
  });

  it('a daily recurrence without everyxdays, and a bad start time', () => {
    const src = broken(EXPORT, (t) =>
      t.replace('<everyxdays>1</everyxdays>', '').replace('00:00:00Z', '0:00'),
    );
    const problems = validateSdfProject(src);
    expectProblem(problems, EXPORT, /<daily> needs <everyxdays>/);
    expectProblem(problems, EXPORT, /starttime "0:00" is not HH:MM:SSZ/);
  });

  it('a deployment status scheduled scripts cannot have', () => {
    const src = broken(IMPORT, (t) =>
      t.replace('<status>NOTSCHEDULED</status>', '<status>RELEASED</status>'),
    );
    expectProblem(validateSdfProject(src), IMPORT, /status "RELEASED" is not valid for <scheduledscript>/);
  });

  it('a map/reduce concurrency limit that is not a number', () => {
    const src = broken(EXPORT, (t) =>
      t.replace('<concurrencylimit>1</concurrencylimit>', '<concurrencylimit>one</concurrencylimit>'),
    );
    expectProblem(validateSdfProject(src), EXPORT, /<concurrencylimit> must be an integer/);
  });

  it('a scheduled deployment HotWax cannot find by title', () => {
    const src = broken(IMPORT, (t) =>
      t.replace('<title>HC_SC_ImportCustomer</title>', '<title>Import customers</title>'),
    );
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      new RegExp(
        `${IMPORT_CUSTOMER.deploymentId}: a SCHEDULED deployment must be titled with the script name "HC_SC_ImportCustomer"`,
      ),
    );
  });

  it('a parameter read by the built code but not declared', () => {
    const entry = `${BUILT}/HC_SC_ImportCustomer.js`;
    const src = broken(entry, (t) =>
      t.replace(
        "dryRun: 'custscript_hc_imp_dry_run',",
        "dryRun: 'custscript_hc_imp_dry_run',\n        batch: 'custscript_hc_imp_batch_size',",
      ),
    );
    expectProblem(
      validateSdfProject(src),
      entry,
      new RegExp(
        `reads script parameter custscript_hc_imp_batch_size, which ${IMPORT_CUSTOMER.scriptId} \\(src\\/Objects\\/${IMPORT_CUSTOMER.scriptId}\\.xml\\) does not declare`,
      ),
    );
  });

  it('a parameter of another script read by an entry file', () => {
    const entry = `${BUILT}/HC_MR_ExportedCustomerCSV.js`;
    const src = broken(entry, (t) =>
      t.replace(
        "sftpConfig: 'custscript_hc_exp_sftp_config',",
        "sftpConfig: 'custscript_hc_imp_sftp_config',",
      ),
    );
    const problems = validateSdfProject(src);
    expectProblem(
      problems,
      entry,
      new RegExp(
        `reads script parameter custscript_hc_imp_sftp_config, which ${EXPORT_CUSTOMER_IDS.scriptId}`,
      ),
    );
    expectProblem(
      problems,
      EXPORT,
      /declares parameter custscript_hc_exp_sftp_config, but HC_MR_ExportedCustomerCSV\.js never names it/,
    );
  });

  it('a parameter declared but never read', () => {
    const extra =
      '<scriptcustomfield scriptid="custscript_hc_imp_batch_size"><label>Batch size</label><fieldtype>INTEGER</fieldtype></scriptcustomfield>';
    const src = broken(IMPORT, (t) => t.replace('</scriptcustomfields>', `${extra}</scriptcustomfields>`));
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      /declares parameter custscript_hc_imp_batch_size, but HC_SC_ImportCustomer\.js never names it/,
    );
  });

  it('a parameter used by the library that no script declares', () => {
    const lib = `${BUILT}/lib/HC_CustomerSyncLib.js`;
    const src = broken(lib, (t) =>
      t.replace("'use strict'\n", "'use strict'\nvar LEGACY = 'custscript_hc_old_param'\n"),
    );
    expectProblem(
      validateSdfProject(src),
      lib,
      /uses script parameter custscript_hc_old_param, which no script declares/,
    );
  });

  it('a script name that differs from build/scripts.mjs', () => {
    const src = broken(EXPORT, (t) =>
      t.replace('<name>HC_MR_ExportedCustomerCSV</name>', '<name>HC_MR_ExportCustomerIds</name>'),
    );
    const problems = validateSdfProject(src);
    expectProblem(
      problems,
      EXPORT,
      /<name> must be "HC_MR_ExportedCustomerCSV" \(build\/scripts\.mjs; HotWax finds scripts by name\)/,
    );
  });
});

describe('production defaults', () => {
  it('a SCHEDULED deployment at DEBUG, or without a loglevel (SDF’s default is DEBUG)', () => {
    const src = broken(IMPORT, (t) => t.replace('<loglevel>AUDIT</loglevel>', '<loglevel>DEBUG</loglevel>'));
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      new RegExp(
        `${IMPORT_CUSTOMER.deploymentId}: a SCHEDULED deployment logs at AUDIT, ERROR, EMERGENCY, not DEBUG`,
      ),
    );
    const src2 = broken(EXPORT, (t) => t.replace('<loglevel>AUDIT</loglevel>', ''));
    expectProblem(
      validateSdfProject(src2),
      EXPORT,
      new RegExp(
        `${EXPORT_CUSTOMER_IDS.deploymentId}: .* not DEBUG \\(the default when loglevel is absent\\)`,
      ),
    );
  });

  it('failure notices to the record owner (the deploying user), or to nobody, or to a malformed address', () => {
    const owner = generated('update', {
      edit: [
        `Objects/${IMPORT_CUSTOMER.scriptId}.xml`,
        (t) => t.replace('<notifyowner>F</notifyowner>', '<notifyowner>T</notifyowner>'),
      ],
    });
    expectProblem(
      owner,
      `update/Objects/${IMPORT_CUSTOMER.scriptId}.xml`,
      /notifyowner must be F; T .* whoever deployed it/,
    );
    const nobody = generated('update', {
      emails: [],
      edit: [
        `Objects/${IMPORT_CUSTOMER.scriptId}.xml`,
        (t) => t.replace('<notifyadmins>T</notifyadmins>', '<notifyadmins>F</notifyadmins>'),
      ],
    });
    expectProblem(nobody, `update/Objects/${IMPORT_CUSTOMER.scriptId}.xml`, /nobody is told when it fails/);
    const bad = generated('update', {
      edit: [
        `Objects/${IMPORT_CUSTOMER.scriptId}.xml`,
        (t) => t.replace('ops@example.com', 'ops-at-example'),
      ],
    });
    expectProblem(
      bad,
      `update/Objects/${IMPORT_CUSTOMER.scriptId}.xml`,
      /"ops-at-example" in <notifyemails> is not an email address/,
    );
  });
});

describe('documented value lists', () => {
  it('accepts a Suitelet script object (script type suitelet, RELEASED deployment)', () => {
    const src = copyProject();
    fs.writeFileSync(
      path.join(src, 'FileCabinet', 'SuiteScripts', 'HotWaxCustomerSync', 'HC_SL_Test.js'),
      "/**\n * @NApiVersion 2.1\n * @NScriptType Suitelet\n */\ndefine([], () => ({ onRequest: () => undefined, p: 'custscript_hc_sl_days' }));\n",
    );
    fs.writeFileSync(
      path.join(src, 'Objects', 'customscript_hc_sl_test.xml'),
      `<suitelet scriptid="customscript_hc_sl_test">
  <isinactive>F</isinactive>
  <name>HC_SL_Test</name>
  <notifyadmins>F</notifyadmins>
  <notifyemails></notifyemails>
  <notifyowner>F</notifyowner>
  <scriptfile>[/SuiteScripts/HotWaxCustomerSync/HC_SL_Test.js]</scriptfile>
  <scriptcustomfields>
    <scriptcustomfield scriptid="custscript_hc_sl_days">
      <label>Days</label>
      <fieldtype>INTEGER</fieldtype>
    </scriptcustomfield>
  </scriptcustomfields>
  <scriptdeployments>
    <scriptdeployment scriptid="customdeploy_hc_sl_test">
      <allroles>F</allroles>
      <isdeployed>T</isdeployed>
      <loglevel>AUDIT</loglevel>
      <status>RELEASED</status>
      <title>HC_SL_Test</title>
    </scriptdeployment>
  </scriptdeployments>
</suitelet>
`,
    );
    const deploy = path.join(src, 'deploy.xml');
    fs.writeFileSync(
      deploy,
      fs
        .readFileSync(deploy, 'utf8')
        .replace(
          '</files>',
          '  <path>~/FileCabinet/SuiteScripts/HotWaxCustomerSync/HC_SL_Test.js</path>\n  </files>',
        ),
    );
    expect(validateSdfProject(src, { buildList: false }).map(formatProblem)).toEqual([]);

    // A deployment field that needs a feature referenced in the manifest (here CRM for allpartners).
    const sl = path.join(src, 'Objects', 'customscript_hc_sl_test.xml');
    fs.writeFileSync(
      sl,
      fs
        .readFileSync(sl, 'utf8')
        .replace('<allroles>F</allroles>', '<allroles>F</allroles>\n      <allpartners>F</allpartners>'),
    );
    expectProblem(
      validateSdfProject(src, { buildList: false }),
      'src/manifest.xml',
      /must reference the CRM feature .*customscript_hc_sl_test\.xml uses <allpartners>/,
    );
    const manifest = path.join(src, 'manifest.xml');
    fs.writeFileSync(
      manifest,
      fs
        .readFileSync(manifest, 'utf8')
        .replace('</features>', '  <feature required="false">CRM</feature>\n    </features>'),
    );
    expect(validateSdfProject(src, { buildList: false }).map(formatProblem)).toEqual([]);
  });
});
