/**
 * Sublist lines and their subrecords: building stored lines from seed objects, and what the
 * server fills in on save (addressbook line ids, the address text).
 */
import { coerceValue, isEmpty } from './fields';
import type { StoredLine, SublistDef, SubrecordTypeDef } from './types';

/** A stored line from `{ field: value, subrecordField: { ... } }` (RecordStore.create seeds). */
export function lineFrom(
  sub: SublistDef,
  lineIn: Record<string, unknown>,
  subrecordDef: (type: string) => SubrecordTypeDef,
): StoredLine {
  const line: StoredLine = { values: {}, subrecords: {} };
  for (const [lk, lv] of Object.entries(lineIn)) {
    const subType = sub.subrecords[lk];
    if (subType && lv && typeof lv === 'object') {
      const sdef = subrecordDef(subType);
      const values: Record<string, unknown> = {};
      for (const [sk, sv] of Object.entries(lv as Record<string, unknown>)) {
        values[sk] = coerceValue(sdef.fields[sk], sk, sv);
      }
      line.subrecords[lk] = { type: subType, values };
    } else {
      line.values[lk] = coerceValue(sub.fields[lk], lk, lv);
    }
  }
  return line;
}

/** Addressbook lines get ids, and each address its one-text form (addrtext). */
export function finishSublists(sublists: Record<string, StoredLine[]>): void {
  const ab = sublists.addressbook;
  if (!ab) return;
  let nextLineId = 1;
  for (const line of ab) {
    const id = Number(line.values.id);
    if (Number.isFinite(id) && id >= nextLineId) nextLineId = id + 1;
  }
  for (const line of ab) {
    if (line.values.id === undefined || line.values.id === null || line.values.id === '') {
      line.values.id = nextLineId++;
    }
    const addr = line.subrecords.addressbookaddress;
    if (addr) {
      const a = addr.values;
      const text = [
        a.addressee,
        a.addr1,
        a.addr2,
        a.addr3,
        [a.city, a.state, a.zip].filter((x) => !isEmpty(x)).join(' '),
        a.country,
      ]
        .filter((x) => !isEmpty(x))
        .map(String)
        .join('\n');
      a.addrtext = text;
      line.values.addressbookaddress_text = text;
    }
  }
}
