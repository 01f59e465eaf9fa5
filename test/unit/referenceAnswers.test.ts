/**
 * HC_MR_ImportCustomer's reference answers (sync/referenceAnswers.ts), from the BUILT map/reduce
 * library in a bare context: getInputData asks the lists once for the rows that may create, and each
 * reduce key answers from them without a search; a value not answered (a list value added since, or
 * one that does not exist) is still asked of NetSuite, so nothing is refused on a stale list.
 */
import path from 'node:path';
import { loadBareAmd } from '../support/bareAmd';
import type * as Lib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib';
import type * as ImportMrLib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerImportMapReduceLib';

const LIB_DIR = path.resolve(__dirname, '../../src/FileCabinet/SuiteScripts/HotWaxCustomerSync/lib');
const main = loadBareAmd<typeof Lib>(path.join(LIB_DIR, 'HC_CustomerSyncLib.js')).exports;
const lib = loadBareAmd<typeof ImportMrLib>(path.join(LIB_DIR, 'HC_CustomerImportMapReduceLib.js'), {
  './HC_CustomerSyncLib': main,
}).exports;

/** A store whose lists are what NetSuite holds now; each question counted as the search it costs. */
function lists(statuses: Record<string, string>, subsidiaries: string[], leadSources: string[]) {
  const asked: string[] = [];
  return {
    asked,
    statusId: (name: string) => {
      asked.push(`s:${name}`);
      return statuses[name.trim().toLowerCase()] ?? null;
    },
    subsidiaryExists: (id: string) => {
      asked.push(`u:${id}`);
      return subsidiaries.includes(id);
    },
    leadSourceExists: (id: string) => {
      asked.push(`l:${id}`);
      return leadSources.includes(id);
    },
  };
}

test('getInputData passes on only the answers that a value exists, each value asked once', () => {
  const store = lists({ 'customer-closed won': '13' }, ['1', '3'], ['-6']);
  const answers = lib.referenceAnswers(
    [
      { status: 'CUSTOMER-Closed Won', subsidiary: '3', accountSource: '-6' },
      { status: 'CUSTOMER-Closed Won', subsidiary: '', accountSource: '' },
      { status: 'LEAD-Nope', subsidiary: '9', accountSource: '77' },
    ],
    '1',
    store,
  );
  expect(answers).toEqual({ 's:customer-closed won': '13', 'u:3': true, 'l:-6': true, 'u:1': true });
  expect(store.asked.filter((a) => a === 'u:3')).toHaveLength(1);
});

test('a reduce key answers from them with no search, and asks NetSuite for anything else', () => {
  const answers = { 's:customer-closed won': '13', 'u:3': true as const, 'l:-6': true as const };
  // NetSuite now also has subsidiary 4 (added after getInputData) and no longer status 13's name.
  const store = lists({}, ['4'], []);
  const answering = lib.answeringFrom(store, answers);
  expect(answering.statusId(' CUSTOMER-Closed Won ')).toBe('13');
  expect(answering.subsidiaryExists('3')).toBe(true);
  expect(answering.leadSourceExists('-6')).toBe(true);
  expect(store.asked).toEqual([]);
  // Not answered: asked, so a value added since is found and one that does not exist is refused.
  expect(answering.subsidiaryExists('4')).toBe(true);
  expect(answering.subsidiaryExists('9')).toBe(false);
  expect(answering.statusId('LEAD-Nope')).toBeNull();
  expect(store.asked).toEqual(['u:4', 'u:9', 's:LEAD-Nope']);
});

test('without answers (a job planned before they were passed on) every question goes to NetSuite', () => {
  const store = lists({}, ['3'], []);
  expect(lib.answeringFrom(store, undefined).subsidiaryExists('3')).toBe(true);
  expect(store.asked).toEqual(['u:3']);
});

test('the scheduled chain keeps each yes it is given (keepingAnswers), never a no: a value missing now is asked again', () => {
  const answers: Record<string, string | true> = { 'u:3': true };
  const store = lists({ 'customer-closed won': '13' }, ['4'], []);
  const keeping = main.keepingAnswers(store, answers);
  expect(keeping.subsidiaryExists('3')).toBe(true);
  expect(keeping.statusId('CUSTOMER-Closed Won')).toBe('13');
  expect(keeping.subsidiaryExists('9')).toBe(false);
  expect(keeping.leadSourceExists('77')).toBe(false);
  expect(answers).toEqual({ 'u:3': true, 's:customer-closed won': '13' });
  // Asked again: the yes from the answers, the no from the store (subsidiary 9 may be added since).
  expect(keeping.statusId(' customer-closed won ')).toBe('13');
  expect(keeping.subsidiaryExists('9')).toBe(false);
  expect(store.asked).toEqual(['s:CUSTOMER-Closed Won', 'u:9', 'l:77', 'u:9']);
});
