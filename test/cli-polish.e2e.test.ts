// End to end (issue 20, item 10): the help subcommand, --help without commander's "(default: [])", several --report
// files, and the notes for a run below the git root and for a repository without any Supabase use.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, exampleRepo, removeTempDirs, runCli, writeTree } from './helpers/repo.js';
import { validateOutputJson } from './helpers/json-output.js';

afterAll(removeTempDirs);

describe('help', () => {
  it('`help` prints the main usage and exits 0, as --help does', () => {
    const dir = writeTree({});
    const run = runCli(dir, ['help']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage: migrate-keys [options] [command] [paths...]');
    expect(run.stdout).toContain('Exit codes:');
    expect(run.stdout).toBe(runCli(dir, ['--help']).stdout);
    expect(run.stderr).toBe('');
  });

  it('`help <command>` prints that command\'s usage and exits 0', () => {
    const dir = writeTree({});
    const run = runCli(dir, ['help', 'keys']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage: migrate-keys keys [options]');
    expect(run.stdout).toBe(runCli(dir, ['keys', '--help']).stdout);
    const undo = runCli(dir, ['help', 'undo']);
    expect(undo.status).toBe(0);
    expect(undo.stdout).toContain('Usage: migrate-keys undo [options]');
  });

  it('--help has no "(default: [])" noise', () => {
    const run = runCli(writeTree({}), ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--map <OLD=NEW>');
    expect(run.stdout).not.toContain('(default: [])');
  });
});

describe('several --report flags', () => {
  it('write one report each, and each says "wrote <file>" on stderr', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['--check', '--report', 'MIGRATION.md', '--report', 'report.json']);
    expect(run.status, run.stderr).toBe(1);
    expect(readFileSync(join(repo, 'MIGRATION.md'), 'utf8')).toMatch(/^# /m);
    expect(validateOutputJson(readFileSync(join(repo, 'report.json'), 'utf8')).mode).toBe('check');
    expect(run.stderr).toContain('wrote MIGRATION.md\n');
    expect(run.stderr).toContain('wrote report.json\n');
    expect(run.stdout).not.toContain('wrote ');
  });

  it('a wrong extension among them is a usage error before anything is written', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['--check', '--report', 'MIGRATION.md', '--report', 'report.txt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--report report.txt');
    expect(existsSync(join(repo, 'MIGRATION.md'))).toBe(false);
  });
});

describe('notes on stderr', () => {
  it('below the git root: files outside the folder are not migrated', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(join(repo, 'src'), ['--check']);
    expect(run.stderr).toMatch(/running in a subfolder of the git repository at .+: files outside it are not migrated/);
    expect(runCli(repo, ['--check']).stderr).not.toContain('running in a subfolder');
  });

  it('no Supabase use at all: nothing to migrate (and not when the repository uses Supabase)', () => {
    const dir = commitAll(writeTree({ 'src/index.ts': 'export const answer = 42;\n', 'package.json': '{ "name": "plain" }\n' }));
    const run = runCli(dir, []);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('no Supabase use found: nothing to migrate');
    const migrated = commitAll(writeTree({ 'src/lib.ts': 'export const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;\n' }));
    expect(runCli(migrated, []).stderr).not.toContain('no Supabase use found');
  });

  it('a folder of its own is no subfolder note', () => {
    const dir = writeTree({});
    mkdirSync(join(dir, 'app'));
    expect(runCli(join(dir, 'app'), ['--check']).stderr).not.toContain('running in a subfolder');
  });
});
