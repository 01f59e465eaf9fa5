/**
 * The status page's rendering: the view model (./types.ts PageView, text and pieces) as the page
 * model adapters/statusForm.ts draws, whose table cells and rich field values are HTML. Every text
 * that comes from a feed, a report or a record is escaped here, because list cells and INLINEHTML
 * fields are HTML in NetSuite; plain field values stay text, which the form escapes itself.
 */
import type { Block, BlockView, Piece, PageModel, PageView } from './types';

export function esc(s: unknown): string {
  return String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

export function pieceHtml(p: Piece): string {
  if (typeof p === 'string') return esc(p);
  if ('link' in p) return `<a href="${esc(p.link)}">${esc(p.text)}</a>`;
  if ('strong' in p) return `<b>${esc(p.strong)}</b>`;
  if ('bad' in p) return `<span class="hc-bad">${esc(p.bad)}</span>`;
  if ('br' in p) return '<br>';
  if ('button' in p) {
    const { name, value, label } = p.button;
    return `<button type="submit" class="hc-btn" name="${esc(name)}" value="${esc(value)}">${esc(label)}</button>`;
  }
  return p.markup;
}

export const richHtml = (r: Piece | Piece[]): string => (Array.isArray(r) ? r : [r]).map(pieceHtml).join('');

function blockModel(b: BlockView): Block {
  if (b.kind === 'table') return { ...b, rows: b.rows.map((row) => row.map(richHtml)) };
  return {
    ...b,
    fields: b.fields.map((f) =>
      typeof f.value === 'string' ? { ...f, value: f.value } : { ...f, value: richHtml(f.value), html: true },
    ),
  };
}

/** The page model of a view: the same page, its pieces drawn as HTML. */
export function renderPage(view: PageView): PageModel {
  return { ...view, tabs: view.tabs.map((t) => ({ ...t, blocks: t.blocks.map(blockModel) })) };
}
