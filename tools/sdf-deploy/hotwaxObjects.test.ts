// Every HotWax-owned object we ship (src/Objects, and so deploy:first-install) is HotWax's definition as
// recorded in docs/HOTWAX-OBJECTS.md, in every path and value; the ids we share with HotWax keep their
// contract (script names, ids, deployment ids).
import fs from 'node:fs';
import path from 'node:path';
import { checkPreview } from './cli';
import { loadFacts, parseFacts } from './facts';
import { deploymentsOf, flatten, parseElement } from './sdfXml';

const REPO = path.resolve(__dirname, '..', '..');
const OBJECTS = path.join(REPO, 'src', 'Objects');
const facts = loadFacts(REPO);

function ours(id: string) {
  const file = path.join(OBJECTS, `${id}.xml`);
  return flatten(parseElement(fs.readFileSync(file, 'utf8'), file));
}

describe('docs/HOTWAX-OBJECTS.md', () => {
  it('records HotWax’s eight shared objects and who owns what', () => {
    expect([...facts.objects.keys()].sort()).toEqual(
      [
        'custentity_hc_customer_id',
        'custentity_hc_shop_cust_id',
        'customrecord_ns_sftp_configuration',
        'custtab_hc_entity_tab',
        'customscript_export_customer',
        'customscript_generate_hist_shop_customer',
        'customscript_imp_customer',
        'customscript_upload_hist_shop_customer',
      ].sort(),
    );
    expect([...facts.hotwaxOwned].sort()).toEqual(
      [
        'custentity_hc_customer_id',
        'custentity_hc_shop_cust_id',
        'custimport_customer_hc',
        'customrecord_hc_last_runtime_export',
        'customrecord_ns_sftp_configuration',
        'custtab_hc_entity_tab',
      ].sort(),
    );
    // Spot checks against HotWax's file (the values issue 9 found different in our old copy).
    const sftp = facts.objects.get('customrecord_ns_sftp_configuration')!.values;
    expect(sftp.allowquickadd).toBe('T');
    expect(sftp.showcreationdate).toBe('F');
    expect(sftp.showlastmodified).toBe('F');
    expect(
      sftp['customrecordcustomfields/customrecordcustomfield[custrecord_ns_sftp_host_key]/fieldtype'],
    ).toBe('CLOBTEXT');
  });

  it('parses values, empty values and escaped pipes; refuses a malformed row', () => {
    const md = [
      '## HotWax’s definitions',
      '### subtab custtab_x',
      '| path | value |',
      '| --- | --- |',
      '| `parent` | (empty) |',
      '| `title` | `A \\| B` |',
    ].join('\n');
    expect(parseFacts(md).objects.get('custtab_x')?.values).toEqual({ parent: '', title: 'A | B' });
    expect(() => parseFacts(`${md}\n| \`tabtype\` | ENTITY |`)).toThrow(/value cell/);
  });
});

describe('the HotWax-owned objects we ship', () => {
  const shipped = [...facts.hotwaxOwned].filter((id) => fs.existsSync(path.join(OBJECTS, `${id}.xml`)));

  it('are the four shared ones', () => {
    expect(shipped.sort()).toEqual(
      [
        'custentity_hc_customer_id',
        'custentity_hc_shop_cust_id',
        'customrecord_ns_sftp_configuration',
        'custtab_hc_entity_tab',
      ].sort(),
    );
  });

  it.each(shipped)('%s equals HotWax’s definition in every attribute', (id) => {
    expect(ours(id)).toEqual(facts.objects.get(id));
  });
});

describe('the script records we take over keep HotWax’s contract', () => {
  it.each([
    'customscript_imp_customer',
    'customscript_export_customer',
    'customscript_generate_hist_shop_customer',
    'customscript_upload_hist_shop_customer',
  ])('%s: same type, name and (at least) HotWax’s deployment ids and titles', (id) => {
    const hotwax = facts.objects.get(id)!;
    const mine = ours(id);
    expect(mine.type).toBe(hotwax.type);
    expect(mine.values.name).toBe(hotwax.values.name);
    const theirs = deploymentsOf(hotwax);
    const ourDeployments = deploymentsOf(mine);
    for (const [d, v] of theirs) {
      expect(ourDeployments.has(d)).toBe(true);
      if (v.status === 'SCHEDULED') expect(ourDeployments.get(d)?.title).toBe(v.title);
    }
  });
});

describe('check-preview (suitecloud project:deploy --dryrun output)', () => {
  const owned = facts.hotwaxOwned;
  it('passes a preview of the update project', () => {
    const text = [
      'DEPLOYMENT PREVIEW',
      'Upload file -- ~/FileCabinet/SuiteScripts/HotWaxCustomerSync/HC_SC_ImportCustomer.js',
      'Update object -- customscript_imp_customer (scheduledscript)',
      'Create object -- customrecord_hc_sync_checkpoint (customrecordtype)',
    ].join('\n');
    expect(checkPreview(text, owned)).toEqual([]);
  });
  it('fails on a script deployment or a HotWax object, and on an empty preview', () => {
    const text = [
      'Update object -- customscript_imp_customer.customdeploy1 (scriptdeployment)',
      'Update object -- customrecord_ns_sftp_configuration (customrecordtype)',
    ].join('\n');
    const findings = checkPreview(text, owned);
    expect(findings).toHaveLength(2);
    expect(JSON.stringify(findings)).toMatch(/script deployment.*belongs to HotWax/);
    expect(checkPreview('Error: no account', owned)).toBe('empty');
  });
});
