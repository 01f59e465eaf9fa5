/**
 * The File Cabinet: folders are `folder` records in the RecordStore (so N/record and N/search see
 * them), files live here. Behaviour follows the N/file help pages:
 * - contents given to file.create and returned by File.getContents() are limited to 10 MB
 *   (SSS_FILE_CONTENT_SIZE_EXCEEDED; docs/CONTRACTS.md §7 "Limits");
 * - a file name is unique within its folder: saving a file with the name of an existing file in the
 *   same folder overwrites that file and keeps its internal id;
 * - file.load accepts an internal id or a path relative to the File Cabinet root
 *   ('SuiteScripts/x.csv'; N/file FileLoadOptions.id doc comment).
 */
import { nsError } from '../core/errors';
import { RecordStore } from './recordStore';
import type { RecordTypeDef, StoredRecord, FieldDef } from './recordStore';

/** 10 MB, the N/file content limit. */
export const FILE_CONTENT_LIMIT = 10 * 1024 * 1024;

export interface StoredFile {
  id: number;
  name: string;
  folder: number;
  /** file.Type value, e.g. 'CSV', 'PLAINTEXT', 'PDF'. */
  fileType: string;
  /** Text for text types, base64 for binary types. */
  contents: string;
  /** file.Encoding value, e.g. 'UTF-8'. */
  encoding: string;
  isText: boolean;
  /** Bytes. */
  size: number;
  description: string;
  isOnline: boolean;
  isInactive: boolean;
  dateCreated: Date;
  lastModified: Date;
}

export interface FileInput {
  name: string;
  folder: number;
  fileType: string;
  contents: string;
  encoding?: string;
  description?: string;
  isOnline?: boolean;
  isInactive?: boolean;
  /** Overwrite this id (a loaded file saved again). */
  id?: number | null;
}

const TEXT_FILE_TYPES = new Set([
  'CSV',
  'PLAINTEXT',
  'JSON',
  'XMLDOC',
  'HTMLDOC',
  'JAVASCRIPT',
  'STYLESHEET',
  'FREEMARKER',
  'CONFIG',
  'SCSS',
  'XSD',
  'MESSAGERFC',
  'SMS',
  'RTF',
  'WEBAPPPAGE',
  'WEBAPPSCRIPT',
  'APPCACHE',
  'SVG',
  'POSTSCRIPT',
]);

export function isTextFileType(fileType: string): boolean {
  return TEXT_FILE_TYPES.has(String(fileType).toUpperCase());
}

/** Size in bytes of stored contents (UTF-8 text, or decoded base64). */
export function contentBytes(contents: string, isText: boolean): number {
  if (isText) return Buffer.byteLength(contents, 'utf8');
  return Buffer.from(contents, 'base64').length;
}

export function contentTooLarge(): Error {
  return nsError(
    'SSS_FILE_CONTENT_SIZE_EXCEEDED',
    'The file content you are attempting to access exceeds the maximum allowed size of 10 MB.',
  );
}

/** The record definition N/search uses for search type 'file'. */
export const FILE_SEARCH_DEF: RecordTypeDef = {
  type: 'file',
  label: 'File',
  custom: false,
  fields: Object.fromEntries(
    (
      [
        { id: 'name', label: 'Name', type: 'TEXT' },
        { id: 'folder', label: 'Folder', type: 'SELECT', selectType: 'folder' },
        { id: 'filetype', label: 'Type', type: 'TEXT' },
        { id: 'documentsize', label: 'Size (KB)', type: 'INTEGER' },
        { id: 'description', label: 'Description', type: 'TEXTAREA' },
        { id: 'created', label: 'Date Created', type: 'DATETIME' },
        { id: 'modified', label: 'Last Modified', type: 'DATETIME' },
        { id: 'isavailable', label: 'Available Without Login', type: 'CHECKBOX' },
        { id: 'isinactive', label: 'Inactive', type: 'CHECKBOX' },
        { id: 'url', label: 'URL', type: 'URL' },
      ] as FieldDef[]
    ).map((d) => [d.id, d]),
  ),
  sublists: {},
  computed: {},
  displayText: (r) => String(r.values.name ?? ''),
};

export class FileCabinet {
  private readonly files = new Map<number, StoredFile>();
  /** `${folder}/${lowercased name}` → file id */
  private readonly byName = new Map<string, number>();
  private nextId = 1;
  private ver = 0;

  readonly records: RecordStore;
  private readonly clock: () => Date;

  /** `new FileCabinet(store)` or `new FileCabinet(account)` (an object with `records` and `now()`). */
  constructor(arg: RecordStore | { records: RecordStore; now(): Date }, clock?: () => Date) {
    if (arg instanceof RecordStore) {
      this.records = arg;
      this.clock = clock ?? (() => arg.options.now());
    } else {
      this.records = arg.records;
      this.clock = clock ?? (() => arg.now());
    }
  }

  /** Incremented on each change (search caching). */
  version(): number {
    return this.ver;
  }

  // ---------------------------------------------------------------------------- folders

  /** Creates a folder record (no governance); returns its id. */
  createFolder(name: string, parent?: number | null): number {
    const values: Record<string, unknown> = { name };
    if (parent !== undefined && parent !== null) values.parent = String(parent);
    return this.records.create('folder', values);
  }

  folder(id: number | string): StoredRecord | undefined {
    return this.records.get('folder', id);
  }

  /** The folder named `name` under `parent` (top level when parent is null/undefined). */
  findFolder(name: string, parent?: number | null): number | undefined {
    const p = parent === undefined || parent === null ? '' : String(parent);
    const n = name.toLowerCase();
    for (const r of this.records.all('folder')) {
      if (String(r.values.parent ?? '') === p && String(r.values.name).toLowerCase() === n) return r.id;
    }
    return undefined;
  }

  /** Folders named `name` anywhere. */
  findFoldersByName(name: string): number[] {
    const n = name.toLowerCase();
    return this.records.find('folder', (r) => String(r.values.name).toLowerCase() === n).map((r) => r.id);
  }

  /** 'SuiteScripts/HotWaxCustomerSync' for a folder id. */
  folderPath(id: number): string {
    const parts: string[] = [];
    let cur = this.folder(id);
    let guard = 0;
    while (cur && guard++ < 100) {
      parts.unshift(String(cur.values.name));
      const p = cur.values.parent;
      cur = p === undefined || p === null || p === '' ? undefined : this.folder(p as string);
    }
    return parts.join('/');
  }

  /** Folder id for a path like 'SuiteScripts/HotWax' (leading '/' allowed); creates missing folders when asked. */
  resolveFolderPath(folderPath: string, create = false): number | undefined {
    const parts = folderPath.split('/').filter((p) => p !== '');
    let parent: number | null = null;
    for (const part of parts) {
      let id = this.findFolder(part, parent);
      if (id === undefined) {
        if (!create) return undefined;
        id = this.createFolder(part, parent);
      }
      parent = id;
    }
    return parent ?? undefined;
  }

  // ---------------------------------------------------------------------------- files

  get(id: number | string): StoredFile | undefined {
    return this.files.get(Number(id));
  }

  /** File by 'Folder/Sub/name.csv' (leading '/' allowed). */
  getByPath(filePath: string): StoredFile | undefined {
    const clean = filePath.replace(/^\/+/, '');
    const i = clean.lastIndexOf('/');
    if (i < 0) return undefined; // files cannot live in the root
    const folder = this.resolveFolderPath(clean.slice(0, i));
    if (folder === undefined) return undefined;
    return this.getByName(folder, clean.slice(i + 1));
  }

  getByName(folder: number, name: string): StoredFile | undefined {
    const id = this.byName.get(`${folder}/${name.toLowerCase()}`);
    return id === undefined ? undefined : this.files.get(id);
  }

  /** Path of a file relative to the root, e.g. 'SuiteScripts/out.csv'. */
  pathOf(file: StoredFile): string {
    return `${this.folderPath(file.folder)}/${file.name}`;
  }

  /** Files in a folder (sorted by id). */
  list(folder?: number): StoredFile[] {
    const all = [...this.files.values()];
    return folder === undefined ? all : all.filter((f) => f.folder === folder);
  }

  /**
   * Saves a file: a same-named file in the same folder is overwritten (its id is kept), as the File
   * Cabinet does. Returns the id.
   */
  save(input: FileInput): number {
    if (!input.name) throw nsError('USER_ERROR', 'Please enter value(s) for: Name');
    if (input.folder === undefined || input.folder === null || Number.isNaN(Number(input.folder))) {
      throw nsError('USER_ERROR', 'Please enter value(s) for: Folder');
    }
    const folder = Number(input.folder);
    if (!this.folder(folder)) throw nsError('INVALID_KEY_OR_REF', `Invalid folder reference key ${folder}.`);
    const now = this.clock();
    const isText = isTextFileType(input.fileType);
    const key = `${folder}/${input.name.toLowerCase()}`;
    const sameName = this.byName.get(key);
    let id: number;
    let created = now;
    if (input.id !== undefined && input.id !== null && this.files.has(Number(input.id))) {
      id = Number(input.id);
      if (sameName !== undefined && sameName !== id) this.remove(sameName);
      const old = this.files.get(id)!;
      created = old.dateCreated;
      this.byName.delete(`${old.folder}/${old.name.toLowerCase()}`);
    } else if (sameName !== undefined) {
      id = sameName;
      created = this.files.get(id)!.dateCreated;
    } else {
      id = this.nextId++;
    }
    const stored: StoredFile = {
      id,
      name: input.name,
      folder,
      fileType: String(input.fileType).toUpperCase(),
      contents: input.contents,
      encoding: input.encoding ?? 'UTF-8',
      isText,
      size: contentBytes(input.contents, isText),
      description: input.description ?? '',
      isOnline: input.isOnline ?? false,
      isInactive: input.isInactive ?? false,
      dateCreated: created,
      lastModified: now,
    };
    this.files.set(id, stored);
    this.byName.set(key, id);
    this.ver++;
    return id;
  }

  /** Deletes a file; RCRD_DSNT_EXIST when there is none. */
  delete(id: number | string): void {
    if (!this.files.has(Number(id))) throw nsError('RCRD_DSNT_EXIST', 'That record does not exist.');
    this.remove(Number(id));
  }

  private remove(id: number): void {
    const f = this.files.get(id);
    if (!f) return;
    this.files.delete(id);
    this.byName.delete(`${f.folder}/${f.name.toLowerCase()}`);
    this.ver++;
  }

  /** Test helper: put a text file at a path, creating folders. */
  putText(filePath: string, contents: string, fileType = 'PLAINTEXT'): number {
    const clean = filePath.replace(/^\/+/, '');
    const i = clean.lastIndexOf('/');
    if (i < 0) throw new Error('a file needs a folder');
    const folder = this.resolveFolderPath(clean.slice(0, i), true)!;
    return this.save({ name: clean.slice(i + 1), folder, fileType, contents });
  }

  /** Files as search rows (search type 'file'). */
  searchRows(): StoredRecord[] {
    return [...this.files.values()].map((f) => ({
      id: f.id,
      type: 'file',
      values: {
        name: f.name,
        folder: String(f.folder),
        filetype: f.fileType,
        documentsize: Math.ceil(f.size / 1024),
        description: f.description,
        created: f.dateCreated,
        modified: f.lastModified,
        isavailable: f.isOnline,
        isinactive: f.isInactive,
        url: `/core/media/media.nl?id=${f.id}`,
      },
      sublists: {},
    }));
  }
}
