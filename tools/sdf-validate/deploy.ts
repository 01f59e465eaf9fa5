// deploy.xml: every File Cabinet file and every object is deployed, and every path points at something.
import path from 'node:path';
import type { Ctx } from './context';
import { asArray, asNode, isDirectory, isFile, parseXml, valueOf, type XmlNode } from './xml';

/** The files a <files> or <objects> section covers; reports paths outside base or pointing at nothing. */
function covered(c: Ctx, d: XmlNode, section: 'files' | 'objects', base: string, all: string[]): Set<string> {
  const deployFile = path.join(c.root, 'deploy.xml');
  const hit = new Set<string>();
  for (const block of asArray(d[section])) {
    for (const p of asArray(asNode(block).path)) {
      const value = valueOf(p) ?? '';
      if (!value.startsWith(`~/${base}/`)) {
        c.report(deployFile, `<${section}> path "${value}" must start with ~/${base}/`);
        continue;
      }
      const rel = value.slice(2);
      if (rel.endsWith('/*')) {
        const folder = path.join(c.root, ...rel.slice(0, -2).split('/'));
        if (!isDirectory(folder)) c.report(deployFile, `<path>${value}</path> points at no folder`);
        for (const f of all) if (f.startsWith(folder + path.sep)) hit.add(f);
      } else {
        const abs = path.join(c.root, ...rel.split('/'));
        if (!isFile(abs)) c.report(deployFile, `<path>${value}</path> points at no file`);
        else hit.add(abs);
      }
    }
  }
  return hit;
}

export function checkDeployXml(c: Ctx): void {
  const deployFile = path.join(c.root, 'deploy.xml');
  if (!isFile(deployFile)) {
    c.report(deployFile, 'is missing');
    return;
  }
  const doc = parseXml(deployFile, c.report);
  if (doc && !('deploy' in doc)) c.report(deployFile, 'root element must be <deploy>');
  if (!doc || !('deploy' in doc)) return;
  const d = asNode(doc.deploy);
  const files = covered(c, d, 'files', 'FileCabinet', c.cabinetFiles);
  for (const f of c.cabinetFiles)
    if (!files.has(f)) c.report(deployFile, `does not deploy ${c.display(f)} (add it under <files>)`);
  const objs = covered(c, d, 'objects', 'Objects', c.objectFiles);
  for (const f of c.objectFiles)
    if (!objs.has(f)) c.report(deployFile, `does not deploy ${c.display(f)} (add it under <objects>)`);
}
