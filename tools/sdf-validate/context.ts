// What the SDF validator's checks share: the options, the project's folders and objects as parsed,
// what one check finds that a later one reads (ids, dependencies, scripts), and the problems found.
import path from 'node:path';
import type { HotWaxFacts } from '../sdf-deploy/facts';
import { listFiles, type XmlNode } from './xml';

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

export interface SdfObject {
  file: string;
  type: string;
  id: string;
  node: XmlNode;
}

export interface ScriptInfo {
  object: SdfObject;
  name: string;
  params: Set<string>;
  /** Absolute path of the built entry file, when the scriptfile resolves. */
  entry?: string;
}

export interface Ctx {
  root: string;
  mode: ValidateMode;
  /** A project generated for a deploy (not src/). */
  generated: boolean;
  problems: Problem[];
  /** A path as problems name it: `<project folder name>/<path inside it>`. */
  display(abs: string): string;
  report(abs: string, message: string): void;
  objectsDir: string;
  cabinetDir: string;
  cabinetFiles: string[];
  objectFiles: string[];
  manifestFile: string;
  objects: SdfObject[];
  /** Each scriptid (nested ones too) and the file that defines it first. */
  idOwner: Map<string, string>;
  /** Every scriptid a [scriptid=…] reference may name, nested ones as `parent.child`. */
  knownIds: Set<string>;
  /** Objects manifest.xml declares as account dependencies. */
  declaredDependencies: Set<string>;
  subsidiariesRequired: boolean;
  /** Active (not NOTSCHEDULED) deployment titles, across scripts: HotWax matches deployments by title. */
  activeTitles: Map<string, string>;
}

export function createCtx(root: string, mode: ValidateMode): Ctx {
  const problems: Problem[] = [];
  const display = (abs: string): string =>
    [path.basename(root), ...path.relative(root, abs).split(path.sep)].filter(Boolean).join('/');
  const cabinetDir = path.join(root, 'FileCabinet');
  const objectsDir = path.join(root, 'Objects');
  return {
    root,
    mode,
    generated: mode !== 'source',
    problems,
    display,
    report: (abs, message) => problems.push({ file: display(abs), message }),
    objectsDir,
    cabinetDir,
    cabinetFiles: listFiles(cabinetDir),
    objectFiles: [],
    manifestFile: path.join(root, 'manifest.xml'),
    objects: [],
    idOwner: new Map(),
    knownIds: new Set(),
    declaredDependencies: new Set(),
    subsidiariesRequired: false,
    activeTitles: new Map(),
  };
}
