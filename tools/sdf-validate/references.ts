// References between objects and files ([scriptid=…], [/file], anything else in brackets), and the
// script parameters the built code reads against those the scripts declare.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx, ScriptInfo } from './context';
import { isFile, paramLiterals, walk } from './xml';

function checkReference(c: Ctx, file: string, element: string, inner: string): void {
  if (inner.startsWith('/')) {
    if (!isFile(path.join(c.cabinetDir, ...inner.split('/')))) {
      c.report(
        file,
        `<${element}> references [${inner}], which does not exist under ${c.display(c.cabinetDir)}`,
      );
    }
    return;
  }
  const ref = /^scriptid=([a-z0-9_.]+)$/.exec(inner);
  if (ref) {
    if (!c.knownIds.has(ref[1]) && !c.declaredDependencies.has(ref[1])) {
      c.report(file, `<${element}> references [scriptid=${ref[1]}], which is not defined in this project`);
    }
    return;
  }
  if (/^appid=[^,]+,scriptid=[a-z0-9_.]+$/.test(inner)) return;
  c.report(file, `<${element}> value "[${inner}]" is not SDF reference syntax (write [scriptid=${inner}])`);
}

export function checkReferences(c: Ctx): void {
  for (const obj of c.objects) {
    walk(obj.node, (element, value) => {
      const m = /^\[([^\]\s]+)\]$/.exec(value);
      if (m) checkReference(c, obj.file, element, m[1]);
    });
  }
}

export function checkParameters(c: Ctx, scripts: ScriptInfo[]): void {
  const declaredAnywhere = new Set(scripts.flatMap((s) => [...s.params]));
  const entries = new Set<string>();
  for (const s of scripts) {
    if (!s.entry) continue;
    entries.add(s.entry);
    const read = paramLiterals(fs.readFileSync(s.entry, 'utf8'));
    for (const p of read) {
      if (!s.params.has(p)) {
        c.report(
          s.entry,
          `reads script parameter ${p}, which ${s.object.id} (${c.display(s.object.file)}) does not declare`,
        );
      }
    }
    for (const p of s.params) {
      if (!read.has(p)) {
        c.report(
          s.object.file,
          `declares parameter ${p}, but ${path.basename(s.entry)} never names it (the entry file must list every parameter its script reads)`,
        );
      }
    }
  }
  for (const file of c.cabinetFiles) {
    if (entries.has(file) || !file.endsWith('.js')) continue;
    for (const p of paramLiterals(fs.readFileSync(file, 'utf8'))) {
      if (!declaredAnywhere.has(p)) c.report(file, `uses script parameter ${p}, which no script declares`);
    }
  }
}
