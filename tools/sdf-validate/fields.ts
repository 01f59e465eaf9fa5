// Fields (script parameters, entity fields, custom record fields), custom record types and subtabs,
// and the value checks every object uses (T/F, integers in a range).
import type { Ctx, SdfObject } from './context';
import {
  ACCESS_SEARCH_LEVELS,
  BOOLEAN_ELEMENTS,
  CUSTOM_RECORD_ACCESS_TYPES,
  DISPLAY_TYPES,
  FIELD_TYPES,
  NESTED,
  PERMISSION_LEVELS,
  SCRIPT_ONLY_FIELDS,
  SCRIPT_STATE_RECORDS,
  SUBSIDIARY_RECORD_TYPE,
  TAB_TYPES,
} from './rules';
import { attr, children, text, type XmlNode } from './xml';

export function checkBoolean(c: Ctx, file: string, where: string, node: XmlNode, key: string): void {
  const v = text(node, key);
  if (v !== undefined && v !== 'T' && v !== 'F')
    c.report(file, `${where}: <${key}> must be T or F, not "${v}"`);
}

export function checkBooleans(c: Ctx, file: string, where: string, node: XmlNode): void {
  for (const key of Object.keys(node)) if (BOOLEAN_ELEMENTS.has(key)) checkBoolean(c, file, where, node, key);
}

export function checkInteger(
  c: Ctx,
  file: string,
  where: string,
  node: XmlNode,
  key: string,
  range: [number, number],
): void {
  const v = text(node, key);
  if (v === undefined || v === '') return;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < range[0] || n > range[1])
    c.report(file, `${where}: <${key}> must be an integer from ${range[0]} to ${range[1]}, not "${v}"`);
}

function checkLevels(c: Ctx, file: string, where: string, node: XmlNode): void {
  const display = text(node, 'displaytype');
  if (display !== undefined && !DISPLAY_TYPES.has(display))
    c.report(file, `${where}: displaytype "${display}" is not one of ${[...DISPLAY_TYPES].join(', ')}`);
  for (const key of ['accesslevel', 'searchlevel']) {
    const v = text(node, key);
    if (v !== undefined && !ACCESS_SEARCH_LEVELS.has(v))
      c.report(file, `${where}: ${key} "${v}" must be 0, 1 or 2`);
  }
  for (const perm of children(node, 'permissions', 'permission')) {
    if (!text(perm, 'role')) c.report(file, `${where}: a <permission> has no <role>`);
    for (const key of ['accesslevel', 'searchlevel']) {
      const v = text(perm, key) ?? '';
      if (!ACCESS_SEARCH_LEVELS.has(v))
        c.report(file, `${where}: permission ${key} "${v}" must be 0, 1 or 2`);
    }
  }
}

function checkSelectAndDefault(c: Ctx, file: string, where: string, node: XmlNode, type: string): void {
  const select = text(node, 'selectrecordtype');
  if (select === SUBSIDIARY_RECORD_TYPE && c.subsidiariesRequired !== true)
    c.report(
      file,
      `${where}: selectrecordtype -117 is the subsidiary list, which a non-OneWorld account does not have; use a TEXT internal id (or require SUBSIDIARIES in manifest.xml)`,
    );
  if ((type === 'SELECT' || type === 'MULTISELECT') && !select) {
    c.report(file, `${where}: fieldtype ${type} needs a <selectrecordtype>`);
  } else if (select && !/^-?\d+$/.test(select) && !select.startsWith('[')) {
    c.report(
      file,
      `${where}: selectrecordtype "${select}" is neither a record type number (e.g. -117) nor a [scriptid=…] reference`,
    );
  }
  const def = text(node, 'defaultvalue');
  if (type === 'CHECKBOX' && def)
    c.report(
      file,
      `${where}: a CHECKBOX default is <defaultchecked>T|F</defaultchecked>, not <defaultvalue>`,
    );
  if (type === 'INTEGER' && def && !/^-?\d+$/.test(def))
    c.report(file, `${where}: defaultvalue "${def}" is not an integer`);
  if (
    (type === 'FLOAT' || type === 'CURRENCY' || type === 'PERCENT') &&
    def &&
    !Number.isFinite(Number(def))
  ) {
    c.report(file, `${where}: defaultvalue "${def}" is not a number`);
  }
}

export function checkField(c: Ctx, file: string, where: string, node: XmlNode): void {
  if (!text(node, 'label')) c.report(file, `${where} has no <label>`);
  checkBooleans(c, file, where, node);
  checkLevels(c, file, where, node);
  const type = text(node, 'fieldtype');
  if (!type) {
    c.report(file, `${where} has no <fieldtype>`);
    return;
  }
  if (!FIELD_TYPES.has(type)) {
    const hint = type === 'FREEFORMTEXT' ? ' (free-form text is TEXT in SDF)' : '';
    c.report(file, `${where}: fieldtype "${type}" is not an SDF field type${hint}`);
  }
  checkSelectAndDefault(c, file, where, node, type);
  checkBoolean(c, file, where, node, 'defaultchecked');
}

export function checkEntityField(c: Ctx, obj: SdfObject): void {
  checkField(c, obj.file, `<entitycustomfield> ${obj.id}`, obj.node);
  const appliesTo = Object.keys(obj.node).filter(
    (k) => k.startsWith('appliesto') && text(obj.node, k) === 'T',
  );
  if (appliesTo.length === 0)
    c.report(obj.file, `${obj.id} applies to no record type (set e.g. appliestocustomer T)`);
  if (SCRIPT_ONLY_FIELDS.has(obj.id)) {
    const display = text(obj.node, 'displaytype') ?? 'NORMAL';
    if (display !== 'INLINE' && display !== 'HIDDEN')
      c.report(
        obj.file,
        `${obj.id} is written only by the scripts: displaytype must be INLINE or HIDDEN, not ${display} (users must not edit it)`,
      );
    const access = text(obj.node, 'accesslevel') ?? '2';
    if (access === '2')
      c.report(
        obj.file,
        `${obj.id} is written only by the scripts: the default accesslevel must be 0 or 1, not 2 (EDIT)`,
      );
  }
}

/** The records holding the scripts' state: administrators only, and no system note per save. */
function checkStateRecord(c: Ctx, obj: SdfObject, access: string | undefined): void {
  const { file, node } = obj;
  // Administrators always have access; USEPERMISSIONLIST with no other role keeps everyone else out.
  if (access !== 'USEPERMISSIONLIST')
    c.report(
      file,
      `${obj.id} holds the scripts' state: accesstype must be USEPERMISSIONLIST (administrators only), not ${access ?? 'CUSTRECORDENTRYPERM (the default)'}`,
    );
  const others = children(node, 'permissions', 'permission').filter(
    (p) => text(p, 'permittedrole') !== 'ADMINISTRATOR' && text(p, 'permittedlevel') !== 'NONE',
  );
  if (others.length > 0)
    c.report(file, `${obj.id} holds the scripts' state: only ADMINISTRATOR may be given access`);
  if (text(node, 'enablesystemnotes') !== 'F')
    c.report(file, `${obj.id} is saved on every run: enablesystemnotes must be F (a system note per save)`);
}

export function checkRecordType(c: Ctx, obj: SdfObject): void {
  const { file, node } = obj;
  if (!text(node, 'recordname')) c.report(file, `${obj.id} has no <recordname>`);
  checkBooleans(c, file, obj.id, node);
  const access = text(node, 'accesstype');
  if (access !== undefined && !CUSTOM_RECORD_ACCESS_TYPES.has(access))
    c.report(
      file,
      `${obj.id}: accesstype "${access}" is not one of ${[...CUSTOM_RECORD_ACCESS_TYPES].join(', ')}`,
    );
  for (const perm of children(node, 'permissions', 'permission')) {
    const role = text(perm, 'permittedrole');
    const level = text(perm, 'permittedlevel') ?? '';
    if (!role) c.report(file, `${obj.id}: a <permission> has no <permittedrole>`);
    if (!PERMISSION_LEVELS.has(level))
      c.report(
        file,
        `${obj.id}: permittedlevel "${level}" is not one of ${[...PERMISSION_LEVELS].join(', ')}`,
      );
  }
  if (SCRIPT_STATE_RECORDS.has(obj.id)) checkStateRecord(c, obj, access);
  for (const field of children(node, NESTED.recordField.container, NESTED.recordField.item)) {
    checkField(c, file, `<customrecordcustomfield> ${attr(field, 'scriptid') ?? '?'}`, field);
  }
}

export function checkSubtab(c: Ctx, obj: SdfObject): void {
  if (!text(obj.node, 'title')) c.report(obj.file, `${obj.id} has no <title>`);
  const tabtype = text(obj.node, 'tabtype');
  if (!tabtype) c.report(obj.file, `${obj.id} has no <tabtype>`);
  else if (!TAB_TYPES.has(tabtype))
    c.report(obj.file, `${obj.id}: tabtype "${tabtype}" is not one of ${[...TAB_TYPES].join(', ')}`);
}
