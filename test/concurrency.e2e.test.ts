// --concurrency: parse workers change how fast a run is, never what it finds or writes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_MIN_FILES } from '../src/core/worker-threshold.js';
import { REPO_ROOT, git, removeTempDirs, runCli, snapshot, tempDir } from './helpers/repo.js';

/** A bench tree (bench/generate.mjs) just over the size at which workers start, in a fresh repository, committed or not. */
function generatedRepo(flags: readonly string[] = [], commit = true): { root: string; legacyFiles: number } {
  const root = tempDir('migrate-keys-workers-');
  const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'generate.mjs'), root, String(WORKER_MIN_FILES + 200), ...flags], { encoding: 'utf8' });
  if (generated.status !== 0) throw new Error(generated.stderr);
  const manifest = JSON.parse(generated.stdout) as { legacyFiles: number };
  git(root, 'init', '-q', '-b', 'main');
  if (commit) {
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'generated');
  }
  return { root, legacyFiles: manifest.legacyFiles };
}

// Issue 22: every bench shape gives the same bytes of JSON with no worker, the default and two workers.
describe.each([
  { shape: 'the monorepo, committed', flags: [], commit: true, exit: 1 },
  { shape: 'the app, committed', flags: ['--app'], commit: true, exit: 1 },
  { shape: 'the app, untracked', flags: ['--app'], commit: false, exit: 1 },
  { shape: 'the tree without Supabase', flags: ['--no-supabase'], commit: true, exit: 0 },
])('--check --format json on $shape', ({ flags, commit, exit }) => {
  afterAll(removeTempDirs);

  it('prints the same bytes with and without workers', () => {
    const { root } = generatedRepo(flags, commit);
    const runs = [['--concurrency', '0'], [], ['--concurrency', '2']].map((extra) => runCli(root, ['--check', '--format', 'json', ...extra]));
    for (const run of runs) expect(run.status, run.stderr).toBe(exit);
    const [inBand, ...others] = runs.map((run) => run.stdout);
    expect((inBand as string).length).toBeGreaterThan(0);
    for (const other of others) expect(other).toBe(inBand);
  });
});

describe('--concurrency', () => {
  let repo: { root: string; legacyFiles: number };
  beforeAll(() => {
    repo = generatedRepo();
  });
  afterAll(removeTempDirs);

  it('finds the same with and without workers, and --stats says the workers parsed files', () => {
    const inBand = runCli(repo.root, ['--check', '--format', 'json', '--concurrency', '0', '--stats']);
    const parallel = runCli(repo.root, ['--check', '--format', 'json', '--concurrency', '2', '--stats']);
    expect(inBand.status).toBe(1);
    expect(parallel.status).toBe(1);
    expect(JSON.parse(parallel.stdout)).toEqual(JSON.parse(inBand.stdout));
    expect(new Set((JSON.parse(inBand.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)).size).toBeGreaterThanOrEqual(repo.legacyFiles);
    expect(inBand.stderr).toMatch(/parse workers: none\n/);
    const [, workers, parsed] = /parse workers: (\d+), which scanned (\d+) of \d+ candidate files/.exec(parallel.stderr) ?? [];
    expect(Number(workers)).toBe(2);
    expect(Number(parsed)).toBeGreaterThan(0);
  });

  it('writes the same bytes with and without workers, and a second run changes nothing', () => {
    const copies = [0, 2].map((concurrency) => {
      const copy = tempDir('migrate-keys-workers-copy-');
      git(copy, 'clone', '-q', repo.root, '.');
      const run = runCli(copy, ['--write', '--concurrency', String(concurrency)]);
      expect(run.status, run.stderr).toBe(0);
      return copy;
    });
    const written = (copy: string) => {
      const files = snapshot(copy);
      for (const path of Object.keys(files)) if (path.startsWith('.migrate-keys/')) delete files[path];
      return files;
    };
    const [inBand, parallel] = copies.map(written);
    expect(parallel).toEqual(inBand);
    const changed = git(copies[1] as string, 'status', '--porcelain', '--untracked-files=no').split('\n').filter(Boolean);
    expect(changed.length).toBeGreaterThanOrEqual(repo.legacyFiles);
    const again = runCli(copies[1] as string, ['--write', '--concurrency', '2']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/ 0 files changed \(0 edits\)/);
    expect(written(copies[1] as string)).toEqual(parallel);
  });

  it('rejects a value that is not a whole number from 0 to 64, with exit 2', () => {
    for (const value of ['x', '-1', '1.5', '65', '']) {
      const run = runCli(repo.root, ['--check', '--concurrency', value]);
      expect(run.status, value).toBe(2);
      expect(run.stderr).toMatch(/--concurrency expects a whole number from 0 to 64/);
    }
  });
});
