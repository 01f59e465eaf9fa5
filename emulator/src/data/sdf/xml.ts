/** The XML parser SDF objects are read with, and the readers of its element values. */
import { XMLParser } from 'fast-xml-parser';

export const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) =>
    [
      'customrecordcustomfield',
      'scriptcustomfield',
      'scriptdeployment',
      'filter',
      'column',
      'value',
    ].includes(name),
});

export function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') {
    const t = (v as Record<string, unknown>)['#text'];
    return t === undefined ? '' : String(t);
  }
  return String(v);
}

export function bool(v: unknown, dflt = false): boolean {
  const s = text(v).toUpperCase();
  if (s === '') return dflt;
  return s === 'T' || s === 'TRUE';
}

export function num(v: unknown): number | undefined {
  const s = text(v);
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
