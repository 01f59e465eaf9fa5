import { runScheduled } from '../../src/runners/scheduled';
import { createLogModule } from '../../src/modules/log';
import { createError } from '../../src/modules/error';
import { Execution } from '../../src/runners/execution';
import { fixtureAccount, logged, scheduled } from './helpers';

function paramsAccount(oneWorld = true) {
  const account = fixtureAccount({
    oneWorld,
    preferences: { dateFormat: 'DD.MM.YYYY', timeZone: 'Europe/Berlin' },
  });
  scheduled(account, 'customscript_params', '/SuiteScripts/Params/SC_Params.js', {
    params: [
      { id: 'custscript_p_flag', type: 'CHECKBOX', defaultValue: 'F' },
      { id: 'custscript_p_count', type: 'INTEGER', defaultValue: '9000000' },
      { id: 'custscript_p_text', type: 'TEXT', defaultValue: 'Historical Shopify Customer CSV' },
      { id: 'custscript_p_empty_text', type: 'TEXT' },
      { id: 'custscript_p_empty_flag', type: 'CHECKBOX' },
      { id: 'custscript_p_select', type: 'SELECT', defaultValue: '' },
      { id: 'custscript_p_float', type: 'FLOAT', defaultValue: '2.5' },
    ],
    deployments: [
      {
        deploymentId: 'customdeploy_params',
        status: 'NOTSCHEDULED',
        logLevel: 'AUDIT',
        params: { custscript_p_flag: 'T' },
      },
    ],
  });
  return account;
}

describe('N/runtime', () => {
  // @hitc/netsuite-types N/runtime Script.getParameter returns boolean | number | Date | string | string[]:
  // checkbox → boolean, integer/float → number, others string, '' when empty, null for a name that is no parameter.
  test('getParameter types values by parameter type; deployment values and run overrides win over defaults', () => {
    const account = paramsAccount();
    const r = runScheduled(account, { scriptId: 'customscript_params', params: { custscript_p_select: 7 } });
    expect(r.status).toBe('COMPLETE');
    const out = logged(r.logs, 'params');
    expect(out).toMatchObject({
      custscript_p_flag: { type: 'boolean', value: true },
      custscript_p_count: { type: 'number', value: 9000000 },
      custscript_p_text: { type: 'string', value: 'Historical Shopify Customer CSV' },
      custscript_p_empty_text: { type: 'string', value: '' },
      custscript_p_empty_flag: { type: 'boolean', value: false },
      custscript_p_select: { type: 'string', value: '7' },
      custscript_p_float: { type: 'number', value: 2.5 },
      custscript_p_unknown: { type: 'null', value: null },
      user: 'DD.MM.YYYY',
      tz: 'Europe/Berlin',
      subsidiaries: true,
      executionContext: 'SCHEDULED',
      isScheduled: true,
      accountId: 'TSTDRV0000000',
      envType: 'SANDBOX',
      script: { id: 'customscript_params', deploymentId: 'customdeploy_params', logLevel: 'AUDIT' },
    });
  });

  test('isFeatureInEffect SUBSIDIARIES follows oneWorld', () => {
    const r = runScheduled(paramsAccount(false), { scriptId: 'customscript_params' });
    expect(logged(r.logs, 'params').subsidiaries).toBe(false);
  });
});

describe('N/log', () => {
  function ctx() {
    const account = fixtureAccount();
    const def = scheduled(account, 'customscript_x', '/SuiteScripts/Probe/SC_ProbeGlobals.js');
    return new Execution({ account, script: def, deployment: def.deployments[0], limit: 10_000 });
  }
  // @hitc/netsuite-types N/log LogOptions: title "Maximum length is 99 characters"; details: JSON.stringify(obj)
  // for objects, "NetSuite truncates any resulting string over 3999 characters".
  test('titles are cut to 99 characters, details JSON-stringified and cut to 3,999', () => {
    const c = ctx();
    const log = createLogModule(c);
    log.audit('t'.repeat(150), { a: 1 });
    log.debug({ title: 'long', details: 'x'.repeat(5000) });
    log.error('err', createError({ name: 'MY_CODE', message: 'boom' }));
    const [a, b, e] = c.account.logs;
    expect(a).toMatchObject({
      level: 'AUDIT',
      details: '{"a":1}',
      scriptId: 'customscript_x',
      executionId: c.executionId,
    });
    expect(a.title).toHaveLength(99);
    expect(b.details).toHaveLength(3999);
    expect(JSON.parse(e.details)).toMatchObject({
      name: 'MY_CODE',
      message: 'boom',
      type: 'error.SuiteScriptError',
    });
  });
});

describe('N/error', () => {
  // NetSuite help "error.create(options)": name, message, notifyOff → SuiteScriptError.
  test('create gives a SuiteScriptError with name, message, notifyOff and an id', () => {
    const e = createError({ name: 'HC_BAD', message: 'bad thing', notifyOff: true });
    expect(e).toMatchObject({
      name: 'HC_BAD',
      message: 'bad thing',
      notifyOff: true,
      type: 'error.SuiteScriptError',
    });
    expect(e.id).not.toBe('');
    expect(String(e)).toBe('HC_BAD: bad thing');
  });
});
