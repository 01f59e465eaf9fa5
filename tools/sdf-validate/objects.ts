// Every object of Objects/: one well-formed root of a known type, its scriptid (prefix, characters,
// length, unique, the file's name) and its nested ids (parameters, deployments, record fields).
import path from 'node:path';
import type { Ctx } from './context';
import { ID_PATTERN, MAX_ID_LENGTH, NESTED, OBJECT_PREFIX, SCRIPT_TYPES } from './rules';
import { asNode, attr, children, isDirectory, listFiles, parseXml } from './xml';

function checkId(c: Ctx, file: string, id: string | undefined, prefix: string, what: string): id is string {
  if (!id) {
    c.report(file, `${what} has no scriptid attribute`);
    return false;
  }
  if (!ID_PATTERN.test(id))
    c.report(file, `${what} scriptid "${id}" may only contain lowercase letters, digits and _`);
  if (!id.startsWith(prefix)) c.report(file, `${what} scriptid "${id}" must start with "${prefix}"`);
  if (id.length > MAX_ID_LENGTH) {
    c.report(
      file,
      `${what} scriptid "${id}" is ${id.length} characters long; SDF allows at most ${MAX_ID_LENGTH}`,
    );
  }
  const owner = c.idOwner.get(id);
  if (owner !== undefined) c.report(file, `${what} scriptid "${id}" is already used in ${c.display(owner)}`);
  else c.idOwner.set(id, file);
  c.knownIds.add(id);
  return true;
}

function readObject(c: Ctx, file: string): void {
  if (!file.endsWith('.xml')) {
    c.report(file, 'is not an XML file; Objects/ may only hold SDF object definitions (<scriptid>.xml)');
    return;
  }
  const parsed = parseXml(file, c.report);
  if (!parsed) return;
  const roots = Object.keys(parsed).filter((k) => !k.startsWith('#'));
  if (roots.length !== 1) {
    c.report(file, `must have exactly one root element, found ${roots.length}`);
    return;
  }
  const type = roots[0];
  const node = asNode(parsed[type]);
  const prefix = OBJECT_PREFIX[type];
  if (prefix === undefined) {
    c.report(file, `root element <${type}> is not an SDF object type this validator knows`);
    return;
  }
  const id = attr(node, 'scriptid');
  if (!checkId(c, file, id, prefix, `<${type}>`)) return;
  if (path.basename(file) !== `${id}.xml`) {
    c.report(file, `file name must equal the object's scriptid: expected ${id}.xml`);
  }
  c.objects.push({ file, type, id, node });
}

/** Reads Objects/ into c.objects, c.idOwner and c.knownIds. */
export function readObjects(c: Ctx): void {
  if (!isDirectory(c.objectsDir)) c.report(c.objectsDir, 'folder is missing (SDF objects live in Objects/)');
  c.objectFiles = listFiles(c.objectsDir);
  for (const file of c.objectFiles) readObject(c, file);
  // nested ids (parameters, deployments, custom record fields)
  for (const obj of c.objects) {
    const kinds = SCRIPT_TYPES.has(obj.type)
      ? [NESTED.parameter, NESTED.deployment]
      : obj.type === 'customrecordtype'
        ? [NESTED.recordField]
        : [];
    for (const kind of kinds) {
      for (const child of children(obj.node, kind.container, kind.item)) {
        const childId = attr(child, 'scriptid');
        if (checkId(c, obj.file, childId, kind.prefix, `<${kind.item}>`))
          c.knownIds.add(`${obj.id}.${childId}`);
      }
    }
  }
}
