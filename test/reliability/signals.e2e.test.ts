// SIGINT/SIGTERM during the built CLI's --write: it stops after the file in flight, says what was and was not written, exits non-zero, and undo restores.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, removeTempDirs } from '../helpers/repo.js';
import { generateRepo } from './generate.js';
import { copyRepo, gitRepo, hashTree, runCliAsync } from './helpers.js';

afterAll(removeTempDirs);

const CHANGED = 120;
let template: string | undefined;
const fixture = () => (template ??= gitRepo((dir) => generateRepo(dir, { changed: CHANGED, unchanged: 10, seed: 11 }), 'migrate-keys-signal-'));

describe('a signal during --write', () => {
  // Missing piece: src/cli.ts must call applyChangesAsync with an AbortSignal that SIGINT/SIGTERM
  // handlers abort, print the interrupted summary and exit 2 (see RELIABILITY.md, "Known gaps").
  it.each(['SIGINT', 'SIGTERM'] as const)('%s stops after the file in flight, reports the rest, exits non-zero; undo restores', { timeout: 60_000 }, async (signal) => {
    const repo = copyRepo(fixture());
    const old = hashTree(repo).files;
    const paths = Object.keys(old).filter((path) => path.includes('/src/')).sort();
    // Signal as soon as a file early in the write order has been replaced.
    const watched = paths[10] as string;
    const inode = statSync(join(repo, watched)).ino;
    let sent = false;
    const run = await runCliAsync(repo, ['--write'], {
      watch: (child) => {
        if (statSync(join(repo, watched)).ino === inode) return false;
        sent = child.kill(signal);
        return true;
      },
    });
    expect(sent).toBe(true);
    expect(run.signal, 'the process handled the signal instead of dying of it').toBeNull();
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/interrupted/i);
    expect(run.stderr).toMatch(/not written/i);

    const after = hashTree(repo);
    expect(after.temps).toEqual([]);
    const written = paths.filter((path) => after.files[path] !== old[path]);
    expect(written).toContain(watched);
    expect(written.length).toBeLessThan(CHANGED);

    const undo = await runCliAsync(repo, ['undo']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(hashTree(repo).files).toEqual(old);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });
});
