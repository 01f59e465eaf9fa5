/**
 * N/file over the account's FileCabinet. Governance (NetSuite help; docs/CONTRACTS.md §6): file.create 0,
 * file.load 10, File.save / file.delete / file.copy 20. Contents given to file.create and returned
 * by getContents() are limited to 10 MB (SSS_FILE_CONTENT_SIZE_EXCEEDED); appendLine and
 * lines.iterator() limit each line to 10 MB; File.save stores larger files.
 */
import type * as fileTypes from 'N/file';
import type { ExecutionContext } from '../core/context';
import { nsError } from '../core/errors';
import { COSTS } from '../core/governance';
import {
  FILE_CONTENT_LIMIT,
  contentBytes,
  contentTooLarge,
  isTextFileType,
  type StoredFile,
} from '../data/fileCabinet';
import { missingArgument } from './record/common';
import { stubMissingMembers } from '../sandbox/notEmulated';

const TYPES = [
  'APPCACHE',
  'AUTOCAD',
  'BMPIMAGE',
  'CERTIFICATE',
  'CONFIG',
  'CSV',
  'EXCEL',
  'FLASH',
  'FREEMARKER',
  'GIFIMAGE',
  'GZIP',
  'HTMLDOC',
  'ICON',
  'JAVASCRIPT',
  'JPGIMAGE',
  'JSON',
  'MESSAGERFC',
  'MP3',
  'MPEGMOVIE',
  'MSPROJECT',
  'PDF',
  'PJPGIMAGE',
  'PLAINTEXT',
  'PNGIMAGE',
  'POSTSCRIPT',
  'POWERPOINT',
  'QUICKTIME',
  'RTF',
  'SCSS',
  'SMS',
  'STYLESHEET',
  'SVG',
  'TAR',
  'TIFFIMAGE',
  'VISIO',
  'WEBAPPPAGE',
  'WEBAPPSCRIPT',
  'WORD',
  'XMLDOC',
  'XSD',
  'ZIP',
];
/** file.Type: values are the type names ('CSV', 'PLAINTEXT', …). */
export const FileType = Object.freeze(Object.fromEntries(TYPES.map((t) => [t, t])));
/** file.Encoding: NetSuite's encoding names. */
export const Encoding = Object.freeze({
  UTF_8: 'UTF-8',
  WINDOWS_1252: 'windows-1252',
  ISO_8859_1: 'ISO-8859-1',
  GB18030: 'GB18030',
  SHIFT_JIS: 'SHIFT_JIS',
  MAC_ROMAN: 'MacRoman',
  GB2312: 'GB2312',
  BIG5: 'Big5',
});
export const NameConflictResolution = Object.freeze({
  FAIL: 'FAIL',
  OVERWRITE: 'OVERWRITE',
  RENAME_TO_UNIQUE: 'RENAME_TO_UNIQUE',
});

type Opts = Record<string, unknown>;

interface FileState {
  id: number | null;
  name: string;
  folder: number | null;
  fileType: string;
  contents: string;
  encoding: string;
  description: string;
  isOnline: boolean;
  isInactive: boolean;
}

function splitLines(s: string): string[] {
  if (s === '') return [];
  const lines = s.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A file.File: unsaved (file.create, N/sftp download) or loaded. */
export class EmFile {
  private readonly st: FileState;
  private cursor = 0;

  constructor(
    private readonly ctx: ExecutionContext,
    st: FileState,
  ) {
    this.st = st;
  }

  get id(): number | null {
    return this.st.id;
  }
  get name(): string {
    return this.st.name;
  }
  set name(v: string) {
    this.st.name = String(v);
  }
  get folder(): number | null {
    return this.st.folder;
  }
  set folder(v: number | null) {
    this.st.folder = v === null || v === undefined ? null : Number(v);
  }
  get fileType(): string {
    return this.st.fileType;
  }
  get encoding(): string {
    return this.st.encoding;
  }
  set encoding(v: string) {
    this.st.encoding = String(v);
  }
  get description(): string {
    return this.st.description;
  }
  set description(v: string) {
    this.st.description = String(v ?? '');
  }
  get isOnline(): boolean {
    return this.st.isOnline;
  }
  set isOnline(v: boolean) {
    this.st.isOnline = !!v;
  }
  get isInactive(): boolean {
    return this.st.isInactive;
  }
  set isInactive(v: boolean) {
    this.st.isInactive = !!v;
  }
  get isText(): boolean {
    return isTextFileType(this.st.fileType);
  }
  get size(): number {
    return contentBytes(this.st.contents, this.isText);
  }
  get path(): string {
    if (this.st.folder === null) return this.st.name;
    return `${this.ctx.account.files.folderPath(this.st.folder)}/${this.st.name}`;
  }
  get url(): string {
    return this.st.id === null ? '' : `/core/media/media.nl?id=${this.st.id}&c=${this.ctx.account.accountId}`;
  }

  getContents(): string {
    if (this.size > FILE_CONTENT_LIMIT) throw contentTooLarge();
    return this.st.contents;
  }

  appendLine(options: unknown): this {
    const o = (options ?? {}) as Opts;
    if (o.value === undefined || o.value === null) throw missingArgument('File.appendLine', 'value');
    const line = String(o.value);
    if (Buffer.byteLength(line, 'utf8') > FILE_CONTENT_LIMIT) throw contentTooLarge();
    if (!this.isText)
      throw nsError('SSS_INVALID_TYPE_ARG', 'File.appendLine is only available for text files.');
    const c = this.st.contents;
    this.st.contents = c === '' || c.endsWith('\n') ? `${c}${line}\n` : `${c}\n${line}\n`;
    return this;
  }

  get lines(): { iterator: () => { each: (cb: (l: { value: string }) => boolean) => void } } {
    return {
      iterator: () => ({
        each: (cb) => {
          for (const value of splitLines(this.st.contents)) {
            if (Buffer.byteLength(value, 'utf8') > FILE_CONTENT_LIMIT) throw contentTooLarge();
            if (cb({ value }) === false) break;
          }
        },
      }),
    };
  }

  getReader(): {
    readUntil: (o: { tag: string }) => string | null;
    readChars: (o: { number: number }) => string | null;
  } {
    return {
      readUntil: ({ tag }) => {
        const c = this.st.contents;
        if (this.cursor >= c.length) return null;
        const i = c.indexOf(tag, this.cursor);
        const end = i < 0 ? c.length : i + tag.length;
        const out = c.slice(this.cursor, end);
        this.cursor = end;
        return out;
      },
      readChars: ({ number }) => {
        const c = this.st.contents;
        if (this.cursor >= c.length) return null;
        const out = c.slice(this.cursor, this.cursor + number);
        this.cursor += out.length;
        return out;
      },
    };
  }

  getSegments(options: unknown): { each: (cb: (s: { value: string }) => boolean) => void } {
    const sep = String(((options ?? {}) as Opts).separator ?? '');
    if (sep === '') throw missingArgument('File.getSegments', 'separator');
    return {
      each: (cb) => {
        const c = this.st.contents;
        let pos = 0;
        while (pos < c.length) {
          const i = c.indexOf(sep, pos);
          const end = i < 0 ? c.length : i + sep.length;
          if (cb({ value: c.slice(pos, end) }) === false) break;
          pos = end;
        }
      },
    };
  }

  resetStream(): void {
    this.cursor = 0;
  }

  save(): number {
    this.ctx.charge('File.save', COSTS.fileSave);
    const id = this.ctx.account.files.save({
      id: this.st.id,
      name: this.st.name,
      folder: this.st.folder as number,
      fileType: this.st.fileType,
      contents: this.st.contents,
      encoding: this.st.encoding,
      description: this.st.description,
      isOnline: this.st.isOnline,
      isInactive: this.st.isInactive,
    });
    this.st.id = id;
    return id;
  }

  toString(): string {
    return 'file.File';
  }

  toJSON(): Opts {
    return {
      type: 'file.File',
      id: this.st.id === null ? null : String(this.st.id),
      name: this.st.name,
      description: this.st.description,
      path: this.path,
      url: this.url,
      folder: this.st.folder === null ? null : String(this.st.folder),
      fileType: this.st.fileType,
      isText: this.isText,
      size: this.size,
      encoding: this.st.encoding,
      isInactive: this.st.isInactive,
      isOnline: this.st.isOnline,
    };
  }
}

function fromStored(ctx: ExecutionContext, f: StoredFile): EmFile {
  return new EmFile(ctx, {
    id: f.id,
    name: f.name,
    folder: f.folder,
    fileType: f.fileType,
    contents: f.contents,
    encoding: f.encoding,
    description: f.description,
    isOnline: f.isOnline,
    isInactive: f.isInactive,
  });
}

/** An unsaved File (no governance): what N/sftp's Connection.download returns. */
export function createUnsavedFile(
  ctx: ExecutionContext,
  o: { name: string; fileType: string; contents: string; encoding?: string; folder?: number },
): fileTypes.File {
  return new EmFile(ctx, {
    id: null,
    name: o.name,
    folder: o.folder ?? null,
    fileType: String(o.fileType).toUpperCase(),
    contents: o.contents,
    encoding: o.encoding ?? 'UTF-8',
    description: '',
    isOnline: false,
    isInactive: false,
  }) as unknown as fileTypes.File;
}

/** A File Cabinet file by internal id or path (RCRD_DSNT_EXIST when there is none). */
function findFile(ctx: ExecutionContext, idOrPath: unknown): StoredFile {
  const s = String(idOrPath);
  const f = /^\d+$/.test(s) ? ctx.account.files.get(Number(s)) : ctx.account.files.getByPath(s);
  if (!f) throw nsError('RCRD_DSNT_EXIST', 'That record does not exist.');
  return f;
}

/** file.copy (help "file.copy(options)"): into a folder, a name conflict failing, overwriting or renamed. */
function copyFile(ctx: ExecutionContext, options: unknown): EmFile {
  const cabinet = () => ctx.account.files;
  const o = (options ?? {}) as Opts;
  if (o.id === undefined || o.id === null) throw missingArgument('file.copy', 'id');
  if (o.folder === undefined || o.folder === null) throw missingArgument('file.copy', 'folder');
  ctx.charge('file.copy', COSTS.fileCopy);
  const src = findFile(ctx, o.id);
  const folder = Number(o.folder);
  const mode = String(o.conflictResolution ?? 'FAIL').toUpperCase();
  let name = src.name;
  if (cabinet().getByName(folder, name)) {
    if (mode === 'FAIL') {
      throw nsError('FILE_ALREADY_EXISTS', `A file named ${name} already exists in the destination folder.`);
    }
    if (mode === 'RENAME_TO_UNIQUE') {
      const dot = name.lastIndexOf('.');
      const base = dot > 0 ? name.slice(0, dot) : name;
      const ext = dot > 0 ? name.slice(dot) : '';
      let n = 1;
      while (cabinet().getByName(folder, `${base} (${n})${ext}`)) n++;
      name = `${base} (${n})${ext}`;
    }
  }
  const id = cabinet().save({ ...src, id: null, name, folder });
  return fromStored(ctx, cabinet().get(id)!);
}

/** N/file for one execution. */
export function createFileModule(ctx: ExecutionContext): typeof fileTypes {
  const cabinet = () => ctx.account.files;

  const find = (idOrPath: unknown): StoredFile => findFile(ctx, idOrPath);

  const create = (options: unknown): EmFile => {
    const o = (options ?? {}) as Opts;
    if (!o.name) throw missingArgument('file.create', 'name');
    if (!o.fileType) throw missingArgument('file.create', 'fileType');
    ctx.charge('file.create', 0);
    const fileType = String(o.fileType).toUpperCase();
    const contents = o.contents === undefined || o.contents === null ? '' : String(o.contents);
    if (contentBytes(contents, isTextFileType(fileType)) > FILE_CONTENT_LIMIT) throw contentTooLarge();
    return new EmFile(ctx, {
      id: null,
      name: String(o.name),
      folder: o.folder === undefined || o.folder === null ? null : Number(o.folder),
      fileType,
      contents,
      encoding: o.encoding ? String(o.encoding) : 'UTF-8',
      description: o.description ? String(o.description) : '',
      isOnline: o.isOnline === true,
      isInactive: o.isInactive === true,
    });
  };

  const load = (options: unknown): EmFile => {
    const idOrPath = options && typeof options === 'object' ? (options as Opts).id : options;
    if (idOrPath === undefined || idOrPath === null || idOrPath === '')
      throw missingArgument('file.load', 'id');
    ctx.charge('file.load', COSTS.fileLoad);
    return fromStored(ctx, find(idOrPath));
  };

  const del = (options: unknown): void => {
    const id = options && typeof options === 'object' ? (options as Opts).id : options;
    if (id === undefined || id === null || id === '') throw missingArgument('file.delete', 'id');
    ctx.charge('file.delete', COSTS.fileDelete);
    cabinet().delete(find(id).id);
  };

  const mod = {
    Type: FileType,
    Encoding,
    NameConflictResolution,
    create,
    load,
    delete: del,
    copy: (options: unknown): EmFile => copyFile(ctx, options),
  };
  return mod as unknown as typeof fileTypes;
}

// members of NetSuite's File the emulator lacks throw "not emulated" (sandbox/notEmulated.ts)
stubMissingMembers(EmFile.prototype, 'N/file.File');
