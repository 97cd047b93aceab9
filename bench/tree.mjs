// A generated tree as a clean git repository in a fresh temp folder, and its reset between runs that write.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from './generate.mjs';

const git = (cwd, ...args) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

/**
 * Generates `count` files into a new temp folder and commits them (or, `committed: false`, leaves them untracked in a
 * fresh repository, as a user runs the tool before a first commit); returns the folder, the manifest and the seconds taken.
 */
export function makeTree({ count, supabase, shape, committed = true }) {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'migrate-keys-bench-'));
  const manifest = generate(dir, { count, supabase, shape });
  const generated = performance.now();
  git(dir, 'init', '-q');
  // Otherwise the commit of thousands of loose objects starts a background `git gc` that competes with the runs.
  git(dir, 'config', 'gc.auto', '0');
  git(dir, 'config', 'maintenance.auto', 'false');
  if (!committed) return { dir, manifest, generateS: (generated - started) / 1000, commitS: 0 };
  git(dir, '-c', 'core.looseCompression=0', 'add', '-A');
  git(dir, '-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'tree');
  return { dir, manifest, generateS: (generated - started) / 1000, commitS: (performance.now() - generated) / 1000 };
}

/** Puts the tree back to its commit: tracked files restored, untracked ones and migrate-keys' backups removed. */
export function resetTree(dir) {
  git(dir, 'checkout', '--', '.');
  git(dir, 'clean', '-fdq');
  rmSync(join(dir, '.migrate-keys'), { recursive: true, force: true });
}

/**
 * Reads every file of the tree once, untimed, so that each timed run starts from the same warm page cache:
 * the kernel may page out files idle for a minute (DAMON reclaim does on the benchmark's VM).
 */
export function warmTree(dir) {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) readFileSync(join(entry.parentPath, entry.name));
  }
}

/** How many tracked files differ from the commit. */
export function changedFiles(dir) {
  return git(dir, 'diff', '--name-only').split('\n').filter(Boolean).length;
}

export function removeTree(dir) {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
