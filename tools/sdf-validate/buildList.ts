// build/scripts.mjs, the scripts and libraries the build ships: each has its object, of the type,
// name and scriptfile the build gives it, and every library module is built.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Ctx } from './context';
import { SCRIPT_TYPES, SCRIPT_TYPE_ELEMENT } from './rules';
import { isFile, text } from './xml';

interface BuildList {
  SCRIPTS: { name: string; scriptId: string; type: string; output: string }[];
  LIBRARY?: { output: string };
  LIBRARIES?: { output: string }[];
  FILE_CABINET_PATH: string;
}

/** The list as the build reads it (an ES module), or undefined with a problem when it cannot be loaded. */
function loadBuildList(c: Ctx, file: string): BuildList | undefined {
  try {
    const code = 'const m = await import(process.argv[1]); process.stdout.write(JSON.stringify(m));';
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', code, pathToFileURL(file).href],
      {
        encoding: 'utf8',
      },
    );
    return JSON.parse(out);
  } catch (e) {
    c.problems.push({
      file: path.basename(file),
      message: `cannot be loaded: ${(e as Error).message.split('\n')[0]}`,
    });
    return undefined;
  }
}

export function checkBuildList(c: Ctx, file: string): void {
  const list = loadBuildList(c, file);
  if (!list) return;
  const byId = new Map(c.objects.map((o) => [o.id, o]));
  const shipped = new Set<string>();
  for (const s of list.SCRIPTS) {
    shipped.add(s.scriptId);
    const obj = byId.get(s.scriptId);
    if (!obj) {
      c.report(
        path.join(c.objectsDir, `${s.scriptId}.xml`),
        `is missing: build/scripts.mjs ships ${s.name} as ${s.scriptId}`,
      );
      continue;
    }
    if (obj.type !== SCRIPT_TYPE_ELEMENT[s.type]) {
      c.report(obj.file, `is <${obj.type}> but build/scripts.mjs builds ${s.name} as ${s.type}`);
    }
    if (text(obj.node, 'name') !== s.name)
      c.report(obj.file, `<name> must be "${s.name}" (build/scripts.mjs; HotWax finds scripts by name)`);
    const expected = `[${list.FILE_CABINET_PATH}/${s.output}]`;
    if (text(obj.node, 'scriptfile') !== expected)
      c.report(obj.file, `<scriptfile> must be ${expected} (build/scripts.mjs)`);
  }
  for (const o of c.objects) {
    if (SCRIPT_TYPES.has(o.type) && !shipped.has(o.id))
      c.report(o.file, `defines script ${o.id}, which build/scripts.mjs does not build`);
  }
  // Every library module the build ships (LIBRARIES; older lists name only LIBRARY).
  for (const library of list.LIBRARIES ?? (list.LIBRARY ? [list.LIBRARY] : [])) {
    const lib = path.join(c.cabinetDir, ...`${list.FILE_CABINET_PATH}/${library.output}`.split('/'));
    if (!isFile(lib)) c.report(lib, 'is missing (the library module is not built: npx rollup -c)');
  }
}
