// End to end (issue 20, items 8 and 9): the Markdown report as a pull-request comment on a large generated repo, and GitHub
// annotations that put what needs a person before the renames --write makes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, git, removeTempDirs, runCli, tempDir } from './helpers/repo.js';

afterAll(removeTempDirs);

const PACKAGE = JSON.stringify({ name: 'app', dependencies: { '@supabase/supabase-js': '^2.45.0', vite: '^5.0.0' } });
const SHA = '0123456789abcdef0123456789abcdef01234567';
const ACTIONS = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: SHA };
const GITHUB_COMMENT_LIMIT = 65_536;

/** A Vite app of `files` small modules, each reading the legacy anon key name, and one module exposing the service_role key. */
function generatedRepo(files: number): string {
  const dir = tempDir('migrate-keys-pr-');
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'package.json'), PACKAGE);
  for (let folder = 0; folder * 1000 < files; folder++) {
    mkdirSync(join(dir, 'src', `m${folder}`), { recursive: true });
    for (let i = folder * 1000; i < Math.min(files, (folder + 1) * 1000); i++) {
      writeFileSync(join(dir, 'src', `m${folder}`, `f${i}.ts`), `export const k${i} = import.meta.env.VITE_SUPABASE_ANON_KEY;\n`);
    }
  }
  writeFileSync(join(dir, 'src', 'zz-admin.ts'), 'export const s = import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY;\n');
  commitAll(dir);
  return dir;
}

describe('the Markdown report as a pull-request comment', () => {
  it('stays under GitHub’s comment limit on a 20,000-file repo, with absolute links and a count of what it left out', () => {
    const repo = generatedRepo(20_000);
    // The github format keeps stdout short (20,000 findings in the stylish format pass spawnSync's buffer), as in a workflow.
    const run = runCli(repo, ['--check', '-f', 'github', '--report', 'MIGRATION.md'], { ...ACTIONS, GITHUB_WORKSPACE: repo, GITHUB_STEP_SUMMARY: '' });
    expect(run.status).toBe(1);
    const report = readFileSync(join(repo, 'MIGRATION.md'), 'utf8');
    expect(report.length).toBeLessThan(GITHUB_COMMENT_LIMIT);

    const targets = [...report.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] as string);
    expect(targets.length).toBeGreaterThan(100);
    for (const target of targets) expect(target).toMatch(new RegExp(`^https://github\\.com/acme/app/blob/${SHA}/src/[^#]+#L\\d+$`));
    expect(report).toContain(`(https://github.com/acme/app/blob/${SHA}/src/zz-admin.ts#L1)`);

    const note = /… and ([\d,]+) more findings in ([\d,]+) files: run `migrate-keys --check` locally/.exec(report);
    expect(note).not.toBeNull();
    const listed = report.match(/^\| \[src\/m\d+\/f\d+\.ts\]/gm) ?? [];
    expect(Number((note?.[1] ?? '').replace(/,/g, ''))).toBe(20_000 - listed.length);
    expect(Number((note?.[2] ?? '').replace(/,/g, ''))).toBe(20_000 - listed.length);
    // Never cut inside a <details> or a table: every block is closed, and the steps still end the report.
    expect(report.match(/<details/g)?.length).toBe(report.match(/<\/details>/g)?.length);
    expect(report).toMatch(/\n6\. \S+ \*\*Rotate the legacy JWT secret\*\*[^\n]*\n$/);
  }, 60_000);

  it('links relative to the repository without the GitHub Actions variables', () => {
    const repo = generatedRepo(3);
    runCli(repo, ['--check', '--report', 'MIGRATION.md'], { GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', GITHUB_SHA: '' });
    const report = readFileSync(join(repo, 'MIGRATION.md'), 'utf8');
    expect(report).toContain('[src/zz-admin.ts:1](src/zz-admin.ts#L1)');
    expect(report).not.toContain('https://github.com/acme');
  });
});

describe('GitHub annotations', () => {
  it('put a secret-key-exposed before 30 renames, so the 10-per-level cap never hides it', () => {
    const repo = generatedRepo(30);
    const run = runCli(repo, ['--check', '-f', 'github']);
    expect(run.status).toBe(1);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(10);
    expect(annotations[0]).toMatch(/^::error file=src\/zz-admin\.ts,line=1,.*\(secret-key-exposed\)::/);
    expect(annotations.slice(1).every((line) => line.includes('(legacy-env-name)'))).toBe(true);
  });
});
