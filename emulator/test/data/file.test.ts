import * as path from 'path';
import { createFileModule } from '../../src/modules/file';
import { loadSdfObjects } from '../../src/data/sdfObjects';
import { RecordStore } from '../../src/data/recordStore';
import { makeContext, thrown } from './helpers';

describe('N/file and File Cabinet', () => {
  test('create 0 / save 20 / load 10 by id and by path; same name in a folder overwrites (keeps the id)', () => {
    const ctx = makeContext();
    const file = createFileModule(ctx);
    const f = file.create({ name: 'out.csv', fileType: file.Type.CSV, contents: 'a,b\n', folder: -15 });
    const id = f.save();
    f.appendLine({ value: '1,2' });
    expect(f.getContents()).toBe('a,b\n1,2\n');
    const again = file.create({ name: 'out.csv', fileType: file.Type.CSV, contents: 'x\n', folder: -15 });
    expect(again.save()).toBe(id);
    const byPath = file.load({ id: 'SuiteScripts/out.csv' });
    expect(byPath.id).toBe(id);
    expect(byPath.getContents()).toBe('x\n');
    expect(byPath.path).toBe('SuiteScripts/out.csv');
    const lines: string[] = [];
    file
      .load({ id })
      .lines.iterator()
      .each((l) => {
        lines.push(l.value);
        return true;
      });
    expect(lines).toEqual(['x']);
    file.delete({ id });
    expect(thrown(() => file.load({ id })).name).toBe('RCRD_DSNT_EXIST');
    expect(ctx.meter.report()).toEqual({
      'File.save': { calls: 2, units: 40 },
      'file.create': { calls: 2, units: 0 },
      'file.delete': { calls: 1, units: 20 },
      // the failed load is charged too: the meter charges before the work
      'file.load': { calls: 3, units: 30 },
    });
  });

  test('10 MB content limit on file.create (SSS_FILE_CONTENT_SIZE_EXCEEDED)', () => {
    const ctx = makeContext();
    const file = createFileModule(ctx);
    const big = 'x'.repeat(10 * 1024 * 1024 + 1);
    expect(
      thrown(() => file.create({ name: 'big.txt', fileType: file.Type.PLAINTEXT, contents: big })).name,
    ).toBe('SSS_FILE_CONTENT_SIZE_EXCEEDED');
  });

  test('save needs a folder; copy with FAIL / RENAME_TO_UNIQUE', () => {
    const ctx = makeContext();
    const file = createFileModule(ctx);
    expect(thrown(() => file.create({ name: 'a.txt', fileType: file.Type.PLAINTEXT }).save()).name).toBe(
      'USER_ERROR',
    );
    const id = file
      .create({ name: 'a.txt', fileType: file.Type.PLAINTEXT, contents: 'hi', folder: -15 })
      .save();
    expect(thrown(() => file.copy({ id, folder: -15, conflictResolution: 'FAIL' as never })).name).toBe(
      'FILE_ALREADY_EXISTS',
    );
    expect(file.copy({ id, folder: -15, conflictResolution: 'RENAME_TO_UNIQUE' as never }).name).toBe(
      'a (1).txt',
    );
  });
});

describe('SDF objects', () => {
  test('loads the project objects: custom records, entity fields, scripts with parameters and deployments', () => {
    const store = new RecordStore({ oneWorld: true });
    const objs = loadSdfObjects(path.join(__dirname, '../../../src/Objects'), store);
    expect(store.hasType('customrecord_ns_sftp_configuration')).toBe(true);
    expect(store.typeDef('customer').fields.custentity_hc_customer_id?.type).toBe('TEXT');
    const imp = objs.scripts.find((s) => s.scriptId === 'customscript_imp_customer');
    expect(imp?.kind).toBe('SCHEDULED');
    expect(imp?.deployments.map((d) => d.id)).toEqual(
      expect.arrayContaining(['customdeploy1', 'customdeploy_imp_customer_rest']),
    );
    const exp = objs.scripts.find((s) => s.scriptId === 'customscript_export_customer');
    expect(exp?.kind).toBe('MAPREDUCE');
    expect(exp?.parameters.find((p) => p.id === 'custscript_hc_exp_max_rows_per_file')?.defaultValue).toBe(
      '50000',
    );
  });
});
