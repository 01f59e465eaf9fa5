// The project files (deploy.xml, manifest.xml: deploy.ts, manifest.ts), HotWax's objects (hotwax.ts)
// and the generated deploy projects: a copy broken in one way each fails, naming the file and the problem.
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, validateSdfProject } from './validate';
import { generateDeployProject } from '../sdf-deploy/generate';
import { SFTP, SRC, broken, copyProject, expectProblem, generated, facts } from './testProject';
import {
  IMPORT_CUSTOMER,
  UPLOAD_HISTORICAL_CSV,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

describe('a broken copy fails, naming the file and the problem', () => {
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
});

describe('HotWax-owned objects (docs/HOTWAX-OBJECTS.md)', () => {
  it('the generated projects validate clean', () => {
    for (const mode of ['update', 'first-install'] as const)
      expect(generated(mode).map(formatProblem)).toEqual([]);
    expect(
      generated('add-deployments', { deployments: [IMPORT_CUSTOMER.onDemandDeploymentId] }).map(
        formatProblem,
      ),
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
        `Objects/${UPLOAD_HISTORICAL_CSV.scriptId}.xml`,
        (t) =>
          t.replace(
            '</scriptcustomfields>',
            `</scriptcustomfields>\n  <scriptdeployments><scriptdeployment scriptid="${UPLOAD_HISTORICAL_CSV.deploymentId}"><status>NOTSCHEDULED</status><title>HC_SC_UploadHistoricalCustomerCSV</title><loglevel>AUDIT</loglevel></scriptdeployment></scriptdeployments>`,
          ),
      ],
    });
    expectProblem(
      problems,
      `update/Objects/${UPLOAD_HISTORICAL_CSV.scriptId}.xml`,
      new RegExp(
        `deployment ${UPLOAD_HISTORICAL_CSV.deploymentId}: the default deploy must not contain script deployments`,
      ),
    );
  });

  it('add-deployments with an id no script has', () => {
    expect(() => generated('add-deployments', { deployments: ['customdeploy_nope'] })).toThrow(
      /customdeploy_nope/,
    );
  });
});
