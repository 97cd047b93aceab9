// Issue 27's acceptance: on a tree that is already migrated — the shipped example after `--write`, then a migration
// doc, a changelog entry, a guard test and a deploy command continued on a second line — `--check` is quiet (exit 0,
// nothing but the legacy values that only new keys can replace) and a second `--write` changes nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, exampleRepo, removeTempDirs, runCli, snapshot } from './helpers/repo.js';

afterAll(removeTempDirs);

const ADDED: Record<string, string> = {
  'docs/migration.md':
    '# Moving to the new API keys\n\n' +
    '| Before | After |\n|---|---|\n' +
    '| `VITE_SUPABASE_ANON_KEY` | `VITE_SUPABASE_PUBLISHABLE_KEY` |\n' +
    '| `SUPABASE_SERVICE_ROLE_KEY` | `SUPABASE_SECRET_KEY` |\n\n' +
    'Check that nothing reads the old names any more:\n\n```sh\ngrep -rn SUPABASE_SERVICE_ROLE_KEY src scripts\n```\n',
  'CHANGELOG.md':
    '# Changelog\n\n## 1.4.0 (2026-11-20)\n\n' +
    '- Replaced `SUPABASE_SERVICE_ROLE_KEY` with `SUPABASE_SECRET_KEY` and `VITE_SUPABASE_ANON_KEY` with `VITE_SUPABASE_PUBLISHABLE_KEY`.\n',
  'src/lib/keys.test.ts':
    "import { readFileSync } from 'node:fs'\nimport { expect, it } from 'vitest'\n\n" +
    "it('reads only the new key names', () => {\n" +
    "  const src = readFileSync('src/lib/supabase.ts', 'utf8')\n" +
    "  expect(src).not.toContain('VITE_SUPABASE_ANON_KEY')\n" +
    "  expect(src).toContain('VITE_SUPABASE_PUBLISHABLE_KEY')\n" +
    '})\n',
  'supabase/config.toml': 'project_id = "todos"\n',
  'supabase/functions/hello/index.ts':
    "import { createClient } from 'npm:@supabase/supabase-js@2'\n\n" +
    'Deno.serve(async (req) => {\n' +
    "  const token = req.headers.get('Authorization')?.replace('Bearer ', '') ?? ''\n" +
    "  const supabase = createClient(Deno.env.get('SUPABASE_URL')!, JSON.parse(Deno.env.get('SUPABASE_PUBLISHABLE_KEYS') ?? '{}').default)\n" +
    '  const { data, error } = await supabase.auth.getClaims(token)\n' +
    "  if (error || !data) return new Response('Unauthorized', { status: 401 })\n" +
    "  return new Response('hello')\n" +
    '})\n',
  'scripts/deploy.sh': '#!/bin/sh\nset -e\nsupabase functions deploy hello \\\n  --no-verify-jwt\n',
};

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe('a tree whose migration is done', () => {
  it('--check is quiet (exit 0, only the legacy values new keys replace) and a second --write changes nothing', () => {
    const repo = exampleRepo('vite-react');
    expect(runCli(repo, ['--write']).status).toBe(0);
    write(repo, ADDED);
    commitAll(repo, 'migrated by hand, with notes');

    const check = runCli(repo, ['--check', '-f', 'json']);
    expect(check.status).toBe(0);
    const findings = (JSON.parse(check.stdout) as { findings: { ruleId: string; file: string; severity: string }[] }).findings;
    // The .env files still hold the legacy JWTs under the new names: only the new keys can replace them.
    expect(findings.filter((f) => f.ruleId !== 'legacy-key-value')).toEqual([]);

    const before = snapshot(repo);
    const again = runCli(repo, ['--write']);
    expect(again.status).toBe(0);
    expect(snapshot(repo)).toEqual(before);
  });
});
