/** serverWidget.Form and serverWidget.List. */
import { SuiteScriptError } from '../../core/errors';
import { FieldType, SublistType, ListStyle, required, checkId } from './constants';
import { Field, Button, FieldGroup, Tab, Sublist } from './widgets';

export type Item = { kind: 'field'; field: Field } | { kind: 'sublist'; sublist: Sublist };

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
