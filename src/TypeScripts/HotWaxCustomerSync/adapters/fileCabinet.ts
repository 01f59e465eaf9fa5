/**
 * File Cabinet folders and files: a folder by id or name (created when missing) with its
 * description, the files in a folder, a file's text and its move into another folder.
 * Each charged call is named with its units.
 */
import type * as searchTypes from 'N/search';
import type * as recordTypes from 'N/record';
import type * as fileTypes from 'N/file';
import { allResults } from './searchResults';

type Search = Pick<typeof searchTypes, 'create' | 'createColumn' | 'lookupFields' | 'Sort'>;

/** Folder internal id by id or name (see folderWithDescription); null when missing and not to be created. */
export function findFolder(
  m: { search: Search; record: Pick<typeof recordTypes, 'create'> },
  nameOrId: string,
  create: boolean,
): string | null {
  return folderWithDescription(m, nameOrId, create)?.id ?? null;
}

/**
 * A File Cabinet folder (by internal id or name) and its description: one search page (10 units),
 * or a lookup (1 unit) when given an id; created when missing (15 units).
 */
export function folderWithDescription(
  m: { search: Search; record: Pick<typeof recordTypes, 'create'> },
  nameOrId: string,
  create = true,
): { id: string; description: string } | null {
  if (/^\d+$/.test(nameOrId)) {
    const found = m.search.lookupFields({ type: 'folder', id: nameOrId, columns: ['description'] });
    return { id: nameOrId, description: String(found.description ?? '') };
  }
  const rows = m.search
    .create({
      type: 'folder',
      filters: [['name', 'is', nameOrId]],
      columns: [m.search.createColumn({ name: 'internalid', sort: m.search.Sort.ASC }), 'description'],
    })
    .run()
    .getRange({ start: 0, end: 1 });
  if (rows.length > 0)
    return { id: String(rows[0].id), description: String(rows[0].getValue({ name: 'description' }) ?? '') };
  if (!create) return null;
  const folder = m.record.create({ type: 'folder' });
  folder.setValue({ fieldId: 'name', value: nameOrId });
  return { id: String(folder.save()), description: '' };
}

/** Files in a folder, oldest first (by internal id, which grows with creation). */
export function filesInFolder(
  search: Search,
  folderId: string,
  onlyCsv = true,
): { id: string; name: string }[] {
  const s = search.create({
    type: 'file',
    filters: [['folder', 'anyof', folderId]],
    columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC }), 'name'],
  });
  return allResults(s)
    .map((r) => ({ id: String(r.id), name: String(r.getValue({ name: 'name' }) ?? '') }))
    .filter((f) => !onlyCsv || /\.csv$/i.test(f.name));
}

/** A File Cabinet file's text (10 units) and its move into the archive folder (10 + 20 units). */
export function cabinetFiles(
  file: Pick<typeof fileTypes, 'load'>,
  archiveFolderId: string,
): { load(id: string): string; archive(id: string): void } {
  return {
    load: (id) => file.load({ id }).getContents(),
    archive: (id) => {
      const f = file.load({ id });
      f.folder = Number(archiveFolderId);
      f.save();
    },
  };
}
