// End to end: `--check` in CI after the migration (issue 20 item 2): the hosts must still define the new names the code reads,
// so step 2 is never falsely done on a migrated tree, and --write and the --check after it show the same steps outside.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, removeTempDirs, runCli, writeTree } from './helpers/repo.js';
import { findOutside } from '../src/outside/index.js';
import { checklist } from '../src/core/checklist.js';
import type { OutsideFile } from '../src/outside/finder.js';

afterAll(removeTempDirs);

const PACKAGE = JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { '@supabase/supabase-js': '^2.50.0', vite: '^6.0.0' } }, null, 2) + '\n';
const client = (name: string) =>
  "import { createClient } from '@supabase/supabase-js';\n" + `export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.${name});\n`;

/** A Vite app on Vercel, its code and .env.example on one key name. */
const viteApp = (name: string, extra: Record<string, string> = {}) => ({
  'package.json': PACKAGE,
  'src/lib/supabase.ts': client(name),
  'index.html': '<script type="module" src="/src/lib/supabase.ts"></script>\n',
  '.env.example': `VITE_SUPABASE_URL=\n${name}=\n`,
  'vercel.json': '{"rewrites":[]}\n',
  ...extra,
});

interface Outside {
  kind: string;
  name: string;
  newName?: string;
  action: string;
  command?: string;
  done?: boolean;
}
interface Json {
  findings: unknown[];
  outside: Outside[];
  checklist: { step: number; status: string; detail: string }[];
}

const json = (stdout: string) => JSON.parse(stdout) as Json;
const step2 = (document: Json) => document.checklist.find((step) => step.step === 2);
/** What outsideDone records: `<kind>:<the name the step ends with>`. */
const keys = (document: Json) => document.outside.map((o) => `${o.kind}:${o.newName ?? o.name}`).sort();

describe('--check after the migration: the steps outside for the new names the repository reads', () => {
  it('a migrated Vite app on Vercel: exit 0, no findings, the Vercel step on screen, in JSON and the report; step 2 not done', () => {
    const repo = commitAll(writeTree(viteApp('VITE_SUPABASE_PUBLISHABLE_KEY')));
    const check = runCli(repo, ['--check', '--no-color', '--report', 'MIGRATION.md']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('Vercel');
    expect(check.stdout).toContain('make sure Vercel defines VITE_SUPABASE_PUBLISHABLE_KEY (the publishable key) for every environment');
    expect(check.stdout).toContain('vercel env add VITE_SUPABASE_PUBLISHABLE_KEY production');
    expect(check.stdout).not.toContain('VITE_SUPABASE_ANON_KEY');
    const report = readFileSync(join(repo, 'MIGRATION.md'), 'utf8');
    expect(report).toContain('vercel env add VITE_SUPABASE_PUBLISHABLE_KEY production');
    expect(report).toMatch(/2\. .*\*\*Update environment variables everywhere\*\* \(todo\): done in the repository; 1 place outside to confirm/);

    const run = runCli(repo, ['--check', '--format', 'json']);
    expect(run.status).toBe(0);
    const document = json(run.stdout);
    expect(document.findings).toEqual([]);
    expect(document.outside).toEqual([
      expect.objectContaining({ kind: 'vercel', name: 'VITE_SUPABASE_PUBLISHABLE_KEY', file: 'vercel.json', command: 'vercel env add VITE_SUPABASE_PUBLISHABLE_KEY production' }),
    ]);
    expect(document.outside[0]?.newName).toBeUndefined();
    expect(step2(document)).toMatchObject({ status: 'todo', detail: expect.stringMatching(/^done in the repository; 1 place outside to confirm/) });
  });

  it('outsideDone records it: step 2 done, the step shown ✔, and the exit code unchanged', () => {
    const config = JSON.stringify({ outsideDone: ['vercel:VITE_SUPABASE_PUBLISHABLE_KEY'] });
    const repo = commitAll(writeTree(viteApp('VITE_SUPABASE_PUBLISHABLE_KEY', { 'migrate-keys.config.json': config })));
    const check = runCli(repo, ['--check', '--no-color']);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/✔ make sure Vercel defines VITE_SUPABASE_PUBLISHABLE_KEY .*vercel env add VITE_SUPABASE_PUBLISHABLE_KEY production/);
    expect(check.stdout).toContain('every step recorded done');
    const document = json(runCli(repo, ['--check', '--format', 'json']).stdout);
    expect(document.outside).toEqual([expect.objectContaining({ kind: 'vercel', name: 'VITE_SUPABASE_PUBLISHABLE_KEY', done: true })]);
    expect(step2(document)).toMatchObject({ status: 'done', detail: expect.stringContaining('recorded done') });
  });

  it('no host in sight: the "wherever" step for the new name, at the code that reads it', () => {
    const { 'vercel.json': _vercel, ...noHost } = viteApp('VITE_SUPABASE_PUBLISHABLE_KEY');
    const repo = commitAll(writeTree(noHost));
    const run = runCli(repo, ['--check', '--format', 'json']);
    expect(run.status).toBe(0);
    const document = json(run.stdout);
    expect(document.outside.map(({ kind, name }) => [kind, name])).toEqual([['environment', 'VITE_SUPABASE_PUBLISHABLE_KEY']]);
    expect(document.outside[0]).toMatchObject({ file: 'src/lib/supabase.ts', line: 2 });
    expect(document.outside[0]?.action).toMatch(/^Wherever this app's environment is configured .*: make sure it defines VITE_SUPABASE_PUBLISHABLE_KEY \(the publishable key\) for every environment/);
    expect(step2(document)?.status).toBe('todo');
  });

  it('--write from a legacy tree, then --check: the same steps outside (none lost between the runs)', () => {
    const repo = commitAll(writeTree(viteApp('VITE_SUPABASE_ANON_KEY')));
    const write = runCli(repo, ['--write', '--format', 'json']);
    expect(write.status).toBe(0);
    const written = json(write.stdout);
    commitAll(repo, 'migrated');
    const check = runCli(repo, ['--check', '--format', 'json']);
    expect(check.status).toBe(0);
    const checked = json(check.stdout);
    expect(keys(written)).toEqual(['vercel:VITE_SUPABASE_PUBLISHABLE_KEY']);
    expect(keys(checked)).toEqual(keys(written));
    expect(step2(written)?.status).toBe('todo');
    expect(step2(checked)?.status).toBe('todo');
    // The terminal too: the --check after the write still names the step.
    const screen = runCli(repo, ['--check', '--no-color']);
    expect(screen.status).toBe(0);
    expect(screen.stdout).toContain('vercel env add VITE_SUPABASE_PUBLISHABLE_KEY production');
  });

  it('a migrated Next.js server secret read only in code, deployed on Netlify: the step for SUPABASE_SECRET_KEY', () => {
    const repo = commitAll(
      writeTree({
        'package.json': JSON.stringify({ name: 'app', private: true, dependencies: { '@supabase/supabase-js': '^2.50.0', next: '^15.0.0' } }, null, 2) + '\n',
        'lib/admin.ts':
          "import { createClient } from '@supabase/supabase-js';\n" +
          'export const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SECRET_KEY!);\n',
        'netlify.toml': '[build]\ncommand = "next build"\n',
        'README.md': 'Set NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY in your host.\n',
      }),
    );
    const run = runCli(repo, ['--check', '--format', 'json']);
    expect(run.status).toBe(0);
    const document = json(run.stdout);
    // A name only in the docs is no step; the one the code reads is.
    expect(document.outside.map((o) => [o.kind, o.name, o.command])).toEqual([['netlify', 'SUPABASE_SECRET_KEY', 'netlify env:set SUPABASE_SECRET_KEY <secret key>']]);
  });
});

describe('the new names gathered from the files already read', () => {
  const file = (path: string, kind: OutsideFile['kind'], text: string): OutsideFile => ({ path, kind, text });
  const code = file('src/lib/supabase.ts', 'code', 'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;\n');
  const names = (files: OutsideFile[], paths: string[] = []) => findOutside(files, { paths }).map((o) => [o.kind, o.name, o.file, o.line]);

  it('a new name read by code, with a host: one step per host; with none, one "wherever" step at the read', () => {
    expect(names([code], ['vercel.json', 'fly.toml'])).toEqual([
      ['fly', 'VITE_SUPABASE_PUBLISHABLE_KEY', 'fly.toml', 1],
      ['vercel', 'VITE_SUPABASE_PUBLISHABLE_KEY', 'vercel.json', 1],
    ]);
    expect(names([file('.env.example', 'env', 'VITE_SUPABASE_PUBLISHABLE_KEY=\n'), code])).toEqual([['environment', 'VITE_SUPABASE_PUBLISHABLE_KEY', 'src/lib/supabase.ts', 1]]);
    // An env template alone shows the name too.
    expect(names([file('.env.example', 'env', 'X=1\nSUPABASE_SECRET_KEY=\n')])).toEqual([['environment', 'SUPABASE_SECRET_KEY', '.env.example', 2]]);
  });

  it('not from docs, Edge Functions or config.toml; not a longer name, a plural, another prefix, or a secret under a public prefix', () => {
    expect(
      names([
        file('README.md', 'markdown', 'VITE_SUPABASE_PUBLISHABLE_KEY'),
        file('docs/setup.txt', 'text', 'SUPABASE_SECRET_KEY'),
        file('supabase/functions/api/index.ts', 'code', "Deno.env.get('SUPABASE_SECRET_KEY')"),
        file('supabase/config.toml', 'toml', 'secret = "env(SUPABASE_SECRET_KEY)"'),
        file('src/a.ts', 'code', 'process.env.SUPABASE_SECRET_KEYS; process.env.MY_SUPABASE_SECRET_KEY; process.env.SUPABASE_PUBLISHABLE_KEY_OLD; mySUPABASE_SECRET_KEY'),
        file('src/b.ts', 'code', 'process.env.NEXT_PUBLIC_SUPABASE_SECRET_KEY'),
      ], ['vercel.json']),
    ).toEqual([]);
  });

  it('a name a rename already leads to, or a workflow secret already places, is not repeated', () => {
    const rename = { file: 'src/old.ts', line: 3, ruleId: 'legacy-env-name', rename: { from: 'VITE_SUPABASE_ANON_KEY', to: 'VITE_SUPABASE_PUBLISHABLE_KEY' } };
    expect(findOutside([code], { paths: ['vercel.json'], renames: [rename] }).map((o) => [o.name, o.newName])).toEqual([['VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY']]);
    expect(findOutside([code], { renames: [rename] }).map((o) => [o.kind, o.name])).toEqual([['environment', 'VITE_SUPABASE_ANON_KEY']]);
    const workflow = file('.github/workflows/ci.yml', 'yaml', 'env:\n  VITE_SUPABASE_PUBLISHABLE_KEY: ${{ secrets.VITE_SUPABASE_PUBLISHABLE_KEY }}\n');
    expect(findOutside([workflow, code]).map((o) => [o.kind, o.command])).toEqual([['github-secret', 'gh secret set VITE_SUPABASE_PUBLISHABLE_KEY']]);
  });

  it('step 2 says what is left: to update (renames), to confirm (names already read), or both', () => {
    const step2 = (outside: number, outsideToConfirm: number) =>
      checklist({ findings: [], keyValues: { publishable: 0, secret: 0, legacy: 0 }, supplied: {}, outside, outsideToConfirm }).find((step) => step.step === 2);
    expect(step2(1, 1)).toMatchObject({ status: 'todo', detail: expect.stringMatching(/^done in the repository; 1 place outside to confirm/) });
    expect(step2(2, 0)?.detail).toMatch(/^done in the repository; 2 places outside to update \(/);
    expect(step2(3, 1)?.detail).toMatch(/^done in the repository; 3 places outside to update or confirm/);
  });
});
