// HotWax's objects (docs/HOTWAX-OBJECTS.md): never shipped by the default deploy, and where shipped
// (first install, src/) the same as HotWax defines them, since a deploy changes them for every
// HotWax integration of the account.
import fs from 'node:fs';
import path from 'node:path';
import { loadFacts, type HotWaxFacts } from '../sdf-deploy/facts';
import { flatten, parseElement } from '../sdf-deploy/sdfXml';
import type { Ctx, SdfObject, ValidateOptions } from './context';
import { isFile } from './xml';

export function loadHotWaxFacts(root: string, options: ValidateOptions): HotWaxFacts | undefined {
  if (options.facts === false) return undefined;
  if (options.facts) return options.facts;
  if (isFile(path.join(root, '..', 'docs', 'HOTWAX-OBJECTS.md'))) return loadFacts(path.join(root, '..'));
  return undefined;
}

function compareWithHotWax(c: Ctx, obj: SdfObject, facts: HotWaxFacts | undefined): void {
  const expected = facts?.objects.get(obj.id);
  if (!expected) {
    c.report(obj.file, `${obj.id} belongs to HotWax but docs/HOTWAX-OBJECTS.md has no definition of it`);
    return;
  }
  const ours = flatten(parseElement(fs.readFileSync(obj.file, 'utf8'), obj.file));
  const paths = new Set([...Object.keys(expected.values), ...Object.keys(ours.values)]);
  const differ = [...paths].filter((p) => expected.values[p] !== ours.values[p]);
  if (ours.type !== expected.type)
    c.report(obj.file, `${obj.id} is <${ours.type}>; HotWax defines <${expected.type}>`);
  for (const p of differ.slice(0, 10)) {
    const what = (v: string | undefined): string => (v === undefined ? 'absent' : `"${v}"`);
    c.report(
      obj.file,
      `${obj.id} differs from HotWax's definition (docs/HOTWAX-OBJECTS.md) at ${p}: ours ${what(ours.values[p])}, HotWax ${what(expected.values[p])}; a deploy would change HotWax's object for every HotWax integration`,
    );
  }
  if (differ.length > 10)
    c.report(obj.file, `${obj.id}: ${differ.length - 10} more differences from HotWax's definition`);
}

export function checkHotWaxObjects(c: Ctx, facts: HotWaxFacts | undefined, hotwaxOwned: Set<string>): void {
  for (const obj of c.objects) {
    if (!hotwaxOwned.has(obj.id)) continue;
    if (c.mode === 'update' || c.mode === 'add-deployments') {
      c.report(
        obj.file,
        `${obj.id} belongs to HotWax: the default deploy must not ship it (declare it as a manifest dependency; only deploy:first-install ships it)`,
      );
      continue;
    }
    compareWithHotWax(c, obj, facts);
  }
}
