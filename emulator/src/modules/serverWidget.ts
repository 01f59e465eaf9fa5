/**
 * N/ui/serverWidget (NetSuite help "N/ui/serverWidget Module"; members as in @hitc/netsuite-types):
 * createForm, createList, createAssistant (not emulated); Form with fields, field groups, tabs and
 * subtabs, sublists (LIST, STATICLIST, INLINEEDITOR, EDITOR), buttons, submit and reset buttons,
 * page links; the enums as NetSuite's string values. renderForm() draws a form as HTML close enough
 * to a NetSuite page to be used in a browser without JavaScript: one tab's content at a time, the
 * active tab marked in the tab bar, whose links set the page URL's selectedtab parameter; LIST/STATICLIST cells are written as HTML (as NetSuite writes them),
 * INLINEHTML fields as is, everything else escaped. Client scripts and addButton functions are not
 * run (the emulator has no client side).
 */
import { SuiteScriptError } from '../core/errors';

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

function required(fn: string, o: Record<string, unknown> | undefined, ...names: string[]): void {
  for (const n of names) {
    if (!o || o[n] === undefined || o[n] === null || o[n] === '')
      throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${fn}: Missing a required argument: ${n}`);
  }
}

function checkId(fn: string, id: string): string {
  const s = String(id).toLowerCase();
  // NetSuite: ids of fields, groups, tabs and sublists added by scripts must start with custpage.
  if (!/^custpage/.test(s))
    throw new SuiteScriptError(
      'SSS_INVALID_UI_OBJECT_ID',
      `${fn}: the id "${id}" is not valid: ids of objects added to a form must start with custpage.`,
    );
  return s;
}

export class Field {
  readonly id: string;
  readonly type: string;
  label: string;
  defaultValue: string | string[] = '';
  isMandatory = false;
  maxLength = 0;
  linkText = '';
  padding = 0;
  helpText = '';
  displayType: string = FieldDisplayType.NORMAL;
  breakType: string = FieldBreakType.NONE;
  layoutType: string = FieldLayoutType.NORMAL;
  displaySize: { width: number; height: number } | null = null;
  readonly options: { value: string; text: string; isSelected: boolean }[] = [];
  readonly source?: string;

  constructor(
    o: { id: string; type: string; label: string; source?: string; container?: string },
    readonly container?: string,
  ) {
    this.id = o.id;
    this.type = String(o.type).toUpperCase();
    if (!(this.type in FieldType))
      throw new SuiteScriptError('SSS_INVALID_FIELD_TYPE', `addField: invalid field type ${o.type}`);
    this.label = o.label;
    this.source = o.source;
  }

  addSelectOption(o: { value: string; text: string; isSelected?: boolean }): void {
    // A blank option (value and text '') is common and allowed; a missing text is not.
    if (o?.text === undefined || o?.text === null)
      throw new SuiteScriptError(
        'SSS_MISSING_REQD_ARGUMENT',
        'Field.addSelectOption: Missing a required argument: text',
      );
    if (this.type !== 'SELECT' && this.type !== 'MULTISELECT' && this.type !== 'RADIO')
      throw new SuiteScriptError(
        'SSS_INVALID_FIELD_TYPE',
        `addSelectOption: field ${this.id} is a ${this.type} field`,
      );
    this.options.push({ value: String(o.value ?? ''), text: String(o.text), isSelected: !!o.isSelected });
  }

  getSelectOptions(): { value: string; text: string }[] {
    return this.options.map(({ value, text }) => ({ value, text }));
  }

  setHelpText(o: { help: string }): Field {
    this.helpText = String(o?.help ?? '');
    return this;
  }

  updateDisplayType(o: { displayType: string }): Field {
    required('Field.updateDisplayType', o as unknown as Record<string, unknown>, 'displayType');
    this.displayType = String(o.displayType).toUpperCase();
    return this;
  }

  updateBreakType(o: { breakType: string }): Field {
    this.breakType = String(o.breakType).toUpperCase();
    return this;
  }

  updateLayoutType(o: { layoutType: string }): Field {
    this.layoutType = String(o.layoutType).toUpperCase();
    return this;
  }

  updateDisplaySize(o: { width: number; height: number }): Field {
    this.displaySize = { width: Number(o.width), height: Number(o.height) };
    return this;
  }
}

export class Button {
  isDisabled = false;
  isHidden = false;
  constructor(
    readonly id: string,
    public label: string,
    readonly kind: 'submit' | 'reset' | 'button',
    readonly functionName?: string,
  ) {}
}

export class FieldGroup {
  isBorderHidden = false;
  isCollapsible = false;
  isCollapsed = false;
  isSingleColumn = false;
  constructor(
    readonly id: string,
    public label: string,
    readonly tab?: string,
  ) {}
}

export class Tab {
  helpText = '';
  constructor(
    readonly id: string,
    public label: string,
    readonly parent?: string,
  ) {}
}

export class Sublist {
  readonly fields: Field[] = [];
  readonly values = new Map<number, Record<string, string>>();
  readonly buttons: Button[] = [];
  displayType: string = SublistDisplayType.NORMAL;
  helpText = '';
  uniqueFieldId?: string;
  totallingFieldId?: string;

  constructor(
    readonly id: string,
    readonly type: string,
    public label: string,
    readonly tab?: string,
  ) {}

  get lineCount(): number {
    return this.values.size === 0 ? 0 : Math.max(...this.values.keys()) + 1;
  }

  addField(o: { id: string; type: string; label: string; source?: string }): Field {
    required('Sublist.addField', o as unknown as Record<string, unknown>, 'id', 'type', 'label');
    const f = new Field({ ...o, id: checkId('Sublist.addField', o.id) });
    this.fields.push(f);
    return f;
  }

  getField(o: { id: string }): Field | null {
    return this.fields.find((f) => f.id === String(o.id).toLowerCase()) ?? null;
  }

  setSublistValue(o: { id: string; line: number; value: string }): void {
    required('Sublist.setSublistValue', o as unknown as Record<string, unknown>, 'id', 'line');
    const id = String(o.id).toLowerCase();
    if (!this.fields.some((f) => f.id === id))
      throw new SuiteScriptError(
        'SSS_INVALID_SUBLIST_OPERATION',
        `setSublistValue: no field ${o.id} on sublist ${this.id}`,
      );
    const line = Number(o.line);
    if (!Number.isInteger(line) || line < 0)
      throw new SuiteScriptError('SSS_INVALID_SUBLIST_OPERATION', `setSublistValue: invalid line ${o.line}`);
    // NetSuite refuses empty strings here ("You have entered an Invalid Field Value" for "").
    if (o.value === '' || o.value === null || o.value === undefined)
      throw new SuiteScriptError(
        'INVALID_FLD_VALUE',
        `You have entered an Invalid Field Value for the following field: ${o.id}`,
      );
    const row = this.values.get(line) ?? {};
    row[id] = String(o.value);
    this.values.set(line, row);
  }

  getSublistValue(o: { id: string; line: number }): string {
    return this.values.get(Number(o.line))?.[String(o.id).toLowerCase()] ?? '';
  }

  addButton(o: { id: string; label: string; functionName?: string }): Button {
    const b = new Button(checkId('Sublist.addButton', o.id), o.label, 'button', o.functionName);
    this.buttons.push(b);
    return b;
  }

  addMarkAllButtons(): void {
    /* client side only */
  }

  addRefreshButton(): Button {
    return this.addButton({ id: 'custpage_refresh', label: 'Refresh' });
  }

  updateUniqueFieldId(o: { id: string }): Sublist {
    this.uniqueFieldId = o.id;
    return this;
  }

  updateTotallingFieldId(o: { id: string }): Sublist {
    this.totallingFieldId = o.id;
    return this;
  }
}

type Item = { kind: 'field'; field: Field } | { kind: 'sublist'; sublist: Sublist };

export class Form {
  title: string;
  clientScriptFileId: number | null = null;
  clientScriptModulePath: string | null = null;
  readonly items: Item[] = [];
  readonly groups: FieldGroup[] = [];
  readonly tabs: Tab[] = [];
  readonly buttons: Button[] = [];
  readonly pageLinks: { type: string; title: string; url: string }[] = [];
  readonly messages: { type: string; title: string; message: string }[] = [];
  readonly hideNavBar: boolean;

  constructor(o: { title: string; hideNavBar?: boolean }) {
    required('serverWidget.createForm', o as unknown as Record<string, unknown>, 'title');
    this.title = o.title;
    this.hideNavBar = !!o.hideNavBar;
  }

  private findField(id: string): Field | undefined {
    for (const it of this.items) if (it.kind === 'field' && it.field.id === id) return it.field;
    return undefined;
  }

  addField(o: { id: string; type: string; label: string; source?: string; container?: string }): Field {
    required('Form.addField', o as unknown as Record<string, unknown>, 'id', 'type', 'label');
    const id = checkId('Form.addField', o.id);
    if (this.findField(id))
      throw new SuiteScriptError(
        'SSS_DUPLICATE_FIELD_ID',
        `Form.addField: a field with id ${id} already exists`,
      );
    const container = o.container ? String(o.container).toLowerCase() : undefined;
    if (
      container &&
      !this.groups.some((g) => g.id === container) &&
      !this.tabs.some((t) => t.id === container)
    )
      throw new SuiteScriptError(
        'SSS_INVALID_UI_OBJECT_ID',
        `Form.addField: no field group or tab ${o.container}`,
      );
    const f = new Field({ ...o, id }, container);
    this.items.push({ kind: 'field', field: f });
    return f;
  }

  addCredentialField(o: {
    id: string;
    label: string;
    restrictToDomains?: string[];
    container?: string;
  }): Field {
    return this.addField({ id: o.id, type: FieldType.PASSWORD, label: o.label, container: o.container });
  }

  addSecretKeyField(o: { id: string; label: string; container?: string }): Field {
    return this.addField({ id: o.id, type: FieldType.PASSWORD, label: o.label, container: o.container });
  }

  addFieldGroup(o: { id: string; label: string; tab?: string }): FieldGroup {
    required('Form.addFieldGroup', o as unknown as Record<string, unknown>, 'id', 'label');
    const g = new FieldGroup(
      checkId('Form.addFieldGroup', o.id),
      o.label,
      o.tab ? String(o.tab).toLowerCase() : undefined,
    );
    this.groups.push(g);
    return g;
  }

  addTab(o: { id: string; label: string }): Tab {
    required('Form.addTab', o as unknown as Record<string, unknown>, 'id', 'label');
    const t = new Tab(checkId('Form.addTab', o.id), o.label);
    this.tabs.push(t);
    return t;
  }

  addSubtab(o: { id: string; label: string; tab?: string }): Tab {
    required('Form.addSubtab', o as unknown as Record<string, unknown>, 'id', 'label');
    const t = new Tab(
      checkId('Form.addSubtab', o.id),
      o.label,
      o.tab ? String(o.tab).toLowerCase() : undefined,
    );
    this.tabs.push(t);
    return t;
  }

  addSublist(o: { id: string; type: string; label: string; tab?: string }): Sublist {
    required('Form.addSublist', o as unknown as Record<string, unknown>, 'id', 'type', 'label');
    const type = String(o.type).toUpperCase();
    if (!(type in SublistType))
      throw new SuiteScriptError('SSS_INVALID_SUBLIST_TYPE', `addSublist: invalid type ${o.type}`);
    const s = new Sublist(
      checkId('Form.addSublist', o.id),
      type,
      o.label,
      o.tab ? String(o.tab).toLowerCase() : undefined,
    );
    this.items.push({ kind: 'sublist', sublist: s });
    return s;
  }

  addSubmitButton(o: { label?: string } = {}): Button {
    const b = new Button('submitter', o?.label ?? 'Save', 'submit');
    const i = this.buttons.findIndex((x) => x.kind === 'submit');
    if (i >= 0) this.buttons.splice(i, 1);
    this.buttons.unshift(b);
    return b;
  }

  addResetButton(o: { label?: string } = {}): Button {
    const b = new Button('resetter', o?.label ?? 'Reset', 'reset');
    this.buttons.push(b);
    return b;
  }

  addButton(o: { id: string; label: string; functionName?: string }): Button {
    required('Form.addButton', o as unknown as Record<string, unknown>, 'id', 'label');
    const b = new Button(checkId('Form.addButton', o.id), o.label, 'button', o.functionName);
    this.buttons.push(b);
    return b;
  }

  addPageLink(o: { type: string; title: string; url: string }): void {
    this.pageLinks.push({ type: String(o.type), title: o.title, url: o.url });
  }

  addPageInitMessage(o: { type?: string; title?: string; message?: string }): void {
    this.messages.push({
      type: String(o?.type ?? 'information'),
      title: o?.title ?? '',
      message: o?.message ?? '',
    });
  }

  getField(o: { id: string }): Field | null {
    return this.findField(String(o.id).toLowerCase()) ?? null;
  }

  getSublist(o: { id: string }): Sublist | null {
    for (const it of this.items)
      if (it.kind === 'sublist' && it.sublist.id === String(o.id).toLowerCase()) return it.sublist;
    return null;
  }

  getTab(o: { id: string }): Tab | null {
    return this.tabs.find((t) => t.id === String(o.id).toLowerCase()) ?? null;
  }

  getSubtab(o: { id: string }): Tab | null {
    return this.getTab(o);
  }

  getButton(o: { id: string }): Button | null {
    return this.buttons.find((b) => b.id === String(o.id).toLowerCase()) ?? null;
  }

  getFieldGroup(o: { id: string }): FieldGroup | null {
    return this.groups.find((g) => g.id === String(o.id).toLowerCase()) ?? null;
  }

  removeButton(o: { id: string }): void {
    const i = this.buttons.findIndex((b) => b.id === String(o.id).toLowerCase());
    if (i >= 0) this.buttons.splice(i, 1);
  }

  updateDefaultValues(values: Record<string, string>): void {
    for (const [k, v] of Object.entries(values ?? {})) {
      const f = this.findField(k.toLowerCase());
      if (f) f.defaultValue = v;
    }
  }

  insertField(o: { field: Field; nextfield: string }): Field {
    return o.field;
  }
}

/** serverWidget.List (createList): columns and rows, rendered as a NetSuite list page. */
export class List {
  title: string;
  style: string = ListStyle.NORMAL;
  readonly columns: { id: string; label: string; type: string }[] = [];
  readonly rows: Record<string, string>[] = [];
  readonly buttons: Button[] = [];
  readonly pageLinks: { type: string; title: string; url: string }[] = [];
  clientScriptModulePath: string | null = null;

  constructor(o: { title: string }) {
    required('serverWidget.createList', o as unknown as Record<string, unknown>, 'title');
    this.title = o.title;
  }

  addColumn(o: { id: string; type: string; label: string; align?: string }): { id: string } {
    const c = { id: String(o.id).toLowerCase(), label: o.label, type: String(o.type).toUpperCase() };
    this.columns.push(c);
    return {
      id: c.id,
      setURL: () => undefined,
      addParamToURL: () => undefined,
    } as unknown as { id: string };
  }

  addRow(o: { row: Record<string, unknown> }): void {
    const r: Record<string, string> = {};
    for (const [k, v] of Object.entries(o.row ?? {})) r[k.toLowerCase()] = String(v ?? '');
    this.rows.push(r);
  }

  addRows(o: { rows: Record<string, unknown>[] }): void {
    for (const row of o.rows ?? []) this.addRow({ row });
  }

  addButton(o: { id: string; label: string; functionName?: string }): Button {
    const b = new Button(String(o.id).toLowerCase(), o.label, 'button', o.functionName);
    this.buttons.push(b);
    return b;
  }

  addPageLink(o: { type: string; title: string; url: string }): void {
    this.pageLinks.push({ type: String(o.type), title: o.title, url: o.url });
  }
}

export function createServerWidgetModule(): unknown {
  return {
    FieldType,
    FieldDisplayType,
    FieldBreakType,
    FieldLayoutType,
    SublistType,
    SublistDisplayType,
    FormPageLinkType,
    LayoutJustification,
    ListStyle,
    AssistantSubmitAction,
    createForm: (o: { title: string; hideNavBar?: boolean }) => new Form(o),
    createList: (o: { title: string }) => new List(o),
    createAssistant: () => {
      throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', 'serverWidget.createAssistant is not emulated');
    },
  };
}

// ------------------------------------------------------------------------------------- HTML

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** The page around a form or list: NetSuite's header with account, user and role. */
export interface PageChrome {
  accountName: string;
  accountId: string;
  userName: string;
  roleName: string;
  /** Where the form posts (the Suitelet's URL). */
  action: string;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"Open Sans",Helvetica,Arial,sans-serif;font-size:13px;color:#262626;background:#fff}
a{color:#255599;text-decoration:none}a:hover{text-decoration:underline}
.ns-header{background:#24385b;color:#fff;height:46px;display:flex;align-items:center;justify-content:space-between;padding:0 16px}
.ns-logo{font-weight:bold;font-size:17px;letter-spacing:.5px}.ns-logo span{color:#9fc5f8}
.ns-user{font-size:12px;text-align:right;line-height:15px}.ns-user b{display:block}
.ns-nav{background:#3a5680;height:30px;display:flex;align-items:center;padding:0 10px;gap:2px}
.ns-nav span{color:#e9eef5;font-size:12px;padding:6px 12px}
.ns-page{padding:12px 20px 30px}
.ns-title{font-size:22px;font-weight:normal;color:#333;margin:6px 0 10px}
.ns-buttons{margin:4px 0 12px;display:flex;gap:6px}
.ns-btn{font:bold 13px "Open Sans",Helvetica,Arial,sans-serif;padding:4px 14px;border:1px solid #b2b2b2;border-radius:3px;background:linear-gradient(#fafafa,#e5e5e5);color:#333;cursor:pointer}
.ns-btn-primary{background:linear-gradient(#3e87d6,#1f61b0);border-color:#1a5298;color:#fff}
.ns-btn[disabled]{opacity:.5;cursor:default}
.ns-msg{margin:0 0 10px;padding:8px 12px;border:1px solid #8fb1e3;background:#e8f0fb;border-radius:3px}
.ns-tabs{display:flex;gap:2px;border-bottom:3px solid #607799;margin:18px 0 0;flex-wrap:wrap}
.ns-tabs a{display:block;padding:6px 14px;background:#d5dde8;color:#333;font-weight:bold;border-radius:3px 3px 0 0;font-size:12.5px}
.ns-tabs a:hover{background:#607799;color:#fff;text-decoration:none}
.ns-tabs a.ns-tab-active{background:#607799;color:#fff}
.ns-tab[hidden]{display:none}
.ns-tab{padding:6px 2px 16px;border-bottom:1px solid #e2e2e2}
.ns-tab>h2{font-size:15px;color:#fff;background:#607799;margin:14px 0 8px;padding:5px 10px;border-radius:2px}
.ns-group{margin:12px 0 6px}
.ns-group h3{font-size:13px;font-weight:bold;color:#4d5f79;margin:0 0 6px;padding-bottom:3px;border-bottom:1px solid #cccccc;text-transform:uppercase;letter-spacing:.3px}
.ns-fields{display:flex;flex-wrap:wrap;gap:4px 28px}
.ns-field{min-width:240px;margin:3px 0;flex:0 0 auto}
.ns-field.ns-row{flex-basis:100%}
.ns-label{display:block;font-size:11px;color:#6f6f6f;text-transform:uppercase;letter-spacing:.3px;margin-bottom:2px}
.ns-label .ns-req{color:#c00}
.ns-value{font-size:13px;color:#000}
.ns-field input[type=text],.ns-field input[type=email],.ns-field input[type=number],.ns-field input[type=password],.ns-field select,.ns-field textarea{font:13px "Open Sans",Helvetica,Arial,sans-serif;padding:3px 5px;border:1px solid #b2b2b2;border-radius:2px;min-width:260px;background:#fff}
.ns-sublist{margin:12px 0 8px}
.ns-sublist h3{font-size:13px;font-weight:bold;color:#4d5f79;margin:0 0 4px}
table.ns-list{border-collapse:collapse;min-width:60%;font-size:12.5px}
table.ns-list th{background:#e5e5e5;color:#333;text-align:left;font-weight:bold;font-size:11px;text-transform:uppercase;padding:5px 8px;border-bottom:1px solid #c8c8c8;white-space:nowrap}
table.ns-list td{padding:4px 8px;border-bottom:1px solid #ebebeb;vertical-align:top}
table.ns-list tr:nth-child(even) td{background:#f6f7f9}
.ns-empty{color:#777;font-style:italic;padding:4px 8px}
.ns-links{font-size:12px;margin:0 0 6px}
`;

function inputFor(f: Field, name = f.id, value: string | string[] = f.defaultValue): string {
  const v = Array.isArray(value) ? value : [String(value ?? '')];
  const common = `name="${escapeHtml(name)}" id="${escapeHtml(name)}"${f.isMandatory ? ' required' : ''}${f.displayType === 'DISABLED' ? ' disabled' : ''}`;
  switch (f.type) {
    case 'CHECKBOX':
      return `<input type="checkbox" ${common} value="T"${v[0] === 'T' || v[0] === 'true' ? ' checked' : ''}>`;
    case 'SELECT':
    case 'MULTISELECT':
      return `<select ${common}${f.type === 'MULTISELECT' ? ' multiple' : ''}>${f.options
        .map(
          (o) =>
            `<option value="${escapeHtml(o.value)}"${o.isSelected || v.includes(o.value) ? ' selected' : ''}>${escapeHtml(o.text)}</option>`,
        )
        .join('')}</select>`;
    case 'RADIO':
      return f.options
        .map(
          (o) =>
            `<label><input type="radio" name="${escapeHtml(name)}" value="${escapeHtml(o.value)}"${o.isSelected || v.includes(o.value) ? ' checked' : ''}> ${escapeHtml(o.text)}</label>`,
        )
        .join(' ');
    case 'TEXTAREA':
    case 'LONGTEXT':
    case 'RICHTEXT':
      return `<textarea ${common} rows="4">${escapeHtml(v[0])}</textarea>`;
    case 'PASSWORD':
      return `<input type="password" ${common} value="">`;
    case 'INTEGER':
    case 'FLOAT':
    case 'CURRENCY':
    case 'PERCENT':
      return `<input type="number" step="any" ${common} value="${escapeHtml(v[0])}">`;
    case 'EMAIL':
      return `<input type="email" ${common} value="${escapeHtml(v[0])}">`;
    case 'DATE':
    case 'DATETIMETZ':
    case 'TIMEOFDAY':
    case 'PHONE':
    case 'URL':
    case 'TEXT':
    default:
      return `<input type="text" ${common} value="${escapeHtml(v[0])}"${f.maxLength ? ` maxlength="${f.maxLength}"` : ''}>`;
  }
}

function fieldHtml(f: Field): string {
  if (f.displayType === 'HIDDEN' || f.displayType === 'NODISPLAY') {
    if (f.type === 'INLINEHTML' || f.displayType === 'NODISPLAY') return '';
    return `<input type="hidden" name="${escapeHtml(f.id)}" value="${escapeHtml(String(f.defaultValue ?? ''))}">`;
  }
  const row =
    f.breakType === 'STARTROW' || f.layoutType === 'OUTSIDE' || f.type === 'INLINEHTML' ? ' ns-row' : '';
  if (f.type === 'INLINEHTML')
    return `<div class="ns-field ns-row ns-inlinehtml" data-field="${escapeHtml(f.id)}">${String(f.defaultValue ?? '')}</div>`;
  const label = `<span class="ns-label">${escapeHtml(f.label)}${f.isMandatory && f.displayType !== 'INLINE' ? ' <span class="ns-req">*</span>' : ''}</span>`;
  if (f.type === 'LABEL') return `<div class="ns-field${row}">${label}</div>`;
  if (f.type === 'HELP')
    return `<div class="ns-field${row}"><span class="ns-value">${escapeHtml(f.label)}</span></div>`;
  let body: string;
  if (f.displayType === 'INLINE' || f.displayType === 'READONLY') {
    const v = Array.isArray(f.defaultValue) ? f.defaultValue.join(', ') : String(f.defaultValue ?? '');
    const shown =
      f.type === 'SELECT'
        ? (f.options.find((o) => o.value === v)?.text ?? v)
        : f.type === 'CHECKBOX'
          ? v === 'T'
            ? 'Yes'
            : 'No'
          : v;
    body =
      f.type === 'URL' && v
        ? `<a class="ns-value" href="${escapeHtml(v)}">${escapeHtml(f.linkText || v)}</a>`
        : `<span class="ns-value" data-field="${escapeHtml(f.id)}">${escapeHtml(shown) || '&nbsp;'}</span>`;
    if (f.displayType === 'READONLY')
      body += `<input type="hidden" name="${escapeHtml(f.id)}" value="${escapeHtml(v)}">`;
  } else body = inputFor(f);
  return `<div class="ns-field${row}"><label for="${escapeHtml(f.id)}">${label}</label>${body}${f.helpText ? `<div class="ns-label" style="text-transform:none">${escapeHtml(f.helpText)}</div>` : ''}</div>`;
}

function sublistHtml(s: Sublist): string {
  if (s.displayType === 'HIDDEN') return '';
  const cols = s.fields.filter((f) => f.displayType !== 'HIDDEN' && f.displayType !== 'NODISPLAY');
  const editable = s.type === 'INLINEEDITOR' || s.type === 'EDITOR';
  const lines = s.lineCount + (s.type === 'INLINEEDITOR' ? 1 : 0);
  const rows: string[] = [];
  for (let line = 0; line < lines; line++) {
    const v = s.values.get(line) ?? {};
    rows.push(
      `<tr>${cols
        .map((f) => {
          const cell = v[f.id] ?? '';
          if (editable && f.displayType !== 'INLINE' && f.displayType !== 'DISABLED')
            return `<td>${inputFor(f, `${s.id}_${f.id}_${line}`, cell)}</td>`;
          // LIST and STATICLIST values are written as HTML, as NetSuite writes them.
          return `<td>${f.type === 'CHECKBOX' ? (cell === 'T' ? 'Yes' : '') : cell}</td>`;
        })
        .join('')}</tr>`,
    );
  }
  const hidden = editable ? `<input type="hidden" name="${escapeHtml(s.id)}_lines" value="${lines}">` : '';
  return `<div class="ns-sublist" id="${escapeHtml(s.id)}"><h3>${escapeHtml(s.label)}</h3>${hidden}<table class="ns-list" data-sublist="${escapeHtml(s.id)}"><thead><tr>${cols
    .map((f) => `<th>${escapeHtml(f.label)}</th>`)
    .join(
      '',
    )}</tr></thead><tbody>${rows.length ? rows.join('') : `<tr><td class="ns-empty" colspan="${Math.max(cols.length, 1)}">No records to show.</td></tr>`}</tbody></table>${s.buttons
    .map(
      (b) =>
        `<button type="button" class="ns-btn" disabled title="needs a client script">${escapeHtml(b.label)}</button>`,
    )
    .join(' ')}</div>`;
}

function buttonsHtml(buttons: Button[]): string {
  const visible = buttons.filter((b) => !b.isHidden);
  if (!visible.length) return '';
  return `<div class="ns-buttons">${visible
    .map((b) =>
      b.kind === 'submit'
        ? `<button type="submit" class="ns-btn ns-btn-primary" name="submitter" value="${escapeHtml(b.label)}"${b.isDisabled ? ' disabled' : ''}>${escapeHtml(b.label)}</button>`
        : b.kind === 'reset'
          ? `<button type="reset" class="ns-btn">${escapeHtml(b.label)}</button>`
          : `<button type="button" class="ns-btn" id="${escapeHtml(b.id)}" disabled title="runs ${escapeHtml(b.functionName ?? '')} in a client script, which the emulator does not run">${escapeHtml(b.label)}</button>`,
    )
    .join('')}</div>`;
}

function pageHtml(title: string, chrome: PageChrome, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} - NetSuite (${escapeHtml(chrome.accountName)})</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${CSS}</style></head>
<body><div class="ns-header"><div class="ns-logo">ORACLE <span>NETSUITE</span></div><div class="ns-user"><b>${escapeHtml(chrome.userName)}</b>${escapeHtml(chrome.accountName)} (${escapeHtml(chrome.accountId)}) - ${escapeHtml(chrome.roleName)}</div></div>
<div class="ns-nav"><span>Activities</span><span>Transactions</span><span>Lists</span><span>Reports</span><span>Customization</span><span>Setup</span></div>
<div class="ns-page">${body}</div></body></html>`;
}

/** The HTML of a form as NetSuite would show it (server side only). */
export function renderForm(form: Form, chrome: PageChrome): string {
  const byContainer = new Map<string, Item[]>();
  const push = (key: string, it: Item) => byContainer.set(key, [...(byContainer.get(key) ?? []), it]);
  for (const it of form.items) {
    if (it.kind === 'field') {
      const c = it.field.container;
      const group = c ? form.groups.find((g) => g.id === c) : undefined;
      if (group) push(`group:${group.id}`, it);
      else if (c && form.tabs.some((t) => t.id === c)) push(`tab:${c}`, it);
      else push('main', it);
    } else push(it.sublist.tab ? `tab:${it.sublist.tab}` : 'main', it);
  }
  const itemsHtml = (items: Item[]) => {
    const out: string[] = [];
    let fields: string[] = [];
    const flush = () => {
      if (fields.length) out.push(`<div class="ns-fields">${fields.join('')}</div>`);
      fields = [];
    };
    for (const it of items) {
      if (it.kind === 'field') fields.push(fieldHtml(it.field));
      else {
        flush();
        out.push(sublistHtml(it.sublist));
      }
    }
    flush();
    return out.join('');
  };
  const groupHtml = (g: FieldGroup) =>
    `<div class="ns-group" id="${escapeHtml(g.id)}">${g.isBorderHidden ? '' : `<h3>${escapeHtml(g.label)}</h3>`}${itemsHtml(byContainer.get(`group:${g.id}`) ?? [])}</div>`;
  // Field groups and sublists of a tab, in the order they were added.
  const tabContent = (tabId: string | undefined) => {
    const parts: { order: number; html: string }[] = [];
    form.groups
      .filter((g) => g.tab === tabId)
      .forEach((g) => {
        const first = form.items.findIndex((it) => it.kind === 'field' && it.field.container === g.id);
        parts.push({ order: first < 0 ? Number.MAX_SAFE_INTEGER : first, html: groupHtml(g) });
      });
    const loose = tabId ? (byContainer.get(`tab:${tabId}`) ?? []) : (byContainer.get('main') ?? []);
    for (const it of loose) parts.push({ order: form.items.indexOf(it), html: itemsHtml([it]) });
    return parts
      .sort((a, b) => a.order - b.order)
      .map((p) => p.html)
      .join('');
  };
  const messages = form.messages
    .map(
      (m) => `<div class="ns-msg" role="status"><b>${escapeHtml(m.title)}</b> ${escapeHtml(m.message)}</div>`,
    )
    .join('');
  const links = form.pageLinks.length
    ? `<div class="ns-links">${form.pageLinks.map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.title)}</a>`).join(' | ')}</div>`
    : '';
  // One tab's content at a time, the active one marked, as NetSuite shows tabs; chosen without
  // JavaScript by the URL's selectedtab parameter (NetSuite's own tab URLs use it), else the first.
  // The other tabs stay in the form (hidden), so their fields are still posted.
  const topTabs = form.tabs.filter((t) => !t.parent);
  const here = new URL(chrome.action, 'http://emulator.invalid');
  const active =
    topTabs.find((t) => t.id === (here.searchParams.get('selectedtab') ?? '').toLowerCase()) ?? topTabs[0];
  const tabHref = (id: string) => {
    const u = new URL(here.href);
    u.searchParams.set('selectedtab', id);
    return u.pathname + u.search;
  };
  const tabBar = topTabs.length
    ? `<nav class="ns-tabs" aria-label="Tabs">${topTabs.map((t) => `<a href="${escapeHtml(tabHref(t.id))}" data-tab="${escapeHtml(t.id)}"${t === active ? ' class="ns-tab-active" aria-current="page"' : ''}>${escapeHtml(t.label)}</a>`).join('')}</nav>`
    : '';
  const tabs = topTabs
    .map(
      (t) =>
        `<section class="ns-tab" id="${escapeHtml(t.id)}"${t === active ? '' : ' hidden'}>${tabContent(t.id)}${form.tabs
          .filter((s) => s.parent === t.id)
          .map(
            (s) =>
              `<div class="ns-subtab" id="${escapeHtml(s.id)}"><h3>${escapeHtml(s.label)}</h3>${tabContent(s.id)}</div>`,
          )
          .join('')}</section>`,
    )
    .join('');
  const buttons = buttonsHtml(form.buttons);
  const body = `<form method="POST" action="${escapeHtml(chrome.action)}" enctype="application/x-www-form-urlencoded" accept-charset="utf-8" id="main_form">
<h1 class="ns-title">${escapeHtml(form.title)}</h1>${links}${buttons}${messages}${tabContent(undefined)}${tabBar}${tabs}${tabs ? buttons : ''}</form>`;
  return pageHtml(form.title, chrome, body);
}

export function renderList(list: List, chrome: PageChrome): string {
  const head = list.columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('');
  const rows = list.rows
    .map((r) => `<tr>${list.columns.map((c) => `<td>${r[c.id] ?? ''}</td>`).join('')}</tr>`)
    .join('');
  return pageHtml(
    list.title,
    chrome,
    `<h1 class="ns-title">${escapeHtml(list.title)}</h1>${buttonsHtml(list.buttons)}<table class="ns-list"><thead><tr>${head}</tr></thead><tbody>${rows || `<tr><td class="ns-empty" colspan="${Math.max(list.columns.length, 1)}">No records to show.</td></tr>`}</tbody></table>`,
  );
}

/** A NetSuite-looking page for the emulator's own pages (errors, record views). */
export function renderPlainPage(title: string, chrome: PageChrome, bodyHtml: string): string {
  return pageHtml(title, chrome, `<h1 class="ns-title">${escapeHtml(title)}</h1>${bodyHtml}`);
}
