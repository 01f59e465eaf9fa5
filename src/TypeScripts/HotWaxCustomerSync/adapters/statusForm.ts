/**
 * Draws the status page model (sync/statusPage/html.ts renders it from the view) with N/ui/serverWidget: one tab per section,
 * field groups of inline values, LIST sublists for tables, and the action form (action, feed, the
 * hidden CSRF token, one submit button). Works without JavaScript: no client script, no buttons
 * that need one; the filter and report links are plain GET links.
 */
import type * as serverWidgetTypes from 'N/ui/serverWidget';
import type { PageModel } from '../sync/statusPage';
import { ACTION_LABELS, PARAM, esc } from '../sync/statusPage';

type Ui = Pick<
  typeof serverWidgetTypes,
  'createForm' | 'FieldType' | 'FieldDisplayType' | 'SublistType' | 'FieldBreakType'
>;

/** Page-specific styles, inside the page (an INLINEHTML field is written as is). */
const STYLE = `<style>
.hc-msg{margin:6px 0 10px;padding:8px 12px;border:1px solid;border-radius:3px;font-size:13px;max-width:1100px}
.hc-msg-confirmation{background:#e6f4e1;border-color:#8ec07c}
.hc-msg-information{background:#e8f0fb;border-color:#8fb1e3}
.hc-msg-warning{background:#fdf5d9;border-color:#e1c15a}
.hc-msg-error{background:#fbe6e4;border-color:#e39b94}
.hc-bad{color:#b3261e;font-weight:bold}
.hc-label{font-size:11px;color:#6f6f6f;text-transform:uppercase;letter-spacing:.3px;margin:3px 0 2px}
.hc-value{font-size:13px;color:#000;line-height:18px}
.hc-health{border-collapse:collapse;margin:4px 0 8px;font-size:13px;max-width:1360px}
.hc-health th{background:#e5e5e5;text-align:left;padding:4px 8px;font-size:11px;text-transform:uppercase;color:#444}
.hc-health td{border-top:1px solid #ddd;padding:5px 8px;vertical-align:top}
.hc-state{font-weight:bold;white-space:nowrap;padding:1px 6px;border-radius:3px}
.hc-healthy{background:#dff0d8;color:#256029}.hc-attention{background:#fdf0c8;color:#7a5400}
.hc-failing{background:#f8d7d4;color:#9b1c14}.hc-not-run-yet{background:#e8eef7;color:#2b4c7e}
.hc-zone{font-size:11px;color:#666}
.hc-btn{font-size:12px;padding:2px 10px;border:1px solid #7a94b8;border-radius:3px;background:#e9eef5;cursor:pointer}
</style>`;

/** The first screen: one line per flow, its state, the cause and the fix (cells escaped here). */
function healthTable(model: PageModel): string {
  const head = ['Flow', 'State', 'Cause', 'What to do', 'Last good run', 'Feeds', 'Rejected rows']
    .map((h) => `<th>${h}</th>`)
    .join('');
  const rows = model.health
    .map(
      (h) =>
        `<tr data-flow="${esc(h.flow)}"><td><b>${esc(h.flow)}</b></td><td><span class="hc-state hc-${h.state.replace(/ /g, '-')}">${esc(h.state.toUpperCase())}</span></td><td>${esc(h.cause)}</td><td>${esc(h.fix)}</td><td>${esc(h.lastGood)}</td><td>${esc(h.feeds)}</td><td>${esc(h.errors)}</td></tr>`,
    )
    .join('');
  return `<table class="hc-health" id="hc-health"><tr>${head}</tr>${rows}</table><div class="hc-zone">${esc(model.zoneNote)}</div>`;
}

export function renderStatusForm(ui: Ui, model: PageModel, footer: string): serverWidgetTypes.Form {
  const form = ui.createForm({ title: model.title });
  const top = form.addField({ id: 'custpage_message', type: ui.FieldType.INLINEHTML, label: 'Message' });
  top.defaultValue =
    STYLE +
    (model.message
      ? `<div class="hc-msg hc-msg-${model.message.kind}" role="status"><b>${esc(model.message.title)}</b>: ${esc(model.message.text)}</div>`
      : '') +
    healthTable(model);

  for (const tab of model.tabs) {
    form.addTab({ id: tab.id, label: tab.label });
    if (tab.id === 'custpage_tab_actions') addActionForm(ui, form, model, tab.id);
    for (const block of tab.blocks) {
      if (block.kind === 'fields') {
        form.addFieldGroup({ id: block.id, label: block.label, tab: tab.id });
        for (const f of block.fields) {
          const field = form.addField({
            id: f.id,
            type: f.html ? ui.FieldType.INLINEHTML : ui.FieldType.TEXT,
            label: f.label,
            container: block.id,
          });
          if (!f.html) field.updateDisplayType({ displayType: ui.FieldDisplayType.INLINE });
          field.updateBreakType({ breakType: ui.FieldBreakType.STARTROW });
          // An INLINEHTML field shows no label in NetSuite: the label goes into the markup.
          field.defaultValue = f.html
            ? `<div class="hc-field"><div class="hc-label">${esc(f.label)}</div><div class="hc-value" data-field="${f.id}">${f.value}</div></div>`
            : f.value;
        }
        continue;
      }
      const sublist = form.addSublist({
        id: block.id,
        type: ui.SublistType.LIST,
        label: block.label,
        tab: tab.id,
      });
      for (const c of block.columns)
        sublist.addField({ id: `custpage_${c.id}`, type: ui.FieldType.TEXT, label: c.label });
      block.rows.forEach((row, line) =>
        row.forEach((cell, i) => {
          // NetSuite refuses an empty sublist value; an empty cell is simply not set.
          if (cell !== '')
            sublist.setSublistValue({ id: `custpage_${block.columns[i].id}`, line, value: cell });
        }),
      );
    }
  }
  const foot = form.addField({ id: 'custpage_footer', type: ui.FieldType.INLINEHTML, label: 'Footer' });
  foot.defaultValue = `<p class="hc-footer" style="color:#666;font-size:11px">${esc(footer)}</p>`;
  return form;
}

function addActionForm(ui: Ui, form: serverWidgetTypes.Form, model: PageModel, tab: string): void {
  form.addFieldGroup({ id: 'custpage_grp_run', label: 'Run an action', tab });
  const action = form.addField({
    id: PARAM.action,
    type: ui.FieldType.SELECT,
    label: 'Action',
    container: 'custpage_grp_run',
  });
  // No action is preselected: a stray click on Run must not start anything.
  action.addSelectOption({ value: '', text: '', isSelected: true });
  for (const [value, text] of Object.entries(ACTION_LABELS)) action.addSelectOption({ value, text });
  // Not mandatory: the Run now and Dry run buttons beside the sections post this form without it.
  const feed = form.addField({
    id: PARAM.feed,
    type: ui.FieldType.SELECT,
    label: 'Feed (dry run)',
    container: 'custpage_grp_run',
  });
  feed.addSelectOption({
    value: '',
    text: model.actions.feeds.length ? '' : '(list the waiting feeds on the Feeds tab first)',
  });
  for (const name of model.actions.feeds) feed.addSelectOption({ value: name, text: name });
  const csrf = form.addField({ id: PARAM.csrf, type: ui.FieldType.TEXT, label: 'Token' });
  csrf.updateDisplayType({ displayType: ui.FieldDisplayType.HIDDEN });
  csrf.defaultValue = model.actions.csrf;
  // NetSuite draws a form's submit button at its top and bottom: the label says which action it runs.
  form.addSubmitButton({ label: 'Run the action chosen on the Actions tab' });
}
