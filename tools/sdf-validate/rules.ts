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

// ---- added for issue 9: value lists of the other elements we ship, and this project's deploy rules ----

/** customrecordtype_accesstype (SDF XML reference, customrecordtype `accesstype`; default CUSTRECORDENTRYPERM). */
export const CUSTOM_RECORD_ACCESS_TYPES = new Set(['CUSTRECORDENTRYPERM', 'NONENEEDED', 'USEPERMISSIONLIST']);

/** generic_permission_level (customrecordtype `permission/permittedlevel`; default NONE). */
export const PERMISSION_LEVELS = new Set(['NONE', 'VIEW', 'CREATE', 'EDIT', 'FULL']);

/**
 * generic_accesslevel_searchlevel: `accesslevel` 0 NONE, 1 VIEW, 2 EDIT; `searchlevel` 0 NONE, 1 RUN,
 * 2 EDIT ("Providing Roles with Access to a Custom Field in SDF").
 */
export const ACCESS_SEARCH_LEVELS = new Set(['0', '1', '2']);

/**
 * Custom field `displaytype`: the Display Type list of a custom field (Normal, Inline Text, Hidden,
 * Disabled, Locked). NORMAL and INLINE/HIDDEN/LOCKED appear in SDF's lists (customsegment_displaytype
 * has HIDDEN, LOCKED, NORMAL); the generic_customfield_displaytype page itself was not read.
 */
export const DISPLAY_TYPES = new Set(['NORMAL', 'INLINE', 'HIDDEN', 'DISABLED', 'LOCKED']);

/** generic_tab_type: the four kinds of "Subtabs as XML Definitions" (transaction, entity, item, CRM). */
export const TAB_TYPES = new Set(['TRANSACTION', 'ENTITY', 'ITEM', 'CRM']);

/** Elements of the objects we ship that SDF types as boolean (T/F) in its XML reference. */
export const BOOLEAN_ELEMENTS = new Set([
  'allowattachments',
  'allowinlinedeleting',
  'allowinlinedetaching',
  'allowinlineediting',
  'allowmobileaccess',
  'allownumberingoverride',
  'allowquickadd',
  'allowquicksearch',
  'allowuiaccess',
  'appliestocustomer',
  'applyformatting',
  'checkspelling',
  'enabledle',
  'enablekeywords',
  'enablemailmerge',
  'enablenametranslation',
  'enablenumbering',
  'enableoptimisticlocking',
  'enablesystemnotes',
  'encryptatrest',
  'globalsearch',
  'hierarchical',
  'iconbuiltin',
  'includeinsearchmenu',
  'includename',
  'isformula',
  'isinactive',
  'ismandatory',
  'isordered',
  'isparent',
  'notifyadmins',
  'notifyowner',
  'notifyuser',
  'rolerestrict',
  'showcreationdate',
  'showcreationdateonlist',
  'showid',
  'showinlist',
  'showlastmodified',
  'showlastmodifiedonlist',
  'shownotes',
  'showowner',
  'showownerallowchange',
  'showowneronlist',
  'storevalue',
  'allroles',
  'allemployees',
  'allpartners',
]);

/** Script objects: `description` and `notifyemails` "can be up to 999 characters long". */
export const MAX_DESCRIPTION_LENGTH = 999;
export const MAX_NOTIFY_EMAILS_LENGTH = 999;

/**
 * Production log levels for SCHEDULED deployments (this project's rule: a recurring job logs one AUDIT
 * summary per run; DEBUG, SDF's default when `loglevel` is absent, floods the execution log).
 */
export const PRODUCTION_LOG_LEVELS = new Set(['AUDIT', 'ERROR', 'EMERGENCY']);

/** Record types that hold the scripts' state (this project's rule: administrators only, no system notes). */
export const SCRIPT_STATE_RECORDS = new Set(['customrecord_hc_sync_checkpoint']);

/** Fields only the scripts write (this project's rule: users see them, nobody edits them). */
export const SCRIPT_ONLY_FIELDS = new Set(['custentity_hc_sync_stamp']);

/** selectrecordtype -117 is the subsidiary list, which exists only with the SUBSIDIARIES feature (OneWorld). */
export const SUBSIDIARY_RECORD_TYPE = '-117';

/**
 * Elements that need a feature referenced in manifest.xml (scriptdeployment XML reference of the
 * script types: "If this field appears in the SuiteCloud project, you must reference the … feature").
 */
export const ELEMENT_FEATURES: Readonly<Record<string, string>> = {
  allpartners: 'CRM',
  auddepartment: 'DEPARTMENTS',
};
