// Reads the HotWax object facts of docs/HOTWAX-OBJECTS.md: one `### <type> <scriptid>` heading per
// object, followed by a `| path | value |` table (the flattened definition, see sdfXml.ts), and the
// ownership table (`| id | kind | owner after the upgrade | ... |`).
import fs from 'node:fs';
import path from 'node:path';
import type { FlatObject } from './sdfXml';

export const FACTS_FILE = path.join('docs', 'HOTWAX-OBJECTS.md');

export interface HotWaxFacts {
  /** HotWax's published definitions, by script id. */
  objects: Map<string, FlatObject>;
  /** Ids HotWax defines and keeps owning after the upgrade (our deploy must not change them). */
  hotwaxOwned: Set<string>;
}

const EMPTY = '(empty)';

/** `value` → the cell text written in the facts file. */
export function factCell(value: string): string {
  return value === '' ? EMPTY : `\`${value.replace(/\|/g, '\\|')}\``;
}

function cellValue(cell: string): string {
  const c = cell.trim();
  if (c === EMPTY) return '';
  const m = /^`(.*)`$/.exec(c);
  if (!m) throw new Error(`facts: value cell "${c}" must be \`value\` or ${EMPTY}`);
  return m[1].replace(/\\\|/g, '|');
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

export function parseFacts(markdown: string): HotWaxFacts {
  const objects = new Map<string, FlatObject>();
  const hotwaxOwned = new Set<string>();
  const lines = markdown.split(/\r?\n/);
  let current: FlatObject | undefined;
  let inOwnership = false;
  for (const line of lines) {
    const heading = /^###\s+(\w+)\s+`?([a-z0-9_]+)`?\s*$/.exec(line);
    if (heading) {
      current = { type: heading[1], id: heading[2], values: {} };
      if (objects.has(current.id)) throw new Error(`facts: ${current.id} is described twice`);
      objects.set(current.id, current);
      inOwnership = false;
      continue;
    }
    if (/^#{1,3}\s/.test(line)) {
      current = undefined;
      inOwnership = /^##\s+Ownership/i.test(line);
      continue;
    }
    if (!line.trim().startsWith('|') || /^\|\s*-/.test(line.trim())) continue;
    const row = cells(line);
    if (inOwnership) {
      const id = /^`([a-z0-9_.]+)`$/.exec(row[0] ?? '')?.[1];
      if (id && /^HotWax\b/.test(row[2] ?? '')) hotwaxOwned.add(id);
      continue;
    }
    if (!current || row[0] === 'path') continue;
    const p = /^`(.+)`$/.exec(row[0])?.[1];
    if (!p || row.length !== 2) throw new Error(`facts: bad row under ${current.id}: ${line}`);
    current.values[p] = cellValue(row[1]);
  }
  return { objects, hotwaxOwned };
}

export function loadFacts(repoRoot: string): HotWaxFacts {
  return parseFacts(fs.readFileSync(path.join(repoRoot, FACTS_FILE), 'utf8'));
}
