// Script objects and their deployments: the built entry file and its @NScriptType, parameters,
// deployment status, title, log level, recurrence and map/reduce settings, failure notifications,
// and the titles HotWax's job manager finds deployments by.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx, ScriptInfo, SdfObject } from './context';
import { checkBoolean, checkBooleans, checkField, checkInteger } from './fields';
import {
  DEPLOYMENT_STATUSES,
  LOG_LEVELS,
  MAX_DESCRIPTION_LENGTH,
  MAX_ID_LENGTH,
  MAX_NOTIFY_EMAILS_LENGTH,
  NESTED,
  OTHER_DEPLOYMENT_STATUSES,
  PRODUCTION_LOG_LEVELS,
  RECURRENCES,
  REPEAT_TIMES,
  SCRIPT_TYPE_ELEMENT,
} from './rules';
import { asNode, attr, children, isFile, isIsoDate, text, type XmlNode } from './xml';

function checkNotifications(c: Ctx, obj: SdfObject): void {
  const { file, node } = obj;
  if (text(node, 'notifyowner') !== 'F')
    c.report(
      file,
      `${obj.id}: notifyowner must be F; T (SDF's default) emails failures to the script record's owner, i.e. whoever deployed it (with CI, the CI user). Set HC_SYNC_NOTIFY_EMAILS`,
    );
  const emails = text(node, 'notifyemails') ?? '';
  if (emails.length > MAX_NOTIFY_EMAILS_LENGTH)
    c.report(file, `${obj.id}: <notifyemails> is longer than ${MAX_NOTIFY_EMAILS_LENGTH} characters`);
  for (const e of emails.split(',').filter(Boolean))
    if (!/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/.test(e))
      c.report(file, `${obj.id}: "${e}" in <notifyemails> is not an email address`);
  if (!emails && text(node, 'notifyadmins') !== 'T')
    c.report(file, `${obj.id}: nobody is told when it fails (empty notifyemails and notifyadmins F)`);
}

/** <scriptfile>: a File Cabinet path in brackets, built, whose @NScriptType matches the object. */
function checkScriptFile(c: Ctx, obj: SdfObject, info: ScriptInfo): void {
  const { file, node } = obj;
  const scriptfile = text(node, 'scriptfile');
  const m = scriptfile ? /^\[(\/[^\]\s]+\.js)\]$/.exec(scriptfile) : null;
  if (!scriptfile) c.report(file, `${obj.id} has no <scriptfile>`);
  else if (!m)
    c.report(
      file,
      `<scriptfile> "${scriptfile}" must be a File Cabinet path in brackets, e.g. [/SuiteScripts/x.js]`,
    );
  else {
    const abs = path.join(c.cabinetDir, ...m[1].split('/'));
    if (!isFile(abs)) {
      c.report(
        file,
        `<scriptfile> ${scriptfile} does not exist under ${c.display(c.cabinetDir)} (run the build: npx rollup -c)`,
      );
      return;
    }
    info.entry = abs;
    const header = /@NScriptType\s+(\w+)/.exec(fs.readFileSync(abs, 'utf8'));
    const expected = header ? SCRIPT_TYPE_ELEMENT[header[1]] : undefined;
    if (!header) c.report(abs, `has no @NScriptType tag but is the scriptfile of ${obj.id}`);
    else if (expected !== obj.type) {
      c.report(
        file,
        `<${obj.type}> ${obj.id} points at ${m[1]}, whose header says @NScriptType ${header[1]}`,
      );
    }
  }
}

/** The one kind of <recurrence>: its start, end, "every x" and repeat interval. */
function checkRecurrenceKind(c: Ctx, file: string, where: string, rec: unknown, kind: string): void {
  const r = asNode(asNode(rec)[kind]);
  const at = `${where} <${kind}>`;
  const start = text(r, 'startdate');
  if (!start) c.report(file, `${at} needs a <startdate> (YYYY-MM-DD)`);
  else if (!isIsoDate(start)) c.report(file, `${at}: startdate "${start}" is not a YYYY-MM-DD date`);
  const time = text(r, 'starttime');
  if (!time) c.report(file, `${at} needs a <starttime> (HH:MM:SSZ)`);
  else if (!/^([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/.test(time))
    c.report(file, `${at}: starttime "${time}" is not HH:MM:SSZ`);
  const end = text(r, 'enddate');
  if (end) {
    if (!isIsoDate(end)) c.report(file, `${at}: enddate "${end}" is not a YYYY-MM-DD date`);
    else if (start && end < start) c.report(file, `${at}: enddate ${end} is before startdate ${start}`);
  }
  const every = RECURRENCES[kind];
  if (every) {
    const v = text(r, every);
    if (!v) c.report(file, `${at} needs <${every}>`);
    else checkInteger(c, file, at, r, every, [1, 1000]);
  }
  const repeat = text(r, 'repeat');
  if (repeat && !REPEAT_TIMES.has(repeat)) {
    c.report(
      file,
      `${at}: repeat "${repeat}" is not an interval NetSuite offers (${[...REPEAT_TIMES].join(', ')})`,
    );
  }
}

function checkRecurrence(c: Ctx, file: string, where: string, status: string, d: XmlNode): void {
  const rec = d.recurrence;
  const present = rec !== undefined && rec !== '';
  if (status === 'SCHEDULED' && !present) {
    c.report(
      file,
      `${where}: status SCHEDULED needs a <recurrence> (e.g. <daily> with <repeat>PT15M</repeat>)`,
    );
  }
  if (status === 'NOTSCHEDULED' && present) {
    c.report(
      file,
      `${where}: status NOTSCHEDULED must not have a <recurrence> (it runs only when submitted)`,
    );
  }
  if (!present) return;
  const kinds = Object.keys(asNode(rec)).filter((k) => !k.startsWith('#') && !k.startsWith('@_'));
  if (kinds.length !== 1 || !(kinds[0] in RECURRENCES)) {
    c.report(
      file,
      `${where}: <recurrence> must hold exactly one of ${Object.keys(RECURRENCES).join(', ')}; found ${kinds.join(', ') || 'none'}`,
    );
    return;
  }
  checkRecurrenceKind(c, file, where, rec, kinds[0]);
}

/** HotWax's job manager RESTlets find a deployment by title; "run now" submits the NOTSCHEDULED one. */
function checkTitles(c: Ctx, file: string, where: string, d: XmlNode, status: string, name: string): void {
  const title = text(d, 'title') ?? '';
  // Pause/resume and "how often" find a deployment by `title is <script name>` among deployments
  // that are not NOTSCHEDULED.
  if (status === 'SCHEDULED' && name && title !== name) {
    c.report(
      file,
      `${where}: a SCHEDULED deployment must be titled with the script name "${name}" (HotWax finds it by title)`,
    );
  }
  if (status !== 'NOTSCHEDULED' && title) {
    const other = c.activeTitles.get(title);
    if (other)
      c.report(
        file,
        `${where}: title "${title}" is also the title of ${other}; HotWax matches deployments by title`,
      );
    else c.activeTitles.set(title, `deployment ${attr(d, 'scriptid') ?? '?'}`);
  }
}

function checkDeployment(c: Ctx, obj: SdfObject, info: ScriptInfo, d: XmlNode): void {
  const file = obj.file;
  const where = `deployment ${attr(d, 'scriptid') ?? '?'}`;
  const status = text(d, 'status') ?? '';
  const allowed = DEPLOYMENT_STATUSES[obj.type] ?? OTHER_DEPLOYMENT_STATUSES;
  if (!allowed.has(status)) {
    c.report(
      file,
      `${where}: status "${status}" is not valid for <${obj.type}> (use ${[...allowed].join(', ')})`,
    );
  }
  if (!text(d, 'title')) c.report(file, `${where} has no <title>`);
  const loglevel = text(d, 'loglevel');
  if (loglevel !== undefined && !LOG_LEVELS.has(loglevel))
    c.report(file, `${where}: loglevel "${loglevel}" is not valid`);
  else if (status === 'SCHEDULED' && !PRODUCTION_LOG_LEVELS.has(loglevel ?? 'DEBUG'))
    c.report(
      file,
      `${where}: a SCHEDULED deployment logs at ${[...PRODUCTION_LOG_LEVELS].join(', ')}, not ${loglevel ?? 'DEBUG (the default when loglevel is absent)'}`,
    );
  checkBoolean(c, file, where, d, 'isdeployed');
  checkRecurrence(c, file, where, status, d);
  if (obj.type === 'mapreducescript') {
    checkInteger(c, file, where, d, 'concurrencylimit', [1, 1000]);
    checkInteger(c, file, where, d, 'buffersize', [1, 1000]);
    checkInteger(c, file, where, d, 'yieldaftermins', [3, 60]);
    checkBoolean(c, file, where, d, 'queueallstagesatonce');
  }
  for (const key of Object.keys(d)) {
    if (key.startsWith('custscript') && !info.params.has(key)) {
      c.report(file, `${where} sets <${key}>, which ${obj.id} does not declare as a parameter`);
    }
  }
  checkTitles(c, file, where, d, status, info.name);
}

function checkDeployments(c: Ctx, obj: SdfObject, info: ScriptInfo): void {
  const { file } = obj;
  const deployments = children(obj.node, NESTED.deployment.container, NESTED.deployment.item);
  if (c.mode === 'update') {
    for (const d of deployments)
      c.report(
        file,
        `deployment ${attr(d, 'scriptid') ?? '?'}: the default deploy must not contain script deployments; SDF would overwrite the status, recurrence, log level and audience an administrator set (deploy:first-install or deploy:add-deployments create them once)`,
      );
  } else if (deployments.length === 0 && c.mode !== 'add-deployments')
    c.report(file, `${obj.id} has no <scriptdeployment>: it would never run`);
  for (const d of deployments) checkDeployment(c, obj, info, d);
  const onDemand = deployments.filter((d) => (text(d, 'status') ?? '') === 'NOTSCHEDULED').length;
  if (onDemand > 1) {
    c.report(
      file,
      `${obj.id} has ${onDemand} NOTSCHEDULED deployments; HotWax submits "the" NOTSCHEDULED one, keep one`,
    );
  }
}

export function checkScript(c: Ctx, obj: SdfObject): ScriptInfo {
  const { file, node } = obj;
  checkBooleans(c, file, obj.id, node);
  const description = text(node, 'description') ?? '';
  if (description.length > MAX_DESCRIPTION_LENGTH)
    c.report(file, `${obj.id}: <description> is longer than ${MAX_DESCRIPTION_LENGTH} characters`);
  if (c.generated) checkNotifications(c, obj);
  const name = text(node, 'name') ?? '';
  if (!name) c.report(file, `${obj.id} has no <name>`);
  else if (name.length > MAX_ID_LENGTH)
    c.report(file, `<name> "${name}" is longer than ${MAX_ID_LENGTH} characters`);
  const info: ScriptInfo = { object: obj, name, params: new Set() };
  checkScriptFile(c, obj, info);
  for (const p of children(node, NESTED.parameter.container, NESTED.parameter.item)) {
    const pid = attr(p, 'scriptid');
    if (!pid) continue;
    info.params.add(pid);
    checkField(c, file, `parameter ${pid}`, p);
  }
  checkDeployments(c, obj, info);
  return info;
}
