// SDF object XML as data: an ordered element tree (to rewrite objects for a deploy project) and a flat
// map of element paths to values (to compare objects attribute by attribute and to model a deploy).
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/** One element: tag, attributes, and either text or child elements (in document order). */
export interface XmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text content of a leaf element ('' for <x></x> and <x/>). */
  text: string;
}

/**
 * A flattened SDF object. Paths name elements from the root, `/` separated; an element with a
 * scriptid attribute is written `tag[scriptid]`, a repeated element without one `tag[#n]`:
 * `scriptdeployments/scriptdeployment[customdeploy1]/recurrence/daily/repeat` → `PT15M`.
 */
export interface FlatObject {
  type: string;
  id: string;
  values: Record<string, string>;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

type Ordered = Record<string, unknown>;

export function parseElement(xml: string, file = '<xml>'): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new Error(`${file}: not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const roots = (parser.parse(xml) as Ordered[]).map(toElement).filter((e): e is XmlElement => e !== null);
  if (roots.length !== 1) throw new Error(`${file}: expected one root element, found ${roots.length}`);
  return roots[0];
}

function toElement(node: Ordered): XmlElement | null {
  const tag = Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#comment');
  if (!tag) return null;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries((node[':@'] as Record<string, unknown>) ?? {})) attrs[k] = String(v);
  const body = (node[tag] as Ordered[]) ?? [];
  const children = body.map(toElement).filter((e): e is XmlElement => e !== null);
  const text = body
    .filter((b) => '#text' in b)
    .map((b) => String(b['#text']))
    .join('')
    .trim();
  return { tag, attrs, children, text };
}

function fromElement(e: XmlElement): Ordered {
  const body: Ordered[] =
    e.children.length > 0 ? e.children.map(fromElement) : e.text ? [{ '#text': e.text }] : [];
  const out: Ordered = { [e.tag]: body };
  if (Object.keys(e.attrs).length > 0) out[':@'] = { ...e.attrs };
  return out;
}

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: false,
});

export function serializeElement(e: XmlElement): string {
  return `${String(builder.build([fromElement(e)])).trim()}\n`;
}

export function child(e: XmlElement, tag: string): XmlElement | undefined {
  return e.children.find((c) => c.tag === tag);
}

export function flatten(root: XmlElement): FlatObject {
  const values: Record<string, string> = {};
  const walk = (e: XmlElement, prefix: string): void => {
    const counts = new Map<string, number>();
    for (const c of e.children) counts.set(c.tag, (counts.get(c.tag) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const c of e.children) {
      const n = seen.get(c.tag) ?? 0;
      seen.set(c.tag, n + 1);
      const key =
        c.attrs.scriptid !== undefined
          ? `${c.tag}[${c.attrs.scriptid}]`
          : (counts.get(c.tag) ?? 0) > 1
            ? `${c.tag}[#${n}]`
            : c.tag;
      const p = prefix ? `${prefix}/${key}` : key;
      if (c.children.length > 0) walk(c, p);
      else values[p] = c.text;
    }
  };
  walk(root, '');
  return { type: root.tag, id: root.attrs.scriptid ?? '', values };
}

/** Builds the element tree back from a flat object (element order: first appearance in the map). */
export function unflatten(obj: FlatObject): XmlElement {
  const root: XmlElement = { tag: obj.type, attrs: { scriptid: obj.id }, children: [], text: '' };
  for (const [p, value] of Object.entries(obj.values)) {
    let at = root;
    const parts = p.split('/');
    parts.forEach((part, i) => {
      const m = /^([^[]+)(?:\[([^\]]+)\])?$/.exec(part);
      if (!m) throw new Error(`bad path segment ${part} in ${p}`);
      const [, tag, key] = m;
      const match = (c: XmlElement): boolean =>
        c.tag === tag &&
        (key === undefined
          ? c.attrs.scriptid === undefined
          : key.startsWith('#')
            ? (c.attrs['#'] ?? '') === key
            : c.attrs.scriptid === key);
      let next = at.children.find(match);
      if (!next) {
        const attrs: Record<string, string> = {};
        if (key !== undefined) attrs[key.startsWith('#') ? '#' : 'scriptid'] = key;
        next = { tag, attrs, children: [], text: '' };
        at.children.push(next);
      }
      if (i === parts.length - 1) next.text = value;
      at = next;
    });
  }
  const dropIndexAttrs = (e: XmlElement): void => {
    delete e.attrs['#'];
    e.children.forEach(dropIndexAttrs);
  };
  dropIndexAttrs(root);
  return root;
}

/** Nested objects SDF creates and updates one by one inside their parent (by scriptid). */
export const NESTED_OBJECT =
  /^(scriptdeployments\/scriptdeployment|scriptcustomfields\/scriptcustomfield|customrecordcustomfields\/customrecordcustomfield)\[([^\]]+)\]/;

/** The nested object a path belongs to (e.g. `scriptdeployments/scriptdeployment[customdeploy1]`), if any. */
export function nestedKey(p: string): string | undefined {
  return NESTED_OBJECT.exec(p)?.[0];
}

/** The deployments of a flattened script object: deployment id → its values (paths below it). */
export function deploymentsOf(obj: FlatObject): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const [p, v] of Object.entries(obj.values)) {
    const m = /^scriptdeployments\/scriptdeployment\[([^\]]+)\]\/(.+)$/.exec(p);
    if (!m) continue;
    const d = out.get(m[1]) ?? {};
    d[m[2]] = v;
    out.set(m[1], d);
  }
  return out;
}
