// Writes the SDF project that `suitecloud project:deploy` deploys, generated from src/ (the full
// definition, which the emulator and the tests load):
//
// - update (the default, `npm run deploy`): script objects WITHOUT their <scriptdeployments>, and
//   without the objects HotWax owns, which become manifest dependencies. SDF overwrites the objects it
//   deploys ("SuiteCloud Development Framework Architecture": "The SDF custom objects overwrite earlier
//   versions of objects that have the same script IDs"), and the overwrite/preserve settings for script
//   deployments exist for SuiteApp projects only ("Overwrite Settings for SuiteApp Projects"); an
//   account customization project deletes nothing that it no longer contains ("Deleting Components in
//   a SuiteCloud Project that were Deployed to a Target Account"). So a deployment that is not in the
//   project is neither created, nor changed, nor deleted: what the administrator set stays.
// - first-install (`npm run deploy:first-install`, a fresh account): every deployment, and HotWax's
//   objects exactly as HotWax defines them (docs/HOTWAX-OBJECTS.md).
// - add-deployments (`HC_ADD_DEPLOYMENTS=a,b npm run deploy:add-deployments`): only the named
//   deployments, for an account that has HotWax's scripts but lacks some of ours (e.g. the `_rest` ones).
//
// In every mode the script records notify a configured list (HC_SYNC_NOTIFY_EMAILS) of failures, never
// the record's owner (with a CI deploy the owner is the CI user).
import fs from 'node:fs';
import path from 'node:path';
import { child, parseElement, serializeElement, type XmlElement } from './sdfXml';

export type DeployMode = 'update' | 'first-install' | 'add-deployments';
export const DEPLOY_MODES: readonly DeployMode[] = ['update', 'first-install', 'add-deployments'];

export const SCRIPT_ELEMENTS = new Set([
  'scheduledscript',
  'mapreducescript',
  'restlet',
  'suitelet',
  'usereventscript',
  'clientscript',
]);

/** SDF: notifyemails "can be up to 999 characters long" (scheduledscript/mapreducescript XML reference). */
export const NOTIFY_EMAILS_MAX = 999;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export interface GenerateOptions {
  mode: DeployMode;
  /** Ids HotWax owns (docs/HOTWAX-OBJECTS.md): shipped only by first-install, otherwise dependencies. */
  hotwaxOwned: ReadonlySet<string>;
  /** Who is told when a script fails; empty → the account's administrators (notifyadmins T). */
  notifyEmails?: readonly string[];
  /** add-deployments: the deployment ids to ship. */
  deployments?: readonly string[];
}

export interface GeneratedProject {
  dir: string;
  mode: DeployMode;
  /** Object ids written to Objects/. */
  objects: string[];
  /** Deployment ids shipped (inside their script objects). */
  deployments: string[];
  /** Object ids the manifest declares as dependencies (present in the account, not deployed). */
  dependencies: string[];
}

export class GenerateError extends Error {}

/** Parses HC_SYNC_NOTIFY_EMAILS ("a@x.com, b@y.com" or ";"-separated). Throws on a malformed address. */
export function parseNotifyEmails(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const e of list) if (!EMAIL.test(e)) throw new GenerateError(`"${e}" is not an email address`);
  if (list.join(',').length > NOTIFY_EMAILS_MAX)
    throw new GenerateError(`the notification list is longer than ${NOTIFY_EMAILS_MAX} characters`);
  return list;
}

/** A script object for the deploy: failure notifications set, and only the deployments the mode ships. */
function prepareScript(
  obj: XmlElement,
  opts: GenerateOptions,
  emails: string[],
  wanted: Set<string>,
  result: GeneratedProject,
  found: Set<string>,
): void {
  setText(obj, 'notifyowner', 'F');
  setText(obj, 'notifyadmins', emails.length > 0 ? 'F' : 'T');
  setText(obj, 'notifyemails', emails.join(','));
  const container = child(obj, 'scriptdeployments');
  if (!container) return;
  for (const d of container.children) found.add(d.attrs.scriptid ?? '');
  container.children = container.children.filter(
    (d) =>
      opts.mode === 'first-install' ||
      (opts.mode === 'add-deployments' && wanted.has(d.attrs.scriptid ?? '')),
  );
  result.deployments.push(...container.children.map((d) => d.attrs.scriptid ?? ''));
  if (container.children.length === 0) obj.children = obj.children.filter((c) => c !== container);
}

/** manifest.xml with HotWax's objects left out of the deploy declared as account dependencies. */
function writeManifest(src: string, out: string, dependencies: string[]): void {
  const manifest = parseElement(fs.readFileSync(path.join(src, 'manifest.xml'), 'utf8'), 'manifest.xml');
  let deps = child(manifest, 'dependencies');
  if (!deps) {
    deps = { tag: 'dependencies', attrs: {}, children: [], text: '' };
    manifest.children.push(deps);
  }
  deps.children = deps.children.filter((c) => c.tag !== 'objects');
  if (dependencies.length > 0) {
    deps.children.push({
      tag: 'objects',
      attrs: {},
      text: '',
      children: dependencies.map((d) => ({ tag: 'object', attrs: {}, children: [], text: d })),
    });
  }
  fs.writeFileSync(path.join(out, 'manifest.xml'), serializeElement(manifest));
}

/** deploy.xml listing exactly the objects written. */
function writeDeployXml(src: string, out: string, ids: string[]): void {
  const deploy = parseElement(fs.readFileSync(path.join(src, 'deploy.xml'), 'utf8'), 'deploy.xml');
  const objects = child(deploy, 'objects');
  const list = ids.map((id) => ({ tag: 'path', attrs: {}, children: [], text: `~/Objects/${id}.xml` }));
  if (objects) objects.children = list;
  else deploy.children.push({ tag: 'objects', attrs: {}, children: list, text: '' });
  fs.writeFileSync(path.join(out, 'deploy.xml'), serializeElement(deploy));
}

export function generateDeployProject(
  srcDir: string,
  outDir: string,
  opts: GenerateOptions,
): GeneratedProject {
  const src = path.resolve(srcDir);
  const out = path.resolve(outDir);
  if (out === src || src.startsWith(out + path.sep)) throw new GenerateError(`refusing to overwrite ${src}`);
  const emails = [...(opts.notifyEmails ?? [])];
  const wanted = new Set(opts.deployments ?? []);
  if (opts.mode === 'add-deployments' && wanted.size === 0)
    throw new GenerateError(
      'add-deployments needs the deployment ids (HC_ADD_DEPLOYMENTS=customdeploy_a,customdeploy_b)',
    );

  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'Objects'), { recursive: true });
  fs.cpSync(path.join(src, 'FileCabinet'), path.join(out, 'FileCabinet'), { recursive: true });

  const result: GeneratedProject = {
    dir: out,
    mode: opts.mode,
    objects: [],
    deployments: [],
    dependencies: [],
  };
  const found = new Set<string>();
  for (const file of xmlFiles(path.join(src, 'Objects'))) {
    const obj = parseElement(fs.readFileSync(file, 'utf8'), file);
    const id = obj.attrs.scriptid ?? '';
    if (opts.hotwaxOwned.has(id) && opts.mode !== 'first-install') {
      result.dependencies.push(id);
      continue;
    }
    if (SCRIPT_ELEMENTS.has(obj.tag)) prepareScript(obj, opts, emails, wanted, result, found);
    fs.writeFileSync(path.join(out, 'Objects', `${id}.xml`), serializeElement(obj));
    result.objects.push(id);
  }
  const unknown = [...wanted].filter((d) => !found.has(d));
  if (unknown.length > 0)
    throw new GenerateError(`no script object in ${srcDir}/Objects has deployment ${unknown.join(', ')}`);
  writeManifest(src, out, result.dependencies);
  writeDeployXml(src, out, result.objects);
  return result;
}

function setText(e: XmlElement, tag: string, value: string): void {
  const c = child(e, tag);
  if (c) c.text = value;
  else e.children.push({ tag, attrs: {}, children: [], text: value });
}

function xmlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...xmlFiles(p));
    else if (entry.name.endsWith('.xml')) out.push(p);
  }
  return out.sort();
}
