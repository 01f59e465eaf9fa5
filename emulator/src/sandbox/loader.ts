/**
 * The SuiteScript 2.x module loader: runs the AMD files of a File Cabinet folder on disk in one
 * node:vm context per execution, the way NetSuite's server runtime (GraalJS) does.
 *
 * What a loaded file sees: the ECMAScript built-ins (including Intl, JSON, Promise) plus the
 * SuiteScript 2.x global objects `define`, `log` and `util` (NetSuite help "SuiteScript 2.x Global
 * Objects"). No Buffer, process, Node `require`, timers, fetch, console or `global`.
 *
 * Module ids (NetSuite help "Module Dependency Paths"): `N/…` standard modules (bound to the running
 * execution), absolute ids from the File Cabinet root (`/SuiteScripts/MyApp/Util`), relative ids
 * (`./Util`, `../lib/Util`) from the requiring file's folder, bare ids (`SuiteScripts/x`) from the
 * root; with or without `.js`. Magic dependencies `require`, `exports`, `module`.
 *
 * Errors, with NetSuite's codes:
 * - MODULE_DOES_NOT_EXIST, type error.SuiteScriptModuleLoaderError, "Module does not exist: /SuiteScripts/x.js"
 *   (the message NetSuite gives, as quoted in oracle/netsuite-suitecloud-sdk issue #734).
 * - MULTIPLE_DEFINE_CALLS "Invalid define call, define should only be called one time per module. Define
 *   calls found at the following line numbers: {1}", SYNTAX_ERROR "Syntax error: {1}", MISSING_SCRIPT_TYPE,
 *   INVALID_API_VERSION, SCRIPT_OF_API_VERSION_20_MUST_IMPLEMENT_A_SCRIPT_TYPE_INTERFACE (NetSuite help
 *   "Entry Point Script Validation Error Reference").
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { SCRIPT_FILES, SuiteScriptError } from '../core/errors';
import { notEmulated, withMissingMembers } from './notEmulated';

/** The JSDoc tags NetSuite reads from a script file's header comment. */
export interface ScriptHeader {
  apiVersion?: string;
  scriptType?: string;
  moduleScope?: string;
  tags: Record<string, string>;
}

/** Entry points each script type must implement (NetSuite help "SuiteScript 2.x Script Types"). */
export const ENTRY_POINTS: Record<string, { all: string[]; any: string[] }> = {
  scheduledscript: { all: ['execute'], any: [] },
  mapreducescript: { all: ['getInputData'], any: ['map', 'reduce'] },
  suitelet: { all: ['onRequest'], any: [] },
  restlet: { all: [], any: ['get', 'post', 'put', 'delete'] },
  usereventscript: { all: [], any: ['beforeLoad', 'beforeSubmit', 'afterSubmit'] },
};

/** Standard module names NetSuite offers (the N/ modules of @hitc/netsuite-types). */
export const STANDARD_MODULES = new Set([
  'N/action',
  'N/auth',
  'N/cache',
  'N/certificateControl',
  'N/commerce/recordView',
  'N/compress',
  'N/config',
  'N/crypto',
  'N/crypto/certificate',
  'N/crypto/random',
  'N/currency',
  'N/currentRecord',
  'N/dataset',
  'N/datasetLink',
  'N/documentCapture',
  'N/email',
  'N/encode',
  'N/error',
  'N/file',
  'N/format',
  'N/format/i18n',
  'N/http',
  'N/https',
  'N/https/clientCertificate',
  'N/keyControl',
  'N/llm',
  'N/log',
  'N/machineTranslation',
  'N/manufacturing/productionCharges',
  'N/pgp',
  'N/piremoval',
  'N/plugin',
  'N/portlet',
  'N/query',
  'N/record',
  'N/recordContext',
  'N/redirect',
  'N/render',
  'N/runtime',
  'N/search',
  'N/sftp',
  'N/sso',
  'N/suiteAppInfo',
  'N/task',
  'N/task/accounting/recognition',
  'N/transaction',
  'N/translation',
  'N/ui/dialog',
  'N/ui/message',
  'N/ui/serverWidget',
  'N/url',
  'N/util',
  'N/workbook',
  'N/workflow',
  'N/xml',
]);

export class ModuleLoaderError extends SuiteScriptError {
  override readonly type: string = 'error.SuiteScriptModuleLoaderError';
}

export function moduleDoesNotExist(id: string): SuiteScriptError {
  return new ModuleLoaderError('MODULE_DOES_NOT_EXIST', `Module does not exist: ${id}`);
}

/** Reads the JSDoc tags (@NApiVersion, @NScriptType, @NModuleScope, ...) of the file's header comments. */
export function parseHeader(source: string): ScriptHeader {
  const tags: Record<string, string> = {};
  const defineAt = source.search(/\bdefine\s*\(/);
  const head = defineAt >= 0 ? source.slice(0, defineAt) : source;
  for (const block of head.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    for (const m of block.matchAll(/@(N\w+)[ \t]+([^\s*]+)/g)) {
      if (!(m[1] in tags)) tags[m[1]] = m[2];
    }
  }
  return { apiVersion: tags.NApiVersion, scriptType: tags.NScriptType, moduleScope: tags.NModuleScope, tags };
}

/** Upload-time validation of an entry point file's header (NetSuite help "SuiteScript 2.x JSDoc Validation"). */
export function validateEntryHeader(header: ScriptHeader, file: string, expectedType?: string): void {
  const v = header.apiVersion;
  if (v === undefined || !/^2\.(0|1|x|X)$/.test(v)) {
    throw new SuiteScriptError(
      'INVALID_API_VERSION',
      `${file}: Invalid JSDoc tag value; valid values are: @NApiVersion [2.X, 2.x, 2.0 2.1]` +
        (v === undefined ? ' (no @NApiVersion tag: an entry point script needs one)' : ''),
    );
  }
  if (!header.scriptType) {
    throw new SuiteScriptError(
      'MISSING_SCRIPT_TYPE',
      `${file}: The @NScriptType JSDoc tag is required for 2.0 entry point scripts.`,
    );
  }
  if (expectedType && header.scriptType.toLowerCase() !== expectedType.toLowerCase()) {
    throw new SuiteScriptError(
      'INVALID_JSDOC_TAG_VALUE',
      `${file}: Invalid JSDoc tag value; valid values are: @NScriptType ${expectedType} (the file says ${header.scriptType})`,
    );
  }
}

/** Checks that an entry module returns the entry points of its script type. */
export function validateEntryPoints(scriptType: string, mod: unknown, file: string): void {
  const spec = ENTRY_POINTS[scriptType.toLowerCase()];
  const o = mod as Record<string, unknown> | null | undefined;
  const has = (k: string) => o !== null && typeof o === 'object' && typeof o[k] === 'function';
  if (!spec) return;
  if (!spec.all.every(has) || (spec.any.length > 0 && !spec.any.some(has))) {
    throw new SuiteScriptError(
      'SCRIPT_OF_API_VERSION_20_MUST_IMPLEMENT_A_SCRIPT_TYPE_INTERFACE',
      `${file}: SuiteScript 2.0 entry point scripts must implement one script type function ` +
        `(${scriptType}: ${[...spec.all, ...(spec.any.length ? [spec.any.join(' or ')] : [])].join(', ')}).`,
    );
  }
}

interface CachedScript {
  mtimeMs: number;
  size: number;
  source: string;
  script: vm.Script;
}
/** Compiled files, shared by every execution (a vm.Script runs in any context). */
const compiled = new Map<string, CachedScript>();

function compile(diskPath: string, cabinetPath: string): CachedScript {
  let st: fs.Stats;
  try {
    st = fs.statSync(diskPath);
  } catch {
    throw moduleDoesNotExist(cabinetPath);
  }
  if (!st.isFile()) throw moduleDoesNotExist(cabinetPath);
  const hit = compiled.get(diskPath);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
  const source = fs.readFileSync(diskPath, 'utf8');
  let script: vm.Script;
  try {
    script = new vm.Script(source, { filename: cabinetPath });
  } catch (e) {
    throw new SuiteScriptError(
      'SYNTAX_ERROR',
      `Syntax error: ${(e as Error).message} (${cabinetPath})`,
      false,
      e,
    );
  }
  SCRIPT_FILES.add(cabinetPath);
  const entry = { mtimeMs: st.mtimeMs, size: st.size, source, script };
  compiled.set(diskPath, entry);
  return entry;
}

type Factory = (...args: unknown[]) => unknown;

interface ModuleRecord {
  state: 'loading' | 'done';
  value: unknown;
  exports: Record<string, unknown>;
}

interface DefineCall {
  args: unknown[];
  line: number;
}

export interface SandboxOptions {
  /** File Cabinet root on disk (the folder that holds SuiteScripts/). */
  root: string;
  /** Gives the N/ module of the running execution, or undefined when the emulator does not offer it. */
  standardModule: (name: string) => unknown;
  /** The global `log` and `util` objects. */
  log: unknown;
  util: unknown;
  /** A label for stack traces. */
  name?: string;
  /** The Date constructor scripts see (core/scriptDate.ts); default the host Date. */
  Date?: DateConstructor;
}

/** Makes sandbox `x instanceof Array|Error|RegExp|Map|Set` true for values made by the emulator (another realm). */
const BOOTSTRAP = `(function (g) {
  var ordinary = Function.prototype[Symbol.hasInstance];
  var tag = Object.prototype.toString;
  function patch(C, test) {
    Object.defineProperty(C, Symbol.hasInstance, {
      configurable: true, writable: true,
      value: function (v) { return ordinary.call(this, v) || (this === C && v !== null && (typeof v === 'object' || typeof v === 'function') && test(v)); },
    });
  }
  patch(Array, function (v) { return Array.isArray(v); });
  patch(Error, function (v) { return tag.call(v) === '[object Error]'; });
  patch(RegExp, function (v) { return tag.call(v) === '[object RegExp]'; });
  patch(Map, function (v) { return tag.call(v) === '[object Map]'; });
  patch(Set, function (v) { return tag.call(v) === '[object Set]'; });
  delete g.WebAssembly;
  delete g.console;
})(globalThis);`;
const bootstrapScript = new vm.Script(BOOTSTRAP, { filename: 'emulator:bootstrap' });

/**
 * One execution's module world: a vm context and the modules loaded in it (each file runs once,
 * its value cached, as NetSuite caches module instances within an execution).
 */
export class Sandbox {
  readonly context: vm.Context;
  private readonly root: string;
  private readonly modules = new Map<string, ModuleRecord>();
  private readonly named = new Map<string, unknown>();
  private readonly standard = new Map<string, unknown>();
  private pending: DefineCall[] | null = null;

  constructor(private readonly opts: SandboxOptions) {
    this.root = path.resolve(opts.root);
    const g: Record<string, unknown> = {};
    this.context = vm.createContext(g, {
      name: opts.name ?? 'SuiteScript',
      codeGeneration: { strings: true, wasm: false },
    });
    bootstrapScript.runInContext(this.context);
    // Errors made in the sandbox show only script frames, as NetSuite's do (no host paths).
    const SandboxError = vm.runInContext('Error', this.context) as ErrorConstructor & {
      prepareStackTrace?: unknown;
    };
    SandboxError.prepareStackTrace = (e: Error, frames: NodeJS.CallSite[]) =>
      [
        String(e),
        ...frames.filter((f) => SCRIPT_FILES.has(String(f.getFileName()))).map((f) => `    at ${f}`),
      ].join('\n');
    const define = this.makeDefine();
    Object.defineProperty(g, 'define', {
      value: define,
      writable: false,
      enumerable: false,
      configurable: false,
    });
    Object.defineProperty(g, 'log', {
      value: withMissingMembers('N/log', opts.log),
      writable: true,
      enumerable: false,
      configurable: true,
    });
    Object.defineProperty(g, 'util', {
      value: opts.util,
      writable: true,
      enumerable: false,
      configurable: true,
    });
    // One Date for both sides, so `x instanceof Date` holds for dates the N/ modules return and for
    // dates scripts pass in (there is no Date literal, so every date is made by this constructor).
    // The modeled-time Date (core/scriptDate.ts) subclasses the host Date and accepts host dates in instanceof.
    Object.defineProperty(g, 'Date', {
      value: opts.Date ?? Date,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }

  /** Loads an entry point file (path from the File Cabinet root, e.g. /SuiteScripts/App/MyScript.js). */
  loadEntry(cabinetPath: string, expectedType?: string): { header: ScriptHeader; module: unknown } {
    const p = this.normalize(cabinetPath);
    const header = parseHeader(compile(this.disk(p), p).source);
    validateEntryHeader(header, p, expectedType);
    const mod = this.loadFile(p);
    validateEntryPoints(header.scriptType as string, mod, p);
    return { header, module: mod };
  }

  /** Synchronous require of a module id, as from a file at `from` (a File Cabinet path). */
  require(id: string, from?: string): unknown {
    if (typeof id !== 'string' || id === '') throw moduleDoesNotExist(String(id));
    if (id.startsWith('N/')) return this.standardModule(id);
    if (this.named.has(id)) return this.named.get(id);
    return this.loadFile(this.resolve(id, from));
  }

  /** Resolves a module id to a File Cabinet path ending in .js (NetSuite help "Module Dependency Paths"). */
  resolve(id: string, from?: string): string {
    let p: string;
    if (id.startsWith('./') || id.startsWith('../') || id === '.' || id === '..') {
      const base = from ? path.posix.dirname(from) : '/';
      p = path.posix.join(base, id);
    } else if (id.startsWith('/')) {
      if (id.startsWith('/.')) throw moduleDoesNotExist(id); // bundle virtual paths: not emulated
      p = id;
    } else {
      p = '/' + id;
    }
    return this.normalize(p, id);
  }

  private normalize(p: string, original = p): string {
    let n = path.posix.normalize(p.startsWith('/') ? p : '/' + p);
    if (n.startsWith('/..')) throw moduleDoesNotExist(original);
    if (!n.endsWith('.js')) n += '.js';
    return n;
  }

  private disk(cabinetPath: string): string {
    return path.join(this.root, ...cabinetPath.split('/').filter(Boolean));
  }

  private standardModule(name: string): unknown {
    const id = name.endsWith('.js') ? name.slice(0, -3) : name;
    if (this.standard.has(id)) return this.standard.get(id);
    if (!STANDARD_MODULES.has(id)) throw moduleDoesNotExist(name);
    let mod = this.opts.standardModule(id);
    mod = mod === undefined ? unsupportedModule(id) : withMissingMembers(id, mod);
    this.standard.set(id, mod);
    return mod;
  }

  private loadFile(cabinetPath: string): unknown {
    const known = this.modules.get(cabinetPath);
    if (known) return known.state === 'done' ? known.value : known.exports;
    const { script } = compile(this.disk(cabinetPath), cabinetPath);
    const rec: ModuleRecord = { state: 'loading', value: undefined, exports: {} };
    this.modules.set(cabinetPath, rec);
    const outer = this.pending;
    const calls: DefineCall[] = [];
    this.pending = calls;
    try {
      try {
        script.runInContext(this.context);
      } finally {
        this.pending = outer;
      }
      if (calls.length > 1) {
        throw new SuiteScriptError(
          'MULTIPLE_DEFINE_CALLS',
          `Invalid define call, define should only be called one time per module. Define calls found at the following line numbers: ${calls
            .map((c) => c.line)
            .join(', ')} (${cabinetPath})`,
        );
      }
      rec.value = calls.length === 1 ? this.runDefine(calls[0].args, cabinetPath, rec) : undefined;
      rec.state = 'done';
      return rec.value;
    } catch (e) {
      this.modules.delete(cabinetPath);
      throw e;
    }
  }

  private runDefine(args: unknown[], file: string, rec: ModuleRecord): unknown {
    const a = [...args];
    let id: string | undefined;
    if (typeof a[0] === 'string') id = a.shift() as string;
    let deps: unknown = Array.isArray(a[0]) ? a.shift() : undefined;
    const factory = a[0];
    let value: unknown;
    const moduleObj = {
      id: id ?? file,
      uri: file,
      get exports() {
        return rec.exports;
      },
      set exports(v: Record<string, unknown>) {
        rec.exports = v;
      },
    };
    if (typeof factory === 'function') {
      if (deps === undefined) deps = factory.length > 0 ? ['require', 'exports', 'module'] : [];
      const resolved = (deps as unknown[]).map((d) => {
        if (d === 'require') return this.localRequire(file);
        if (d === 'exports') return rec.exports;
        if (d === 'module') return moduleObj;
        return this.require(String(d), file);
      });
      const out = (factory as Factory)(...resolved);
      value = out !== undefined ? out : rec.exports;
    } else {
      if (Array.isArray(deps)) for (const d of deps) this.require(String(d), file);
      value = factory;
    }
    if (id !== undefined) this.named.set(id, value);
    return value;
  }

  /** The `require` magic dependency: require(id) or require([ids], callback, errback), relative to `file`. */
  private localRequire(file: string): unknown {
    const req = (ids: unknown, callback?: unknown, errback?: unknown): unknown => {
      if (typeof ids === 'string') return this.require(ids, file);
      if (Array.isArray(ids)) {
        let mods: unknown[];
        try {
          mods = ids.map((i) => this.require(String(i), file));
        } catch (e) {
          if (typeof errback === 'function') {
            errback(e);
            return undefined;
          }
          throw e;
        }
        if (typeof callback === 'function') callback(...mods);
        return undefined;
      }
      throw moduleDoesNotExist(String(ids));
    };
    return req;
  }

  private makeDefine(): unknown {
    const define = (...args: unknown[]): void => {
      if (!this.pending) {
        throw new SuiteScriptError(
          'SSS_INVALID_API_USAGE',
          'define() called outside the loading of a module file',
        );
      }
      this.pending.push({ args, line: callerLine() });
    };
    (define as unknown as { amd: object }).amd = {};
    return define;
  }
}

/** The line of the script that called define (for MULTIPLE_DEFINE_CALLS). */
function callerLine(): number {
  const stack = new Error().stack ?? '';
  const lines = stack.split('\n');
  for (const l of lines.slice(2)) {
    const m = /\(?([^()\s]+\.js):(\d+):\d+\)?$/.exec(l.trim());
    if (m) return Number(m[2]);
  }
  return 0;
}

/** A valid N/ module the emulator does not offer: loads (so a script listing it still runs), fails on use. */
function unsupportedModule(id: string): unknown {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        throw notEmulated(id, String(prop));
      },
    },
  );
}
