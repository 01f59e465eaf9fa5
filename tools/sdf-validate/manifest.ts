// manifest.xml: its object dependencies and the SUBSIDIARIES feature (read first: other checks use
// them), HotWax's objects declared as dependencies, and the manifest itself (project type, features).
import type { Ctx } from './context';
import { ELEMENT_FEATURES, SCRIPT_TYPES } from './rules';
import { asArray, asNode, attr, isFile, parseXml, text, valueOf, walk, type XmlNode } from './xml';

/** Reads manifest.xml's dependencies into c; returns the parsed manifest (undefined when missing or bad). */
export function readDependencies(c: Ctx, hotwaxOwned: Set<string>): XmlNode | undefined {
  const manifest = isFile(c.manifestFile) ? parseXml(c.manifestFile, c.report) : undefined;
  if (manifest) {
    const deps = asNode(asNode(manifest.manifest).dependencies);
    for (const block of asArray(deps.objects)) {
      for (const o of asArray(asNode(block).object)) c.declaredDependencies.add(valueOf(o) ?? '');
    }
    c.subsidiariesRequired = asArray(asNode(deps.features).feature).some(
      (f) => valueOf(f) === 'SUBSIDIARIES' && attr(asNode(f), 'required') === 'true',
    );
  }
  for (const d of c.declaredDependencies) {
    const owner = c.idOwner.get(d);
    if (owner)
      c.report(
        c.manifestFile,
        `declares ${d} as an account dependency but ${c.display(owner)} also ships it: one or the other`,
      );
  }
  if (c.mode === 'update' || c.mode === 'add-deployments') {
    const referenced = new Set<string>();
    for (const obj of c.objects)
      walk(obj.node, (_e, v) => {
        const m = /^\[scriptid=([a-z0-9_]+)/.exec(v);
        if (m) referenced.add(m[1]);
      });
    for (const id of hotwaxOwned)
      if (referenced.has(id) && !c.declaredDependencies.has(id))
        c.report(
          c.manifestFile,
          `must declare HotWax's ${id} under <dependencies><objects> (the objects reference it)`,
        );
  }
  return manifest;
}

function readFeatures(c: Ctx, m: XmlNode): Map<string, string> {
  const features = new Map<string, string>();
  for (const f of asArray(asNode(asNode(m.dependencies).features).feature)) {
    const name = valueOf(f) ?? '';
    const required = attr(asNode(f), 'required') ?? '';
    if (required !== 'true' && required !== 'false')
      c.report(c.manifestFile, `feature ${name}: required must be "true" or "false"`);
    features.set(name, required);
  }
  return features;
}

export function checkManifest(c: Ctx, doc: XmlNode): void {
  const { manifestFile } = c;
  if (!('manifest' in doc)) {
    c.report(manifestFile, 'root element must be <manifest>');
    return;
  }
  const m = asNode(doc.manifest);
  const projecttype = attr(m, 'projecttype');
  if (projecttype !== 'ACCOUNTCUSTOMIZATION' && projecttype !== 'SUITEAPP') {
    c.report(manifestFile, `projecttype "${projecttype ?? ''}" must be ACCOUNTCUSTOMIZATION or SUITEAPP`);
  }
  if (!text(m, 'projectname')) c.report(manifestFile, 'has no <projectname>');
  if (text(m, 'frameworkversion') !== '1.0') c.report(manifestFile, '<frameworkversion> must be 1.0');
  const features = readFeatures(c, m);
  const need = (feature: string, why: string): void => {
    if (features.get(feature) !== 'true')
      c.report(manifestFile, `needs <feature required="true">${feature}</feature> (${why})`);
  };
  if (c.objects.some((o) => SCRIPT_TYPES.has(o.type)))
    need('SERVERSIDESCRIPTING', 'the project has server scripts');
  if (c.objects.some((o) => o.type === 'customrecordtype'))
    need('CUSTOMRECORDS', 'the project has custom record types');
  // "If this field appears in the SuiteCloud project, you must reference the <F> feature in the
  // manifest file" (scriptdeployment XML reference); required true or false is the project's choice.
  for (const obj of c.objects) {
    const seen = new Set<string>();
    walk(obj.node, (element) => {
      const feature = ELEMENT_FEATURES[element];
      if (!feature || features.has(feature) || seen.has(element)) return;
      seen.add(element);
      c.report(
        manifestFile,
        `must reference the ${feature} feature (<feature required="false">${feature}</feature>): ${c.display(obj.file)} uses <${element}>`,
      );
    });
  }
}
