// The state folder .migrate-keys/ is never reached through a link, and never trusted when git tracks it:
// `--write` and `undo` refuse (one line, exit 2) before they write anything, so a cloned repository cannot
// redirect the backups (secrets included) or the `.gitignore` outside itself.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, removeTempDirs, runCli, snapshot, tempDir, type CliRun } from '../helpers/repo.js';

afterAll(removeTempDirs);

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2RlZmdoaWprbG1ub3BxcnN0Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDAwMDAwMDAwfQ.c2lnbmF0dXJlLW5vdC1jaGVja2VkLWJ5LXRoZS10ZXN0';
const LEGACY = 'export const a = process.env.SUPABASE_SERVICE_ROLE_KEY;\n';
const MIGRATED = 'export const a = process.env.SUPABASE_SECRET_KEY;\n';

/**
 * `<outer>/repo`: a.ts to migrate, a gitignored .env.local holding a service_role JWT, and whatever `plant`
 * adds before the commit (committed too, `git add -f`). `<outer>/outside/` is a folder beside it.
 */
function repository(plant: (repo: string, outside: string) => void = () => undefined): { outer: string; repo: string; outside: string } {
  const outer = tempDir('migrate-keys-state-folder-');
  const repo = join(outer, 'repo');
  const outside = join(outer, 'outside');
  mkdirSync(repo);
  mkdirSync(outside);
  writeFileSync(join(outside, 'profile'), 'export PATH=/usr/bin\n');
  writeFileSync(join(repo, '.gitignore'), '*.local\n');
  writeFileSync(join(repo, 'a.ts'), LEGACY);
  writeFileSync(join(repo, '.env.local'), `SUPABASE_SERVICE_ROLE_KEY=${JWT}\n`);
  plant(repo, outside);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  if (existsSync(join(repo, '.migrate-keys'))) git(repo, 'add', '-f', '.migrate-keys');
  git(repo, 'commit', '-q', '-m', 'initial');
  return { outer, repo, outside };
}

function expectRefused(run: CliRun, command: 'write' | 'undo', why: RegExp): void {
  expect(run.status, run.stderr).toBe(2);
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^migrate-keys: refusing to ${command}: `));
  expect(lines[0]).toMatch(why);
}

describe('--write refuses a state folder it would reach through a link, or that git tracks', () => {
  it('.migrate-keys committed as a link to an outside folder: nothing lands there, nothing in the repository changes', () => {
    const { outer, repo, outside } = repository((dir, out) => symlinkSync(out, join(dir, '.migrate-keys')));
    const before = snapshot(outer);
    const run = runCli(repo, ['--write']);
    expect(readdirSync(outside)).toEqual(['profile']);
    expect(snapshot(outer)).toEqual(before);
    expectRefused(run, 'write', /\.migrate-keys is a symbolic link/);
  });

  it('.migrate-keys/.gitignore committed as a link to an outside file: that file is not overwritten with "*"', () => {
    const { outer, repo, outside } = repository((dir, out) => {
      mkdirSync(join(dir, '.migrate-keys'));
      symlinkSync(join(out, 'profile'), join(dir, '.migrate-keys', '.gitignore'));
    });
    const before = snapshot(outer);
    const run = runCli(repo, ['--write']);
    expect(readFileSync(join(outside, 'profile'), 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(snapshot(outer)).toEqual(before);
    expectRefused(run, 'write', /\.migrate-keys\/\.gitignore is a symbolic link/);
  });

  it('.migrate-keys/backups committed as a link to an outside folder: no backup (the .env.local JWT) lands there', () => {
    const { outer, repo, outside } = repository((dir, out) => {
      mkdirSync(join(dir, '.migrate-keys'));
      writeFileSync(join(dir, '.migrate-keys', '.gitignore'), '*\n');
      symlinkSync(out, join(dir, '.migrate-keys', 'backups'));
    });
    const before = snapshot(outer);
    const run = runCli(repo, ['--write']);
    expect(readdirSync(outside)).toEqual(['profile']);
    expect(snapshot(outer)).toEqual(before);
    expect(run.stdout + run.stderr).not.toContain(JWT);
    expectRefused(run, 'write', /\.migrate-keys\/backups is a symbolic link/);
  });

  it('a link deeper under .migrate-keys/ (not committed) stops --write too', () => {
    const { outer, repo, outside } = repository();
    mkdirSync(join(repo, '.migrate-keys', 'backups', 'old'), { recursive: true });
    writeFileSync(join(repo, '.migrate-keys', '.gitignore'), '*\n');
    symlinkSync(join(outside, 'profile'), join(repo, '.migrate-keys', 'backups', 'old', 'a.ts'));
    const before = snapshot(outer);
    const run = runCli(repo, ['--write']);
    expect(snapshot(outer)).toEqual(before);
    expectRefused(run, 'write', /\.migrate-keys\/backups\/old\/a\.ts is a symbolic link/);
  });

  it('a regular file under .migrate-keys/ that git tracks stops --write', () => {
    const { outer, repo } = repository((dir) => {
      mkdirSync(join(dir, '.migrate-keys'));
      writeFileSync(join(dir, '.migrate-keys', 'notes.txt'), 'committed by mistake\n');
    });
    const before = snapshot(outer);
    const run = runCli(repo, ['--write']);
    expect(snapshot(outer)).toEqual(before);
    expectRefused(run, 'write', /git tracks .*\.migrate-keys\/notes\.txt/);
  });

  it('a state folder left by earlier runs (real folders, untracked) is used as before', () => {
    const { repo } = repository();
    expect(runCli(repo, ['--write']).status).toBe(0);
    writeFileSync(join(repo, 'b.ts'), LEGACY);
    const second = runCli(repo, ['--write', '--allow-dirty']);
    expect(second.status, second.stderr).toBe(0);
    expect(readFileSync(join(repo, 'b.ts'), 'utf8')).toBe(MIGRATED);
    for (const path of ['.migrate-keys', '.migrate-keys/backups', '.migrate-keys/.gitignore', '.migrate-keys/last-run.json']) {
      expect(lstatSync(join(repo, path)).isSymbolicLink(), path).toBe(false);
    }
    expect(git(repo, 'status', '--porcelain', '--untracked-files=all', '--', '.migrate-keys')).toBe('');
  });
});

describe('undo refuses the same state folders', () => {
  it('.migrate-keys as a link to an outside folder that holds a manifest: nothing is restored', () => {
    const { outer, repo, outside } = repository();
    expect(runCli(repo, ['--write']).status).toBe(0);
    // The state folder moves outside, and a link takes its place.
    const moved = join(outside, 'state');
    renameSync(join(repo, '.migrate-keys'), moved);
    symlinkSync(moved, join(repo, '.migrate-keys'));
    const before = snapshot(outer);
    const run = runCli(repo, ['undo', '--force']);
    expect(readFileSync(join(repo, 'a.ts'), 'utf8')).toBe(MIGRATED);
    expect(snapshot(outer)).toEqual(before);
    expectRefused(run, 'undo', /\.migrate-keys is a symbolic link/);
  });

  it('a manifest committed to git (git add -f .migrate-keys) is refused, even with --force', () => {
    const { outer, repo } = repository();
    expect(runCli(repo, ['--write']).status).toBe(0);
    git(repo, 'add', '-f', '.migrate-keys', 'a.ts');
    git(repo, 'commit', '-q', '-m', 'migrated, state folder committed');
    const before = snapshot(outer);
    const run = runCli(repo, ['undo', '--force']);
    expect(readFileSync(join(repo, 'a.ts'), 'utf8')).toBe(MIGRATED);
    expect(snapshot(outer)).toEqual(before);
    expectRefused(run, 'undo', /git tracks .*\.migrate-keys\//);
  });

  it('a link under .migrate-keys/backups/ is refused', () => {
    const { outer, repo, outside } = repository();
    expect(runCli(repo, ['--write']).status).toBe(0);
    symlinkSync(join(outside, 'profile'), join(repo, '.migrate-keys', 'backups', 'planted'));
    const before = snapshot(outer);
    const run = runCli(repo, ['undo']);
    expect(readFileSync(join(repo, 'a.ts'), 'utf8')).toBe(MIGRATED);
    expect(snapshot(outer)).toEqual(before);
    expectRefused(run, 'undo', /\.migrate-keys\/backups\/planted is a symbolic link/);
  });
});
