/**
 * File Cabinet folders and files: a folder by id or name (created when missing) with its
 * description, the files in a folder, a file's text and its move into another folder.
 * Each charged call is named with its units.
 */
import type * as searchTypes from 'N/search';
import type * as recordTypes from 'N/record';
import type * as fileTypes from 'N/file';
import { allResults } from './searchResults';
import { describeError } from '../core/errors';
import type { FeedCopies, FeedCopyRef } from '../sync/ports';

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
 * A File Cabinet folder (by internal id or name) and its description: a paged search, 5 units
 * (Search.runPaged) and 5 more (PagedData.fetch) only when the folder is there, or a lookup (1 unit)
 * when given an id; created when missing (15 units).
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
  const paged = m.search
    .create({
      type: 'folder',
      filters: [['name', 'is', nameOrId]],
      columns: [m.search.createColumn({ name: 'internalid', sort: m.search.Sort.ASC }), 'description'],
    })
    .runPaged();
  const [row] = paged.count ? paged.fetch({ index: 0 }).data : [];
  if (row) return { id: String(row.id), description: String(row.getValue({ name: 'description' }) ?? '') };
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

/** Our File Cabinet folder for copies of the feed in progress (created when missing; never HotWax's). */
export const FEED_COPY_FOLDER = 'HotWax Customer Feed In Progress';

/**
 * Copies of the customer feed in progress, so an execution that continues a feed reads it back
 * (file.load 10 units) instead of downloading it again (100). Every failure but running out of units
 * is "no copy": the caller downloads instead.
 */
export function feedCopies(m: {
  search: Search;
  record: Pick<typeof recordTypes, 'create'>;
  file: Pick<typeof fileTypes, 'create' | 'load' | 'delete' | 'Type'>;
}): FeedCopies {
  const quiet = <T>(fallback: T, op: () => T): T => {
    try {
      return op();
    } catch (e) {
      if (describeError(e).code === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
      return fallback;
    }
  };
  /** The copy's file id: the one kept, else the file of its name in its folder (one search page). */
  const idOf = (c: FeedCopyRef): string | null =>
    c.fileId ??
    m.search
      .create({
        type: 'file',
        filters: [['folder', 'anyof', c.folderId], 'AND', ['name', 'is', c.name]],
        columns: [m.search.createColumn({ name: 'internalid', sort: m.search.Sort.ASC })],
      })
      .run()
      .getRange({ start: 0, end: 1 })
      .map((r) => String(r.id))[0] ??
    null;
  return {
    folder: () => quiet(null, () => findFolder(m, FEED_COPY_FOLDER, true)),
    save: (folderId, name, text) =>
      quiet(null, () =>
        String(
          m.file.create({ name, fileType: m.file.Type.CSV, contents: text, folder: Number(folderId) }).save(),
        ),
      ),
    load: (c) =>
      quiet(null, () => {
        const id = idOf(c);
        if (!id) return null;
        const f = m.file.load({ id });
        // Only the file saved as this copy (a file id reused for another file is not it).
        if (String(f.folder) !== c.folderId || f.name !== c.name) return null;
        return { id, text: f.getContents() };
      }),
    remove: (c) =>
      quiet(undefined, () => {
        const id = idOf(c);
        if (id) m.file.delete({ id });
      }),
  };
}
