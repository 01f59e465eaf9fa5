/**
 * Saved CSV import maps from SDF `savedcsvimport` objects (NetSuite help "savedcsvimport", "Saved CSV
 * Import Maps as XML Definitions", "Saved CSV Import Maps XML Definition Example", "Defining Import
 * Options / File Mappings / Record and Field Mappings for Saved CSV Import Maps in XML Definitions",
 * "csvimport_datahandling"): the import's record type, data handling (ADD, UPDATE, ADDUPDATE), column
 * and decimal delimiters, file mappings, and field mappings of each record (a constant `value` or a
 * `columnreference` to a CSV column). The object holds no CSV data: N/task CsvImportTask gives the file.
 *
 * Field ids: standard fields are written STD + the field id in capitals (STDEMAIL → email), custom fields
 * by script id, also as a [scriptid=…] reference; both are read back as the lowercase field id.
 * "Use Multi-Threading" (an advanced option of the Import Assistant) is read from a `multithreading`
 * or `usemultithreading` element when present (element name unverified).
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export type CsvDataHandling = 'ADD' | 'UPDATE' | 'ADDUPDATE';

export interface CsvFieldMapping {
  /** Field id on the record, lowercase (email, companyname, custentity_x). */
  field: string;
  /** Constant value, when the mapping has no column reference. */
  value?: string;
  /** CSV column (its header text), when the value comes from the file. */
  column?: string;
  /** The file mapping the column belongs to (SALESORDER, SALESORDER:ITEMS). */
  file?: string;
}

export interface CsvRecordMapping {
  /** The record (or sublist, e.g. CUSTOMER:ADDRESSBOOK) the mappings set. */
  record: string;
  fields: CsvFieldMapping[];
}

export interface SavedCsvImport {
  /** custimport_… */
  scriptId: string;
  name: string;
  /** The csvimport_recordtypes value, e.g. CUSTOMER, SALESORDER, CUSTOMRECORD. */
  recordTypeKey: string;
  /** The N/record type the import creates, e.g. customer, salesorder, customrecord_x. */
  recordType: string;
  dataHandling: CsvDataHandling;
  columnDelimiter: string;
  decimalDelimiter: string;
  multithreading: boolean;
  files: Array<{ file: string; primaryKey?: string; foreignKey?: string }>;
  records: CsvRecordMapping[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['filemapping', 'recordmapping', 'fieldmapping'].includes(name),
});

/** [scriptid=custentity_x] → custentity_x; STDEMAIL → email; CUSTENTITY_X → custentity_x. */
export function csvFieldId(raw: string): string {
  const s = raw.trim();
  const ref = /^\[(?:scriptid=)?([^\]]+)\]$/i.exec(s);
  if (ref) return ref[1].toLowerCase();
  if (/^STD/i.test(s)) return s.slice(3).toLowerCase();
  return s.toLowerCase();
}

const text = (v: unknown): string =>
  v === undefined || v === null
    ? ''
    : typeof v === 'object'
      ? String((v as { '#text'?: unknown })['#text'] ?? '')
      : String(v);

/** Parses one savedcsvimport XML document. */
export function parseSavedCsvImport(xml: string): SavedCsvImport {
  const doc = parser.parse(xml) as Record<string, Record<string, unknown>>;
  const o = doc.savedcsvimport;
  if (!o) throw new Error('not a savedcsvimport object');
  const recordTypeKey = text(o.recordtype).toUpperCase();
  const customRecord = csvFieldId(text(o.customrecord));
  const recordType =
    recordTypeKey === 'CUSTOMRECORD' && customRecord ? customRecord : recordTypeKey.toLowerCase();
  const dh = (text(o.datahandling) || 'ADD').toUpperCase();
  const dataHandling: CsvDataHandling = dh === 'UPDATE' || dh === 'ADDUPDATE' ? dh : 'ADD';
  const fm = ((o.filemappings as Record<string, unknown> | undefined)?.filemapping ?? []) as Array<
    Record<string, unknown>
  >;
  const rm = ((o.recordmappings as Record<string, unknown> | undefined)?.recordmapping ?? []) as Array<
    Record<string, unknown>
  >;
  const flag = (v: unknown) => ['T', 'TRUE', 'Y', 'YES'].includes(text(v).toUpperCase());
  return {
    scriptId: String(o['@_scriptid'] ?? '').toLowerCase(),
    name: text(o.importname),
    recordTypeKey,
    recordType,
    dataHandling,
    columnDelimiter: (text(o.columndelimiter) || 'COMMA').toUpperCase(),
    decimalDelimiter: (text(o.decimaldelimiter) || 'PERIOD').toUpperCase(),
    multithreading: flag(o.multithreading) || flag(o.usemultithreading),
    files: fm.map((f) => ({
      file: text(f.file),
      primaryKey: text(f.primarykey) || undefined,
      foreignKey: text(f.foreignkey) || undefined,
    })),
    records: rm.map((r) => ({
      record: text(r.record),
      fields: (
        ((r.fieldmappings as Record<string, unknown> | undefined)?.fieldmapping ?? []) as Array<
          Record<string, unknown>
        >
      ).map((f) => {
        const ref = f.columnreference as Record<string, unknown> | undefined;
        return ref
          ? { field: csvFieldId(text(f.field)), column: text(ref.column), file: text(ref.file) || undefined }
          : { field: csvFieldId(text(f.field)), value: text(f.value) };
      }),
    })),
  };
}

/** Every savedcsvimport object of an SDF Objects/ folder (recursively), by script id. */
export function loadSavedCsvImports(objectsDir: string): Map<string, SavedCsvImport> {
  const out = new Map<string, SavedCsvImport>();
  if (!fs.existsSync(objectsDir)) return out;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.xml')) {
        const xml = fs.readFileSync(p, 'utf8');
        if (!/<savedcsvimport\b/.test(xml)) continue;
        const m = parseSavedCsvImport(xml);
        out.set(m.scriptId, m);
      }
    }
  };
  walk(objectsDir);
  return out;
}

const DELIMITERS: Record<string, string> = { COMMA: ',', TAB: '\t', SEMICOLON: ';', PIPE: '|', SPACE: ' ' };

/** Splits CSV text (RFC 4180 quoting) with the map's column delimiter into rows of cells. */
export function parseCsv(textIn: string, columnDelimiter = 'COMMA'): string[][] {
  const d = DELIMITERS[columnDelimiter] ?? ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = textIn.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === d) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}
