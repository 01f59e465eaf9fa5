// Offline validation of the SDF project in src/: what `suitecloud project:validate` would reject
// (it needs Oracle's SDK and an account), plus the contracts this project keeps with HotWax.
// See tools/sdf-validate/README.md for the list of checks and why each exists.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadFacts, type HotWaxFacts } from '../sdf-deploy/facts';
import { flatten, parseElement } from '../sdf-deploy/sdfXml';
import {
  ACCESS_SEARCH_LEVELS,
  BOOLEAN_ELEMENTS,
  CUSTOM_RECORD_ACCESS_TYPES,
  DISPLAY_TYPES,
  MAX_DESCRIPTION_LENGTH,
  MAX_NOTIFY_EMAILS_LENGTH,
  PERMISSION_LEVELS,
  PRODUCTION_LOG_LEVELS,
  SCRIPT_ONLY_FIELDS,
  SCRIPT_STATE_RECORDS,
  SUBSIDIARY_RECORD_TYPE,
  TAB_TYPES,
  ELEMENT_FEATURES,
  DEPLOYMENT_STATUSES,
  FIELD_TYPES,
  ID_PATTERN,
  LOG_LEVELS,
  MAX_ID_LENGTH,
  NESTED,
  OBJECT_PREFIX,
  OTHER_DEPLOYMENT_STATUSES,
  RECURRENCES,
  REPEAT_TIMES,
  SCRIPT_TYPES,
  SCRIPT_TYPE_ELEMENT,
} from './rules';

export interface Problem {
  /** The file the problem is in, as `<project folder name>/<path inside it>` (e.g. `src/Objects/x.xml`). */
  file: string;
  message: string;
}

export interface ValidateOptions {
  /**
   * build/scripts.mjs (the list of shipped scripts) to check the objects against. Default:
   * `<dir>/../build/scripts.mjs` when it exists; `false` skips the check.
   */
  buildList?: string | false;
  /**
   * What the folder is: `source` (src/, the full definition the emulator loads) or a project generated
   * by tools/sdf-deploy for `suitecloud project:deploy`: `update` (the default deploy: no script
   * deployments, no HotWax object), `first-install`, `add-deployments`.
   */
  mode?: ValidateMode;
  /**
   * HotWax's object facts (docs/HOTWAX-OBJECTS.md). Default: `<dir>/../docs/HOTWAX-OBJECTS.md` when it
   * exists; `false` skips the HotWax checks.
   */
  facts?: HotWaxFacts | false;
}

export type ValidateMode = 'source' | 'update' | 'first-install' | 'add-deployments';

type XmlNode = Record<string, unknown>;

interface SdfObject {
  file: string;
  type: string;
  id: string;
  node: XmlNode;
}

interface ScriptInfo {
  object: SdfObject;
  name: string;
  params: Set<string>;
  /** Absolute path of the built entry file, when the scriptfile resolves. */
  entry?: string;
}

const REPEATED = new Set([
  NESTED.parameter.item,
  NESTED.deployment.item,
  NESTED.recordField.item,
  'path',
  'feature',
  'files',
  'objects',
  'object',
  'file',
  'permission',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
});

const PARAM_LITERAL = /['"`](custscript_[a-z0-9_]+)['"`]/g;

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.message}`;
}

export function validateSdfProject(dir: string, options: ValidateOptions = {}): Problem[] {
  const root = path.resolve(dir);
  const mode: ValidateMode = options.mode ?? 'source';
  const generated = mode !== 'source';
  const problems: Problem[] = [];
  const display = (abs: string): string =>
    [path.basename(root), ...path.relative(root, abs).split(path.sep)].filter(Boolean).join('/');
  const report = (abs: string, message: string): void => {
    problems.push({ file: display(abs), message });
  };

  if (!isDirectory(root)) {
    report(root, 'is not a directory (expected the SDF project folder, e.g. src)');
    return problems;
  }
  const objectsDir = path.join(root, 'Objects');
  const cabinetDir = path.join(root, 'FileCabinet');
  const cabinetFiles = listFiles(cabinetDir);

  // ---- parse every object -------------------------------------------------------------------
  const objects: SdfObject[] = [];
  const idOwner = new Map<string, string>();
  const knownIds = new Set<string>();

  const checkId = (file: string, id: string | undefined, prefix: string, what: string): id is string => {
    if (!id) {
      report(file, `${what} has no scriptid attribute`);
      return false;
    }
    if (!ID_PATTERN.test(id))
      report(file, `${what} scriptid "${id}" may only contain lowercase letters, digits and _`);
    if (!id.startsWith(prefix)) report(file, `${what} scriptid "${id}" must start with "${prefix}"`);
    if (id.length > MAX_ID_LENGTH) {
      report(
        file,
        `${what} scriptid "${id}" is ${id.length} characters long; SDF allows at most ${MAX_ID_LENGTH}`,
      );
    }
    const owner = idOwner.get(id);
    if (owner !== undefined) report(file, `${what} scriptid "${id}" is already used in ${display(owner)}`);
    else idOwner.set(id, file);
    knownIds.add(id);
    return true;
  };

  if (!isDirectory(objectsDir)) report(objectsDir, 'folder is missing (SDF objects live in Objects/)');
  const objectFiles = listFiles(objectsDir);
  for (const file of objectFiles) {
    if (!file.endsWith('.xml')) {
      report(file, 'is not an XML file; Objects/ may only hold SDF object definitions (<scriptid>.xml)');
      continue;
    }
    const parsed = parseXml(file, report);
    if (!parsed) continue;
    const roots = Object.keys(parsed).filter((k) => !k.startsWith('#'));
    if (roots.length !== 1) {
      report(file, `must have exactly one root element, found ${roots.length}`);
      continue;
    }
    const type = roots[0];
    const node = asNode(parsed[type]);
    const prefix = OBJECT_PREFIX[type];
    if (prefix === undefined) {
      report(file, `root element <${type}> is not an SDF object type this validator knows`);
      continue;
    }
    const id = attr(node, 'scriptid');
    if (!checkId(file, id, prefix, `<${type}>`)) continue;
    if (path.basename(file) !== `${id}.xml`) {
      report(file, `file name must equal the object's scriptid: expected ${id}.xml`);
    }
    objects.push({ file, type, id, node });
  }

  // nested ids (parameters, deployments, custom record fields)
  for (const obj of objects) {
    const kinds = SCRIPT_TYPES.has(obj.type)
      ? [NESTED.parameter, NESTED.deployment]
      : obj.type === 'customrecordtype'
        ? [NESTED.recordField]
        : [];
    for (const kind of kinds) {
      for (const child of children(obj.node, kind.container, kind.item)) {
        const childId = attr(child, 'scriptid');
        if (checkId(obj.file, childId, kind.prefix, `<${kind.item}>`)) knownIds.add(`${obj.id}.${childId}`);
      }
    }
  }

  // ---- HotWax's objects (docs/HOTWAX-OBJECTS.md) -------------------------------------------------
  let facts: HotWaxFacts | undefined;
  if (options.facts !== false) {
    if (options.facts) facts = options.facts;
    else if (isFile(path.join(root, '..', 'docs', 'HOTWAX-OBJECTS.md')))
      facts = loadFacts(path.join(root, '..'));
  }
  const hotwaxOwned = facts?.hotwaxOwned ?? new Set<string>();
  for (const obj of objects) {
    if (!hotwaxOwned.has(obj.id)) continue;
    if (mode === 'update' || mode === 'add-deployments') {
      report(
        obj.file,
        `${obj.id} belongs to HotWax: the default deploy must not ship it (declare it as a manifest dependency; only deploy:first-install ships it)`,
      );
      continue;
    }
    const expected = facts?.objects.get(obj.id);
    if (!expected) {
      report(obj.file, `${obj.id} belongs to HotWax but docs/HOTWAX-OBJECTS.md has no definition of it`);
      continue;
    }
    const ours = flatten(parseElement(fs.readFileSync(obj.file, 'utf8'), obj.file));
    const paths = new Set([...Object.keys(expected.values), ...Object.keys(ours.values)]);
    const differ = [...paths].filter((p) => expected.values[p] !== ours.values[p]);
    if (ours.type !== expected.type)
      report(obj.file, `${obj.id} is <${ours.type}>; HotWax defines <${expected.type}>`);
    for (const p of differ.slice(0, 10)) {
      const what = (v: string | undefined): string => (v === undefined ? 'absent' : `"${v}"`);
      report(
        obj.file,
        `${obj.id} differs from HotWax's definition (docs/HOTWAX-OBJECTS.md) at ${p}: ours ${what(ours.values[p])}, HotWax ${what(expected.values[p])}; a deploy would change HotWax's object for every HotWax integration`,
      );
    }
    if (differ.length > 10)
      report(obj.file, `${obj.id}: ${differ.length - 10} more differences from HotWax's definition`);
  }

  // ---- manifest.xml: object dependencies and the SUBSIDIARIES feature ---------------------------------
  const declaredDependencies = new Set<string>();
  const manifestFile = path.join(root, 'manifest.xml');
  const manifest = isFile(manifestFile) ? parseXml(manifestFile, report) : undefined;
  let subsidiariesRequired = false;
  if (manifest) {
    const deps = asNode(asNode(manifest.manifest).dependencies);
    for (const block of asArray(deps.objects)) {
      for (const o of asArray(asNode(block).object)) declaredDependencies.add(valueOf(o) ?? '');
    }
    subsidiariesRequired = asArray(asNode(deps.features).feature).some(
      (f) => valueOf(f) === 'SUBSIDIARIES' && attr(asNode(f), 'required') === 'true',
    );
  }
  for (const d of declaredDependencies) {
    const owner = idOwner.get(d);
    if (owner)
      report(
        manifestFile,
        `declares ${d} as an account dependency but ${display(owner)} also ships it: one or the other`,
      );
  }
  if (mode === 'update' || mode === 'add-deployments') {
    const referenced = new Set<string>();
    for (const obj of objects)
      walk(obj.node, (_e, v) => {
        const m = /^\[scriptid=([a-z0-9_]+)/.exec(v);
        if (m) referenced.add(m[1]);
      });
    for (const id of hotwaxOwned)
      if (referenced.has(id) && !declaredDependencies.has(id))
        report(
          manifestFile,
          `must declare HotWax's ${id} under <dependencies><objects> (the objects reference it)`,
        );
  }

  // ---- per-object checks ------------------------------------------------------------------------
  const scripts: ScriptInfo[] = [];
  const activeTitles = new Map<string, string>();
  for (const obj of objects) {
    if (SCRIPT_TYPES.has(obj.type)) {
      const info = checkScript(obj);
      if (info) scripts.push(info);
    } else if (obj.type === 'entitycustomfield') {
      checkField(obj.file, `<entitycustomfield> ${obj.id}`, obj.node);
      const appliesTo = Object.keys(obj.node).filter(
        (k) => k.startsWith('appliesto') && text(obj.node, k) === 'T',
      );
      if (appliesTo.length === 0)
        report(obj.file, `${obj.id} applies to no record type (set e.g. appliestocustomer T)`);
      if (SCRIPT_ONLY_FIELDS.has(obj.id)) {
        const display = text(obj.node, 'displaytype') ?? 'NORMAL';
        if (display !== 'INLINE' && display !== 'HIDDEN')
          report(
            obj.file,
            `${obj.id} is written only by the scripts: displaytype must be INLINE or HIDDEN, not ${display} (users must not edit it)`,
          );
        const access = text(obj.node, 'accesslevel') ?? '2';
        if (access === '2')
          report(
            obj.file,
            `${obj.id} is written only by the scripts: the default accesslevel must be 0 or 1, not 2 (EDIT)`,
          );
      }
    } else if (obj.type === 'customrecordtype') {
      if (!text(obj.node, 'recordname')) report(obj.file, `${obj.id} has no <recordname>`);
      checkRecordType(obj);
      for (const field of children(obj.node, NESTED.recordField.container, NESTED.recordField.item)) {
        checkField(obj.file, `<customrecordcustomfield> ${attr(field, 'scriptid') ?? '?'}`, field);
      }
    } else if (obj.type === 'subtab') {
      if (!text(obj.node, 'title')) report(obj.file, `${obj.id} has no <title>`);
      const tabtype = text(obj.node, 'tabtype');
      if (!tabtype) report(obj.file, `${obj.id} has no <tabtype>`);
      else if (!TAB_TYPES.has(tabtype))
        report(obj.file, `${obj.id}: tabtype "${tabtype}" is not one of ${[...TAB_TYPES].join(', ')}`);
    }
  }

  function checkRecordType(obj: SdfObject): void {
    const { file, node } = obj;
    checkBooleans(file, obj.id, node);
    const access = text(node, 'accesstype');
    if (access !== undefined && !CUSTOM_RECORD_ACCESS_TYPES.has(access))
      report(
        file,
        `${obj.id}: accesstype "${access}" is not one of ${[...CUSTOM_RECORD_ACCESS_TYPES].join(', ')}`,
      );
    for (const perm of children(node, 'permissions', 'permission')) {
      const role = text(perm, 'permittedrole');
      const level = text(perm, 'permittedlevel') ?? '';
      if (!role) report(file, `${obj.id}: a <permission> has no <permittedrole>`);
      if (!PERMISSION_LEVELS.has(level))
        report(
          file,
          `${obj.id}: permittedlevel "${level}" is not one of ${[...PERMISSION_LEVELS].join(', ')}`,
        );
    }
    if (SCRIPT_STATE_RECORDS.has(obj.id)) {
      // Administrators always have access; USEPERMISSIONLIST with no other role keeps everyone else out.
      if (access !== 'USEPERMISSIONLIST')
        report(
          file,
          `${obj.id} holds the scripts' state: accesstype must be USEPERMISSIONLIST (administrators only), not ${access ?? 'CUSTRECORDENTRYPERM (the default)'}`,
        );
      const others = children(node, 'permissions', 'permission').filter(
        (p) => text(p, 'permittedrole') !== 'ADMINISTRATOR' && text(p, 'permittedlevel') !== 'NONE',
      );
      if (others.length > 0)
        report(file, `${obj.id} holds the scripts' state: only ADMINISTRATOR may be given access`);
      if (text(node, 'enablesystemnotes') !== 'F')
        report(file, `${obj.id} is saved on every run: enablesystemnotes must be F (a system note per save)`);
    }
  }

  function checkBooleans(file: string, where: string, node: XmlNode): void {
    for (const key of Object.keys(node)) if (BOOLEAN_ELEMENTS.has(key)) checkBoolean(file, where, node, key);
  }

  function checkScript(obj: SdfObject): ScriptInfo | undefined {
    const { file, node } = obj;
    checkBooleans(file, obj.id, node);
    const description = text(node, 'description') ?? '';
    if (description.length > MAX_DESCRIPTION_LENGTH)
      report(file, `${obj.id}: <description> is longer than ${MAX_DESCRIPTION_LENGTH} characters`);
    if (generated) checkNotifications(obj);
    const name = text(node, 'name') ?? '';
    if (!name) report(file, `${obj.id} has no <name>`);
    else if (name.length > MAX_ID_LENGTH)
      report(file, `<name> "${name}" is longer than ${MAX_ID_LENGTH} characters`);
    const info: ScriptInfo = { object: obj, name, params: new Set() };

    const scriptfile = text(node, 'scriptfile');
    const m = scriptfile ? /^\[(\/[^\]\s]+\.js)\]$/.exec(scriptfile) : null;
    if (!scriptfile) report(file, `${obj.id} has no <scriptfile>`);
    else if (!m)
      report(
        file,
        `<scriptfile> "${scriptfile}" must be a File Cabinet path in brackets, e.g. [/SuiteScripts/x.js]`,
      );
    else {
      const abs = path.join(cabinetDir, ...m[1].split('/'));
      if (!isFile(abs)) {
        report(
          file,
          `<scriptfile> ${scriptfile} does not exist under ${display(cabinetDir)} (run the build: npx rollup -c)`,
        );
      } else {
        info.entry = abs;
        const header = /@NScriptType\s+(\w+)/.exec(fs.readFileSync(abs, 'utf8'));
        const expected = header ? SCRIPT_TYPE_ELEMENT[header[1]] : undefined;
        if (!header) report(abs, `has no @NScriptType tag but is the scriptfile of ${obj.id}`);
        else if (expected !== obj.type) {
          report(
            file,
            `<${obj.type}> ${obj.id} points at ${m[1]}, whose header says @NScriptType ${header[1]}`,
          );
        }
      }
    }

    for (const p of children(node, NESTED.parameter.container, NESTED.parameter.item)) {
      const pid = attr(p, 'scriptid');
      if (!pid) continue;
      info.params.add(pid);
      checkField(file, `parameter ${pid}`, p);
    }

    const deployments = children(node, NESTED.deployment.container, NESTED.deployment.item);
    if (mode === 'update') {
      for (const d of deployments)
        report(
          file,
          `deployment ${attr(d, 'scriptid') ?? '?'}: the default deploy must not contain script deployments; SDF would overwrite the status, recurrence, log level and audience an administrator set (deploy:first-install or deploy:add-deployments create them once)`,
        );
    } else if (deployments.length === 0 && mode !== 'add-deployments')
      report(file, `${obj.id} has no <scriptdeployment>: it would never run`);
    let onDemand = 0;
    for (const d of deployments) {
      const did = attr(d, 'scriptid') ?? '?';
      const where = `deployment ${did}`;
      const status = text(d, 'status') ?? '';
      const allowed = DEPLOYMENT_STATUSES[obj.type] ?? OTHER_DEPLOYMENT_STATUSES;
      if (!allowed.has(status)) {
        report(
          file,
          `${where}: status "${status}" is not valid for <${obj.type}> (use ${[...allowed].join(', ')})`,
        );
      }
      const title = text(d, 'title') ?? '';
      if (!title) report(file, `${where} has no <title>`);
      const loglevel = text(d, 'loglevel');
      if (loglevel !== undefined && !LOG_LEVELS.has(loglevel))
        report(file, `${where}: loglevel "${loglevel}" is not valid`);
      else if (status === 'SCHEDULED' && !PRODUCTION_LOG_LEVELS.has(loglevel ?? 'DEBUG'))
        report(
          file,
          `${where}: a SCHEDULED deployment logs at ${[...PRODUCTION_LOG_LEVELS].join(', ')}, not ${loglevel ?? 'DEBUG (the default when loglevel is absent)'}`,
        );
      checkBoolean(file, where, d, 'isdeployed');
      checkRecurrence(file, where, status, d);
      if (obj.type === 'mapreducescript') {
        checkInteger(file, where, d, 'concurrencylimit', 1, 1000);
        checkInteger(file, where, d, 'buffersize', 1, 1000);
        checkInteger(file, where, d, 'yieldaftermins', 3, 60);
        checkBoolean(file, where, d, 'queueallstagesatonce');
      }
      for (const key of Object.keys(d)) {
        if (key.startsWith('custscript') && !info.params.has(key)) {
          report(file, `${where} sets <${key}>, which ${obj.id} does not declare as a parameter`);
        }
      }
      // HotWax's job manager RESTlets: pause/resume and "how often" find a deployment by
      // `title is <script name>` among deployments that are not NOTSCHEDULED; "run now" submits the
      // script's first NOTSCHEDULED deployment.
      if (status === 'SCHEDULED' && name && title !== name) {
        report(
          file,
          `${where}: a SCHEDULED deployment must be titled with the script name "${name}" (HotWax finds it by title)`,
        );
      }
      if (status === 'NOTSCHEDULED') onDemand += 1;
      else if (title) {
        const other = activeTitles.get(title);
        if (other)
          report(
            file,
            `${where}: title "${title}" is also the title of ${other}; HotWax matches deployments by title`,
          );
        else activeTitles.set(title, `deployment ${did}`);
      }
    }
    if (onDemand > 1) {
      report(
        file,
        `${obj.id} has ${onDemand} NOTSCHEDULED deployments; HotWax submits "the" NOTSCHEDULED one, keep one`,
      );
    }
    return info;
  }

  function checkNotifications(obj: SdfObject): void {
    const { file, node } = obj;
    if (text(node, 'notifyowner') !== 'F')
      report(
        file,
        `${obj.id}: notifyowner must be F; T (SDF's default) emails failures to the script record's owner, i.e. whoever deployed it (with CI, the CI user). Set HC_SYNC_NOTIFY_EMAILS`,
      );
    const emails = text(node, 'notifyemails') ?? '';
    if (emails.length > MAX_NOTIFY_EMAILS_LENGTH)
      report(file, `${obj.id}: <notifyemails> is longer than ${MAX_NOTIFY_EMAILS_LENGTH} characters`);
    for (const e of emails.split(',').filter(Boolean))
      if (!/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/.test(e))
        report(file, `${obj.id}: "${e}" in <notifyemails> is not an email address`);
    if (!emails && text(node, 'notifyadmins') !== 'T')
      report(file, `${obj.id}: nobody is told when it fails (empty notifyemails and notifyadmins F)`);
  }

  function checkField(file: string, where: string, node: XmlNode): void {
    if (!text(node, 'label')) report(file, `${where} has no <label>`);
    checkBooleans(file, where, node);
    const display = text(node, 'displaytype');
    if (display !== undefined && !DISPLAY_TYPES.has(display))
      report(file, `${where}: displaytype "${display}" is not one of ${[...DISPLAY_TYPES].join(', ')}`);
    for (const key of ['accesslevel', 'searchlevel']) {
      const v = text(node, key);
      if (v !== undefined && !ACCESS_SEARCH_LEVELS.has(v))
        report(file, `${where}: ${key} "${v}" must be 0, 1 or 2`);
    }
    for (const perm of children(node, 'permissions', 'permission')) {
      if (!text(perm, 'role')) report(file, `${where}: a <permission> has no <role>`);
      for (const key of ['accesslevel', 'searchlevel']) {
        const v = text(perm, key) ?? '';
        if (!ACCESS_SEARCH_LEVELS.has(v))
          report(file, `${where}: permission ${key} "${v}" must be 0, 1 or 2`);
      }
    }
    const type = text(node, 'fieldtype');
    if (!type) {
      report(file, `${where} has no <fieldtype>`);
      return;
    }
    if (!FIELD_TYPES.has(type)) {
      const hint = type === 'FREEFORMTEXT' ? ' (free-form text is TEXT in SDF)' : '';
      report(file, `${where}: fieldtype "${type}" is not an SDF field type${hint}`);
    }
    const select = text(node, 'selectrecordtype');
    if (select === SUBSIDIARY_RECORD_TYPE && subsidiariesRequired !== true)
      report(
        file,
        `${where}: selectrecordtype -117 is the subsidiary list, which a non-OneWorld account does not have; use a TEXT internal id (or require SUBSIDIARIES in manifest.xml)`,
      );
    if ((type === 'SELECT' || type === 'MULTISELECT') && !select) {
      report(file, `${where}: fieldtype ${type} needs a <selectrecordtype>`);
    } else if (select && !/^-?\d+$/.test(select) && !select.startsWith('[')) {
      report(
        file,
        `${where}: selectrecordtype "${select}" is neither a record type number (e.g. -117) nor a [scriptid=…] reference`,
      );
    }
    const def = text(node, 'defaultvalue');
    if (type === 'CHECKBOX' && def)
      report(
        file,
        `${where}: a CHECKBOX default is <defaultchecked>T|F</defaultchecked>, not <defaultvalue>`,
      );
    if (type === 'INTEGER' && def && !/^-?\d+$/.test(def))
      report(file, `${where}: defaultvalue "${def}" is not an integer`);
    if (
      (type === 'FLOAT' || type === 'CURRENCY' || type === 'PERCENT') &&
      def &&
      !Number.isFinite(Number(def))
    ) {
      report(file, `${where}: defaultvalue "${def}" is not a number`);
    }
    checkBoolean(file, where, node, 'defaultchecked');
  }

  function checkBoolean(file: string, where: string, node: XmlNode, key: string): void {
    const v = text(node, key);
    if (v !== undefined && v !== 'T' && v !== 'F')
      report(file, `${where}: <${key}> must be T or F, not "${v}"`);
  }

  function checkInteger(
    file: string,
    where: string,
    node: XmlNode,
    key: string,
    min: number,
    max: number,
  ): void {
    const v = text(node, key);
    if (v === undefined || v === '') return;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max)
      report(file, `${where}: <${key}> must be an integer from ${min} to ${max}, not "${v}"`);
  }

  function checkRecurrence(file: string, where: string, status: string, d: XmlNode): void {
    const rec = d.recurrence;
    const present = rec !== undefined && rec !== '';
    if (status === 'SCHEDULED' && !present) {
      report(
        file,
        `${where}: status SCHEDULED needs a <recurrence> (e.g. <daily> with <repeat>PT15M</repeat>)`,
      );
    }
    if (status === 'NOTSCHEDULED' && present) {
      report(
        file,
        `${where}: status NOTSCHEDULED must not have a <recurrence> (it runs only when submitted)`,
      );
    }
    if (!present) return;
    const kinds = Object.keys(asNode(rec)).filter((k) => !k.startsWith('#') && !k.startsWith('@_'));
    if (kinds.length !== 1 || !(kinds[0] in RECURRENCES)) {
      report(
        file,
        `${where}: <recurrence> must hold exactly one of ${Object.keys(RECURRENCES).join(', ')}; found ${kinds.join(', ') || 'none'}`,
      );
      return;
    }
    const kind = kinds[0];
    const r = asNode(asNode(rec)[kind]);
    const at = `${where} <${kind}>`;
    const start = text(r, 'startdate');
    if (!start) report(file, `${at} needs a <startdate> (YYYY-MM-DD)`);
    else if (!isIsoDate(start)) report(file, `${at}: startdate "${start}" is not a YYYY-MM-DD date`);
    const time = text(r, 'starttime');
    if (!time) report(file, `${at} needs a <starttime> (HH:MM:SSZ)`);
    else if (!/^([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/.test(time))
      report(file, `${at}: starttime "${time}" is not HH:MM:SSZ`);
    const end = text(r, 'enddate');
    if (end) {
      if (!isIsoDate(end)) report(file, `${at}: enddate "${end}" is not a YYYY-MM-DD date`);
      else if (start && end < start) report(file, `${at}: enddate ${end} is before startdate ${start}`);
    }
    const every = RECURRENCES[kind];
    if (every) {
      const v = text(r, every);
      if (!v) report(file, `${at} needs <${every}>`);
      else checkInteger(file, at, r, every, 1, 1000);
    }
    const repeat = text(r, 'repeat');
    if (repeat && !REPEAT_TIMES.has(repeat)) {
      report(
        file,
        `${at}: repeat "${repeat}" is not an interval NetSuite offers (${[...REPEAT_TIMES].join(', ')})`,
      );
    }
  }

  // ---- references: [scriptid=…], [/file], anything else in brackets ------------------------------
  for (const obj of objects) {
    walk(obj.node, (element, value) => {
      const m = /^\[([^\]\s]+)\]$/.exec(value);
      if (!m) return;
      const inner = m[1];
      if (inner.startsWith('/')) {
        if (!isFile(path.join(cabinetDir, ...inner.split('/')))) {
          report(
            obj.file,
            `<${element}> references [${inner}], which does not exist under ${display(cabinetDir)}`,
          );
        }
        return;
      }
      const ref = /^scriptid=([a-z0-9_.]+)$/.exec(inner);
      if (ref) {
        if (!knownIds.has(ref[1]) && !declaredDependencies.has(ref[1])) {
          report(
            obj.file,
            `<${element}> references [scriptid=${ref[1]}], which is not defined in this project`,
          );
        }
        return;
      }
      if (/^appid=[^,]+,scriptid=[a-z0-9_.]+$/.test(inner)) return;
      report(
        obj.file,
        `<${element}> value "[${inner}]" is not SDF reference syntax (write [scriptid=${inner}])`,
      );
    });
  }

  // ---- parameters read by the built code vs parameters declared -----------------------------------
  const declaredAnywhere = new Set(scripts.flatMap((s) => [...s.params]));
  const entries = new Set<string>();
  for (const s of scripts) {
    if (!s.entry) continue;
    entries.add(s.entry);
    const read = paramLiterals(fs.readFileSync(s.entry, 'utf8'));
    for (const p of read) {
      if (!s.params.has(p)) {
        report(
          s.entry,
          `reads script parameter ${p}, which ${s.object.id} (${display(s.object.file)}) does not declare`,
        );
      }
    }
    for (const p of s.params) {
      if (!read.has(p)) {
        report(
          s.object.file,
          `declares parameter ${p}, but ${path.basename(s.entry)} never names it (the entry file must list every parameter its script reads)`,
        );
      }
    }
  }
  for (const file of cabinetFiles) {
    if (entries.has(file) || !file.endsWith('.js')) continue;
    for (const p of paramLiterals(fs.readFileSync(file, 'utf8'))) {
      if (!declaredAnywhere.has(p)) report(file, `uses script parameter ${p}, which no script declares`);
    }
  }

  // ---- manifest.xml -------------------------------------------------------------------------------
  if (!isFile(manifestFile)) report(manifestFile, 'is missing');
  else if (manifest) checkManifest(manifest);

  function checkManifest(doc: XmlNode): void {
    if (!('manifest' in doc)) {
      report(manifestFile, 'root element must be <manifest>');
      return;
    }
    const m = asNode(doc.manifest);
    const projecttype = attr(m, 'projecttype');
    if (projecttype !== 'ACCOUNTCUSTOMIZATION' && projecttype !== 'SUITEAPP') {
      report(manifestFile, `projecttype "${projecttype ?? ''}" must be ACCOUNTCUSTOMIZATION or SUITEAPP`);
    }
    if (!text(m, 'projectname')) report(manifestFile, 'has no <projectname>');
    if (text(m, 'frameworkversion') !== '1.0') report(manifestFile, '<frameworkversion> must be 1.0');
    const features = new Map<string, string>();
    for (const f of asArray(asNode(asNode(m.dependencies).features).feature)) {
      const name = valueOf(f) ?? '';
      const required = attr(asNode(f), 'required') ?? '';
      if (required !== 'true' && required !== 'false')
        report(manifestFile, `feature ${name}: required must be "true" or "false"`);
      features.set(name, required);
    }
    const need = (feature: string, why: string): void => {
      if (features.get(feature) !== 'true')
        report(manifestFile, `needs <feature required="true">${feature}</feature> (${why})`);
    };
    if (objects.some((o) => SCRIPT_TYPES.has(o.type)))
      need('SERVERSIDESCRIPTING', 'the project has server scripts');
    if (objects.some((o) => o.type === 'customrecordtype'))
      need('CUSTOMRECORDS', 'the project has custom record types');
    // "If this field appears in the SuiteCloud project, you must reference the <F> feature in the
    // manifest file" (scriptdeployment XML reference); required true or false is the project's choice.
    for (const obj of objects) {
      const seen = new Set<string>();
      walk(obj.node, (element) => {
        const feature = ELEMENT_FEATURES[element];
        if (!feature || features.has(feature) || seen.has(element)) return;
        seen.add(element);
        report(
          manifestFile,
          `must reference the ${feature} feature (<feature required="false">${feature}</feature>): ${display(obj.file)} uses <${element}>`,
        );
      });
    }
  }

  // ---- deploy.xml ---------------------------------------------------------------------------------
  const deployFile = path.join(root, 'deploy.xml');
  if (!isFile(deployFile)) report(deployFile, 'is missing');
  else {
    const doc = parseXml(deployFile, report);
    if (doc && !('deploy' in doc)) report(deployFile, 'root element must be <deploy>');
    else if (doc) checkDeploy(asNode(doc.deploy));
  }

  function checkDeploy(d: XmlNode): void {
    const covered = (section: 'files' | 'objects', base: string, all: string[]): Set<string> => {
      const hit = new Set<string>();
      for (const block of asArray(d[section])) {
        for (const p of asArray(asNode(block).path)) {
          const value = valueOf(p) ?? '';
          if (!value.startsWith(`~/${base}/`)) {
            report(deployFile, `<${section}> path "${value}" must start with ~/${base}/`);
            continue;
          }
          const rel = value.slice(2);
          if (rel.endsWith('/*')) {
            const folder = path.join(root, ...rel.slice(0, -2).split('/'));
            if (!isDirectory(folder)) report(deployFile, `<path>${value}</path> points at no folder`);
            for (const f of all) if (f.startsWith(folder + path.sep)) hit.add(f);
          } else {
            const abs = path.join(root, ...rel.split('/'));
            if (!isFile(abs)) report(deployFile, `<path>${value}</path> points at no file`);
            else hit.add(abs);
          }
        }
      }
      return hit;
    };
    const files = covered('files', 'FileCabinet', cabinetFiles);
    for (const f of cabinetFiles)
      if (!files.has(f)) report(deployFile, `does not deploy ${display(f)} (add it under <files>)`);
    const objs = covered('objects', 'Objects', objectFiles);
    for (const f of objectFiles)
      if (!objs.has(f)) report(deployFile, `does not deploy ${display(f)} (add it under <objects>)`);
  }

  // ---- build/scripts.mjs: the scripts the build ships ---------------------------------------------
  const buildList = options.buildList ?? path.join(root, '..', 'build', 'scripts.mjs');
  if (buildList && isFile(buildList)) checkBuildList(buildList);

  function checkBuildList(file: string): void {
    let list: {
      SCRIPTS: { name: string; scriptId: string; type: string; output: string }[];
      LIBRARY?: { output: string };
      LIBRARIES?: { output: string }[];
      FILE_CABINET_PATH: string;
    };
    try {
      const code = 'const m = await import(process.argv[1]); process.stdout.write(JSON.stringify(m));';
      const out = execFileSync(
        process.execPath,
        ['--input-type=module', '-e', code, pathToFileURL(file).href],
        { encoding: 'utf8' },
      );
      list = JSON.parse(out);
    } catch (e) {
      problems.push({
        file: path.basename(file),
        message: `cannot be loaded: ${(e as Error).message.split('\n')[0]}`,
      });
      return;
    }
    const byId = new Map(objects.map((o) => [o.id, o]));
    const shipped = new Set<string>();
    for (const s of list.SCRIPTS) {
      shipped.add(s.scriptId);
      const obj = byId.get(s.scriptId);
      if (!obj) {
        report(
          path.join(objectsDir, `${s.scriptId}.xml`),
          `is missing: build/scripts.mjs ships ${s.name} as ${s.scriptId}`,
        );
        continue;
      }
      if (obj.type !== SCRIPT_TYPE_ELEMENT[s.type]) {
        report(obj.file, `is <${obj.type}> but build/scripts.mjs builds ${s.name} as ${s.type}`);
      }
      if (text(obj.node, 'name') !== s.name)
        report(obj.file, `<name> must be "${s.name}" (build/scripts.mjs; HotWax finds scripts by name)`);
      const expected = `[${list.FILE_CABINET_PATH}/${s.output}]`;
      if (text(obj.node, 'scriptfile') !== expected)
        report(obj.file, `<scriptfile> must be ${expected} (build/scripts.mjs)`);
    }
    for (const o of objects) {
      if (SCRIPT_TYPES.has(o.type) && !shipped.has(o.id))
        report(o.file, `defines script ${o.id}, which build/scripts.mjs does not build`);
    }
    // Every library module the build ships (LIBRARIES; older lists name only LIBRARY).
    for (const library of list.LIBRARIES ?? (list.LIBRARY ? [list.LIBRARY] : [])) {
      const lib = path.join(cabinetDir, ...`${list.FILE_CABINET_PATH}/${library.output}`.split('/'));
      if (!isFile(lib)) report(lib, 'is missing (the library module is not built: npx rollup -c)');
    }
  }

  return problems;
}

// ---- helpers ----------------------------------------------------------------------------------------

function parseXml(file: string, report: (file: string, message: string) => void): XmlNode | undefined {
  const xml = fs.readFileSync(file, 'utf8');
  const result = XMLValidator.validate(xml);
  if (result !== true) {
    report(
      file,
      `is not well-formed XML: ${result.err.msg} (line ${result.err.line}, column ${result.err.col})`,
    );
    return undefined;
  }
  return asNode(parser.parse(xml));
}

function paramLiterals(code: string): Set<string> {
  return new Set([...code.matchAll(PARAM_LITERAL)].map((m) => m[1]));
}

function asNode(v: unknown): XmlNode {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as XmlNode) : {};
}

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** The text content of an element: a string, or `#text` of an element that also has attributes. */
function valueOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const t = (v as XmlNode)['#text'];
    return t === undefined
      ? Object.keys(v).every((k) => k.startsWith('@_'))
        ? ''
        : undefined
      : String(t).trim();
  }
  return undefined;
}

function text(node: XmlNode, key: string): string | undefined {
  return key in node ? valueOf(node[key]) : undefined;
}

function attr(node: XmlNode, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v.trim() : undefined;
}

function children(node: XmlNode, container: string, item: string): XmlNode[] {
  return asArray(asNode(node[container])[item]).map(asNode);
}

/** Calls visit(element, text) for every text value in the tree (attributes excluded). */
function walk(node: unknown, visit: (element: string, value: string) => void, element = ''): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit, element);
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith('@_')) continue;
      walk(v, visit, k === '#text' ? element : k);
    }
  } else if (typeof node === 'string') {
    visit(element, node.trim());
  }
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function isDirectory(p: string): boolean {
  return fs.existsSync(p) && fs.statSync(p).isDirectory();
}

function isFile(p: string): boolean {
  return fs.existsSync(p) && fs.statSync(p).isFile();
}

/** Every file below dir (recursive, sorted), skipping dot files such as .DS_Store. */
function listFiles(dir: string): string[] {
  if (!isDirectory(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else if (entry.isFile()) out.push(p);
  }
  return out.sort();
}
