// Issue 27 items 1 and 2: text about the migration is left alone (a legacy name beside its new name, a search for it,
// an assertion of its absence, history), instructions keep being migrated, and text about Edge Functions names what
// the Edge runtime injects (SUPABASE_SECRET_KEYS / SUPABASE_PUBLISHABLE_KEYS, JSON with a `default` entry).
import { ruleTester } from './helpers/rule-tester.js';

const rename = (from: string, to: string) => `\`${from}\` is a legacy key name: rename it to \`${to}\``;

ruleTester('legacy-env-name', {
  valid: [
    {
      name: 'a docs mapping table: each row names a legacy name with its new name',
      files: {
        'docs/keys.md':
          '| legacy | new |\n|---|---|\n| `VITE_SUPABASE_ANON_KEY` | `VITE_SUPABASE_PUBLISHABLE_KEY` |\n| SUPABASE_SERVICE_ROLE_KEY | SUPABASE_SECRET_KEY |\n',
      },
    },
    {
      name: 'a line in a README that names the legacy name and its new name (replaced X with Y)',
      files: { 'README.md': '# App\n\nWe replaced `SUPABASE_SERVICE_ROLE_KEY` with `SUPABASE_SECRET_KEY` in March.\n' },
    },
    {
      name: 'a code comment naming both names',
      files: { 'src/env.ts': '// VITE_SUPABASE_ANON_KEY was renamed to VITE_SUPABASE_PUBLISHABLE_KEY\nexport const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n' },
    },
    {
      name: 'a changelog, history and release notes',
      files: {
        'CHANGELOG.md': '## 1.2.0\n\n- Replaced `SUPABASE_SERVICE_ROLE_KEY`.\n',
        'HISTORY.md': '- dropped VITE_SUPABASE_ANON_KEY\n',
        'RELEASE_NOTES.md': '- no more SUPABASE_ANON_KEY\n',
        'docs/releases/v2.md': 'SUPABASE_ANON_KEY is gone\n',
      },
    },
    {
      name: 'ADRs, decisions and dated reports',
      files: {
        'docs/adr/0007-api-keys.md': 'We stop reading SUPABASE_SERVICE_ROLE_KEY.\n',
        'adr/0001.md': 'SUPABASE_ANON_KEY\n',
        'decisions/keys.md': 'SUPABASE_ANON_KEY\n',
        'reports/2026-01-12-audit.md': 'Found VITE_SUPABASE_ANON_KEY in src/.\n',
        'docs/audit-20260112.md': 'Found VITE_SUPABASE_ANON_KEY in src/.\n',
      },
    },
    {
      name: 'generated agent and planning output: .specstory, .claude (not CLAUDE.md), .cursor/plans, .aider, docs/plans',
      files: {
        '.specstory/history/2026-03-01_chat.md': 'renamed VITE_SUPABASE_ANON_KEY\n',
        '.claude/plans/keys.md': 'rename VITE_SUPABASE_ANON_KEY\n',
        '.cursor/plans/migrate.md': 'rename VITE_SUPABASE_ANON_KEY\n',
        '.aider.chat.history.md': 'rename VITE_SUPABASE_ANON_KEY\n',
        'docs/plans/keys.md': 'rename VITE_SUPABASE_ANON_KEY\n',
      },
    },
    {
      name: 'a search for the name: grep, rg, git grep, git log -S in docs, scripts and workflows',
      files: {
        'docs/check.md': 'Run `grep -rn SUPABASE_SERVICE_ROLE_KEY src/` to find leftovers.\n\n```sh\nrg VITE_SUPABASE_ANON_KEY\ngit log -S SUPABASE_ANON_KEY\n```\n',
        'scripts/check.sh': '#!/bin/sh\nif git grep -q SUPABASE_SERVICE_ROLE_KEY; then exit 1; fi\n',
        '.github/workflows/guard.yml': 'on: push\njobs:\n  guard:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "! grep -rn VITE_SUPABASE_ANON_KEY src"\n',
      },
    },
    {
      name: 'a regex literal and a RegExp that search for the name',
      files: { 'scripts/check.ts': "export const legacy = /VITE_SUPABASE_ANON_KEY/\nexport const other = new RegExp('SUPABASE_SERVICE_ROLE_KEY')\n" },
    },
    {
      name: 'assertions of absence: not.toContain, not.toMatch, toBeUndefined, assert … not in',
      files: {
        'test/guard.test.ts':
          "import { expect, it } from 'vitest'\n" +
          "it('has no legacy name', () => {\n" +
          "  expect(src).not.toContain('VITE_SUPABASE_ANON_KEY')\n" +
          '  expect(src).not.toMatch(/SUPABASE_SERVICE_ROLE_KEY/)\n' +
          '  expect(process.env.SUPABASE_ANON_KEY).toBeUndefined()\n' +
          '})\n',
        'tests/test_guard.py': 'def test_guard():\n    assert "SUPABASE_SERVICE_ROLE_KEY" not in src\n',
      },
    },
  ],
  invalid: [
    {
      name: 'instructions keep being migrated: a README setup line, CLAUDE.md, AGENTS.md, an env template, a test reading the env var',
      files: {
        'README.md': '## Setup\n\nSet `VITE_SUPABASE_ANON_KEY` in `.env.local`.\n',
        'CLAUDE.md': 'The client reads VITE_SUPABASE_ANON_KEY.\n',
        '.claude/commands/setup.md': 'Ask for VITE_SUPABASE_ANON_KEY.\n',
        '.env.example': 'VITE_SUPABASE_ANON_KEY=\n',
        'test/client.test.ts': 'export const key = process.env.VITE_SUPABASE_ANON_KEY\n',
      },
      findings: [
        { file: '.claude/commands/setup.md', line: 1, column: 9, message: rename('VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY'), fixable: true },
        { file: '.env.example', line: 1, column: 1, message: rename('VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY'), fixable: true },
        { file: 'CLAUDE.md', line: 1, column: 18, message: rename('VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY'), fixable: true },
        { file: 'README.md', line: 3, column: 6, message: rename('VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY'), fixable: true },
        { file: 'test/client.test.ts', line: 1, column: 32, message: rename('VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY'), fixable: true },
      ],
      output: {
        'README.md': '## Setup\n\nSet `VITE_SUPABASE_PUBLISHABLE_KEY` in `.env.local`.\n',
        'CLAUDE.md': 'The client reads VITE_SUPABASE_PUBLISHABLE_KEY.\n',
        '.claude/commands/setup.md': 'Ask for VITE_SUPABASE_PUBLISHABLE_KEY.\n',
        '.env.example': 'VITE_SUPABASE_PUBLISHABLE_KEY=\n',
        'test/client.test.ts': 'export const key = process.env.VITE_SUPABASE_PUBLISHABLE_KEY\n',
      },
    },
    {
      name: 'prose about what the Edge runtime injects names the JSON variables it really injects',
      files: {
        'docs/functions.md':
          '# Functions\n\n`SUPABASE_SERVICE_ROLE_KEY` is available in every Edge Function.\n\n' +
          '**Backend (Supabase Edge Functions · `supabase secrets set`)**\n\n' +
          '| name | what |\n|:---|:---|\n| `SUPABASE_ANON_KEY` | anon key |\n| `AAB_SUPABASE_SERVICE_ROLE_KEY` | another project |\n\n' +
          '## Frontend\n\nThe app reads `SUPABASE_ANON_KEY` from its env.\n',
        'supabase/functions/README.md': 'Each function reads `SUPABASE_ANON_KEY`.\n',
        'scripts/aab.ts': 'export const key = process.env.AAB_SUPABASE_SERVICE_ROLE_KEY\n',
      },
      findings: [
        { file: 'docs/functions.md', line: 3, column: 2, message: /^`SUPABASE_SERVICE_ROLE_KEY` is a legacy key name; .*JSON.*`default`.*: rename it to `SUPABASE_SECRET_KEYS`$/, fixable: true },
        { file: 'docs/functions.md', line: 9, column: 4, message: /^`SUPABASE_ANON_KEY` is a legacy key name; .*: rename it to `SUPABASE_PUBLISHABLE_KEYS`$/, fixable: true },
        { file: 'docs/functions.md', line: 10, column: 4, message: rename('AAB_SUPABASE_SERVICE_ROLE_KEY', 'AAB_SUPABASE_SECRET_KEY'), fixable: true },
        { file: 'docs/functions.md', line: 14, column: 16, message: rename('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEY'), fixable: true },
        { file: 'scripts/aab.ts', line: 1, column: 32, message: rename('AAB_SUPABASE_SERVICE_ROLE_KEY', 'AAB_SUPABASE_SECRET_KEY'), fixable: true },
        { file: 'supabase/functions/README.md', line: 1, column: 22, message: /: rename it to `SUPABASE_PUBLISHABLE_KEYS`$/, fixable: true },
      ],
      output: {
        'docs/functions.md':
          '# Functions\n\n`SUPABASE_SECRET_KEYS` is available in every Edge Function.\n\n' +
          '**Backend (Supabase Edge Functions · `supabase secrets set`)**\n\n' +
          '| name | what |\n|:---|:---|\n| `SUPABASE_PUBLISHABLE_KEYS` | anon key |\n| `AAB_SUPABASE_SECRET_KEY` | another project |\n\n' +
          '## Frontend\n\nThe app reads `SUPABASE_PUBLISHABLE_KEY` from its env.\n',
        'supabase/functions/README.md': 'Each function reads `SUPABASE_PUBLISHABLE_KEYS`.\n',
        'scripts/aab.ts': 'export const key = process.env.AAB_SUPABASE_SECRET_KEY\n',
      },
    },
    {
      name: "a list or a table that names Edge Functions in one item or row: only that item's names are the runtime's (real repos: luvi-app's checklist, xbill's audit report)",
      files: {
        'docs/checklist.md':
          'Rotate in every environment:\n' +
          '1. **Edge Function secrets** (if set):\n   - `SUPABASE_SERVICE_ROLE_KEY`\n' +
          '2. **Client keys**:\n   - `SUPABASE_ANON_KEY` is publishable, rotate it anyway.\n\n' +
          '| id | where | finding |\n|---|---|---|\n| C1 | `project.yml` | `SUPABASE_ANON_KEY` hard-coded in the app |\n| C2 | `functions/invite` | the Edge Function reads `SUPABASE_SERVICE_ROLE_KEY` |\n',
      },
      findings: [
        { file: 'docs/checklist.md', line: 3, column: 7, message: /: rename it to `SUPABASE_SECRET_KEYS`$/, fixable: true },
        { file: 'docs/checklist.md', line: 5, column: 7, message: rename('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEY'), fixable: true },
        { file: 'docs/checklist.md', line: 9, column: 25, message: rename('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEY'), fixable: true },
        { file: 'docs/checklist.md', line: 10, column: 54, message: /: rename it to `SUPABASE_SECRET_KEYS`$/, fixable: true },
      ],
      output: {
        'docs/checklist.md':
          'Rotate in every environment:\n' +
          '1. **Edge Function secrets** (if set):\n   - `SUPABASE_SECRET_KEYS`\n' +
          '2. **Client keys**:\n   - `SUPABASE_PUBLISHABLE_KEY` is publishable, rotate it anyway.\n\n' +
          '| id | where | finding |\n|---|---|---|\n| C1 | `project.yml` | `SUPABASE_PUBLISHABLE_KEY` hard-coded in the app |\n| C2 | `functions/invite` | the Edge Function reads `SUPABASE_SECRET_KEYS` |\n',
      },
    },
    {
      name: 'a Deno.env read of an injected name in docs: advice to read the JSON, no rename',
      files: { 'docs/edge.md': "In an Edge Function:\n\n```ts\nconst key = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n```\n" },
      findings: [{ line: 4, column: 27, message: /read it as `JSON\.parse\(Deno\.env\.get\('SUPABASE_SECRET_KEYS'\) \?\? '\{\}'\)\.default`$/, fixable: false }],
      output: null,
    },
  ],
});
