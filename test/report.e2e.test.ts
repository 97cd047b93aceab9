// End to end: --report files in every format, the checklist before and after --write, GitHub Actions output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateOutputJson } from './helpers/json-output.js';
import { exampleRepo, keyValuesIn, removeTempDirs, runCli, tempDir } from './helpers/repo.js';

afterAll(removeTempDirs);

const PUBLISHABLE = 'sb_publishable_REPORTreportREPORT1_abcdEFGH';
const SECRET = 'sb_secret_REPORTreportREPORT22_abcdEFGH';
const SUPPLIED = { MIGRATE_KEYS_PUBLISHABLE_KEY: PUBLISHABLE, MIGRATE_KEYS_SECRET_KEY: SECRET };

type Step = { step: number; status: string };
const statuses = (report: { checklist: Step[] }) => report.checklist.map((s) => `${s.step}:${s.status}`).join(' ');

describe('--report', () => {
  it('gives each step its status before and after --write', () => {
    const repo = exampleRepo('vite-react');
    const out = tempDir();
    expect(runCli(repo, ['--check', '--report', join(out, 'before.json')]).status).toBe(1);
    const before = validateOutputJson(readFileSync(join(out, 'before.json'), 'utf8'));
    expect(statuses(before)).toBe('1:todo 2:todo 3:blocked 4:blocked 5:blocked 6:blocked');

    expect(runCli(repo, ['--write', '--report', join(out, 'names-only.json')]).status).toBe(0);
    // The names are migrated, but the legacy JWT values are still in .env files.
    expect(statuses(validateOutputJson(readFileSync(join(out, 'names-only.json'), 'utf8')))).toBe('1:todo 2:todo 3:blocked 4:blocked 5:blocked 6:blocked');

    expect(runCli(repo, ['--write', '--allow-dirty', '--report', join(out, 'after.json')], SUPPLIED).status).toBe(0);
    const after = validateOutputJson(readFileSync(join(out, 'after.json'), 'utf8'));
    // The repository is done, the places outside are not: the hosts must still define the new names the code reads.
    expect(statuses(after)).toBe('1:done 2:todo 3:todo 4:todo 5:todo 6:todo');
    expect(after.checklist[1].detail).toMatch(/^done in the repository; \d+ places? outside to confirm/);
    expect(after.checklist[3].detail).toContain('PGRST301');

    expect(runCli(repo, ['--check', '--report', join(out, 'MIGRATION.md')]).status).toBe(0);
    const markdown = readFileSync(join(out, 'MIGRATION.md'), 'utf8');
    expect(markdown).toContain('5. ⬜ **Deactivate the legacy keys** (todo)');
  });

  it('writes Markdown, JSON, SARIF and HTML in --check mode without a key value, and skips its own report next run', () => {
    const repo = exampleRepo('vite-react');
    const secrets = keyValuesIn(repo);
    for (const name of ['MIGRATION.md', 'report.json', 'report.sarif', 'report.html']) {
      const run = runCli(repo, ['--check', '--report', name]);
      expect(run.status, name).toBe(1);
      const text = readFileSync(join(repo, name), 'utf8');
      expect(text.length).toBeGreaterThan(500);
      for (const secret of secrets) for (const part of secret.split('.').slice(1)) expect(text, name).not.toContain(part);
    }
    const markdown = readFileSync(join(repo, 'MIGRATION.md'), 'utf8');
    expect(markdown).toMatch(/\| `VITE_SUPABASE_ANON_KEY` \| `VITE_SUPABASE_PUBLISHABLE_KEY` \| 7 \| 9 \|/);
    expect(JSON.parse(readFileSync(join(repo, 'report.sarif'), 'utf8')).version).toBe('2.1.0');
    // MIGRATION.md names legacy keys on purpose: its marker keeps later runs from migrating it.
    const json = JSON.parse(runCli(repo, ['--check', '--format', 'json']).stdout);
    expect(json.findings.some((f: { file: string }) => f.file === 'MIGRATION.md')).toBe(false);
  });

  it('refuses a report file of an unknown kind', () => {
    const run = runCli(exampleRepo('vite-react'), ['--check', '--report', 'report.txt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('use a .md, .json, .sarif or .html file');
  });
});

describe('under GitHub Actions', () => {
  it('annotates by default and appends the full table to the step summary', () => {
    const repo = exampleRepo('vite-react');
    const summary = join(tempDir(), 'summary.md');
    const run = runCli(repo, ['--check'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error ')).length).toBe(10);
    expect(readFileSync(summary, 'utf8')).toContain('| Severity | Rule | Location | Message |');
    expect(runCli(repo, ['--check', '--format', 'stylish'], { GITHUB_ACTIONS: 'true' }).stdout).not.toContain('::error');
  });
});
