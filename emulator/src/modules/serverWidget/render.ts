/**
 * serverWidget's pages as HTML: a form (renderForm) or list (renderList) inside NetSuite's page chrome,
 * close enough to a NetSuite page to be used in a browser without JavaScript. LIST/STATICLIST cells are
 * written as HTML (as NetSuite writes them), INLINEHTML fields as is, everything else escaped.
 */
import type { Form, Item, List } from './form';
import type { Button, Field, FieldGroup, Sublist } from './widgets';

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
  const tabContent = tabContents(form);
  const messages = form.messages
    .map(
      (m) => `<div class="ns-msg" role="status"><b>${escapeHtml(m.title)}</b> ${escapeHtml(m.message)}</div>`,
    )
    .join('');
  const links = form.pageLinks.length
    ? `<div class="ns-links">${form.pageLinks.map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.title)}</a>`).join(' | ')}</div>`
    : '';
  const { tabBar, tabs } = tabsHtml(form, chrome, tabContent);
  const buttons = buttonsHtml(form.buttons);
  const body = `<form method="POST" action="${escapeHtml(chrome.action)}" enctype="application/x-www-form-urlencoded" accept-charset="utf-8" id="main_form">
<h1 class="ns-title">${escapeHtml(form.title)}</h1>${links}${buttons}${messages}${tabContent(undefined)}${tabBar}${tabs}${tabs ? buttons : ''}</form>`;
  return pageHtml(form.title, chrome, body);
}

/** Fields (side by side until a sublist) and sublists, in the order given. */
function itemsHtml(items: Item[]): string {
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
}

/** The HTML of a tab's field groups and sublists (undefined: the main area), in the order they were added. */
function tabContents(form: Form): (tabId: string | undefined) => string {
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
  const groupHtml = (g: FieldGroup) =>
    `<div class="ns-group" id="${escapeHtml(g.id)}">${g.isBorderHidden ? '' : `<h3>${escapeHtml(g.label)}</h3>`}${itemsHtml(byContainer.get(`group:${g.id}`) ?? [])}</div>`;
  return (tabId) => {
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
}

/**
 * The tab bar and the tabs (with their subtabs). One tab's content at a time, the active one marked, as
 * NetSuite shows tabs; chosen without JavaScript by the URL's selectedtab parameter (NetSuite's own tab
 * URLs use it), else the first. The other tabs stay in the form (hidden), so their fields are still posted.
 */
function tabsHtml(
  form: Form,
  chrome: PageChrome,
  tabContent: (tabId: string | undefined) => string,
): { tabBar: string; tabs: string } {
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
  return { tabBar, tabs };
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
