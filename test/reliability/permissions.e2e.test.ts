// Real permission faults, no injection: the built CLI runs as an unprivileged user (uid 65534 when the tests run as root, else the current user).
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, removeTempDirs } from '../helpers/repo.js';
import { allTemps, CLI_ENV, gitRepo } from './helpers.js';
import { writeFileTree } from './tree.js';

const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const user = IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {};
/** As root, the tests need an unprivileged user that can read the built CLI. */
const canDropPrivileges =
  !IS_ROOT || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, 4)`], { ...user, stdio: 'ignore' }).status === 0;

const chmods: [string, number][] = [];
afterAll(() => {
  for (const [path, mode] of chmods) chmodSync(path, mode);
  removeTempDirs();
});

const LINE = 'export const k = process.env.SUPABASE_SERVICE_ROLE_KEY;\n';

function repository(extra: Record<string, string>): string {
  const repo = gitRepo((dir) => writeFileTree(dir, { 'open/a.ts': LINE, ...extra }), 'migrate-keys-perm-');
  if (IS_ROOT) chownTree(repo);
  return repo;
}

function chownTree(path: string): void {
  chownSync(path, NOBODY, NOBODY);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name));
}

function restrict(path: string, mode: number): void {
  chmods.push([path, 0o755]);
  chmodSync(path, mode);
}

function runAsUser(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...CLI_ENV, HOME: cwd }, ...user });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!canDropPrivileges)(`real permissions (running as ${IS_ROOT ? `uid ${NOBODY}` : 'the current user'})`, () => {
  it('a read-only file, a folder without write permission and an unreadable file: each named, exit 2, the other file migrated', () => {
    const repo = repository({ 'ro.ts': LINE, 'locked/a.ts': LINE, 'secret.ts': LINE });
    restrict(join(repo, 'ro.ts'), 0o444);
    restrict(join(repo, 'locked'), 0o555);
    restrict(join(repo, 'secret.ts'), 0o000);
    const run = runAsUser(repo, ['--write']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('migrate-keys: ro.ts: is read-only, so it was not written');
    expect(run.stderr).toContain('migrate-keys: locked/a.ts: could not be written (EACCES: permission denied); it keeps its old content');
    expect(run.stdout).toMatch(/secret\.ts\n\s+1:1\s+error\s+could not be read \(EACCES\)/);
    expect(readFileSync(join(repo, 'open/a.ts'), 'utf8')).toContain('SUPABASE_SECRET_KEY');
    expect(readFileSync(join(repo, 'ro.ts'), 'utf8')).toBe(LINE);
    expect(readFileSync(join(repo, 'locked/a.ts'), 'utf8')).toBe(LINE);
    expect(allTemps(repo)).toEqual([]);
  });

  // Missing piece (src/core/discover.ts): fast-glob throws EACCES on a folder it cannot list and the
  // whole run dies before reading any file ("migrate-keys: Error: EACCES: permission denied, scandir").
  // The folder should be reported (exit 2) and every other file still processed.
  it('a folder that cannot be listed is reported, and every other file is still migrated', () => {
    const repo = repository({ 'sealed/a.ts': LINE });
    restrict(join(repo, 'sealed'), 0o000);
    const run = runAsUser(repo, ['--write']);
    expect(readFileSync(join(repo, 'open/a.ts'), 'utf8'), run.stderr).toContain('SUPABASE_SECRET_KEY');
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toMatch(/sealed\/?\n\s+1:1\s+error\s+could not be read \(EACCES\)/);
  });
});
