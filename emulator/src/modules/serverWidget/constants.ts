/** serverWidget's enums (NetSuite's string values) and the argument checks its objects share. */
import { SuiteScriptError } from '../../core/errors';

export const FieldType = {
  CHECKBOX: 'CHECKBOX',
  CURRENCY: 'CURRENCY',
  DATE: 'DATE',
  DATETIMETZ: 'DATETIMETZ',
  EMAIL: 'EMAIL',
  FILE: 'FILE',
  FLOAT: 'FLOAT',
  HELP: 'HELP',
  INLINEHTML: 'INLINEHTML',
  INTEGER: 'INTEGER',
  IMAGE: 'IMAGE',
  LABEL: 'LABEL',
  LONGTEXT: 'LONGTEXT',
  MULTISELECT: 'MULTISELECT',
  PASSPORT: 'PASSPORT',
  PASSWORD: 'PASSWORD',
  PERCENT: 'PERCENT',
  PHONE: 'PHONE',
  SELECT: 'SELECT',
  RADIO: 'RADIO',
  RICHTEXT: 'RICHTEXT',
  TEXT: 'TEXT',
  TEXTAREA: 'TEXTAREA',
  TIMEOFDAY: 'TIMEOFDAY',
  URL: 'URL',
} as const;
export const FieldDisplayType = {
  DISABLED: 'DISABLED',
  ENTRY: 'ENTRY',
  HIDDEN: 'HIDDEN',
  INLINE: 'INLINE',
  NODISPLAY: 'NODISPLAY',
  NORMAL: 'NORMAL',
  READONLY: 'READONLY',
} as const;
export const FieldBreakType = { NONE: 'NONE', STARTCOL: 'STARTCOL', STARTROW: 'STARTROW' } as const;
export const FieldLayoutType = {
  ENDROW: 'ENDROW',
  NORMAL: 'NORMAL',
  MIDROW: 'MIDROW',
  OUTSIDE: 'OUTSIDE',
  OUTSIDEBELOW: 'OUTSIDEBELOW',
  OUTSIDEABOVE: 'OUTSIDEABOVE',
  STARTROW: 'STARTROW',
} as const;
export const SublistType = {
  EDITOR: 'EDITOR',
  INLINEEDITOR: 'INLINEEDITOR',
  LIST: 'LIST',
  STATICLIST: 'STATICLIST',
} as const;
export const SublistDisplayType = { HIDDEN: 'HIDDEN', NORMAL: 'NORMAL' } as const;
export const FormPageLinkType = { BREADCRUMB: 'BREADCRUMB', CROSSLINK: 'CROSSLINK' } as const;
export const LayoutJustification = { CENTER: 'CENTER', LEFT: 'LEFT', RIGHT: 'RIGHT' } as const;
export const ListStyle = { GRID: 'GRID', REPORT: 'REPORT', PLAIN: 'PLAIN', NORMAL: 'NORMAL' } as const;
export const AssistantSubmitAction = {
  BACK: 'back',
  CANCEL: 'cancel',
  FINISH: 'finish',
  JUMP: 'jump',
  NEXT: 'next',
} as const;

export function required(fn: string, o: Record<string, unknown> | undefined, ...names: string[]): void {
  for (const n of names) {
    if (!o || o[n] === undefined || o[n] === null || o[n] === '')
      throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${fn}: Missing a required argument: ${n}`);
  }
}

export function checkId(fn: string, id: string): string {
  const s = String(id).toLowerCase();
  // NetSuite: ids of fields, groups, tabs and sublists added by scripts must start with custpage.
  if (!/^custpage/.test(s))
    throw new SuiteScriptError(
      'SSS_INVALID_UI_OBJECT_ID',
      `${fn}: the id "${id}" is not valid: ids of objects added to a form must start with custpage.`,
    );
  return s;
}
