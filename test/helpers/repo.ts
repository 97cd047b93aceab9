// Test helpers: temp git copies of the examples, the built CLI run as a user runs it, file-tree snapshots.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { checkJsonOutputs } from './json-output.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(REPO_ROOT, 'bin', 'migrate-keys.js');

const temps: string[] = [];

export function tempDir(prefix = 'migrate-keys-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A temp folder holding the given files (path -> content). */
export function writeTree(files: Record<string, string | Buffer>): string {
  const root = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Makes `dir` a fresh git repository with everything in it (but what it ignores) in one commit. */
export function commitAll(dir: string, message = 'initial'): string {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return dir;
}

/** A temp copy of `examples/<name>` committed to a fresh git repository (gitignored files stay untracked). */
export function exampleRepo(name: string): string {
  const dir = tempDir(`migrate-keys-${name}-`);
  cpSync(join(REPO_ROOT, 'examples', name), dir, { recursive: true });
  commitAll(dir);
  return dir;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Every output of every CLI run in this process, for the no-key-value checks. */
export const allOutput: string[] = [];

/** Asserts that CLI runs happened in this process and that none of them printed any of `secrets`. */
export function expectNotPrinted(secrets: readonly string[]): void {
  expect(allOutput.length).toBeGreaterThan(0);
  const output = allOutput.join('\n');
  for (const secret of secrets) expect(output).not.toContain(secret);
}

export function runCli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, input = ''): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', MIGRATE_KEYS_PUBLISHABLE_KEY: '', MIGRATE_KEYS_SECRET_KEY: '', ...env },
  });
  allOutput.push(result.stdout, result.stderr);
  checkJsonOutputs(cwd, args, result.status, result.stdout);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** path -> sha256 of every file under dir, except .git. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files[relative(dir, full).split('\\').join('/')] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

/** Every JWT-shaped or sb_ key value in the files under dir: what no output may contain. */
export function keyValuesIn(dir: string): string[] {
  const values = new Set<string>();
  for (const path of Object.keys(snapshot(dir))) {
    const text = readFileSync(join(dir, path), 'utf8');
    for (const match of text.matchAll(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+|sb_(?:publishable|secret)_[A-Za-z0-9_-]{20,}/g)) {
      values.add(match[0]);
    }
  }
  return [...values];
}
