// Paths under a root that migrate-keys must not reach through a symbolic link: its own state folder
// (.migrate-keys/, which a repository can commit) and every path read from there.
import { lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A path that may not be used: a link on the way, or a component that is not what it must be. */
export class UnsafePathError extends Error {}

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
    const shown = printable(segments.slice(0, index + 1).join('/'));
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

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHOWN_LENGTH = 200;

/**
 * A name for a one-line message: control, line-separator and bidi characters escaped (`\u001b`),
 * cut at 200 characters. Names read from .migrate-keys/ are whatever a repository put there.
 */
export function printable(text: string): string {
  const cut = text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text;
  return cut.replace(UNPRINTABLE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
