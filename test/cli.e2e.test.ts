// End to end: the built CLI on temp git copies of examples/vite-react, as a user runs it.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, allOutput, exampleRepo, git, keyValuesIn, removeTempDirs, runCli, snapshot, tempDir } from './helpers/repo.js';

afterAll(removeTempDirs);

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('migrate-keys on examples/vite-react', () => {
  it('previews a diff and writes nothing', () => {
    const repo = exampleRepo('vite-react');
    const before = snapshot(repo);
    const run = runCli(repo, []);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('--- a/src/lib/supabase.ts');
    expect(run.stdout).toContain('+const supabaseAnonKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY');
    expect(run.stdout).toContain('+VITE_SUPABASE_PUBLISHABLE_KEY=eyJhbGci…[legacy anon JWT]');
    expect(snapshot(repo)).toEqual(before);
  });

  it('--check fails before --write and passes after it; a second --write changes nothing', () => {
    const repo = exampleRepo('vite-react');
    const checkBefore = runCli(repo, ['--check']);
    expect(checkBefore.status).toBe(1);
    expect(checkBefore.stdout).toMatch(/legacy-env-name/);
    const checkSnapshot = snapshot(repo);

    const write = runCli(repo, ['--write']);
    expect(write.status).toBe(0);
    expect(snapshot(repo)).not.toEqual(checkSnapshot);
    expect(read(repo, 'src/vite-env.d.ts')).toContain('readonly VITE_SUPABASE_PUBLISHABLE_KEY: string');
    expect(read(repo, '.env.local')).toContain('SUPABASE_SECRET_KEY="eyJ');
    expect(read(repo, 'scripts/seed.ts')).toContain("process.env['SUPABASE_SECRET_KEY']");

    const checkAfter = runCli(repo, ['--check']);
    expect(checkAfter.stdout).not.toMatch(/legacy-env-name/);
    expect(checkAfter.status).toBe(0);

    const written = snapshot(repo);
    expect(runCli(repo, ['--write']).status).toBe(0);
    expect(snapshot(repo)).toEqual(written);
  });

  it('--check never writes, not even backups', () => {
    const repo = exampleRepo('vite-react');
    const before = snapshot(repo);
    expect(runCli(repo, ['--check', '--format', 'json']).status).toBe(1);
    expect(snapshot(repo)).toEqual(before);
    expect(existsSync(join(repo, '.migrate-keys'))).toBe(false);
  });

  it('refuses --write when a file it would touch has uncommitted changes, and writes nothing', () => {
    const repo = exampleRepo('vite-react');
    appendFileSync(join(repo, 'src/lib/supabase.ts'), '// work in progress\n');
    const before = snapshot(repo);
    const run = runCli(repo, ['--write']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('src/lib/supabase.ts');
    expect(run.stderr).toContain('--allow-dirty');
    expect(snapshot(repo)).toEqual(before);

    expect(runCli(repo, ['--write', '--allow-dirty']).status).toBe(0);
    expect(read(repo, 'src/lib/supabase.ts')).toContain('// work in progress\n');
    expect(read(repo, 'src/lib/supabase.ts')).toContain('VITE_SUPABASE_PUBLISHABLE_KEY');
  });

  it('undo restores every file of the last --write, the gitignored .env.local included', () => {
    const repo = exampleRepo('vite-react');
    expect(git(repo, 'status', '--porcelain', '--ignored')).toContain('.env.local');
    const before = snapshot(repo);
    const envLocal = readFileSync(join(repo, '.env.local'));
    expect(runCli(repo, ['--write']).status).toBe(0);
    expect(readFileSync(join(repo, '.env.local')).equals(envLocal)).toBe(false);

    const undo = runCli(repo, ['undo']);
    expect(undo.status).toBe(0);
    expect(undo.stdout).toContain('restored .env.local');
    expect(readFileSync(join(repo, '.env.local')).equals(envLocal)).toBe(true);
    const after = snapshot(repo);
    for (const [path, hash] of Object.entries(before)) expect(after[path], path).toBe(hash);

    const again = runCli(repo, ['undo']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('nothing to undo');
  });

  it('undo leaves alone a file edited after the write', () => {
    const repo = exampleRepo('vite-react');
    expect(runCli(repo, ['--write']).status).toBe(0);
    appendFileSync(join(repo, 'README.md'), '\nEdited by hand.\n');
    const run = runCli(repo, ['undo']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('README.md: changed since migrate-keys wrote it');
    expect(read(repo, 'README.md')).toContain('Edited by hand.');
    expect(read(repo, 'src/lib/supabase.ts')).toContain('VITE_SUPABASE_ANON_KEY');
  });

  it('exits 2 for a path that matches nothing', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['no/such/folder']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no/such/folder does not exist');
    expect(runCli(repo, ['src/**/*.nothing']).status).toBe(2);
    expect(runCli(repo, ['..']).status).toBe(2);
  });

  it('reports a file with a syntax error, exits 2, and still migrates every other file', () => {
    const repo = exampleRepo('vite-react');
    const broken = 'export const key = import.meta.env.VITE_SUPABASE_ANON_KEY (\n';
    writeFileSync(join(repo, 'src/broken.ts'), broken);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'broken file');
    const run = runCli(repo, ['--write', '--format', 'json']);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout);
    const parseErrors = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'parse-error');
    expect(parseErrors).toHaveLength(1);
    expect(parseErrors[0]).toMatchObject({ file: 'src/broken.ts', severity: 'error', fixable: false, fixed: false });
    expect(read(repo, 'src/broken.ts')).toBe(broken);
    expect(read(repo, 'src/lib/supabase.ts')).toContain('VITE_SUPABASE_PUBLISHABLE_KEY');
    expect(report.changes.map((c: { file: string }) => c.file)).toContain('src/lib/supabase.ts');
  });

  it('prints JSON with exactly the SPEC §6 shape', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'mode', 'root', 'phase', 'summary', 'changes', 'findings', 'outside', 'checklist']);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'migrate-keys', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(report.mode).toBe('preview');
    expect(report.root).toBe('.');
    expect(report.phase).toBe('final');
    expect(Object.keys(report.summary)).toEqual(['filesScanned', 'filesChanged', 'edits', 'errors', 'warnings', 'infos', 'fallbacks']);
    expect(report.summary.fallbacks).toBe(0);
    expect(report.summary.filesScanned).toBeGreaterThan(5);
    expect(report.summary.filesChanged).toBe(report.changes.length);
    expect(report.summary.edits).toBe(report.changes.reduce((n: number, c: { edits: number }) => n + c.edits, 0));
    for (const change of report.changes) expect(Object.keys(change)).toEqual(['file', 'edits']);
    expect(report.findings.length).toBe(report.summary.errors + report.summary.warnings + report.summary.infos);
    for (const finding of report.findings) {
      expect(Object.keys(finding)).toEqual(['ruleId', 'severity', 'file', 'line', 'column', 'message', 'fixable', 'fixed']);
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
      expect(finding.file).not.toMatch(/^\/|\\/);
    }
    const supabaseTs = report.findings.find((f: { file: string }) => f.file === 'src/lib/supabase.ts');
    expect(supabaseTs).toMatchObject({ ruleId: 'legacy-env-name', line: 4, column: 41, fixable: true, fixed: false });
    expect(Array.isArray(report.outside)).toBe(true);
    expect(Array.isArray(report.checklist)).toBe(true);

    const write = JSON.parse(runCli(repo, ['--write', '--format', 'json']).stdout);
    expect(write.mode).toBe('write');
    expect(write.summary.errors).toBe(0);
    const fixable = write.findings.filter((f: { fixable: boolean }) => f.fixable);
    expect(fixable.length).toBeGreaterThan(10);
    expect(fixable.every((f: { fixed: boolean }) => f.fixed)).toBe(true);
    // The legacy JWTs kept in .env and .env.local: warnings until new values are supplied.
    expect(write.findings.filter((f: { fixed: boolean }) => !f.fixed).map((f: { ruleId: string; file: string }) => [f.ruleId, f.file])).toEqual([
      ['legacy-key-value', '.env'],
      ['legacy-key-value', '.env.local'],
    ]);
  });

  it('--stats prints the time of each phase on stderr, leaving stdout to the format', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['--check', '--stats', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).schemaVersion).toBe(1);
    for (const phase of ['discover', 'read + prefilter', 'scan + parse', 'rules', 'write']) expect(run.stderr).toMatch(new RegExp(`${phase.replace('+', '\\+')}\\s+\\d+ ms`));
  });

  it('keeps its exit code and prints no stack when the reader of its output stops early', () => {
    const repo = exampleRepo('vite-react');
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" --check --format json | head -c 10 > /dev/null; echo "exit \${PIPESTATUS[0]}" >&2`], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    expect(piped.stderr).toBe('exit 1\n');
  });

  it('reports usage errors with exit 2', () => {
    const repo = tempDir();
    expect(runCli(repo, ['--write', '--check']).status).toBe(2);
    expect(runCli(repo, ['--format', 'xml']).status).toBe(2);
    expect(runCli(repo, ['--max-warnings', 'many']).status).toBe(2);
    expect(runCli(repo, ['--map', 'NOT A MAP']).status).toBe(2);
    expect(runCli(repo, ['--no-such-flag']).status).toBe(2);
    const version = runCli(repo, ['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = runCli(repo, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });

  it('never prints a key value in any of the runs above', () => {
    const values = keyValuesIn(exampleRepo('vite-react'));
    expect(values.length).toBeGreaterThanOrEqual(2);
    const output = allOutput.join('\n');
    expect(output.length).toBeGreaterThan(1000);
    for (const value of values) {
      const [, payload, signature] = value.split('.');
      expect(output).not.toContain(value);
      for (const part of [payload, signature]) if (part) expect(output).not.toContain(part);
    }
  });
});
