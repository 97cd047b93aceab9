// deploy-verify-jwt: a `supabase functions deploy` that leaves verify_jwt on: a warning for a function whose only guard it
// is (add a check in the handler first), an info for one that checks its caller in code (docs/rules/deploy-verify-jwt.md).
import { ruleTester } from '../helpers/rule-tester.js';

// `hello` is on by default; `cron` is off in config.toml.
const PROJECT = {
  'supabase/config.toml': '[functions.cron]\nverify_jwt = false\n',
  'supabase/functions/hello/index.ts': "Deno.serve(() => new Response('hello'))\n",
  'supabase/functions/cron/index.ts': "Deno.serve(() => new Response('cron'))\n",
};
// Issue 20 item 7: one sentence of what is wrong, one of what to do; the why is in the rule's docs.
const leaves = (slugs: string, every = false) =>
  `this deploy ${every ? 'of every function ' : ''}leaves verify_jwt on for ${slugs}, its only guard, which may reject every caller once ` +
  'the legacy keys are disabled. Add a check in the handler (auth.getClaims, the apikey header against SUPABASE_SECRET_KEYS, a webhook ' +
  'signature), then --no-verify-jwt.';
const safe = (slugs: string, every = false) =>
  `this deploy ${every ? 'of every function ' : ''}leaves verify_jwt on for ${slugs}, which checks its caller in code, though verify_jwt ` +
  'must be off before the move to asymmetric signing keys. Add --no-verify-jwt (or set verify_jwt = false in config.toml).';

ruleTester('deploy-verify-jwt', {
  valid: [
    {
      name: 'deploys that turn it off, or deploy only functions that are off, or a function that does not exist',
      files: {
        'scripts/deploy.sh': 'supabase functions deploy hello --no-verify-jwt\nsupabase functions deploy cron\nsupabase functions deploy nope\n',
        ...PROJECT,
      },
    },
    {
      name: 'a deploy shown in Markdown docs is not a script',
      files: { 'README.md': '```sh\nsupabase functions deploy hello\n```\n', ...PROJECT },
    },
    // Issue 27 item 4: a deploy command is read as the shell reads it, its continuation lines and the script it calls included.
    {
      name: 'the flag on a continuation line: shell `\\`, a && chain, a YAML `>` block, a `|` block, a PowerShell backtick',
      files: {
        'scripts/deploy.sh': 'supabase functions deploy hello \\\n  --project-ref "$PROJECT_REF" \\\n  --no-verify-jwt && echo deployed\n',
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n' +
          '      - run: >\n          supabase functions deploy hello\n          --no-verify-jwt\n' +
          '      - run: |\n          supabase functions deploy hello \\\n            --no-verify-jwt\n' +
          '      - shell: pwsh\n        run: |\n          supabase functions deploy hello `\n            --no-verify-jwt\n',
        ...PROJECT,
      },
    },
    {
      name: 'npm scripts that call a script file, which passes their arguments on ("$@")',
      files: {
        'package.json':
          '{\n  "scripts": {\n    "deploy": "./scripts/deploy.sh hello --no-verify-jwt",\n    "deploy:all": "bash scripts/deploy.sh --no-verify-jwt"\n  }\n}\n',
        'scripts/deploy.sh': '#!/bin/sh\nset -e\nsupabase functions deploy "$@" --project-ref "$PROJECT_REF"\n',
        ...PROJECT,
      },
    },
  ],
  invalid: [
    {
      name: 'a deploy script',
      files: { 'scripts/deploy.sh': '#!/bin/sh\nset -e\nsupabase functions deploy hello --project-ref "$PROJECT_REF"\n', ...PROJECT },
      findings: [{ line: 3, column: 1, message: leaves('`hello`') }],
    },
    {
      name: 'a package.json script through npx, without names: every function is deployed (only those on are named)',
      files: { 'package.json': '{\n  "scripts": {\n    "deploy": "npx supabase functions deploy"\n  }\n}\n', ...PROJECT },
      findings: [{ line: 3, column: 20, message: leaves('`hello`', true) }],
    },
    {
      name: 'a workflow step, a Makefile recipe, and `--no-verify-jwt=false`',
      files: {
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: supabase/setup-cli@v1\n' +
          '      - run: supabase functions deploy hello --project-ref ${{ secrets.PROJECT_REF }}\n',
        Makefile: 'deploy:\n\tbunx supabase@2.20.0 functions deploy --no-verify-jwt=false hello\n',
        ...PROJECT,
      },
      findings: [
        { file: '.github/workflows/deploy.yml', line: 7, column: 14, message: leaves('`hello`') },
        { file: 'Makefile', line: 2, column: 7, message: leaves('`hello`') },
      ],
    },
    {
      name: 'a monorepo: --workdir picks the project, and a package.json deploys the project in its own folder',
      files: {
        'scripts/deploy.sh': 'supabase functions deploy --workdir apps/api\n',
        'apps/web/package.json': '{ "scripts": { "deploy": "supabase functions deploy" } }\n',
        'apps/api/supabase/config.toml': '',
        'apps/api/supabase/functions/a/index.ts': 'export {}\n',
        'apps/web/supabase/config.toml': '',
        'apps/web/supabase/functions/b/index.ts': 'export {}\n',
      },
      findings: [
        { file: 'apps/web/package.json', line: 1, column: 27, message: leaves('`b`', true) },
        { file: 'scripts/deploy.sh', line: 1, column: 1, message: leaves('`a`', true) },
      ],
    },
    {
      name: 'a function that checks its caller is an info, one that does not a warning, on the same deploy',
      files: {
        'scripts/deploy.sh': 'supabase functions deploy\n',
        ...PROJECT,
        'supabase/functions/me/index.ts':
          "Deno.serve(async (req) => {\n  const { data } = await supabase.auth.getClaims(req.headers.get('Authorization')!.slice(7))\n  return Response.json(data)\n})\n",
      },
      findings: [
        { line: 1, column: 1, severity: 'warning', message: leaves('`hello`', true) },
        { line: 1, column: 1, severity: 'info', message: safe('`me`', true) },
      ],
    },
    {
      name: 'a continuation line without the flag, and a script file called without it',
      files: {
        'scripts/deploy.sh': 'supabase functions deploy hello \\\n  --project-ref "$PROJECT_REF"\necho --no-verify-jwt\n',
        'scripts/all.sh': 'supabase functions deploy "$@"\n',
        'package.json': '{ "scripts": { "deploy": "sh scripts/all.sh hello" } }\n',
        ...PROJECT,
      },
      findings: [
        { file: 'scripts/all.sh', line: 1, column: 1, message: leaves('`hello`') },
        { file: 'scripts/deploy.sh', line: 1, column: 1, message: leaves('`hello`') },
      ],
    },
    {
      name: 'one deploy with the flag does not excuse another without it',
      files: { 'scripts/a.sh': 'supabase functions deploy hello --no-verify-jwt\n', 'scripts/b.sh': 'supabase functions deploy hello\n', ...PROJECT },
      findings: [{ file: 'scripts/b.sh', line: 1, column: 1, message: leaves('`hello`') }],
    },
    {
      name: 'a command that is only echoed or commented out',
      // Known: deploy commands are found by a text match, so an echoed string and a commented-out line count as deploys.
      files: { 'scripts/help.sh': 'echo "run supabase functions deploy hello"\n# supabase functions deploy hello\n', ...PROJECT },
      findings: [
        { line: 1, column: 11, message: leaves('`hello`') },
        { line: 2, column: 3, message: leaves('`hello`') },
      ],
    },
  ],
});
