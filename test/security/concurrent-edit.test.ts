// A file edited, moved or swapped for a link while --write runs is not overwritten: the file's bytes and identity are
// checked again after its temp file is written and fsynced, just before the rename; that file fails (exit 2), the
// others are still written, and its temp file is removed. The CLI runs in-process (`main`); node:fs is wrapped so
// that the change happens at a chosen moment: when writeAtomic sets the mode of the victim's temp file, the last
// step before the rename.
import type * as fs from 'node:fs';
import { existsSync, lstatSync, readFileSync, renameSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runMain } from '../helpers/in-process.js';
import { removeTempDirs, tempDir } from '../helpers/repo.js';
import { allTemps, gitRepo, hashTree } from '../reliability/helpers.js';
import { writeFileTree } from '../reliability/tree.js';

interface Hook {
  path: (path: string) => boolean;
  run: () => void;
  hits: number;
}

const hooks = vi.hoisted(() => ({ beforeChmod: [] as Hook[] }));

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const wrapped = {
    ...actual,
    chmodSync: (...args: Parameters<typeof actual.chmodSync>) => {
      for (const hook of hooks.beforeChmod) {
        if (!hook.path(String(args[0]))) continue;
        hook.hits++;
        if (hook.hits === 1) hook.run();
      }
      return actual.chmodSync(...args);
    },
  };
  return { ...wrapped, default: wrapped };
});

afterEach(() => {
  hooks.beforeChmod.length = 0;
});
afterAll(removeTempDirs);

const cli = (cwd: string, argv: string[]) => runMain(cwd, argv);

const VICTIM = 'victim/v.ts';
const ORIGINAL = 'export const v = process.env.SUPABASE_SERVICE_ROLE_KEY;\n';
const FILES: Record<string, string> = {
  'a.ts': 'export const a = process.env.SUPABASE_SERVICE_ROLE_KEY;\n',
  [VICTIM]: ORIGINAL,
  'z.md': 'Set `VITE_SUPABASE_ANON_KEY` in `.env`.\n',
};
const LEGACY = /SUPABASE_SERVICE_ROLE_KEY|VITE_SUPABASE_ANON_KEY/;

/** The victim's temp file beside it (not its backup's, under .migrate-keys/): the moment just before its rename. */
const isVictimTemp = (repo: string) => (path: string) =>
  path.startsWith(join(repo, 'victim') + '/') && /\/\.v\.ts\.migrate-keys-\d+-[0-9a-f]{8}\.tmp$/.test(path);

/** Runs --write with `change` made just before the victim's rename; checks the common verdict. */
async function writeWhile(change: (repo: string, victim: string) => void, message: string) {
  const repo = gitRepo((dir) => writeFileTree(dir, FILES), 'migrate-keys-concurrent-');
  const victim = join(repo, ...VICTIM.split('/'));
  const hook: Hook = { path: isVictimTemp(repo), run: () => change(repo, victim), hits: 0 };
  hooks.beforeChmod.push(hook);
  const run = await cli(repo, ['--write']);
  expect(hook.hits, 'the victim reached its rename').toBe(1);
  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.split('\n').filter((line) => line.startsWith('migrate-keys: '));
  expect(lines, run.stderr).toEqual([`migrate-keys: ${VICTIM}: ${message}`]);
  for (const path of ['a.ts', 'z.md']) expect(readFileSync(join(repo, path), 'utf8'), path).not.toMatch(LEGACY);
  expect(allTemps(repo)).toEqual([]);
  return { repo, victim };
}

describe('--write does not replace a file that changed between its check and its rename', () => {
  it('an edit made after the temp file is written, before the rename, is kept', async () => {
    const edited = 'export const v = process.env.SUPABASE_SERVICE_ROLE_KEY; // edited while migrate-keys ran\n';
    const { victim } = await writeWhile((_repo, path) => writeFileSync(path, edited), 'changed on disk while migrate-keys ran; not written');
    expect(readFileSync(victim, 'utf8')).toBe(edited);
  });

  it('an edit of the same size, its mtime put back, is still caught', async () => {
    const sameSize = ORIGINAL.replace('export const v', 'export const w');
    expect(sameSize.length).toBe(ORIGINAL.length);
    const { victim } = await writeWhile((_repo, path) => {
      const { atime, mtime } = statSync(path);
      writeFileSync(path, sameSize);
      utimesSync(path, atime, mtime);
    }, 'changed on disk while migrate-keys ran; not written');
    expect(readFileSync(victim, 'utf8')).toBe(sameSize);
  });

  it('a file moved away meanwhile does not come back at its old path', async () => {
    const { repo, victim } = await writeWhile((repo, path) => renameSync(path, join(repo, 'victim', 'moved.ts')), 'no longer exists, so it was not written');
    expect(existsSync(victim)).toBe(false);
    expect(readFileSync(join(repo, 'victim', 'moved.ts'), 'utf8')).toBe(ORIGINAL);
  });

  it('a file swapped for a link (to the same bytes, outside) meanwhile is neither written through nor replaced', async () => {
    const outside = join(tempDir('migrate-keys-concurrent-outside-'), 'target.ts');
    writeFileSync(outside, ORIGINAL);
    const { victim } = await writeWhile((_repo, path) => {
      unlinkSync(path);
      symlinkSync(outside, path);
    }, 'changed on disk while migrate-keys ran; not written');
    expect(lstatSync(victim).isSymbolicLink()).toBe(true);
    expect(readFileSync(outside, 'utf8')).toBe(ORIGINAL);
  });

  it('a file replaced by a copy of the same bytes (a new inode, as an editor saves) is not replaced either', async () => {
    const { repo, victim } = await writeWhile((repo, path) => {
      writeFileSync(join(repo, 'victim', 'copy'), ORIGINAL);
      renameSync(join(repo, 'victim', 'copy'), path);
    }, 'changed on disk while migrate-keys ran; not written');
    expect(readFileSync(victim, 'utf8')).toBe(ORIGINAL);
    expect(hashTree(repo).temps).toEqual([]);
  });

  it('undo does not replace a file edited between its check and its rename either', async () => {
    const repo = gitRepo((dir) => writeFileTree(dir, FILES), 'migrate-keys-concurrent-');
    const victim = join(repo, ...VICTIM.split('/'));
    expect((await cli(repo, ['--write'])).code).toBe(0);
    const edited = 'export const v = 2; // edited while undo ran\n';
    const hook: Hook = { path: isVictimTemp(repo), run: () => writeFileSync(victim, edited), hits: 0 };
    hooks.beforeChmod.push(hook);
    const undo = await cli(repo, ['undo']);
    expect(hook.hits).toBe(1);
    expect(undo.code).toBe(2);
    expect(undo.stderr).toContain(`migrate-keys: ${VICTIM}: changed on disk while undo ran; not restored`);
    expect(readFileSync(victim, 'utf8')).toBe(edited);
    expect(readFileSync(join(repo, 'a.ts'), 'utf8')).toBe(FILES['a.ts']);
    expect(allTemps(repo)).toEqual([]);
  });

  it('undo afterwards restores the files that were written and leaves the edited one alone', async () => {
    const edited = 'export const v = 1; // rewritten while migrate-keys ran\n';
    const { repo, victim } = await writeWhile((_repo, path) => writeFileSync(path, edited), 'changed on disk while migrate-keys ran; not written');
    const undo = await cli(repo, ['undo']);
    expect(undo.stdout).toContain('restored a.ts');
    expect(readFileSync(join(repo, 'a.ts'), 'utf8')).toBe(FILES['a.ts']);
    expect(readFileSync(victim, 'utf8')).toBe(edited);
  });
});
