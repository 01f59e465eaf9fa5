// A model of what `suitecloud project:deploy` of an account customization project does to the SDF
// objects of a NetSuite account, on flattened objects (sdfXml.ts). The rules, with their sources:
//
// 1. An object in the project overwrites the account's object with the same script id, or is created
//    ("SuiteCloud Development Framework Architecture"). Its own elements become the project's.
// 2. Script deployments, script parameters and custom record fields are objects of their own inside
//    their parent: the deploy log lists `Create object -- customscript_x.customdeploy1 (scriptdeployment)`
//    ("Deployment Log Example"). One in the project is created or overwritten; one only in the account
//    is left as it is, because an account customization project never deletes from the account
//    ("Deleting Components in a SuiteCloud Project that were Deployed to a Target Account": deleting
//    objects, files and instances "Not Allowed").
// 3. A manifest object dependency must exist in the account; it is referred to, never overwritten
//    ("Account Component Dependencies in SuiteCloud Projects"). A `[scriptid=…]` reference must resolve
//    to an object of the project or a declared dependency ("Specifying an SDF Custom Object Reference").
// 4. Files are uploaded over files of the same path and never deleted.
import fs from 'node:fs';
import path from 'node:path';
import { child, flatten, nestedKey, parseElement, type FlatObject } from './sdfXml';

export interface SdfProjectContent {
  objects: FlatObject[];
  /** Manifest object dependencies. */
  dependencies: string[];
  /** File Cabinet paths deployed (`/SuiteScripts/...`). */
  files: string[];
}

export interface Change {
  path: string;
  before?: string;
  after?: string;
}

export interface DeployReport {
  created: string[];
  /** Object id → what changed (objects deployed without a change are absent). */
  updated: Map<string, Change[]>;
  filesUploaded: string[];
}

export class DeployError extends Error {}

/** Reads a generated (or any) SDF project folder: the objects and files its deploy.xml names. */
export function readSdfProject(dir: string): SdfProjectContent {
  const manifest = parseElement(fs.readFileSync(path.join(dir, 'manifest.xml'), 'utf8'), 'manifest.xml');
  const deps = child(manifest, 'dependencies');
  const dependencies = (deps && child(deps, 'objects')?.children.map((o) => o.text)) || [];
  const deploy = parseElement(fs.readFileSync(path.join(dir, 'deploy.xml'), 'utf8'), 'deploy.xml');
  const expand = (section: string): string[] =>
    (child(deploy, section)?.children ?? []).flatMap((p) => {
      const rel = p.text.replace(/^~\//, '');
      if (!rel.endsWith('/*')) return [path.join(dir, ...rel.split('/'))];
      return listFiles(path.join(dir, ...rel.slice(0, -2).split('/')));
    });
  const objects = expand('objects').map((f) => flatten(parseElement(fs.readFileSync(f, 'utf8'), f)));
  const cabinet = path.join(dir, 'FileCabinet');
  const files = expand('files').map((f) => `/${path.relative(cabinet, f).split(path.sep).join('/')}`);
  return { objects, dependencies, files };
}

export class SimulatedAccount {
  readonly objects = new Map<string, FlatObject>();
  readonly files = new Set<string>();

  constructor(objects: Iterable<FlatObject> = [], files: Iterable<string> = []) {
    for (const o of objects) this.objects.set(o.id, clone(o));
    for (const f of files) this.files.add(f);
  }

  get(id: string): FlatObject {
    const o = this.objects.get(id);
    if (!o) throw new Error(`the account has no object ${id}`);
    return o;
  }

  /** Sets one element as an administrator would in the UI (e.g. a deployment's status). */
  set(id: string, p: string, value: string): void {
    this.get(id).values[p] = value;
  }

  /** Deploys a project; throws DeployError (and changes nothing) when SDF would refuse it. */
  deploy(project: SdfProjectContent): DeployReport {
    const inProject = new Set(project.objects.map((o) => o.id));
    const missing = project.dependencies.filter((d) => !this.objects.has(d));
    if (missing.length > 0)
      throw new DeployError(`manifest dependencies not in the account: ${missing.join(', ')}`);
    for (const o of project.objects) {
      for (const [p, v] of Object.entries(o.values)) {
        const ref = /^\[scriptid=([a-z0-9_]+)(?:\.[a-z0-9_]+)?\]$/.exec(v);
        if (ref && !inProject.has(ref[1]) && !project.dependencies.includes(ref[1]))
          throw new DeployError(
            `${o.id} ${p} references ${ref[1]}, which is neither in the project nor a dependency`,
          );
      }
    }
    const report: DeployReport = { created: [], updated: new Map(), filesUploaded: [...project.files] };
    for (const f of project.files) this.files.add(f);
    for (const o of project.objects) {
      const before = this.objects.get(o.id);
      if (!before) {
        this.objects.set(o.id, clone(o));
        report.created.push(o.id, ...nestedIds(o).map((n) => `${o.id}.${nestedId(n)}`));
        continue;
      }
      const after = merge(before, o);
      for (const n of nestedIds(o))
        if (!nestedIds(before).includes(n)) report.created.push(`${o.id}.${nestedId(n)}`);
      const changes = diff(before, after);
      if (changes.length > 0) report.updated.set(o.id, changes);
      this.objects.set(o.id, after);
    }
    return report;
  }
}

/** Rule 1 and 2: the project's own elements and nested objects; nested objects only in the account stay. */
function merge(account: FlatObject, project: FlatObject): FlatObject {
  const projectNested = new Set(nestedIds(project));
  const values: Record<string, string> = { ...project.values };
  for (const [p, v] of Object.entries(account.values)) {
    const key = nestedKey(p);
    if (key && !projectNested.has(key)) values[p] = v;
  }
  return { type: project.type, id: project.id, values };
}

/** `scriptdeployments/scriptdeployment[customdeploy1]` → `customdeploy1`. */
function nestedId(key: string): string {
  return /\[([^\]]+)\]$/.exec(key)?.[1] ?? key;
}

function nestedIds(o: FlatObject): string[] {
  const out = new Set<string>();
  for (const p of Object.keys(o.values)) {
    const key = nestedKey(p);
    if (key) out.add(key);
  }
  return [...out];
}

export function diff(before: FlatObject, after: FlatObject): Change[] {
  const out: Change[] = [];
  for (const p of new Set([...Object.keys(before.values), ...Object.keys(after.values)])) {
    const b = before.values[p];
    const a = after.values[p];
    if (b !== a) out.push({ path: p, before: b, after: a });
  }
  return out;
}

function clone(o: FlatObject): FlatObject {
  return { type: o.type, id: o.id, values: { ...o.values } };
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}
