// The only code that writes: backups and the undo manifest first, then atomic file replacements.
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  appendFileSync,
  chmodSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  type BigIntStats,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { trackedFiles, uncommittedFiles } from './git.js';
import type { FileChange } from './plan.js';
import { firstLinkUnder, lstatBelow, mkdirBelow, readNoFollow, relativePathProblem, shownName, UnsafePathError } from './safe-paths.js';
import { TEMP_FILE } from './temp-files.js';
import { isRecord } from './words.js';

const STATE_DIRECTORY = '.migrate-keys';
const MANIFEST = 'last-run.json';

interface Failure {
  file: string;
  message: string;
}

export interface ApplyResult {
  written: string[];
  failures: Failure[];
  /** Tracked files with uncommitted changes that made `--write` refuse to start. */
  refusedDirty: string[];
  /**
   * Present when `--write` refused to start because `.migrate-keys/` cannot be trusted (a symbolic
   * link on it or in it, or files git tracks there): why, in one line. Nothing was written.
   */
  refused?: string;
  /**
   * Present only when `signal` stopped the run: the file in flight was finished, and these planned
   * files were never started, so they keep their old content. `written` and `failures` tell the rest.
   */
  interrupted?: { notWritten: string[] };
}

export interface ApplyOptions {
  allowDirty: boolean;
  /** Checked before each file: once it is aborted, no further file is started. */
  signal?: AbortSignal;
  /** Called as each file is settled, in order: written, or failed (the reason is in `failures`). */
  onFile?: (path: string, outcome: 'written' | 'failed') => void;
}

interface ManifestEntry {
  path: string;
  backup: string;
  before: string;
  after: string;
  mode: number;
  /** The run created the file (its backup is empty): undo removes it. */
  created?: true;
}

/** The mode of a file the run creates (a new migration): what git checks out a text file with. */
const CREATED_MODE = 0o644;

interface Manifest {
  version: 1;
  runId: string;
  createdAt: string;
  files: ManifestEntry[];
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/**
 * Applies the changes in one synchronous stretch. No signal handler can run meanwhile (the event
 * loop is busy), so a caller that stops on SIGINT/SIGTERM uses `applyChangesAsync`.
 */
export function applyChanges(root: string, changes: readonly FileChange[], options: ApplyOptions): ApplyResult {
  const steps = applySteps(root, changes, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same run, giving the event loop a turn after each file, so that a SIGINT/SIGTERM handler can
 * abort `options.signal`: the run then stops after the file in flight and reports the others.
 */
export async function applyChangesAsync(root: string, changes: readonly FileChange[], options: ApplyOptions): Promise<ApplyResult> {
  const steps = applySteps(root, changes, options);
  let step = steps.next();
  while (!step.done) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}

/** The run, one step per file; the driver decides whether the event loop runs between steps. */
function* applySteps(root: string, changes: readonly FileChange[], options: ApplyOptions): Generator<void, ApplyResult, void> {
  const result: ApplyResult = { written: [], failures: [], refusedDirty: [] };
  if (changes.length === 0) return result;
  if (!options.allowDirty) {
    const dirty = uncommittedChanges(root, changes.map((change) => change.path));
    if (dirty.length > 0) {
      result.refusedDirty = dirty;
      return result;
    }
  }
  const stopped = () => options.signal?.aborted === true;
  const fail = (change: FileChange, message: string) => {
    result.failures.push({ file: change.path, message });
    options.onFile?.(change.path, 'failed');
  };
  const interrupt = (notStarted: readonly FileChange[]) => {
    result.interrupted = { notWritten: notStarted.map((change) => change.path) };
    return result;
  };
  if (stopped()) return interrupt(changes);
  const refusal = stateFolderProblem(root);
  if (refusal !== undefined) {
    result.refused = refusal;
    return result;
  }

  // Every file is backed up and listed before the first one changes, so `undo` can always restore.
  const runId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const state = join(root, STATE_DIRECTORY);
  const backups = join(state, 'backups', runId);
  const manifest: Manifest = { version: 1, runId, createdAt: new Date().toISOString(), files: [] };
  /** The files backed up and listed, in order: `manifest.files[i]` is `ready[i]`'s entry. */
  const ready: FileChange[] = [];
  // Without backups and a manifest nothing may change: every file is reported, none is written.
  const discardBackups = () => {
    try {
      rmSync(backups, { recursive: true, force: true });
    } catch {
      // Leftovers inside .migrate-keys/ are harmless: the folder ignores itself and is never read.
    }
  };
  const abandon = (what: string, error: unknown, files: readonly FileChange[]) => {
    discardBackups();
    for (const change of files) fail(change, `not written: ${what} (${reason(error)}); it keeps its old content`);
    return result;
  };
  // Created folder by folder without following a link (checked above, and again as each is made).
  const madeFolders = new Set<string>();
  const mkdirInState = (segments: readonly string[]) => {
    const key = segments.join('/');
    if (madeFolders.has(key)) return;
    mkdirBelow(root, [STATE_DIRECTORY, ...segments]);
    madeFolders.add(key);
  };
  try {
    mkdirInState([]);
    ignoreItself(state);
    mkdirInState(['backups', runId]);
  } catch (error) {
    return abandon(`the backup folder ${STATE_DIRECTORY}/ could not be prepared`, error, changes);
  }
  for (const [index, change] of changes.entries()) {
    if (stopped()) {
      discardBackups();
      return interrupt([...ready, ...changes.slice(index)]);
    }
    backUp(change);
    yield;
  }
  if (ready.length === 0) {
    discardBackups();
    return result;
  }
  try {
    writeAtomic(join(state, MANIFEST), Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), 0o600);
  } catch (error) {
    return abandon(`the undo manifest ${STATE_DIRECTORY}/${MANIFEST} could not be saved`, error, ready);
  }

  // Temp files left by a killed run (their process is gone) are swept from the folders written to.
  sweepStaleTemps(ready.map((change) => dirname(change.absolutePath)));
  for (const [index, change] of ready.entries()) {
    if (stopped()) {
      rememberWritten(root, manifest, result.written);
      return interrupt(ready.slice(index));
    }
    replace(change, manifest.files[index] as ManifestEntry);
    yield;
  }
  rememberWritten(root, manifest, result.written);
  return result;

  function backUp(change: FileChange): void {
    const mode = change.created ? modeOfNew(change) : modeOfExisting(change);
    if (mode === undefined) return;
    // A new file has no mode of its own to check: its folder's permissions decide when it is written.
    if (!change.created && isReadOnly(change.absolutePath, mode)) {
      fail(change, 'is read-only, so it was not written (make it writable and run again)');
      return;
    }
    try {
      const segments = ['backups', runId, ...change.path.split('/')];
      mkdirInState(segments.slice(0, -1));
      writeAtomic(join(state, ...segments), change.original, 0o600);
      manifest.files.push({
        path: change.path,
        backup: segments.join('/'),
        before: sha256(change.original),
        after: sha256(Buffer.from(change.after, 'utf8')),
        mode: mode & 0o7777,
        ...(change.created && { created: true as const }),
      });
      ready.push(change);
    } catch (error) {
      fail(change, `not written: its backup could not be saved (${reason(error)}); it keeps its old content`);
    }
  }

  /** A file to replace: its mode, or undefined (and the failure said) when it is no longer a regular file. */
  function modeOfExisting(change: FileChange): number | undefined {
    try {
      const stats = lstatSync(change.absolutePath);
      if (stats.isFile()) return stats.mode;
      fail(change, CHANGED);
    } catch (error) {
      fail(change, notWritten(error, `could not be read again (${describe(error)}), so it was not written`));
    }
    return undefined;
  }

  /** A file to create (a new migration): nothing may stand at its path; its backup is empty, and undo removes it. */
  function modeOfNew(change: FileChange): number | undefined {
    try {
      // No link on the way to it (its folder stays inside the root), and nothing at its path.
      if (lstatBelow(root, change.path.split('/')) === undefined) return CREATED_MODE;
      fail(change, 'already exists, so it was not written (nothing was there when migrate-keys read the tree)');
    } catch (error) {
      fail(change, `could not be created (${reason(error)})`);
    }
    return undefined;
  }

  function replace(change: FileChange, entry: ManifestEntry): void {
    if (change.created) {
      try {
        // Still nothing at its path just before the rename (O_EXCL temp file, then rename: no link is followed).
        writeAtomic(change.absolutePath, Buffer.from(change.after, 'utf8'), CREATED_MODE, () => expectUnchanged(change.absolutePath, undefined));
      } catch (error) {
        fail(change, error instanceof ChangedOnDisk ? error.message : notWritten(error, `could not be written (${describe(error)})`));
        return;
      }
      result.written.push(change.path);
      options.onFile?.(change.path, 'written');
      return;
    }
    let seen: Seen;
    try {
      seen = see(change.absolutePath);
    } catch (error) {
      fail(change, error instanceof ChangedOnDisk ? error.message : notWritten(error, `could not be read again (${describe(error)}), so it was not written`));
      return;
    }
    if (seen.hash !== entry.before) {
      fail(change, CHANGED);
      return;
    }
    try {
      // Checked once more after the temp file is written and fsynced, just before the rename: an
      // edit, a move or a swap made meanwhile (by an editor, a formatter, git) is not overwritten.
      writeAtomic(change.absolutePath, Buffer.from(change.after, 'utf8'), entry.mode, () => expectUnchanged(change.absolutePath, seen));
    } catch (error) {
      fail(change, error instanceof ChangedOnDisk ? error.message : notWritten(error, `could not be written (${describe(error)}); it keeps its old content`));
      return;
    }
    result.written.push(change.path);
    options.onFile?.(change.path, 'written');
  }
}

/** The files of earlier `--write` runs and the sha256 each was left with: `.migrate-keys/written.json`. */
const WRITTEN = 'written.json';

/**
 * Tracked files among `paths` (relative to root) with uncommitted changes, sorted, but for the ones
 * an earlier `--write` left and that still hold exactly what it wrote (`--write`, then `--write
 * --unsafe`): those changes are the tool's own, waiting for review. A file edited since counts.
 */
export function uncommittedChanges(root: string, paths: readonly string[]): string[] {
  const dirty = uncommittedFiles(root, paths);
  if (dirty.size === 0) return [];
  const written = writtenBefore(root);
  return [...dirty].filter((path) => !holds(root, path, written.get(path))).sort();
}

/** Whether the file at `path` holds bytes whose sha256 is `hash`; false when absent, behind a link or unreadable. */
function holds(root: string, path: string, hash: string | undefined): boolean {
  if (hash === undefined) return false;
  try {
    return lstatBelow(root, path.split('/')) !== undefined && sha256(readNoFollow(join(root, ...path.split('/')))) === hash;
  } catch {
    return false;
  }
}

/** What earlier runs wrote: `written.json`, then the undo manifest (`last-run.json`, which an older version alone kept). Nothing when the state folder cannot be trusted. */
function writtenBefore(root: string): Map<string, string> {
  const written = new Map<string, string>();
  if (stateFolderProblem(root) !== undefined) return written;
  const read = (name: string): unknown => {
    try {
      if (lstatBelow(root, [STATE_DIRECTORY, name]) === undefined) return undefined;
      return JSON.parse(readNoFollow(join(root, STATE_DIRECTORY, name)).toString('utf8'));
    } catch {
      return undefined;
    }
  };
  const list = read(WRITTEN);
  if (isRecord(list) && isRecord(list.files)) {
    for (const [path, hash] of Object.entries(list.files)) if (typeof hash === 'string' && SHA256_HEX.test(hash)) written.set(path, hash);
  }
  const manifest = read(MANIFEST);
  if (isRecord(manifest) && Array.isArray(manifest.files)) {
    for (const entry of manifest.files as unknown[]) {
      if (isRecord(entry) && typeof entry.path === 'string' && typeof entry.after === 'string' && SHA256_HEX.test(entry.after)) written.set(entry.path, entry.after);
    }
  }
  return written;
}

/** Adds this run's written files, with what it wrote, to `written.json`; entries of files that no longer hold it are dropped. Best effort: without it, the next --write only asks for --allow-dirty. */
function rememberWritten(root: string, manifest: Manifest, paths: readonly string[]): void {
  const now = new Set(paths);
  const files: Record<string, string> = {};
  for (const [path, hash] of writtenBefore(root)) if (!now.has(path) && holds(root, path, hash)) files[path] = hash;
  for (const entry of manifest.files) if (now.has(entry.path)) files[entry.path] = entry.after;
  try {
    writeAtomic(join(root, STATE_DIRECTORY, WRITTEN), Buffer.from(JSON.stringify({ version: 1, files }, null, 2) + '\n'), 0o600);
  } catch {
    // The list only spares a second --write the --allow-dirty.
  }
}

export interface UndoResult {
  restored: string[];
  failures: Failure[];
  /** False when there was no run to undo. */
  found: boolean;
  /** Present when undo refused to start (an untrusted state folder or manifest): why, in one line. Nothing was written. */
  refused?: string;
}

/**
 * Restores every file of the last `--write` that still holds what that run wrote. The manifest and
 * the backups are untrusted input (a repository can put anything in `.migrate-keys/`): the whole
 * manifest is checked first, every entry and every backup, and anything wrong refuses the undo
 * before a single file is written.
 */
export function undoLastRun(root: string, options: { force: boolean }): UndoResult {
  const refuse = (reason: string): UndoResult => ({ restored: [], failures: [], found: true, refused: reason });
  const refusal = stateFolderProblem(root);
  if (refusal !== undefined) return refuse(refusal);
  const state = join(root, STATE_DIRECTORY);
  const manifestPath = join(state, MANIFEST);
  const manifestName = `${STATE_DIRECTORY}/${MANIFEST}`;
  let text: string;
  try {
    if (lstatBelow(root, [STATE_DIRECTORY, MANIFEST]) === undefined) return { restored: [], failures: [], found: false };
    text = readNoFollow(manifestPath).toString('utf8');
  } catch (error) {
    return refuse(`${manifestName} could not be read (${reason(error)})`);
  }
  const manifest = parseManifest(text);
  if (typeof manifest === 'string') return refuse(`${manifestName}: ${manifest}`);
  const restorable = checkEntries(root, manifest);
  if (typeof restorable === 'string') return refuse(`${manifestName}: ${restorable}`);

  const result: UndoResult = { restored: [], failures: [], found: true };
  // A run killed mid-write can leave a temp file beside the file in flight: undo removes it.
  sweepStaleTemps(restorable.map(({ target }) => dirname(target)));
  for (const { entry, segments, target, backup, mode } of restorable) {
    try {
      // Checked again here: a link may have appeared on the way since the manifest was checked.
      const seen = lstatBelow(root, segments) === undefined ? undefined : seeIfPresent(target);
      if (entry.created && seen === undefined) continue;
      if (!entry.created && seen?.hash === entry.before) continue;
      if (seen?.hash !== entry.after && !options.force) {
        result.failures.push({ file: entry.path, message: 'changed since migrate-keys wrote it; not restored (use --force to restore anyway)' });
        continue;
      }
      if (entry.created) {
        // The run made it: undo removes it, if it is still what the run wrote (or --force).
        lstatBelow(root, segments);
        expectUnchanged(target, seen);
        unlinkSync(target);
        result.restored.push(entry.path);
        continue;
      }
      // The temp file is created with O_EXCL and renamed over the name: neither follows a link.
      // Just before the rename, no link on the way and the file as it was seen (or still absent).
      writeAtomic(target, backup, mode, () => {
        lstatBelow(root, segments);
        expectUnchanged(target, seen);
      });
      result.restored.push(entry.path);
    } catch (error) {
      const message = error instanceof ChangedOnDisk ? 'changed on disk while undo ran; not restored' : `could not be restored (${reason(error)})`;
      result.failures.push({ file: entry.path, message });
    }
  }
  if (result.failures.length === 0) renameSync(manifestPath, join(state, `undone-${manifest.runId}.json`));
  return result;
}

/** What `--write` writes as a run id: an ISO time with `-` for `:` and `.`, then the process id. */
const RUN_ID = /^[0-9A-Za-z][0-9A-Za-z-]{0,99}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The manifest, or why it is refused: not JSON, or a field missing or of the wrong type or shape. */
function parseManifest(text: string): Manifest | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (!isRecord(data)) return 'not a JSON object';
  if (data.version !== 1) return `version ${quoted(data.version)} is not 1`;
  if (typeof data.runId !== 'string' || !RUN_ID.test(data.runId)) return `runId ${quoted(data.runId)} is not a run id`;
  if (typeof data.createdAt !== 'string') return `createdAt ${quoted(data.createdAt)} is not a string`;
  if (!Array.isArray(data.files)) return `files ${quoted(data.files)} is not a list`;
  const files: ManifestEntry[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of (data.files as unknown[]).entries()) {
    const at = `files[${index}]`;
    if (!isRecord(entry)) return `${at} is not an object`;
    const { path, backup, before, after, mode, created } = entry;
    const pathProblem = relativePathProblem(path) ?? reservedPathProblem(path as string);
    if (pathProblem !== undefined) return `${at}.path ${quoted(path)} ${pathProblem}`;
    const file = path as string;
    if (seen.has(file)) return `${at}.path ${quoted(file)} is listed twice`;
    seen.add(file);
    // --write puts the backup of <path> at backups/<runId>/<path>: anything else is not one of its backups.
    const expected = `backups/${data.runId}/${file}`;
    if (backup !== expected) return `${at}.backup ${quoted(backup)} is not ${quoted(expected)}, where --write keeps that file's backup`;
    if (typeof before !== 'string' || !SHA256_HEX.test(before)) return `${at}.before ${quoted(before)} is not a sha256 in hex`;
    if (typeof after !== 'string' || !SHA256_HEX.test(after)) return `${at}.after ${quoted(after)} is not a sha256 in hex`;
    if (typeof mode !== 'number' || !Number.isSafeInteger(mode) || mode < 0) return `${at}.mode ${quoted(mode)} is not a file mode`;
    if (created !== undefined && created !== true) return `${at}.created ${quoted(created)} is not true`;
    files.push({ path: file, backup: expected, before, after, mode, ...(created === true && { created }) });
  }
  return { version: 1, runId: data.runId, createdAt: data.createdAt, files };
}

/** Names `--write` never writes: git's own folder (any case, as on a case-insensitive disk) and the state folder. */
function reservedPathProblem(path: string): string | undefined {
  const segments = path.split('/');
  if (segments.some((segment) => /^\.git[. ]*$/i.test(segment))) return 'is inside a .git folder';
  if (segments[0]?.toLowerCase() === STATE_DIRECTORY) return `is inside ${STATE_DIRECTORY}/`;
  return undefined;
}

interface Restorable {
  entry: ManifestEntry;
  segments: string[];
  target: string;
  /** The backup's bytes, whose sha256 is the entry's `before`. */
  backup: Buffer;
  /** Permission bits only: never setuid, setgid or sticky. */
  mode: number;
}

/**
 * Every entry ready to restore, or why the undo is refused: a target reached through a link or that
 * is not a regular file, a backup that is missing, reached through a link, or whose sha256 is not
 * the `before` the manifest recorded.
 */
function checkEntries(root: string, manifest: Manifest): Restorable[] | string {
  const restorable: Restorable[] = [];
  for (const [index, entry] of manifest.files.entries()) {
    const segments = entry.path.split('/');
    try {
      lstatBelow(root, segments);
    } catch (error) {
      return `files[${index}].path ${quoted(entry.path)}: ${reason(error)}`;
    }
    const backupName = quoted(`${STATE_DIRECTORY}/${entry.backup}`);
    let backup: Buffer;
    try {
      const backupSegments = [STATE_DIRECTORY, ...entry.backup.split('/')];
      if (lstatBelow(root, backupSegments) === undefined) return `the backup of ${quoted(entry.path)}, ${backupName}, is missing`;
      backup = readNoFollow(join(root, ...backupSegments));
    } catch (error) {
      return `the backup of ${quoted(entry.path)}, ${backupName}, could not be read (${reason(error)})`;
    }
    if (sha256(backup) !== entry.before) return `the backup of ${quoted(entry.path)}, ${backupName}, does not match the sha256 the manifest recorded for it`;
    restorable.push({ entry, segments, target: join(root, ...segments), backup, mode: entry.mode & 0o777 });
  }
  return restorable;
}

const CHANGED = 'changed on disk while migrate-keys ran; not written';
const VANISHED = 'no longer exists, so it was not written';

/** A file changed, moved or swapped for something else since it was read: the message says which. */
class ChangedOnDisk extends Error {}

/** A regular file as it was read: its identity and times (lstat), and the sha256 of its bytes. */
interface Seen {
  stats: BigIntStats;
  hash: string;
}

/** Reads a regular file without following a link at its name, and what it was. */
function see(path: string): Seen {
  const stats = lstatSync(path, { bigint: true });
  if (!stats.isFile()) throw new ChangedOnDisk(CHANGED);
  try {
    return { stats, hash: sha256(readNoFollow(path)) };
  } catch (error) {
    // ELOOP: a link took the file's place between the lstat and the open.
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new ChangedOnDisk(CHANGED);
    throw error;
  }
}

/** `see`, or undefined when nothing is at `path`. */
function seeIfPresent(path: string): Seen | undefined {
  try {
    return see(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Throws ChangedOnDisk unless `path` is still the file `seen` describes: the same regular file
 * (device, inode, size, mtime, ctime) holding the same bytes (read and hashed again, so a same-size
 * edit within the clock's resolution is caught too); with `seen` undefined, unless it is still absent.
 */
function expectUnchanged(path: string, seen: Seen | undefined): void {
  let now: Seen | undefined;
  try {
    now = seeIfPresent(path);
  } catch (error) {
    if (error instanceof ChangedOnDisk) throw error;
    throw new ChangedOnDisk(`${CHANGED} (${describe(error)})`);
  }
  if (seen === undefined) {
    if (now !== undefined) throw new ChangedOnDisk(CHANGED);
    return;
  }
  if (now === undefined) throw new ChangedOnDisk(VANISHED);
  const [a, b] = [seen.stats, now.stats];
  const same = a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
  if (!same || now.hash !== seen.hash) throw new ChangedOnDisk(CHANGED);
}

/** A value from the manifest, for a one-line message. */
function quoted(value: unknown): string {
  if (typeof value === 'string') return `"${shownName(value)}"`;
  if (value === undefined) return '(missing)';
  return shownName(JSON.stringify(value) ?? String(value));
}

/**
 * Makes `.migrate-keys/` ignore itself in git. A new `.gitignore` is created with O_EXCL, which
 * never follows a link, right after the folder (a run killed between the two leaves an untracked
 * folder); one that says something else is replaced by rename, which never writes through a link.
 */
function ignoreItself(state: string): void {
  const path = join(state, '.gitignore');
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return writeFileSync(path, IGNORE_ALL, { flag: 'wx' });
  if (stats.isFile() && readNoFollow(path).toString('utf8') === IGNORE_ALL) return;
  writeAtomic(path, Buffer.from(IGNORE_ALL), 0o644);
}

const IGNORE_ALL = '*\n';

/**
 * Why `.migrate-keys/` may not be used, in one line; undefined when it may. A repository can commit
 * anything there (`git add -f`): a link would send the backups (gitignored secrets included) or the
 * `.gitignore` outside the repository, and a committed manifest would make `undo` restore what the
 * repository chose. So no link on it or anywhere in it, and nothing in it that git tracks.
 */
function stateFolderProblem(root: string): string | undefined {
  const remedy = 'migrate-keys never follows a link in its state folder; remove it and run again';
  try {
    const stats = lstatSync(join(root, STATE_DIRECTORY), { throwIfNoEntry: false });
    if (stats?.isSymbolicLink()) return `${STATE_DIRECTORY} is a symbolic link (${remedy})`;
    if (stats !== undefined && !stats.isDirectory()) return `${STATE_DIRECTORY} is not a folder (remove it and run again)`;
    const link = stats === undefined ? undefined : firstLinkUnder(root, STATE_DIRECTORY);
    if (link !== undefined) return `${shownName(link)} is a symbolic link (${remedy})`;
  } catch (error) {
    return `${STATE_DIRECTORY} could not be checked (${describe(error)})`;
  }
  const tracked = [...trackedFiles(root, [STATE_DIRECTORY])].sort();
  if (tracked.length > 0) {
    const more = tracked.length > 1 ? ` and ${tracked.length - 1} more file${tracked.length > 2 ? 's' : ''}` : '';
    return `git tracks ${shownName(tracked[0] as string)}${more} under ${STATE_DIRECTORY}/, which must hold only this machine's backups (git rm -r --cached ${STATE_DIRECTORY})`;
  }
  return undefined;
}

/** The report file of `--report`, written in every mode; the only file preview and --check write. */
export function writeReport(path: string, content: string): void {
  let mode = 0o644;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    // A new report file.
  }
  writeAtomic(path, Buffer.from(content, 'utf8'), mode);
}

/** Appends to the file GitHub Actions names in $GITHUB_STEP_SUMMARY. */
export function appendStepSummary(path: string, content: string): void {
  appendFileSync(path, content);
}

/** The part of `<name>` a temp file name keeps: the whole name must fit in 255 bytes (NAME_MAX) too. */
const TEMP_NAME_BYTES = 200;

/**
 * Temp file in the same folder, fsync, then rename over the target: readers see old or new, never
 * half. `beforeRename` runs last, after the temp file is complete, and may throw to keep the target
 * as it is (the temp file is then removed): what is left between its check and rename(2) is a few
 * microseconds, since POSIX has no rename that only replaces what the caller saw.
 */
function writeAtomic(target: string, data: Buffer, mode: number, beforeRename?: () => void): void {
  const temp = join(dirname(target), `.${shortened(basename(target))}.migrate-keys-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(temp, mode);
    beforeRename?.();
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // The write already failed; that error is the one to report.
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // The temp file was never created or is already gone.
    }
    throw error;
  }
}

function shortened(name: string): string {
  if (Buffer.byteLength(name) <= TEMP_NAME_BYTES) return name;
  let kept = '';
  for (const character of name) {
    if (Buffer.byteLength(kept + character) > TEMP_NAME_BYTES) break;
    kept += character;
  }
  return kept;
}

/** Removes the temp files of runs whose process no longer exists (a SIGKILL, a crash, a power cut). */
function sweepStaleTemps(directories: readonly string[]): void {
  for (const directory of new Set(directories)) {
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = TEMP_FILE.exec(name)?.[1];
      if (pid === undefined || Number(pid) === process.pid || isAlive(Number(pid))) continue;
      try {
        unlinkSync(join(directory, name));
      } catch {
        // Gone already, or not ours to remove: a later run tries again.
      }
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A file nobody may write (no write bit at all), or that this user may not write. Replacing it by
 * rename would succeed (the folder is writable), but the user asked for it to stay as it is.
 */
function isReadOnly(path: string, mode: number): boolean {
  if ((mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** The message for a file that failed: one for a file that vanished since it was read, else `message`. */
function notWritten(error: unknown, message: string): string {
  return (error as NodeJS.ErrnoException).code === 'ENOENT' ? VANISHED : message;
}

/** An UnsafePathError's own message, else what `describe` makes of the error. */
function reason(error: unknown): string {
  return error instanceof UnsafePathError ? error.message : describe(error);
}

/** `ENOSPC: no space left on device`: the code and Node's text, without the syscall and paths. */
function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (!e.code) return String(error);
  const text = new RegExp(`^${e.code}: ([^,]*)`).exec(e.message)?.[1];
  return text ? `${e.code}: ${text}` : e.code;
}
