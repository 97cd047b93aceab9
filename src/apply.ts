// The only code that writes: backups and the undo manifest first, then atomic file replacements.
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  chmodSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { uncommittedFiles } from './git.js';
import type { FileChange } from './plan.js';

export const STATE_DIRECTORY = '.migrate-keys';
const MANIFEST = 'last-run.json';

export interface Failure {
  file: string;
  message: string;
}

export interface ApplyResult {
  written: string[];
  failures: Failure[];
  /** Tracked files with uncommitted changes that made `--write` refuse to start. */
  refusedDirty: string[];
}

interface ManifestEntry {
  path: string;
  backup: string;
  before: string;
  after: string;
  mode: number;
}

interface Manifest {
  version: 1;
  runId: string;
  createdAt: string;
  files: ManifestEntry[];
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

export function applyChanges(root: string, changes: readonly FileChange[], options: { allowDirty: boolean }): ApplyResult {
  const result: ApplyResult = { written: [], failures: [], refusedDirty: [] };
  if (changes.length === 0) return result;
  if (!options.allowDirty) {
    const dirty = uncommittedFiles(root, changes.map((change) => change.path));
    if (dirty.size > 0) {
      result.refusedDirty = [...dirty].sort();
      return result;
    }
  }

  // Every file is backed up and listed before the first one changes, so `undo` can always restore.
  const runId = new Date().toISOString().replace(/[:.]/g, '-');
  const state = join(root, STATE_DIRECTORY);
  mkdirSync(state, { recursive: true });
  writeFileSync(join(state, '.gitignore'), '*\n');
  const manifest: Manifest = { version: 1, runId, createdAt: new Date().toISOString(), files: [] };
  for (const change of changes) {
    const backup = join('backups', runId, change.path);
    const backupPath = join(state, backup);
    mkdirSync(dirname(backupPath), { recursive: true });
    writeAtomic(backupPath, change.original, 0o600);
    manifest.files.push({
      path: change.path,
      backup: backup.split('\\').join('/'),
      before: sha256(change.original),
      after: sha256(Buffer.from(change.after, 'utf8')),
      mode: statSync(change.absolutePath).mode & 0o7777,
    });
  }
  writeAtomic(join(state, MANIFEST), Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), 0o600);

  for (const [index, change] of changes.entries()) {
    const entry = manifest.files[index] as ManifestEntry;
    try {
      if (sha256(readFileSync(change.absolutePath)) !== entry.before) {
        result.failures.push({ file: change.path, message: 'changed on disk while migrate-keys ran; not written' });
        continue;
      }
      writeAtomic(change.absolutePath, Buffer.from(change.after, 'utf8'), entry.mode);
      result.written.push(change.path);
    } catch (error) {
      result.failures.push({ file: change.path, message: `could not be written: ${describe(error)}` });
    }
  }
  return result;
}

export interface UndoResult {
  restored: string[];
  failures: Failure[];
  /** False when there was no run to undo. */
  found: boolean;
}

/** Restores every file of the last `--write` that still holds what that run wrote. */
export function undoLastRun(root: string, options: { force: boolean }): UndoResult {
  const state = join(root, STATE_DIRECTORY);
  const manifestPath = join(state, MANIFEST);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch {
    return { restored: [], failures: [], found: false };
  }
  const result: UndoResult = { restored: [], failures: [], found: true };
  for (const entry of manifest.files) {
    const target = join(root, ...entry.path.split('/'));
    try {
      const backup = readFileSync(join(state, ...entry.backup.split('/')));
      let current: string | undefined;
      try {
        current = sha256(readFileSync(target));
      } catch {
        current = undefined;
      }
      if (current === entry.before) continue;
      if (current !== entry.after && !options.force) {
        result.failures.push({ file: entry.path, message: 'changed since migrate-keys wrote it; not restored (use --force to restore anyway)' });
        continue;
      }
      writeAtomic(target, backup, entry.mode);
      result.restored.push(entry.path);
    } catch (error) {
      result.failures.push({ file: entry.path, message: `could not be restored: ${describe(error)}` });
    }
  }
  if (result.failures.length === 0) renameSync(manifestPath, join(state, `undone-${manifest.runId}.json`));
  return result;
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

/** Temp file in the same folder, fsync, then rename over the target: readers see old or new, never half. */
export function writeAtomic(target: string, data: Buffer, mode: number): void {
  const temp = join(dirname(target), `.${basename(target)}.migrate-keys-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // The temp file was never created or is already gone.
    }
    throw error;
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message}` : String(error);
}
