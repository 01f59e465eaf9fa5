// The real SDF project validates clean; copies broken in one way each fail with a message that names
// the file and the problem. Needs the built SuiteScript files (npm run build:suitescript).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Problem, formatProblem, validateSdfProject } from './validate';

const REPO = path.resolve(__dirname, '..', '..');
const SRC = path.join(REPO, 'src');
const BUILT = 'src/FileCabinet/SuiteScripts/HotWaxCustomerSync';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** A copy of src/ (without the TypeScript sources) and build/scripts.mjs in a temp dir; returns its src. */
function copyProject(): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sdf-validate-'));
  temps.push(tmp);
  fs.cpSync(SRC, path.join(tmp, 'src'), {
    recursive: true,
    filter: (p) => !p.startsWith(path.join(SRC, 'TypeScripts')),
  });
  fs.mkdirSync(path.join(tmp, 'build'));
  fs.copyFileSync(path.join(REPO, 'build', 'scripts.mjs'), path.join(tmp, 'build', 'scripts.mjs'));
  return path.join(tmp, 'src');
}

/** Copies the project, edits one file (path relative to the copy's parent, e.g. src/Objects/x.xml). */
function broken(file: string, edit: (text: string) => string): string {
  const src = copyProject();
  const abs = path.join(path.dirname(src), file);
  const before = fs.readFileSync(abs, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(abs, after);
  return src;
}

function expectProblem(problems: Problem[], file: string, message: RegExp): void {
  const hit = problems.find((p) => p.file === file && message.test(p.message));
  if (!hit)
    throw new Error(
      `expected a problem in ${file} matching ${message}; got:\n${problems.map(formatProblem).join('\n')}`,
    );
}

const IMPORT = 'src/Objects/customscript_imp_customer.xml';
const EXPORT = 'src/Objects/customscript_export_customer.xml';

describe('the real project', () => {
  it('validates clean, build/scripts.mjs included', () => {
    expect(validateSdfProject(SRC).map(formatProblem)).toEqual([]);
  });

  it('has every object SDF needs for the HotWax contract ids', () => {
    const ids = fs.readdirSync(path.join(SRC, 'Objects')).sort();
    expect(ids).toEqual(
      [
        'custentity_hc_customer_id.xml',
        'custentity_hc_shop_cust_id.xml',
        'custentity_hc_sync_stamp.xml',
        'customrecord_hc_sync_checkpoint.xml',
        'customrecord_hc_sync_run.xml',
        'customrecord_ns_sftp_configuration.xml',
        'customscript_export_customer.xml',
        'customscript_generate_hist_shop_customer.xml',
        'customscript_hc_sl_customer_sync.xml',
        'customscript_imp_customer.xml',
        'customscript_upload_hist_shop_customer.xml',
        'custtab_hc_entity_tab.xml',
      ].sort(),
    );
    const imp = fs.readFileSync(path.join(SRC, 'Objects', 'customscript_imp_customer.xml'), 'utf8');
    expect(imp).toContain('<scriptdeployment scriptid="customdeploy1">');
    expect(imp).toContain('<scriptdeployment scriptid="customdeploy_imp_customer_rest">');
    const exp = fs.readFileSync(path.join(SRC, 'Objects', 'customscript_export_customer.xml'), 'utf8');
    expect(exp).toMatch(
      /scriptid="customdeploy_export_customer">\s*<buffersize>1<\/buffersize>\s*<concurrencylimit>1</,
    );
  });
});

describe('a broken copy fails, naming the file and the problem', () => {
  it('malformed XML', () => {
    const src = broken('src/Objects/custtab_hc_entity_tab.xml', (t) => t.replace('</title>', '</titel>'));
    expectProblem(
      validateSdfProject(src),
      'src/Objects/custtab_hc_entity_tab.xml',
      /not well-formed XML.*line \d+/,
    );
  });

  it('file name different from the scriptid', () => {
    const src = copyProject();
    fs.renameSync(
      path.join(src, 'Objects', 'custtab_hc_entity_tab.xml'),
      path.join(src, 'Objects', 'custtab_hotwax.xml'),
    );
    expectProblem(
      validateSdfProject(src),
      'src/Objects/custtab_hotwax.xml',
      /file name must equal .*custtab_hc_entity_tab\.xml/,
    );
  });

  it('a (nested) id longer than 40 characters', () => {
    const src = broken(IMPORT, (t) =>
      t.replace('customdeploy_imp_customer_rest"', 'customdeploy_imp_customer_rest_for_hotwax_jobs"'),
    );
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      /customdeploy_imp_customer_rest_for_hotwax_jobs" is 46 characters long; SDF allows at most 40/,
    );
  });

  it('an id with the wrong prefix', () => {
    const src = broken(IMPORT, (t) =>
      t.replace('scriptid="custscript_hc_imp_dry_run"', 'scriptid="custparam_hc_imp_dry_run"'),
    );
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      /<scriptcustomfield> scriptid "custparam_hc_imp_dry_run" must start with "custscript"/,
    );
  });

  it('a root element that does not match the id prefix', () => {
    const src = broken('src/Objects/custtab_hc_entity_tab.xml', (t) =>
      t.replace(/<(\/?)subtab/g, '<$1entitycustomfield'),
    );
    expectProblem(
      validateSdfProject(src),
      'src/Objects/custtab_hc_entity_tab.xml',
      /scriptid "custtab_hc_entity_tab" must start with "custentity"/,
    );
  });

  it('an id used twice', () => {
    const src = broken(EXPORT, (t) =>
      t.replace('scriptid="customdeploy_export_customer_rest"', 'scriptid="customdeploy_imp_customer_rest"'),
    );
    const problems = validateSdfProject(src);
    expect(
      problems.some((p) =>
        /customdeploy_imp_customer_rest" is already used in src\/Objects\/customscript_/.test(p.message),
      ),
    ).toBe(true);
  });

  it('FREEFORMTEXT field type', () => {
    const file = 'src/Objects/custentity_hc_customer_id.xml';
    const src = broken(file, (t) =>
      t.replace('<fieldtype>TEXT</fieldtype>', '<fieldtype>FREEFORMTEXT</fieldtype>'),
    );
    expectProblem(
      validateSdfProject(src),
      file,
      /fieldtype "FREEFORMTEXT" is not an SDF field type \(free-form text is TEXT in SDF\)/,
    );
  });

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

  it('deploy.xml missing an object', () => {
    const objects = fs
      .readdirSync(path.join(SRC, 'Objects'))
      .filter((f) => f !== 'customrecord_hc_sync_checkpoint.xml');
    const paths = objects.map((f) => `<path>~/Objects/${f}</path>`).join('\n    ');
    const src = broken('src/deploy.xml', (t) => t.replace('<path>~/Objects/*</path>', paths));
    expectProblem(
      validateSdfProject(src),
      'src/deploy.xml',
      /does not deploy src\/Objects\/customrecord_hc_sync_checkpoint\.xml/,
    );
  });

  it('deploy.xml missing a built file', () => {
    const src = broken('src/deploy.xml', (t) =>
      t.replace(/\s*<path>[^<]*HC_CustomerSyncLib\.js<\/path>/, ''),
    );
    expectProblem(
      validateSdfProject(src),
      'src/deploy.xml',
      /does not deploy src\/FileCabinet\/SuiteScripts\/HotWaxCustomerSync\/lib\/HC_CustomerSyncLib\.js/,
    );
  });

  it('deploy.xml pointing at nothing', () => {
    const src = broken('src/deploy.xml', (t) =>
      t.replace(
        '<path>~/Objects/*</path>',
        '<path>~/Objects/*</path>\n    <path>~/Objects/customscript_gone.xml</path>',
      ),
    );
    expectProblem(
      validateSdfProject(src),
      'src/deploy.xml',
      /customscript_gone\.xml<\/path> points at no file/,
    );
  });

  it('SCHEDULED without a recurrence', () => {
    const src = broken(IMPORT, (t) => t.replace(/<recurrence>[\s\S]*?<\/recurrence>/, ''));
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      /deployment customdeploy1: status SCHEDULED needs a <recurrence>/,
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
      /deployment customdeploy_imp_customer_rest: status NOTSCHEDULED must not have a <recurrence>/,
    );
  });

  it('a repeat interval NetSuite does not offer', () => {
    const src = broken(EXPORT, (t) => t.replace('<repeat>PT15M</repeat>', '<repeat>PT10M</repeat>'));
    expectProblem(
      validateSdfProject(src),
      EXPORT,
      /deployment customdeploy_export_customer <daily>: repeat "PT10M" is not an interval NetSuite offers/,
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
      /customdeploy1: a SCHEDULED deployment must be titled with the script name "HC_SC_ImportCustomer"/,
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
      /reads script parameter custscript_hc_imp_batch_size, which customscript_imp_customer \(src\/Objects\/customscript_imp_customer\.xml\) does not declare/,
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
      /reads script parameter custscript_hc_imp_sftp_config, which customscript_export_customer/,
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
      t.replace("'use strict';", "'use strict';\n  var LEGACY = 'custscript_hc_old_param';"),
    );
    expectProblem(
      validateSdfProject(src),
      lib,
      /uses script parameter custscript_hc_old_param, which no script declares/,
    );
  });

  it('a selectrecordtype reference that resolves to nothing', () => {
    const src = broken(EXPORT, (t) =>
      t.replace('[scriptid=customrecord_ns_sftp_configuration]', '[scriptid=customrecord_hc_sftp_settings]'),
    );
    expectProblem(
      validateSdfProject(src),
      EXPORT,
      /<selectrecordtype> references \[scriptid=customrecord_hc_sftp_settings\], which is not defined in this project/,
    );
  });

  it('a reference without scriptid=', () => {
    const file = 'src/Objects/custentity_hc_shop_cust_id.xml';
    const src = broken(file, (t) => t.replace('[scriptid=custtab_hc_entity_tab]', '[custtab_hc_entity_tab]'));
    expectProblem(
      validateSdfProject(src),
      file,
      /<subtab> value "\[custtab_hc_entity_tab\]" is not SDF reference syntax/,
    );
  });

  it('SELECT without a selectrecordtype', () => {
    const src = broken(IMPORT, (t) => t.replace('<selectrecordtype>-117</selectrecordtype>', ''));
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      /parameter custscript_hc_imp_default_subsidiary: fieldtype SELECT needs a <selectrecordtype>/,
    );
  });

  it('a CHECKBOX default written as defaultvalue', () => {
    const src = broken(IMPORT, (t) =>
      t.replace('<defaultchecked>F</defaultchecked>', '<defaultvalue>F</defaultvalue>'),
    );
    expectProblem(validateSdfProject(src), IMPORT, /a CHECKBOX default is <defaultchecked>/);
  });

  it('a manifest without the features the objects need', () => {
    const src = broken('src/manifest.xml', (t) =>
      t.replace('<feature required="true">CUSTOMRECORDS</feature>', ''),
    );
    expectProblem(
      validateSdfProject(src),
      'src/manifest.xml',
      /needs <feature required="true">CUSTOMRECORDS<\/feature>/,
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
