// Paths under a root that migrate-keys must not reach through a symbolic link: its own state folder
// (.migrate-keys/, which a repository can commit) and every path read from there.
import { constants, lstatSync, mkdirSync, readdirSync, readFileSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { printable } from './printable.js';

/** A path that may not be used: a link on the way, or a component that is not what it must be. */
export class UnsafePathError extends Error {}

/**
 * Why `path` is not a plain relative path of '/'-separated names that stays under the folder it is
 * relative to, or undefined when it is one: not a string, empty, absolute, with a NUL, a backslash,
 * an empty, `.` or `..` segment.
 */
export function relativePathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string') return 'is not a string';
  if (path === '') return 'is empty';
  if (path.length > 4096) return 'is too long';
  if (path.includes('\0')) return 'contains a NUL character';
  // A backslash or a drive letter is an ordinary character of a POSIX name (`--write` may have
  // changed such a file); only on Windows do they separate or anchor a path.
  if (process.platform === 'win32' && path.includes('\\')) return 'contains a backslash';
  if (path.startsWith('/') || (process.platform === 'win32' && /^[A-Za-z]:/.test(path))) return 'is absolute';
  for (const segment of path.split('/')) {
    if (segment === '') return 'has an empty segment';
    if (segment === '.' || segment === '..') return `has a "${segment}" segment`;
  }
  return undefined;
}

/**
 * lstat(2) of each component of `root/segments…`, from the top: each must be a real folder, and the
 * last a regular file. Returns the last one's stats, or undefined when a component does not exist
 * (nothing below it can be a link then). Throws UnsafePathError for a link or a component of
 * another type, and the lstat error for anything else.
 */
export function lstatBelow(root: string, segments: readonly string[]): BigIntStats | undefined {
  let path = root;
  for (const [index, segment] of segments.entries()) {
    path = join(path, segment);
    const stats = lstatSync(path, { bigint: true, throwIfNoEntry: false });
    if (stats === undefined) return undefined;
    const shown = shownName(segments.slice(0, index + 1).join('/'));
    if (stats.isSymbolicLink()) throw new UnsafePathError(`${shown} is a symbolic link`);
    if (index < segments.length - 1) {
      if (!stats.isDirectory()) throw new UnsafePathError(`${shown} is not a folder`);
    } else {
      if (!stats.isFile()) throw new UnsafePathError(`${shown} is not a regular file`);
      return stats;
    }
  }
  return undefined;
}

/** open(2) flags that refuse a link as the last component (ELOOP) and never wait on a FIFO. */
const READ_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The bytes of a file, opened without following a link at its name. */
export function readNoFollow(path: string): Buffer {
  // Node takes numeric open flags here too; @types/node only declares the string ones.
  return readFileSync(path, { flag: READ_NO_FOLLOW as unknown as string });
}

/**
 * Creates `root/segments…` one folder at a time. mkdir(2) never follows a link at the name it
 * creates, and every component that already exists must be a real folder, not a link to one.
 */
export function mkdirBelow(root: string, segments: readonly string[]): void {
  let path = root;
  for (const [index, segment] of segments.entries()) {
    path = join(path, segment);
    let stats = lstatSync(path, { throwIfNoEntry: false });
    if (stats === undefined) {
      try {
        mkdirSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      stats = lstatSync(path);
    }
    const shown = shownName(segments.slice(0, index + 1).join('/'));
    if (stats.isSymbolicLink()) throw new UnsafePathError(`${shown} is a symbolic link`);
    if (!stats.isDirectory()) throw new UnsafePathError(`${shown} is not a folder`);
  }
}

/** The first symbolic link found in the folder `root/folder` (its path from `root`), or undefined. */
export function firstLinkUnder(root: string, folder: string): string | undefined {
  const pending = [folder];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    for (const entry of readdirSync(join(root, current), { withFileTypes: true })) {
      const path = `${current}/${entry.name}`;
      if (entry.isSymbolicLink()) return path;
      if (entry.isDirectory()) pending.push(path);
    }
  }
  return undefined;
}

const SHOWN_LENGTH = 200;

/**
 * A name for a one-line message: control, line-separator and bidi characters escaped (`\u001b`),
 * cut at 200 characters. Names read from .migrate-keys/ are whatever a repository put there.
 */
export function shownName(text: string): string {
  return printable(text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text);
}
