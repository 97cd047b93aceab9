// Helpers for the reliability tests: file-tree hashes that tell user files from migrate-keys' temp files, and the CLI run asynchronously.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkJsonOutputs } from '../helpers/json-output.js';
import { CLI, tempDir, commitAll } from '../helpers/repo.js';

/** The temp file `writeAtomic` writes beside a target: `.<name>.migrate-keys-<pid>-<8 hex>.tmp`. */
export const TEMP_FILE = /(^|\/)\.([^/]+)\.migrate-keys-(\d+)-[0-9a-f]{8}\.tmp$/;
export const STATE = '.migrate-keys';

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

export interface Tree {
  /** path -> sha256 of every regular file outside `.git` and `.migrate-keys/`, temp files excepted. */
  files: Record<string, string>;
  /** migrate-keys temp files outside `.migrate-keys/`. */
  temps: string[];
  /** Every path under `.migrate-keys/`. */
  state: string[];
}

export function hashTree(dir: string): Tree {
  const tree: Tree = { files: {}, temps: [], state: [] };
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      const path = relative(dir, full).split('\\').join('/');
      if (path === '.git') continue;
      if (entry.isDirectory()) walk(full);
      else if (path.startsWith(`${STATE}/`)) tree.state.push(path);
      else if (TEMP_FILE.test(path)) tree.temps.push(path);
      else if (entry.isFile()) tree.files[path] = sha256(readFileSync(full));
    }
  };
  walk(dir);
  return tree;
}

/** Every file (outside `.git`) whose name looks like a migrate-keys temp file, `.migrate-keys/` included. */
export function allTemps(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.migrate-keys-\d+-[0-9a-f]{8}\.tmp$/.test(entry.name)) found.push(relative(dir, full));
    }
  };
  walk(dir);
  return found;
}

/** A temp git repository filled by `fill`, committed (gitignored files stay untracked). */
export function gitRepo(fill: (dir: string) => void, prefix = 'migrate-keys-rel-'): string {
  const dir = tempDir(prefix);
  fill(dir);
  commitAll(dir);
  return dir;
}

/** A copy of a repository, `.git` included. */
export function copyRepo(source: string, prefix = 'migrate-keys-rel-'): string {
  const dir = tempDir(prefix);
  cpSync(source, dir, { recursive: true });
  return dir;
}

export const CLI_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  NO_COLOR: '1',
  GITHUB_ACTIONS: '',
  GITHUB_STEP_SUMMARY: '',
  MIGRATE_KEYS_PUBLISHABLE_KEY: '',
  MIGRATE_KEYS_SECRET_KEY: '',
};

export interface AsyncRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
  ms: number;
}

/**
 * Runs the built CLI without blocking the event loop. `watch` is called every millisecond with the
 * child and the elapsed time until it returns true (it may signal the child) or the child exits.
 */
export function runCliAsync(
  cwd: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; watch?: (child: ChildProcess, elapsed: number) => boolean } = {},
): Promise<AsyncRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...CLI_ENV, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const watch = options.watch;
    const timer = watch
      ? setInterval(() => {
          if (watch(child, performance.now() - started)) clearInterval(timer);
        }, 1)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(timer);
      try {
        checkJsonOutputs(cwd, args, code, stdout);
      } catch (error) {
        reject(error as Error);
        return;
      }
      resolve({ code, signal, stdout, stderr, pid: child.pid ?? -1, ms: performance.now() - started });
    });
  });
}

/** The built CLI with a wall-time bound: killed (SIGKILL) when it runs longer than `ms`. */
export function runCliBounded(cwd: string, args: readonly string[], ms: number, env: NodeJS.ProcessEnv = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...CLI_ENV, ...env },
    timeout: ms,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  checkJsonOutputs(cwd, args, result.status, result.stdout);
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}
