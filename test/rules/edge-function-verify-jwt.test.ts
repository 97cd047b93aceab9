// edge-function-verify-jwt: a function whose effective verify_jwt is on. Its only guard → a warning (verify_jwt
// authenticates no API-key caller; add a check in the handler first), never fixed; a function that checks its caller
// in code → an info, and only that one gets --write --unsafe's verify_jwt = false (docs/rules/edge-function-verify-jwt.md).
import { ruleTester } from '../helpers/rule-tester.js';

const CONFIG = 'supabase/config.toml';
const HANDLER = "Deno.serve(() => new Response('ok'))\n";
// A handler that checks its caller: a signed-in user's token, verified by Supabase Auth.
const GUARDED =
  'Deno.serve(async (req) => {\n' +
  "  const token = req.headers.get('Authorization')?.replace('Bearer ', '') ?? ''\n" +
  '  const { data, error } = await supabase.auth.getClaims(token)\n' +
  "  if (error || !data) return new Response('Unauthorized', { status: 401 })\n" +
  "  return new Response('ok')\n" +
  '})\n';
const fn = (slug: string) => ({ [`supabase/functions/${slug}/index.ts`]: HANDLER });
const guarded = (slug: string) => ({ [`supabase/functions/${slug}/index.ts`]: GUARDED });
const HINT_ANY =
  "auth.getClaims(token) for signed-in users; the apikey header against SUPABASE_SECRET_KEYS for services; " +
  "a webhook signature for third parties; or withSupabase({ auth: 'user' | 'secret' }) from @supabase/server";
const SERVICE_HINT = "the apikey header against SUPABASE_SECRET_KEYS for services; or withSupabase({ auth: 'secret' }) from @supabase/server";
// An app that signs no user in calls with the publishable key alone (issue 19 §1: signed-in or anonymous path).
const ANONYMOUS_HINT =
  "the apikey header against SUPABASE_PUBLISHABLE_KEYS for an app without sign-in; or withSupabase({ auth: 'publishable' }) from @supabase/server";
const USER_HINT = "auth.getClaims(token) for signed-in users; or withSupabase({ auth: 'user' }) from @supabase/server";
// Issue 20 item 7: one sentence of what is wrong, one of what to do; the why is in the rule's docs.
const onlyGuard = (slug: string, how: string, callers = '', hint = HINT_ANY) =>
  `function \`${slug}\`: ${how} and is its only guard${callers}, which may reject every caller once the legacy keys are disabled. ` +
  `Add a check in the handler (${hint}), then set \`verify_jwt = false\`.`;
const safeOff = (slug: string, how: string, todo = 'Set `verify_jwt = false` (--write --unsafe does).') =>
  `function \`${slug}\`: ${how} though the function checks its caller in code, and verify_jwt must be off before the move to asymmetric signing keys. ${todo}`;

ruleTester('edge-function-verify-jwt', {
  valid: [
    {
      name: 'off: verify_jwt = false in config.toml, or --no-verify-jwt on every deploy (the flag wins over config.toml)',
      files: {
        [CONFIG]: '[functions.hello]\nverify_jwt = false\n',
        ...fn('hello'),
        ...fn('cron'),
        'package.json': '{ "scripts": { "deploy": "supabase functions deploy cron --no-verify-jwt" } }\n',
      },
    },
    {
      name: 'not functions: _shared code, a folder without an entrypoint, a config.toml outside supabase/',
      files: {
        [CONFIG]: 'project_id = "my-app"\n',
        'supabase/functions/_shared/cors.ts': 'export const cors = {}\n',
        'supabase/functions/drafts/README.md': 'nothing here yet\n',
        'config.toml': '[functions.hello]\nverify_jwt = true\n',
      },
    },
  ],
  invalid: [
    {
      name: 'only guard, on by default: a warning; --unsafe leaves config.toml alone (it wrote verify_jwt = false for a function that checks no one: issue 19)',
      files: { [CONFIG]: 'project_id = "my-app"\n', ...fn('send-report') },
      options: { unsafe: true },
      findings: [
        { file: 'supabase/functions/send-report/index.ts', line: 1, column: 1, severity: 'warning', message: onlyGuard('send-report', 'verify_jwt is on by default'), fixable: false },
      ],
      output: { [CONFIG]: 'project_id = "my-app"\n' },
    },
    {
      name: 'checks its caller (auth.getClaims), on by default: an info, and --unsafe appends a [functions.<slug>] table',
      files: { [CONFIG]: 'project_id = "my-app"\n', ...guarded('send-report') },
      options: { unsafe: true },
      // At the end of the file, where the table goes.
      findings: [{ file: CONFIG, line: 2, column: 1, severity: 'info', message: safeOff('send-report', 'verify_jwt is on by default'), fixable: true }],
      output: { [CONFIG]: 'project_id = "my-app"\n\n[functions.send-report]\nverify_jwt = false\n' },
    },
    {
      name: 'the guard in an imported helper counts (a constant-time compare with an entry of SUPABASE_SECRET_KEYS)',
      files: {
        [CONFIG]: '[functions.hello]\nverify_jwt = true\n',
        'supabase/functions/hello/index.ts': "import { requireSecret } from '../_shared/auth.ts'\nDeno.serve((req) => requireSecret(req) ?? new Response('ok'))\n",
        'supabase/functions/_shared/auth.ts':
          "import { timingSafeEqual } from 'jsr:@std/crypto/timing-safe-equal'\n" +
          'export function requireSecret(req: Request) {\n' +
          "  const keys = Object.values(JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}')) as string[]\n" +
          "  const got = new TextEncoder().encode(req.headers.get('apikey') ?? '')\n" +
          '  if (keys.some((k) => timingSafeEqual(new TextEncoder().encode(k), got))) return undefined\n' +
          "  return new Response('Unauthorized', { status: 401 })\n" +
          '}\n',
      },
      options: { unsafe: true },
      findings: [{ file: CONFIG, line: 2, column: 14, severity: 'info', message: safeOff('hello', 'verify_jwt = true'), fixable: true }],
      output: { [CONFIG]: '[functions.hello]\nverify_jwt = false\n' },
    },
    {
      name: "a webhook's signature check (Stripe constructEvent) is a guard",
      files: {
        [CONFIG]: '[functions.stripe-webhook]\nverify_jwt = true\n',
        'supabase/functions/stripe-webhook/index.ts':
          'Deno.serve(async (req) => {\n' +
          "  const event = await stripe.webhooks.constructEventAsync(await req.text(), req.headers.get('stripe-signature')!, secret)\n" +
          '  return new Response(event.type)\n' +
          '})\n',
      },
      options: { unsafe: true },
      findings: [{ file: CONFIG, line: 2, column: 14, severity: 'info', message: safeOff('stripe-webhook', 'verify_jwt = true'), fixable: true }],
      output: { [CONFIG]: '[functions.stripe-webhook]\nverify_jwt = false\n' },
    },
    {
      name: 'a jose JWKS verification is a guard',
      files: {
        [CONFIG]: '[functions.hello]\nverify_jwt = true\n',
        'supabase/functions/hello/index.ts':
          "import { createRemoteJWKSet, jwtVerify } from 'npm:jose'\n" +
          "const JWKS = createRemoteJWKSet(new URL(Deno.env.get('SUPABASE_URL') + '/auth/v1/.well-known/jwks.json'))\n" +
          "Deno.serve(async (req) => { await jwtVerify(token(req), JWKS); return new Response('ok') })\n",
      },
      findings: [{ file: CONFIG, line: 2, column: 14, severity: 'info', message: safeOff('hello', 'verify_jwt = true') }],
    },
    {
      name: "without --unsafe the warning stands, on the function's own entry file when config.toml has no table of it (issue 18, item 14)",
      // It was anchored past the last line of config.toml, or on another function's line when the file ends without a newline.
      files: { [CONFIG]: '[functions.other]\nverify_jwt = false', ...fn('hello'), ...fn('other') },
      findings: [{ file: 'supabase/functions/hello/index.ts', line: 1, column: 1, message: onlyGuard('hello', 'verify_jwt is on by default'), fixable: false }],
    },
    {
      name: 'a function that has its own table keeps the finding there',
      files: { [CONFIG]: '[functions.hello]\nimport_map = "./import_map.json"\n', ...fn('hello'), ...guarded('checked') },
      findings: [
        { file: CONFIG, line: 1, column: 1, severity: 'warning', message: onlyGuard('hello', 'verify_jwt is on by default'), fixable: false },
        { file: 'supabase/functions/checked/index.ts', line: 1, column: 1, severity: 'info', message: safeOff('checked', 'verify_jwt is on by default'), fixable: false },
      ],
    },
    {
      name: 'suppressed on its entry file, --unsafe leaves config.toml alone',
      files: {
        [CONFIG]: 'project_id = "my-app"\n',
        'supabase/functions/hello/index.ts': '// migrate-keys-ignore edge-function-verify-jwt -- called by a signed-in user only\n' + GUARDED,
        ...guarded('other'),
      },
      options: { unsafe: true },
      findings: [{ file: CONFIG, line: 2, column: 1, severity: 'info', message: safeOff('other', 'verify_jwt is on by default'), fixable: true }],
      output: { [CONFIG]: 'project_id = "my-app"\n\n[functions.other]\nverify_jwt = false\n' },
    },
    {
      name: 'verify_jwt = true: only the value changes, comments and other keys stay',
      files: {
        [CONFIG]: 'project_id = "my-app"\n\n[functions.hello]\n# the dashboard calls it\nverify_jwt = true # for now\nimport_map = "./import_map.json"\n',
        ...guarded('hello'),
      },
      options: { unsafe: true },
      findings: [{ file: CONFIG, line: 5, column: 14, severity: 'info', message: safeOff('hello', 'verify_jwt = true'), fixable: true }],
      output: { [CONFIG]: 'project_id = "my-app"\n\n[functions.hello]\n# the dashboard calls it\nverify_jwt = false # for now\nimport_map = "./import_map.json"\n' },
    },
    {
      name: 'a table without the key, CRLF and no final newline: the key goes under the header, in CRLF',
      files: { [CONFIG]: '[functions.hello]\r\nimport_map = "./import_map.json"', ...guarded('hello') },
      options: { unsafe: true },
      findings: [{ file: CONFIG, line: 1, column: 1, severity: 'info', fixable: true }],
      output: { [CONFIG]: '[functions.hello]\r\nverify_jwt = false\r\nimport_map = "./import_map.json"' },
    },
    {
      name: 'the callers found in the repository are named, and the check suggested fits them; only the guarded function gets a table',
      files: {
        [CONFIG]: '[functions.b]\nverify_jwt = false\n',
        ...fn('a'),
        ...fn('b'),
        ...guarded('c'),
        ...fn('d'),
        'src/api.ts': "await supabase.functions.invoke('a')\nawait fetch(`${url}/functions/v1/a`)\n",
        'supabase/migrations/20260101000000_cron.sql':
          "select cron.schedule('nightly', '0 3 * * *', $$ select net.http_post(url := 'https://x.supabase.co/functions/v1/d', " +
          "headers := jsonb_build_object('Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key'))) $$);\n",
      },
      options: { unsafe: true },
      findings: [
        { file: CONFIG, line: 3, column: 1, severity: 'info', message: safeOff('c', 'verify_jwt is on by default'), fixable: true },
        {
          file: 'supabase/functions/a/index.ts',
          line: 1,
          column: 1,
          severity: 'warning',
          message: onlyGuard('a', 'verify_jwt is on by default', ' (called from src/api.ts:1, src/api.ts:2)', ANONYMOUS_HINT),
          fixable: false,
        },
        {
          file: 'supabase/functions/d/index.ts',
          line: 1,
          column: 1,
          severity: 'warning',
          message: onlyGuard(
            'd',
            'verify_jwt is on by default',
            ' (called from supabase/migrations/20260101000000_cron.sql:1)',
            SERVICE_HINT,
          ),
          fixable: false,
        },
      ],
      output: { [CONFIG]: '[functions.b]\nverify_jwt = false\n\n[functions.c]\nverify_jwt = false\n' },
    },
    {
      name: 'a signed-in-only caller and an anonymous one, each in its own package: the check fits the path; --unsafe leaves config.toml alone (issue 19 §1)',
      files: {
        [CONFIG]: '[functions.orders]\nverify_jwt = true\n',
        ...fn('orders'),
        ...fn('contact'),
        'apps/shop/package.json': '{ "name": "shop" }\n',
        'apps/shop/src/login.ts': 'export const login = (email: string, password: string) => supabase.auth.signInWithPassword({ email, password })\n',
        'apps/shop/src/orders.ts': "export const orders = () => supabase.functions.invoke('orders')\n",
        'apps/landing/package.json': '{ "name": "landing" }\n',
        'apps/landing/src/form.ts': "export const send = (body: string) => supabase.functions.invoke('contact', { body })\n",
      },
      options: { unsafe: true },
      findings: [
        {
          file: CONFIG,
          line: 2,
          severity: 'warning',
          message: onlyGuard('orders', 'verify_jwt = true', ' (called from apps/shop/src/orders.ts:1)', USER_HINT),
          fixable: false,
        },
        {
          file: 'supabase/functions/contact/index.ts',
          line: 1,
          severity: 'warning',
          message: onlyGuard('contact', 'verify_jwt is on by default', ' (called from apps/landing/src/form.ts:1)', ANONYMOUS_HINT),
          fixable: false,
        },
      ],
    },
    {
      name: 'callers that only name the URL: a cron job in a migration (pg_net, project URL from Vault) and a curl in a workflow, neither naming Supabase nor a header the prefilter knows (issue 19 §1)',
      files: {
        [CONFIG]: 'project_id = "my-app"\n',
        ...fn('nightly'),
        ...fn('ping'),
        'supabase/migrations/20260102000000_nightly.sql':
          "select cron.schedule('nightly', '0 3 * * *', $$\n" +
          "  select net.http_post(url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/nightly',\n" +
          "    headers := jsonb_build_object('apikey', (select decrypted_secret from vault.decrypted_secrets where name = 'api_key')))\n" +
          '$$);\n',
        '.github/workflows/ping.yml':
          'on: push\njobs:\n  ping:\n    runs-on: ubuntu-latest\n    steps:\n' +
          '      - run: curl -X POST "$PROJECT_URL/functions/v1/ping" -H "apikey: $API_KEY"\n',
      },
      findings: [
        {
          file: 'supabase/functions/nightly/index.ts',
          line: 1,
          column: 1,
          severity: 'warning',
          message: onlyGuard('nightly', 'verify_jwt is on by default', ' (called from supabase/migrations/20260102000000_nightly.sql:2)', SERVICE_HINT),
          fixable: false,
        },
        {
          file: 'supabase/functions/ping/index.ts',
          line: 1,
          column: 1,
          severity: 'warning',
          message: onlyGuard('ping', 'verify_jwt is on by default', ' (called from .github/workflows/ping.yml:6)', SERVICE_HINT),
          fixable: false,
        },
      ],
    },
    {
      name: "a caller in a comment is none, nor a function's own file: a commented-out curl example in the function, a commented invoke, a commented pg_net call and a commented curl in a workflow (issue 19 §4: SQSupabase)",
      files: {
        [CONFIG]: 'project_id = "my-app"\n',
        'supabase/functions/sqoops/index.ts':
          HANDLER +
          '/* To invoke locally:\n' +
          "  curl -i --location --request POST 'http://127.0.0.1:54321/functions/v1/sqoops' \\\n" +
          "    --header 'Content-Type: application/json'\n" +
          '*/\n' +
          "// then: await fetch('http://127.0.0.1:54321/functions/v1/sqoops')\n" +
          "export const self = () => fetch('http://127.0.0.1:54321/functions/v1/sqoops')\n",
        'src/notes.ts': "// TODO: await supabase.functions.invoke('sqoops')\n/** calls /functions/v1/sqoops some day */\nexport const x = 1\n",
        'supabase/migrations/20260101000000_cron.sql':
          "-- select net.http_post(url := 'https://x.supabase.co/functions/v1/sqoops');\nselect 1; /* net.http_post(url := '/functions/v1/sqoops') */\n",
        '.github/workflows/ping.yml':
          'on: push\njobs:\n  ping:\n    runs-on: ubuntu-latest\n    steps:\n' +
          '      # - run: curl -X POST "$PROJECT_URL/functions/v1/sqoops"\n      - run: echo ok # curl "$PROJECT_URL/functions/v1/sqoops"\n',
      },
      findings: [
        { file: 'supabase/functions/sqoops/index.ts', line: 1, column: 1, severity: 'warning', message: onlyGuard('sqoops', 'verify_jwt is on by default'), fixable: false },
      ],
    },
    {
      name: 'another Edge Function is a server: it holds the secret key, so the secret-key check is suggested (issue 19 §4: MoviNesta admin-openrouter-refresh)',
      files: {
        [CONFIG]: 'project_id = "my-app"\n',
        ...fn('openrouter-refresh'),
        'supabase/functions/admin-refresh/index.ts':
          "Deno.serve(async () => {\n  const url = `${Deno.env.get('SUPABASE_URL')}/functions/v1/openrouter-refresh`\n  return await fetch(url)\n})\n",
      },
      findings: [
        { file: 'supabase/functions/admin-refresh/index.ts', line: 1, column: 1, severity: 'warning', message: onlyGuard('admin-refresh', 'verify_jwt is on by default'), fixable: false },
        {
          file: 'supabase/functions/openrouter-refresh/index.ts',
          line: 1,
          column: 1,
          severity: 'warning',
          message: onlyGuard('openrouter-refresh', 'verify_jwt is on by default', ' (called from supabase/functions/admin-refresh/index.ts:2)', SERVICE_HINT),
          fixable: false,
        },
      ],
    },
    {
      name: 'a Python script that posts to the function URL is a script caller; its commented-out call is none (issue 19 §4)',
      files: {
        [CONFIG]: 'project_id = "my-app"\n',
        ...fn('pyjob'),
        'scripts/run_job.py':
          'import os\nimport requests\n\n' +
          "URL = os.environ['SUPABASE_URL']\n" +
          "# requests.get(f'{URL}/functions/v1/pyjob')\n" +
          "requests.post(f'{URL}/functions/v1/pyjob', headers={'apikey': os.environ['API_KEY']})\n",
      },
      findings: [
        {
          file: 'supabase/functions/pyjob/index.ts',
          line: 1,
          column: 1,
          severity: 'warning',
          message: onlyGuard('pyjob', 'verify_jwt is on by default', ' (called from scripts/run_job.py:6)', SERVICE_HINT),
          fixable: false,
        },
      ],
    },
    {
      name: 'no config.toml: reported on the entrypoint, nothing to fix',
      files: { ...guarded('hello') },
      options: { unsafe: true },
      findings: [
        {
          file: 'supabase/functions/hello/index.ts',
          line: 1,
          column: 1,
          severity: 'info',
          message: safeOff('hello', 'verify_jwt is on by default', 'Set `verify_jwt = false` under `[functions.hello]` in a new supabase/config.toml.'),
          fixable: false,
        },
      ],
    },
    {
      name: 'an inline table is read but not edited',
      // With no [functions.<slug>] table to point at (it landed past the last line of config.toml), the finding is on the function's entry file.
      files: { [CONFIG]: 'project_id = "my-app"\nfunctions = { hello = { verify_jwt = true } }\n', ...guarded('hello') },
      options: { unsafe: true },
      findings: [{ file: 'supabase/functions/hello/index.ts', line: 1, column: 1, severity: 'info', message: safeOff('hello', 'verify_jwt = true'), fixable: false }],
    },
    {
      name: 'verify_jwt = "false", a string, counts as on',
      // Known: the message says `verify_jwt = true` of a value written as the string "false".
      files: { [CONFIG]: '[functions.hello]\nverify_jwt = "false"\n', ...guarded('hello') },
      options: { unsafe: true },
      findings: [{ file: CONFIG, line: 2, column: 14, severity: 'info', message: safeOff('hello', 'verify_jwt = true'), fixable: true }],
      output: { [CONFIG]: '[functions.hello]\nverify_jwt = false\n' },
    },
  ],
});
