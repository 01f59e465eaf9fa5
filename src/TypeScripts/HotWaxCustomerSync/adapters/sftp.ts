/**
 * SFTP operations the sync needs, over an N/sftp Connection:
 * - list a folder's CSV files, oldest first (directories, dot-files and other files ignored);
 * - atomic upload: write under a temporary name, then move into place, so HotWax never reads half a
 *   file; uploading the same name again (after a crash) replaces it, leaving one copy; a failed move
 *   removes the temporary file, and what a crash left is removed by the next run (removeLeftovers,
 *   removeTemporary);
 * - move into archive/ or failed/ without ever overwriting what is already there;
 * - create missing folders.
 * Paths are relative to the connection's directory (the configured default directory).
 */
import type * as sftpTypes from 'N/sftp';
import type * as fileTypes from 'N/file';
import { alternativeName, isCsv, temporaryName, uniqueSuffix } from '../core/fileNames';
import { FILE_CONTENT_LIMIT } from '../core/limits';

export { FILE_CONTENT_LIMIT, SFTP_MAX_FILE_SIZE } from '../core/limits';

export interface RemoteFile {
  name: string;
  size: number;
  lastModified: Date;
}

/** An entry of a folder listing as N/sftp gives it (directories included). */
export interface RemoteEntry extends RemoteFile {
  directory: boolean;
}

export interface SftpModules {
  sftp: Pick<typeof sftpTypes, 'createConnection' | 'Sort'>;
  file: Pick<typeof fileTypes, 'create' | 'Type' | 'Encoding'>;
}

const join = (dir: string, name: string) => (dir ? `${dir.replace(/\/$/, '')}/${name}` : name);

function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const d = new Date(String(v));
  return isNaN(d.getTime()) ? new Date(0) : d;
}

export class SftpFolderClient {
  private readonly knownDirs = new Set<string>();
  /** Folders taken to exist (assumeDirectory): no makeDirectory before their first operation. */
  private readonly assumedDirs = new Set<string>();

  constructor(
    private readonly connection: sftpTypes.Connection,
    private readonly modules: SftpModules,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** CSV files in `dir`, oldest first, then by name. */
  listCsv(dir: string): RemoteFile[] {
    const entries = this.connection.list({ path: dir, sort: this.modules.sftp.Sort.DATE });
    this.knownDirs.add(dir);
    return entries
      .filter((e) => !e.directory && isCsv(e.name))
      .map((e) => ({ name: e.name, size: Number(e.size) || 0, lastModified: toDate(e.lastModified) }))
      .sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime() || (a.name < b.name ? -1 : 1));
  }

  /** Every entry of `dir` (no `.`/`..`), oldest first, then by name: the caller decides what to use. */
  listEntries(dir: string): RemoteEntry[] {
    const entries = this.connection.list({ path: dir, sort: this.modules.sftp.Sort.DATE });
    this.knownDirs.add(dir);
    return entries
      .filter((e) => e.name !== '.' && e.name !== '..')
      .map((e) => ({
        name: e.name,
        directory: !!e.directory,
        size: Number(e.size) || 0,
        lastModified: toDate(e.lastModified),
      }))
      .sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime() || (a.name < b.name ? -1 : 1));
  }

  /**
   * A text file's contents. Up to 10 MB through getContents(); above, line by line through
   * `File.lines.iterator()` (NetSuite's flat-file streaming), the lines joined with LF (every reader
   * here accepts LF; a CRLF inside a quoted value becomes LF). Throws NetSuite's own errors: above
   * 100,000,000 bytes the download itself fails, and a single line over 10 MB fails the iterator.
   */
  download(dir: string, name: string): string {
    const file = this.connection.download({ directory: dir, filename: name });
    if (Number(file.size) <= FILE_CONTENT_LIMIT) return file.getContents();
    const lines: string[] = [];
    file.lines.iterator().each((line: { value: string }) => {
      lines.push(line.value);
      return true;
    });
    return lines.length ? `${lines.join('\n')}\n` : '';
  }

  /** Write `contents` as `dir/name` atomically; an existing `dir/name` is replaced. */
  uploadAtomic(dir: string, name: string, contents: string): void {
    const temp = temporaryName(name);
    const file = this.modules.file.create({
      name: temp,
      fileType: this.modules.file.Type.CSV,
      contents,
      encoding: this.modules.file.Encoding.UTF_8,
    });
    try {
      this.withDirectory(dir, () =>
        this.connection.upload({ directory: dir, filename: temp, file, replaceExisting: true }),
      );
    } catch (e) {
      // A write that failed half-way (disk full, connection reset) may have left part of the file.
      this.safeRemove(join(dir, temp));
      throw e;
    }
    try {
      this.connection.move({ from: join(dir, temp), to: join(dir, name) });
    } catch (first) {
      // The name is taken: this is a re-upload after a crash. Replace it so one copy remains.
      try {
        this.connection.removeFile({ path: join(dir, name) });
        this.connection.move({ from: join(dir, temp), to: join(dir, name) });
      } catch {
        // Never leave the temporary file behind when the move cannot be done.
        this.safeRemove(join(dir, temp));
        throw first;
      }
    }
  }

  /**
   * Removes what an upload interrupted by a crash left in `dir` (`.<name>.part`): one listing
   * (10 units) and 10 units per file. Only for folders no other execution is uploading to at the
   * time (the import holds its lease); the id export lists and spares the other deployment's upload.
   */
  removeLeftovers(dir: string): string[] {
    let entries: { directory: boolean; name: string }[];
    try {
      entries = this.connection.list({ path: dir, sort: this.modules.sftp.Sort.NAME });
    } catch {
      return []; // no such folder yet: nothing left over
    }
    const removed: string[] = [];
    for (const e of entries)
      if (!e.directory && /^\..+\.part$/.test(e.name)) {
        this.safeRemove(join(dir, e.name));
        removed.push(e.name);
      }
    return removed;
  }

  /** Removes the temporary file of an upload of `dir/name`, if a crash left it (10 units). */
  removeTemporary(dir: string, name: string): void {
    this.safeRemove(join(dir, temporaryName(name)));
  }

  /**
   * Move `fromDir/name` into `toDir`, under a new name if `toDir/name` exists (`alternative`, or a
   * timestamped one). Returns the name used.
   */
  moveWithoutOverwrite(fromDir: string, name: string, toDir: string, alternative?: string): string {
    const from = join(fromDir, name);
    try {
      this.withDirectory(toDir, () => this.connection.move({ from, to: join(toDir, name) }), true);
      return name;
    } catch (first) {
      // SFTP's rename never replaces a file: the name is taken, so keep both under another name.
      const other = alternative ?? alternativeName(name, this.now(), uniqueSuffix());
      try {
        this.connection.move({ from, to: join(toDir, other) });
      } catch {
        throw first;
      }
      return other;
    }
  }

  /**
   * Runs `op` in `dir`. A folder not seen yet in this execution is made first (one makeDirectory,
   * 10 units, failing harmlessly when it exists) rather than after a failed upload (100 units); if
   * `op` still fails, missing parents are made and `op` runs once more. `opFirst`: an `op` that
   * costs no more than the makeDirectory (a move, 10 units) is tried first, the folder made only if
   * it fails: the folder is there on every run but the first.
   */
  private withDirectory(dir: string, op: () => void, opFirst = false): void {
    if (opFirst && !this.knownDirs.has(dir)) {
      try {
        op();
        this.knownDirs.add(dir);
        return;
      } catch {
        this.ensureDirectory(dir);
      }
    }
    if (!this.knownDirs.has(dir)) {
      try {
        if (!this.assumedDirs.has(dir)) this.connection.makeDirectory({ path: dir });
      } catch {
        // Already there, most likely.
      }
      this.knownDirs.add(dir);
      try {
        op();
        return;
      } catch {
        this.knownDirs.delete(dir);
        this.ensureDirectory(dir);
      }
    }
    op();
  }

  /**
   * Takes `dir` as existing: its first operation runs without a makeDirectory (10 units saved); if it
   * fails, the folder and its parents are made and the operation runs once more.
   */
  assumeDirectory(dir: string): void {
    this.assumedDirs.add(dir);
  }

  /** Create `dir` and any missing parents. */
  ensureDirectory(dir: string): void {
    const absolute = dir.startsWith('/');
    let path = '';
    for (const part of dir.split('/').filter(Boolean)) {
      path = path ? `${path}/${part}` : absolute ? `/${part}` : part;
      if (this.knownDirs.has(path)) continue;
      try {
        this.connection.makeDirectory({ path });
      } catch {
        // Already there (or not ours to create): the next operation reports a real problem.
      }
      this.knownDirs.add(path);
    }
  }

  private safeRemove(path: string): void {
    try {
      this.connection.removeFile({ path });
    } catch {
      // best effort: a stray .part file is ignored by HotWax (not *.csv) and by listCsv
    }
  }
}

/** The customer feed folder (customer/export/) as the import sees it. */
export function customerFeedFolder(client: SftpFolderClient, feedDir: string) {
  return {
    list: () => client.listEntries(feedDir),
    download: (name: string) => client.download(feedDir, name),
    writeReport: (folder: string, name: string, csv: string) => client.uploadAtomic(folder, name, csv),
    moveFeed: (name: string, folder: string, alternative?: string) =>
      client.moveWithoutOverwrite(feedDir, name, folder, alternative),
    removeLeftovers: (folder: string) => client.removeLeftovers(folder),
  };
}
