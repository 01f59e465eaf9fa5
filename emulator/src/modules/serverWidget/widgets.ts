/** The parts of a form: Field, Button, FieldGroup, Tab and Sublist. */
import { SuiteScriptError } from '../../core/errors';
import {
  FieldType,
  FieldDisplayType,
  FieldBreakType,
  FieldLayoutType,
  SublistDisplayType,
  required,
  checkId,
} from './constants';

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
