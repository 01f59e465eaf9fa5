// The XML and file helpers of the SDF validator: parsing as SDF writes objects, reading elements
// and attributes, walking every text value, and listing the project's files.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NESTED } from './rules';

export type XmlNode = Record<string, unknown>;

const REPEATED = new Set([
  NESTED.parameter.item,
  NESTED.deployment.item,
  NESTED.recordField.item,
  'path',
  'feature',
  'files',
  'objects',
  'object',
  'file',
  'permission',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
});

const PARAM_LITERAL = /['"`](custscript_[a-z0-9_]+)['"`]/g;

export function parseXml(file: string, report: (file: string, message: string) => void): XmlNode | undefined {
  const xml = fs.readFileSync(file, 'utf8');
  const result = XMLValidator.validate(xml);
  if (result !== true) {
    report(
      file,
      `is not well-formed XML: ${result.err.msg} (line ${result.err.line}, column ${result.err.col})`,
    );
    return undefined;
  }
  return asNode(parser.parse(xml));
}

export function paramLiterals(code: string): Set<string> {
  return new Set([...code.matchAll(PARAM_LITERAL)].map((m) => m[1]));
}

export function asNode(v: unknown): XmlNode {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as XmlNode) : {};
}

export function asArray(v: unknown): unknown[] {
  if (v === undefined || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** The text content of an element: a string, or `#text` of an element that also has attributes. */
export function valueOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const t = (v as XmlNode)['#text'];
    return t === undefined
      ? Object.keys(v).every((k) => k.startsWith('@_'))
        ? ''
        : undefined
      : String(t).trim();
  }
  return undefined;
}

export function text(node: XmlNode, key: string): string | undefined {
  return key in node ? valueOf(node[key]) : undefined;
}

export function attr(node: XmlNode, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v.trim() : undefined;
}

export function children(node: XmlNode, container: string, item: string): XmlNode[] {
  return asArray(asNode(node[container])[item]).map(asNode);
}

/** Calls visit(element, text) for every text value in the tree (attributes excluded). */
export function walk(node: unknown, visit: (element: string, value: string) => void, element = ''): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit, element);
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith('@_')) continue;
      walk(v, visit, k === '#text' ? element : k);
    }
  } else if (typeof node === 'string') {
    visit(element, node.trim());
  }
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function isDirectory(p: string): boolean {
  return fs.existsSync(p) && fs.statSync(p).isDirectory();
}

export function isFile(p: string): boolean {
  return fs.existsSync(p) && fs.statSync(p).isFile();
}

/** Every file below dir (recursive, sorted), skipping dot files such as .DS_Store. */
export function listFiles(dir: string): string[] {
  if (!isDirectory(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else if (entry.isFile()) out.push(p);
  }
  return out.sort();
}
