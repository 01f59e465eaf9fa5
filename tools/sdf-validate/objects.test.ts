// The real SDF project validates clean; copies broken in their objects (XML, ids, file names,
// references) fail with a message that names the file and the problem (tools/sdf-validate/objects.ts,
// references.ts).
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, validateSdfProject } from './validate';
import { EXPORT, IMPORT, SRC, broken, copyProject, expectProblem } from './testProject';
import {
  CUSTOMER_SYNC_PAGE,
  EXPORT_CUSTOMER_IDS,
  GENERATE_HISTORICAL_CSV,
  IMPORT_CUSTOMER,
  IMPORT_CUSTOMER_MR,
  UPLOAD_HISTORICAL_CSV,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

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
        `${EXPORT_CUSTOMER_IDS.scriptId}.xml`,
        `${GENERATE_HISTORICAL_CSV.scriptId}.xml`,
        `${IMPORT_CUSTOMER_MR.scriptId}.xml`,
        `${CUSTOMER_SYNC_PAGE.scriptId}.xml`,
        `${IMPORT_CUSTOMER.scriptId}.xml`,
        `${UPLOAD_HISTORICAL_CSV.scriptId}.xml`,
        'custtab_hc_entity_tab.xml',
      ].sort(),
    );
    const imp = fs.readFileSync(path.join(SRC, 'Objects', `${IMPORT_CUSTOMER.scriptId}.xml`), 'utf8');
    expect(imp).toContain(`<scriptdeployment scriptid="${IMPORT_CUSTOMER.deploymentId}">`);
    expect(imp).toContain(`<scriptdeployment scriptid="${IMPORT_CUSTOMER.onDemandDeploymentId}">`);
    const exp = fs.readFileSync(path.join(SRC, 'Objects', `${EXPORT_CUSTOMER_IDS.scriptId}.xml`), 'utf8');
    expect(exp).toMatch(
      new RegExp(
        `scriptid="${EXPORT_CUSTOMER_IDS.deploymentId}">\\s*<buffersize>1<\\/buffersize>\\s*<concurrencylimit>1<`,
      ),
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
      t.replace(
        `${IMPORT_CUSTOMER.onDemandDeploymentId}"`,
        'customdeploy_imp_customer_rest_for_hotwax_jobs"',
      ),
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
      t.replace(
        `scriptid="${EXPORT_CUSTOMER_IDS.onDemandDeploymentId}"`,
        `scriptid="${IMPORT_CUSTOMER.onDemandDeploymentId}"`,
      ),
    );
    const problems = validateSdfProject(src);
    expect(
      problems.some((p) =>
        new RegExp(
          `${IMPORT_CUSTOMER.onDemandDeploymentId}" is already used in src\\/Objects\\/customscript_`,
        ).test(p.message),
      ),
    ).toBe(true);
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
});
