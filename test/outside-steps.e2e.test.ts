// End to end: the steps outside the repository (issue 20) on screen, in JSON and in the report, and step 2 never falsely done.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, removeTempDirs, runCli, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

const VITE_APP = {
  'package.json': JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { '@supabase/supabase-js': '^2.50.0', vite: '^6.0.0' } }, null, 2) + '\n',
  'src/lib/supabase.ts':
    "import { createClient } from '@supabase/supabase-js';\n" +
    'export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY);\n',
  'index.html': '<script type="module" src="/src/lib/supabase.ts"></script>\n',
};

interface Outside {
  kind: string;
  name: string;
  newName?: string;
  action: string;
  command?: string;
  done?: boolean;
}
interface Json {
  outside: Outside[];
  checklist: { step: number; status: string; detail: string }[];
}

const json = (stdout: string) => JSON.parse(stdout) as Json;
const step2 = (document: Json) => document.checklist.find((step) => step.step === 2);

describe('steps outside the repository', () => {
  it('a Vite app with only vercel.json: the Vercel step on screen (preview and --write), in JSON and the report; step 2 not done', () => {
    const repo = commitAll(writeTree({ ...VITE_APP, 'vercel.json': '{"rewrites":[]}\n' }));
    const preview = runCli(repo, ['--no-color']);
    expect(preview.stdout).toContain('Vercel');
    expect(preview.stdout).toContain('add VITE_SUPABASE_PUBLISHABLE_KEY (Production, Preview, Development) with the publishable key; remove VITE_SUPABASE_ANON_KEY after the deploy');
    expect(preview.stdout).toContain('vercel env add VITE_SUPABASE_PUBLISHABLE_KEY production');

    const document = json(runCli(repo, ['--format', 'json']).stdout);
    expect(document.outside).toContainEqual(
      expect.objectContaining({ kind: 'vercel', name: 'VITE_SUPABASE_ANON_KEY', newName: 'VITE_SUPABASE_PUBLISHABLE_KEY', command: 'vercel env add VITE_SUPABASE_PUBLISHABLE_KEY production' }),
    );

    const write = runCli(repo, ['--write', '--no-color', '--report', 'MIGRATION.md']);
    expect(write.stdout).toContain('vercel env add VITE_SUPABASE_PUBLISHABLE_KEY production');
    const report = readFileSync(join(repo, 'MIGRATION.md'), 'utf8');
    expect(report).toContain('VITE_SUPABASE_PUBLISHABLE_KEY');
    expect(report).toContain('vercel env add VITE_SUPABASE_PUBLISHABLE_KEY production');
    expect(report).toMatch(/2\. .*\*\*Update environment variables everywhere\*\* \(todo\): done in the repository; 1 place outside to update/);

    // The --write run's own checklist (JSON): the repository is done, Vercel is not.
    const again = commitAll(writeTree({ ...VITE_APP, 'vercel.json': '{"rewrites":[]}\n' }));
    const written = json(runCli(again, ['--write', '--format', 'json']).stdout);
    expect(step2(written)).toMatchObject({ status: 'todo', detail: expect.stringMatching(/^done in the repository; 1 place outside to update/) });
    expect(written.outside.map((o) => o.kind)).toEqual(['vercel']);
  });

  it('a workflow using ${{ secrets.VITE_SUPABASE_ANON_KEY }}: the gh secret set line on screen after --write', () => {
    const repo = commitAll(
      writeTree({
        ...VITE_APP,
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run build\n        env:\n          VITE_SUPABASE_ANON_KEY: ${{ secrets.VITE_SUPABASE_ANON_KEY }}\n',
      }),
    );
    const write = runCli(repo, ['--write', '--no-color']);
    expect(write.stdout).toContain('gh secret set VITE_SUPABASE_PUBLISHABLE_KEY');
    expect(write.stdout).toContain('GitHub Actions secrets');
  });

  it('no hosting evidence: the "wherever this app\'s environment is configured" step for each renamed name', () => {
    const repo = commitAll(writeTree(VITE_APP));
    const preview = runCli(repo, ['--no-color']);
    expect(preview.stdout).toMatch(/wherever this app's environment is configured \(hosting dashboard, CI, teammates' \.env files\)/i);
    expect(preview.stdout).toContain('add VITE_SUPABASE_PUBLISHABLE_KEY with the publishable key; remove VITE_SUPABASE_ANON_KEY after the deploy');
    const document = json(runCli(repo, ['--format', 'json']).stdout);
    const steps = document.outside.filter((o) => o.kind === 'environment');
    expect(steps.map((o) => [o.name, o.newName])).toEqual([['VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY']]);
    expect(step2(document)?.status).toBe('todo');
  });

  it('outsideDone in the config: those steps shown done, and step 2 done once the repository is', () => {
    const config = JSON.stringify({ outsideDone: ['vercel:VITE_SUPABASE_PUBLISHABLE_KEY'] });
    const repo = commitAll(writeTree({ ...VITE_APP, 'vercel.json': '{"rewrites":[]}\n', 'migrate-keys.config.json': config }));
    const preview = json(runCli(repo, ['--format', 'json']).stdout);
    expect(preview.outside).toContainEqual(expect.objectContaining({ kind: 'vercel', newName: 'VITE_SUPABASE_PUBLISHABLE_KEY', done: true }));
    // The repository still reads the legacy name: step 2 waits for --write.
    expect(step2(preview)?.status).toBe('todo');
    const write = runCli(repo, ['--write', '--no-color']);
    expect(write.status).toBe(0);
    expect(write.stdout).toMatch(/✔ add VITE_SUPABASE_PUBLISHABLE_KEY .*vercel env add VITE_SUPABASE_PUBLISHABLE_KEY production/);
    expect(write.stdout).toContain('every step recorded done');
    // The --write run's own checklist: the repository done, the one step outside recorded done.
    const again = commitAll(writeTree({ ...VITE_APP, 'vercel.json': '{"rewrites":[]}\n', 'migrate-keys.config.json': config }));
    const written = json(runCli(again, ['--write', '--format', 'json']).stdout);
    expect(step2(written)).toMatchObject({ status: 'done', detail: expect.stringContaining('recorded done') });
  });

  it('outsideDone is checked like every other setting', () => {
    const repo = commitAll(writeTree({ ...VITE_APP, 'migrate-keys.config.json': JSON.stringify({ outsideDone: ['Vercel VITE_SUPABASE_PUBLISHABLE_KEY'] }) }));
    const run = runCli(repo, ['--check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('outsideDone');
  });
});
