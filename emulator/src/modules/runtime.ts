/**
 * N/runtime (NetSuite help "N/runtime Module"; members as in @hitc/netsuite-types N/runtime).
 * - getCurrentScript(): id, deploymentId, logLevel, percentComplete, bundleIds, getParameter({ name }),
 *   getRemainingUsage() (0 units, per the stub's @governance none).
 * - getParameter types the stored value by the parameter's field type: CHECKBOX → boolean;
 *   INTEGER, FLOAT, CURRENCY, PERCENT → number; DATE/DATETIMETZ → Date; MULTISELECT → string[];
 *   others → string. An empty value gives '' (false for a checkbox); a name that is no parameter
 *   of the script gives null.
 * - getCurrentUser(): id, name, email, role, roleId, subsidiary, ..., getPreference({ name }) for
 *   DATEFORMAT, TIMEFORMAT, TIMEZONE (and others the account sets), getPermission.
 * - executionContext, ContextType, EnvType, Permission, accountId, envType, version, country,
 *   processorCount, queueCount, isFeatureInEffect({ feature }) (SUBSIDIARIES = OneWorld), getCurrentSession().
 */
import type * as runtimeTypes from 'N/runtime';
import type { ExecutionContext } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import { parseUserDate } from '../data/dates';

export const ContextType = {
  ACTION: 'ACTION',
  ADVANCEDREVREC: 'ADVANCEDREVREC',
  BANKCONNECTIVITY: 'BANKCONNECTIVITY',
  BANKSTATEMENTPARSER: 'BANKSTATEMENTPARSER',
  BUNDLE_INSTALLATION: 'BUNDLEINSTALLATION',
  CLIENT: 'CLIENT',
  CONSOLRATEADJUSTOR: 'CONSOLRATEADJUSTOR',
  CSV_IMPORT: 'CSVIMPORT',
  CUSTOMGLLINES: 'CUSTOMGLLINES',
  CUSTOM_MASSUPDATE: 'CUSTOMMASSUPDATE',
  DATASETBUILDER: 'DATASETBUILDER',
  DEBUGGER: 'DEBUGGER',
  EMAIL_CAPTURE: 'EMAILCAPTURE',
  FICONNECTIVITY: 'FICONNECTIVITY',
  FIPARSER: 'FIPARSER',
  MAP_REDUCE: 'MAPREDUCE',
  NONE: 'NONE',
  PAYMENTGATEWAY: 'PAYMENTGATEWAY',
  PAYMENTPOSTBACK: 'PAYMENTPOSTBACK',
  PLATFORMEXTENSION: 'PLATFORMEXTENSION',
  PORTLET: 'PORTLET',
  PROMOTIONS: 'PROMOTIONS',
  RESTLET: 'RESTLET',
  REST_WEBSERVICES: 'RESTWEBSERVICES',
  SCHEDULED: 'SCHEDULED',
  SDF_INSTALLATION: 'SDFINSTALLATION',
  SHIPPING_PARTNERS: 'SHIPPINGPARTNERS',
  SUITELET: 'SUITELET',
  TAX_CALCULATION: 'TAXCALCULATION',
  USEREVENT: 'USEREVENT',
  USER_INTERFACE: 'USERINTERFACE',
  WEBAPPLICATION: 'WEBAPPLICATION',
  WEBSERVICES: 'WEBSERVICES',
  WEBSTORE: 'WEBSTORE',
  WORKBOOKBUILDER: 'WORKBOOKBUILDER',
  WORKFLOW: 'WORKFLOW',
} as const;

export const EnvType = {
  SANDBOX: 'SANDBOX',
  PRODUCTION: 'PRODUCTION',
  BETA: 'BETA',
  INTERNAL: 'INTERNAL',
} as const;
export const Permission = { FULL: 4, EDIT: 3, CREATE: 2, VIEW: 1, NONE: 0 } as const;

/** What N/runtime reads from the account beyond AccountState (present on Account). */
interface RuntimeAccount {
  user?: Record<string, unknown>;
  envType?: string;
  version?: string;
  otherPreferences?: Record<string, string>;
  isFeatureInEffect?(feature: string): boolean;
  processors?: number;
}

/** What N/runtime reads from the execution beyond ExecutionContext (present on Execution). */
interface RuntimeExecution {
  /** A Suitelet request's user and session (runners/suitelet.ts); others run as the account's user. */
  user?: Record<string, unknown>;
  session?: Map<string, string>;
  logLevel?: string;
  percentComplete?: number;
  contextType?: string;
}

const NUMBER_TYPES = new Set([
  'INTEGER',
  'FLOAT',
  'CURRENCY',
  'PERCENT',
  'POSCURRENCY',
  'POSFLOAT',
  'POSINTEGER',
]);

/** A stored parameter value typed as getParameter returns it. */
export function typedParameter(
  type: string | undefined,
  raw: string,
  prefs: { dateFormat: string; timeFormat: string; timeZone: string },
): boolean | number | Date | string | string[] {
  const t = (type ?? 'TEXT').toUpperCase();
  if (t === 'CHECKBOX') return raw === 'T' || raw === 'true';
  if (raw === '') return '';
  if (NUMBER_TYPES.has(t)) {
    const n = Number(raw);
    return Number.isNaN(n) ? raw : n;
  }
  if (t === 'DATE' || t === 'DATETIMETZ' || t === 'DATETIME') {
    const iso = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? new Date(raw) : null;
    if (iso && !Number.isNaN(iso.getTime())) return iso;
    const p = parseUserDate(raw, prefs);
    return p ? p.start : raw;
  }
  if (t === 'MULTISELECT')
    return raw
      .split('\u0005')
      .flatMap((x) => x.split(','))
      .filter((x) => x !== '');
  return raw;
}

type RuntimeAcc = ExecutionContext['account'] & RuntimeAccount;
type RuntimeCtx = ExecutionContext & RuntimeExecution;

/** runtime.Script: the script and deployment running, its parameters and remaining units. */
function scriptObject(ctx: ExecutionContext, ex: RuntimeCtx) {
  return {
    get id() {
      return ctx.script.scriptId;
    },
    get deploymentId() {
      return ctx.script.deploymentId;
    },
    get logLevel() {
      return ex.logLevel ?? 'DEBUG';
    },
    get percentComplete() {
      return ex.percentComplete ?? 0;
    },
    set percentComplete(v: number) {
      ex.percentComplete = Number(v);
    },
    bundleIds: [] as string[],
    getParameter(options: { name: string }) {
      const name = typeof options === 'string' ? options : options?.name;
      if (!name)
        throw new SuiteScriptError(
          'SSS_MISSING_REQD_ARGUMENT',
          'getParameter: Missing a required argument: name',
        );
      const id = String(name).toLowerCase();
      if (!(id in ctx.script.params)) return null as unknown as string;
      const v = typedParameter(ctx.script.paramTypes[id], ctx.script.params[id], ctx.account.preferences);
      return v instanceof Date ? ctx.scriptDate(v) : v;
    },
    getRemainingUsage() {
      ctx.charge('runtime.getRemainingUsage', 0);
      return ctx.meter.remaining();
    },
    toString() {
      return 'runtime.Script';
    },
    toJSON() {
      return {
        id: ctx.script.scriptId,
        deploymentId: ctx.script.deploymentId,
        logLevel: ex.logLevel ?? 'DEBUG',
      };
    },
  };
}

/** runtime.User: the user the script runs as (the account's, or a Suitelet's or RESTlet's caller). */
function userObject(ctx: ExecutionContext, acc: RuntimeAcc, ex: RuntimeCtx) {
  const u = () => (ex.user ?? acc.user ?? {}) as Record<string, unknown>;
  return {
    get id() {
      return Number(u().id ?? -4);
    },
    get name() {
      return String(u().name ?? '-System-');
    },
    get email() {
      return String(u().email ?? '');
    },
    get role() {
      return Number(u().role ?? 3);
    },
    get roleId() {
      return String(u().roleId ?? 'administrator');
    },
    get roleCenter() {
      return String(u().roleCenter ?? 'BASIC');
    },
    get subsidiary() {
      return Number(u().subsidiary ?? 1);
    },
    get department() {
      return Number(u().department ?? 0);
    },
    get location() {
      return Number(u().location ?? 0);
    },
    get contact() {
      return Number(u().contact ?? 0);
    },
    getPreference(options: { name: string }) {
      const name = String(typeof options === 'string' ? options : (options?.name ?? '')).toUpperCase();
      const p = ctx.account.preferences;
      if (name === 'DATEFORMAT') return p.dateFormat;
      if (name === 'TIMEFORMAT') return p.timeFormat;
      if (name === 'TIMEZONE') return p.timeZone;
      const other = acc.otherPreferences ?? {};
      const key = Object.keys(other).find((k) => k.toUpperCase() === name);
      return key === undefined ? (null as unknown as string) : other[key];
    },
    getPermission(_options: { name: string }) {
      return Permission.FULL as unknown as runtimeTypes.Permission;
    },
    toJSON() {
      return {
        id: this.id,
        name: this.name,
        role: this.role,
        roleId: this.roleId,
        subsidiary: this.subsidiary,
      };
    },
  };
}

export function createRuntimeModule(ctx: ExecutionContext): typeof runtimeTypes {
  const acc = ctx.account as RuntimeAcc;
  const ex = ctx as RuntimeCtx;
  const session = ex.session ?? new Map<string, string>();
  const script = scriptObject(ctx, ex);
  const user = userObject(ctx, acc, ex);
  const mod = {
    ContextType,
    EnvType,
    Permission,
    get accountId() {
      return ctx.account.accountId;
    },
    get envType() {
      return acc.envType ?? 'SANDBOX';
    },
    get executionContext() {
      return ex.contextType ?? (ctx.script.kind === 'MAPREDUCE' ? 'MAPREDUCE' : 'SCHEDULED');
    },
    get version() {
      return acc.version ?? '2025.2';
    },
    country: 'US',
    get processorCount() {
      return acc.processors ?? 2;
    },
    queueCount: 1,
    getCurrentScript: () => script,
    getCurrentUser: () => user,
    getCurrentSession: () => ({
      get: (o: { name: string }) => session.get(o?.name) ?? (null as unknown as string),
      set: (o: { name: string; value: string }) => {
        session.set(o.name, String(o.value));
      },
    }),
    isFeatureInEffect(options: { feature: string }) {
      const f = String(typeof options === 'string' ? options : (options?.feature ?? '')).toUpperCase();
      if (!f)
        throw new SuiteScriptError(
          'SSS_MISSING_REQD_ARGUMENT',
          'isFeatureInEffect: Missing a required argument: feature',
        );
      if (acc.isFeatureInEffect) return acc.isFeatureInEffect(f);
      return f === 'SUBSIDIARIES' ? ctx.account.oneWorld : false;
    },
  };
  return mod as unknown as typeof runtimeTypes;
}
