// Fields, custom record types and subtabs (tools/sdf-validate/fields.ts): a copy broken in one way
// each fails, naming the file and the problem.
import { validateSdfProject } from './validate';
import { CHECKPOINT, IMPORT, STAMP, broken, expectProblem } from './testProject';

describe('a broken copy fails, naming the file and the problem', () => {
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
});

describe('production defaults', () => {
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
});
