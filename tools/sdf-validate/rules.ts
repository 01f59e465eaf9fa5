// The SDF facts the validator checks against. Sources: Oracle's "SuiteCloud Development Framework XML
// Reference" (object types, script ID prefixes, field lists) and its value lists
// (generic_customfield_fieldtype, script_status, script_loglevel, generic_repeat_time).

/** Root element of each SDF object type this project may contain → the prefix of its script ID. */
export const OBJECT_PREFIX: Readonly<Record<string, string>> = {
  scheduledscript: 'customscript',
  mapreducescript: 'customscript',
  restlet: 'customscript',
  suitelet: 'customscript',
  usereventscript: 'customscript',
  clientscript: 'customscript',
  entitycustomfield: 'custentity',
  transactionbodycustomfield: 'custbody',
  transactioncolumncustomfield: 'custcol',
  itemcustomfield: 'custitem',
  customrecordtype: 'customrecord',
  customlist: 'customlist',
  subtab: 'custtab',
  savedsearch: 'customsearch',
  secret: 'custsecret',
};

export const SCRIPT_TYPES = new Set([
  'scheduledscript',
  'mapreducescript',
  'restlet',
  'suitelet',
  'usereventscript',
  'clientscript',
]);

/** Objects nested in a parent object: container element, item element, prefix. */
export const NESTED = {
  parameter: { container: 'scriptcustomfields', item: 'scriptcustomfield', prefix: 'custscript' },
  deployment: { container: 'scriptdeployments', item: 'scriptdeployment', prefix: 'customdeploy' },
  recordField: {
    container: 'customrecordcustomfields',
    item: 'customrecordcustomfield',
    prefix: 'custrecord',
  },
} as const;

export const MAX_ID_LENGTH = 40;
export const ID_PATTERN = /^[a-z0-9_]+$/;

/** generic_customfield_fieldtype. FREEFORMTEXT (the UI's "Free-Form Text") is TEXT in SDF. */
export const FIELD_TYPES = new Set([
  'CHECKBOX',
  'CLOBTEXT',
  'CURRENCY',
  'DATE',
  'DATETIMETZ',
  'DOCUMENT',
  'EMAIL',
  'FLOAT',
  'HELP',
  'IMAGE',
  'INLINEHTML',
  'INTEGER',
  'MULTISELECT',
  'PASSWORD',
  'PERCENT',
  'PHONE',
  'RICHTEXT',
  'SELECT',
  'TEXT',
  'TEXTAREA',
  'TIMEOFDAY',
  'URL',
]);

/**
 * Deployment statuses per script type. script_status also lists COMPLETED, INPROGRESS and INQUEUE
 * (states of a running instance, not something to deploy). Scheduled and map/reduce deployments are
 * SCHEDULED, NOTSCHEDULED (started on demand, e.g. by task.submit) or TESTING; RELEASED is for the
 * other script types.
 */
export const DEPLOYMENT_STATUSES: Readonly<Record<string, ReadonlySet<string>>> = {
  scheduledscript: new Set(['SCHEDULED', 'NOTSCHEDULED', 'TESTING']),
  mapreducescript: new Set(['SCHEDULED', 'NOTSCHEDULED', 'TESTING']),
};
export const OTHER_DEPLOYMENT_STATUSES: ReadonlySet<string> = new Set(['TESTING', 'RELEASED']);

export const LOG_LEVELS = new Set(['DEBUG', 'AUDIT', 'ERROR', 'EMERGENCY', 'INTERNAL', 'SYSTEM']);

/** generic_repeat_time: the only repeat intervals NetSuite offers. */
export const REPEAT_TIMES = new Set(['PT15M', 'PT30M', 'PT1H', 'PT2H', 'PT4H', 'PT6H', 'PT8H', 'PT12H']);

/** Recurrence kinds (SCHEDULED_SCRIPT_EVENT) and the "every x" field each one requires. */
export const RECURRENCES: Readonly<Record<string, string | null>> = {
  single: null,
  daily: 'everyxdays',
  everyweekday: null,
  weekly: 'everyxweeks',
  monthly: 'everyxmonths',
  monthlydayofweek: 'everyxmonths',
  yearly: null,
  yearlydayofweek: null,
};

/** script type (build/scripts.mjs, @NScriptType) → SDF root element. */
export const SCRIPT_TYPE_ELEMENT: Readonly<Record<string, string>> = {
  ScheduledScript: 'scheduledscript',
  MapReduceScript: 'mapreducescript',
  Restlet: 'restlet',
  Suitelet: 'suitelet',
  UserEventScript: 'usereventscript',
  ClientScript: 'clientscript',
};
