// Offline validation of the SDF project in src/: what `suitecloud project:validate` would reject
// (it needs Oracle's SDK and an account), plus the contracts this project keeps with HotWax.
// See tools/sdf-validate/README.md for the list of checks and why each exists. One file per kind
// of object or rule: objects.ts (ids), hotwax.ts, manifest.ts, scripts.ts (scripts, deployments),
// fields.ts (fields, record types, subtabs), references.ts (references, parameters), deploy.ts,
// buildList.ts; this file runs them in order, each reporting into one list.
import path from 'node:path';
import { checkBuildList } from './buildList';
import { createCtx, type Problem, type ScriptInfo, type ValidateMode, type ValidateOptions } from './context';
import { checkDeployXml } from './deploy';
import { checkEntityField, checkRecordType, checkSubtab } from './fields';
import { checkHotWaxObjects, loadHotWaxFacts } from './hotwax';
import { checkManifest, readDependencies } from './manifest';
import { readObjects } from './objects';
import { checkParameters, checkReferences } from './references';
import { SCRIPT_TYPES } from './rules';
import { checkScript } from './scripts';
import { isDirectory, isFile } from './xml';
import type { Ctx } from './context';

export type { Problem, ValidateMode, ValidateOptions };

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.message}`;
}

/** Each object by its kind; returns the scripts (their parameters and entry files, for checkParameters). */
function checkObjects(c: Ctx): ScriptInfo[] {
  const scripts: ScriptInfo[] = [];
  for (const obj of c.objects) {
    if (SCRIPT_TYPES.has(obj.type)) scripts.push(checkScript(c, obj));
    else if (obj.type === 'entitycustomfield') checkEntityField(c, obj);
    else if (obj.type === 'customrecordtype') checkRecordType(c, obj);
    else if (obj.type === 'subtab') checkSubtab(c, obj);
  }
  return scripts;
}

export function validateSdfProject(dir: string, options: ValidateOptions = {}): Problem[] {
  const root = path.resolve(dir);
  const c = createCtx(root, options.mode ?? 'source');
  if (!isDirectory(root)) {
    c.report(root, 'is not a directory (expected the SDF project folder, e.g. src)');
    return c.problems;
  }
  readObjects(c);
  const facts = loadHotWaxFacts(root, options);
  const hotwaxOwned = facts?.hotwaxOwned ?? new Set<string>();
  checkHotWaxObjects(c, facts, hotwaxOwned);
  const manifest = readDependencies(c, hotwaxOwned);
  const scripts = checkObjects(c);
  checkReferences(c);
  checkParameters(c, scripts);
  if (!isFile(c.manifestFile)) c.report(c.manifestFile, 'is missing');
  else if (manifest) checkManifest(c, manifest);
  checkDeployXml(c);
  const buildList = options.buildList ?? path.join(root, '..', 'build', 'scripts.mjs');
  if (buildList && isFile(buildList)) checkBuildList(c, buildList);
  return c.problems;
}
