// The real SDF project validates clean; copies broken in one way each fail with a message that names
// the file and the problem. Needs the built SuiteScript files (npm run build:suitescript).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFacts } from '../sdf-deploy/facts';
import { generateDeployProject, type DeployMode } from '../sdf-deploy/generate';
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
  fs.mkdirSync(path.join(tmp, 'docs'));
  fs.copyFileSync(path.join(REPO, 'docs', 'HOTWAX-OBJECTS.md'), path.join(tmp, 'docs', 'HOTWAX-OBJECTS.md'));
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
        'customscript_hc_mr_import_customer.xml',
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
      t.replace("'use strict'\n", "'use strict'\nvar LEGACY = 'custscript_hc_old_param'\n"),
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
    const src = broken(IMPORT, (t) =>
      t.replace('<selectrecordtype>[scriptid=customrecord_ns_sftp_configuration]</selectrecordtype>', ''),
    );
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      /parameter custscript_hc_imp_sftp_config: fieldtype SELECT needs a <selectrecordtype>/,
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

const facts = loadFacts(REPO);
const SFTP = 'src/Objects/customrecord_ns_sftp_configuration.xml';
const CHECKPOINT = 'src/Objects/customrecord_hc_sync_checkpoint.xml';
const STAMP = 'src/Objects/custentity_hc_sync_stamp.xml';

/** Generates a deploy project from src (or a broken copy), optionally edits one of its files, validates it. */
function generated(
  mode: DeployMode,
  opts: {
    src?: string;
    emails?: string[];
    deployments?: string[];
    edit?: [string, (t: string) => string];
  } = {},
): Problem[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sdf-generated-')), mode);
  temps.push(path.dirname(out));
  generateDeployProject(opts.src ?? SRC, out, {
    mode,
    hotwaxOwned: facts.hotwaxOwned,
    notifyEmails: opts.emails ?? ['ops@example.com'],
    deployments: opts.deployments,
  });
  if (opts.edit) {
    const [rel, edit] = opts.edit;
    const abs = path.join(out, rel);
    const before = fs.readFileSync(abs, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before);
    fs.writeFileSync(abs, after);
  }
  return validateSdfProject(out, { mode, facts, buildList: false });
}

describe('HotWax-owned objects (docs/HOTWAX-OBJECTS.md)', () => {
  it('the generated projects validate clean', () => {
    for (const mode of ['update', 'first-install'] as const)
      expect(generated(mode).map(formatProblem)).toEqual([]);
    expect(
      generated('add-deployments', { deployments: ['customdeploy_imp_customer_rest'] }).map(formatProblem),
    ).toEqual([]);
  });

  it('a shipped HotWax object that differs from HotWax’s definition', () => {
    const src = broken(SFTP, (t) =>
      t.replace('<allowquickadd>T</allowquickadd>', '<allowquickadd>F</allowquickadd>'),
    );
    expectProblem(
      validateSdfProject(src),
      SFTP,
      /customrecord_ns_sftp_configuration differs from HotWax's definition .* at allowquickadd: ours "F", HotWax "T"/,
    );
  });

  it('an attribute HotWax does not have (a description on its field)', () => {
    const file = 'src/Objects/custentity_hc_customer_id.xml';
    const src = broken(file, (t) => t.replace('<label>', '<description>Ours</description>\n  <label>'));
    expectProblem(validateSdfProject(src), file, /at description: ours "Ours", HotWax absent/);
  });

  it('a HotWax object in the default (update) deploy', () => {
    const problems = generated('update', {
      edit: [
        'deploy.xml',
        (t) => t.replace('<objects>', '<objects>\n    <path>~/Objects/custtab_hc_entity_tab.xml</path>'),
      ],
    });
    expect(problems.map(formatProblem).join('\n')).toMatch(
      /custtab_hc_entity_tab\.xml<\/path> points at no file/,
    );
    const src = copyProject();
    const out = path.join(path.dirname(src), 'update');
    generateDeployProject(src, out, {
      mode: 'update',
      hotwaxOwned: facts.hotwaxOwned,
      notifyEmails: ['a@b.co'],
    });
    fs.copyFileSync(
      path.join(src, 'Objects', 'custtab_hc_entity_tab.xml'),
      path.join(out, 'Objects', 'custtab_hc_entity_tab.xml'),
    );
    const p2 = validateSdfProject(out, { mode: 'update', facts, buildList: false });
    expectProblem(
      p2,
      'update/Objects/custtab_hc_entity_tab.xml',
      /belongs to HotWax: the default deploy must not ship it/,
    );
    expectProblem(
      p2,
      'update/manifest.xml',
      /declares custtab_hc_entity_tab as an account dependency but .* also ships it/,
    );
  });

  it('an update project that does not declare the HotWax objects it references', () => {
    const problems = generated('update', {
      edit: ['manifest.xml', (t) => t.replace(/\s*<object>customrecord_ns_sftp_configuration<\/object>/, '')],
    });
    const text = problems.map(formatProblem).join('\n');
    expect(text).toMatch(
      /manifest\.xml: must declare HotWax's customrecord_ns_sftp_configuration under <dependencies><objects>/,
    );
    expect(text).toMatch(
      /references \[scriptid=customrecord_ns_sftp_configuration\], which is not defined in this project/,
    );
  });
});

describe('the default deploy keeps the administrator’s deployments', () => {
  it('a script deployment in the update project', () => {
    const src = copyProject();
    const problems = generated('update', {
      src,
      edit: [
        'Objects/customscript_upload_hist_shop_customer.xml',
        (t) =>
          t.replace(
            '</scriptcustomfields>',
            '</scriptcustomfields>\n  <scriptdeployments><scriptdeployment scriptid="customdeploy_upload_hist_shop_customer"><status>NOTSCHEDULED</status><title>HC_SC_UploadHistoricalCustomerCSV</title><loglevel>AUDIT</loglevel></scriptdeployment></scriptdeployments>',
          ),
      ],
    });
    expectProblem(
      problems,
      'update/Objects/customscript_upload_hist_shop_customer.xml',
      /deployment customdeploy_upload_hist_shop_customer: the default deploy must not contain script deployments/,
    );
  });

  it('add-deployments with an id no script has', () => {
    expect(() => generated('add-deployments', { deployments: ['customdeploy_nope'] })).toThrow(
      /customdeploy_nope/,
    );
  });
});

describe('production defaults', () => {
  it('a SCHEDULED deployment at DEBUG, or without a loglevel (SDF’s default is DEBUG)', () => {
    const src = broken(IMPORT, (t) => t.replace('<loglevel>AUDIT</loglevel>', '<loglevel>DEBUG</loglevel>'));
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      /customdeploy1: a SCHEDULED deployment logs at AUDIT, ERROR, EMERGENCY, not DEBUG/,
    );
    const src2 = broken(EXPORT, (t) => t.replace('<loglevel>AUDIT</loglevel>', ''));
    expectProblem(
      validateSdfProject(src2),
      EXPORT,
      /customdeploy_export_customer: .* not DEBUG \(the default when loglevel is absent\)/,
    );
  });

  it('failure notices to the record owner (the deploying user), or to nobody, or to a malformed address', () => {
    const owner = generated('update', {
      edit: [
        'Objects/customscript_imp_customer.xml',
        (t) => t.replace('<notifyowner>F</notifyowner>', '<notifyowner>T</notifyowner>'),
      ],
    });
    expectProblem(
      owner,
      'update/Objects/customscript_imp_customer.xml',
      /notifyowner must be F; T .* whoever deployed it/,
    );
    const nobody = generated('update', {
      emails: [],
      edit: [
        'Objects/customscript_imp_customer.xml',
        (t) => t.replace('<notifyadmins>T</notifyadmins>', '<notifyadmins>F</notifyadmins>'),
      ],
    });
    expectProblem(nobody, 'update/Objects/customscript_imp_customer.xml', /nobody is told when it fails/);
    const bad = generated('update', {
      edit: ['Objects/customscript_imp_customer.xml', (t) => t.replace('ops@example.com', 'ops-at-example')],
    });
    expectProblem(
      bad,
      'update/Objects/customscript_imp_customer.xml',
      /"ops-at-example" in <notifyemails> is not an email address/,
    );
  });

  it('the checkpoint record open to every role, with system notes, or shared with another role', () => {
    const open = broken(CHECKPOINT, (t) => t.replace('USEPERMISSIONLIST', 'NONENEEDED'));
    expectProblem(
      validateSdfProject(open),
      CHECKPOINT,
      /accesstype must be USEPERMISSIONLIST \(administrators only\), not NONENEEDED/,
    );
    const notes = broken(CHECKPOINT, (t) =>
      t.replace('<enablesystemnotes>F</enablesystemnotes>', '<enablesystemnotes>T</enablesystemnotes>'),
    );
    expectProblem(validateSdfProject(notes), CHECKPOINT, /enablesystemnotes must be F/);
    const shared = broken(CHECKPOINT, (t) =>
      t.replace(
        '</permissions>',
        '<permission><permittedlevel>VIEW</permittedlevel><permittedrole>CLERK</permittedrole></permission></permissions>',
      ),
    );
    expectProblem(validateSdfProject(shared), CHECKPOINT, /only ADMINISTRATOR may be given access/);
  });

  it('the sync stamp editable by users', () => {
    const normal = broken(STAMP, (t) =>
      t.replace('<displaytype>INLINE</displaytype>', '<displaytype>NORMAL</displaytype>'),
    );
    expectProblem(validateSdfProject(normal), STAMP, /displaytype must be INLINE or HIDDEN, not NORMAL/);
    const edit = broken(STAMP, (t) =>
      t.replace('<accesslevel>1</accesslevel>', '<accesslevel>2</accesslevel>'),
    );
    expectProblem(validateSdfProject(edit), STAMP, /default accesslevel must be 0 or 1, not 2/);
  });

  it('a subsidiary SELECT parameter that a non-OneWorld account would refuse', () => {
    const src = broken(IMPORT, (t) =>
      t.replace(
        /(<scriptcustomfield scriptid="custscript_hc_imp_default_subsidiary">[\s\S]*?)<fieldtype>TEXT<\/fieldtype>/,
        '$1<fieldtype>SELECT</fieldtype><selectrecordtype>-117</selectrecordtype>',
      ),
    );
    expectProblem(
      validateSdfProject(src),
      IMPORT,
      /custscript_hc_imp_default_subsidiary: selectrecordtype -117 is the subsidiary list/,
    );
  });
});

describe('documented value lists', () => {
  it('accesstype, permittedlevel, displaytype, access levels, tabtype and booleans', () => {
    const bad = broken(CHECKPOINT, (t) =>
      t
        .replace('USEPERMISSIONLIST', 'ADMINSONLY')
        .replace('<permittedlevel>FULL</permittedlevel>', '<permittedlevel>ALL</permittedlevel>')
        .replace('<allowquickadd>F</allowquickadd>', '<allowquickadd>N</allowquickadd>')
        .replace('<displaytype>NORMAL</displaytype>', '<displaytype>READONLY</displaytype>')
        .replace('<searchlevel>2</searchlevel>', '<searchlevel>3</searchlevel>'),
    );
    const problems = validateSdfProject(bad);
    expectProblem(
      problems,
      CHECKPOINT,
      /accesstype "ADMINSONLY" is not one of CUSTRECORDENTRYPERM, NONENEEDED, USEPERMISSIONLIST/,
    );
    expectProblem(problems, CHECKPOINT, /permittedlevel "ALL" is not one of NONE, VIEW, CREATE, EDIT, FULL/);
    expectProblem(problems, CHECKPOINT, /<allowquickadd> must be T or F, not "N"/);
    expectProblem(problems, CHECKPOINT, /custrecord_hc_cp_key: displaytype "READONLY" is not one of/);
    expectProblem(problems, CHECKPOINT, /searchlevel "3" must be 0, 1 or 2/);
    const tab = 'src/Objects/custtab_hc_entity_tab.xml';
    const badTab = broken(tab, (t) => t.replace('ENTITY', 'CUSTOMER'));
    expectProblem(
      validateSdfProject(badTab, { facts: false }),
      tab,
      /tabtype "CUSTOMER" is not one of TRANSACTION, ENTITY, ITEM, CRM/,
    );
    const perm = broken(STAMP, (t) => t.replace('<role>ADMINISTRATOR</role>', '<role></role>'));
    expectProblem(validateSdfProject(perm), STAMP, /a <permission> has no <role>/);
  });

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
