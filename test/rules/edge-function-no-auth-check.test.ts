// edge-function-no-auth-check: a function that runs (or will run) with verify_jwt off and never checks its caller
// (docs/rules/edge-function-no-auth-check.md).
import { ruleTester } from '../helpers/rule-tester.js';

const CONFIG = 'supabase/config.toml';
const FN = 'supabase/functions/send-report/index.ts';
const OFF = { [CONFIG]: '[functions.send-report]\nverify_jwt = false\n' };
const OPEN = 'Deno.serve(async (req) => {\n  const { to } = await req.json()\n  return new Response(`sent to ${to}`)\n})\n';
const never = (state: string) =>
  `function \`send-report\` ${state} but never checks its caller: check the apikey header, the user (auth.getClaims), or a webhook signature`;

ruleTester('edge-function-no-auth-check', {
  valid: [
    {
      name: 'verify_jwt on (the default): the platform checks the caller',
      files: { [CONFIG]: 'project_id = "my-app"\n', [FN]: OPEN },
    },
    {
      name: 'off, and the function compares the apikey header',
      files: {
        ...OFF,
        [FN]:
          'Deno.serve(async (req) => {\n' +
          "  const secretKeys = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}')\n" +
          "  if (req.headers.get('apikey') !== secretKeys.default) return new Response('Unauthorized', { status: 401 })\n" +
          "  return new Response('sent')\n" +
          '})\n',
      },
    },
    {
      name: 'off, and a _shared module it imports verifies the user',
      files: {
        ...OFF,
        [FN]: "import { requireUser } from '../_shared/auth.ts'\nDeno.serve(requireUser)\n",
        'supabase/functions/_shared/auth.ts':
          'export async function requireUser(req: Request) {\n  const { data } = await supabase.auth.getClaims()\n  return new Response(JSON.stringify(data))\n}\n',
      },
    },
    {
      name: 'off, and a Stripe webhook signature is checked',
      files: { ...OFF, [FN]: "Deno.serve(async (req) => {\n  const signature = req.headers.get('Stripe-Signature')\n  return new Response(signature)\n})\n" },
    },
    {
      name: '--unsafe without a config.toml: there is nothing to turn off',
      files: { [FN]: OPEN },
      options: { unsafe: true },
    },
    {
      // It expected 'will have verify_jwt turned off' (issue 19): --unsafe turns verify_jwt off only for a function that
      // checks its caller, so this one keeps it, and edge-function-verify-jwt's warning says to add a check first.
      name: 'on today and never checks its caller: --unsafe leaves verify_jwt on, so it is not reported here',
      files: { [FN]: OPEN, [CONFIG]: 'project_id = "my-app"\n' },
      options: { unsafe: true },
    },
    {
      name: 'off, and the helper it calls is reached through an import-map alias (deno.json imports "@shared/")',
      files: {
        ...OFF,
        'supabase/functions/send-report/deno.json': '{ "imports": { "@shared/": "../_shared/" } }\n',
        [FN]:
          "import { requireUser } from '@shared/auth.ts'\n" +
          'Deno.serve(async (req) => {\n  const user = await requireUser(req)\n  return new Response(`sent by ${user.id}`)\n})\n',
        'supabase/functions/_shared/auth.ts':
          'export async function requireUser(req: Request) {\n' +
          "  const token = req.headers.get('Authorization')?.replace('Bearer ', '') ?? ''\n" +
          '  const { data, error } = await supabase.auth.getUser(token)\n' +
          "  if (error) throw new Response('Unauthorized', { status: 401 })\n" +
          '  return data.user\n}\n',
      },
    },
    {
      name: 'off, and a helper two imports away (a _shared module re-exporting another) checks a webhook signature',
      files: {
        ...OFF,
        [FN]: "import { requireUser } from '../_shared/mod.ts'\nDeno.serve(async (req) => {\n  await requireUser(req)\n  return new Response('ok')\n})\n",
        'supabase/functions/_shared/mod.ts': "export { requireUser } from './auth/user.ts'\n",
        'supabase/functions/_shared/auth/user.ts':
          "export async function requireUser(req: Request) {\n  if (!(await verifyWebhook(req))) throw new Response('Unauthorized', { status: 401 })\n}\n",
      },
    },
    {
      name: 'off, and a _shared helper compares a custom header with a secret from the environment (a shared-secret guard)',
      files: {
        ...OFF,
        [FN]: "import { requireInternalJob } from '../_shared/internal.ts'\nDeno.serve((req) => requireInternalJob(req) ?? new Response('ok'))\n",
        'supabase/functions/_shared/internal.ts':
          'export function requireInternalJob(req: Request): Response | null {\n' +
          "  const expected = Deno.env.get('INTERNAL_JOB_TOKEN') ?? ''\n" +
          "  const provided = req.headers.get('x-job-token') ?? ''\n" +
          "  if (!expected || !provided || expected !== provided) return new Response('Unauthorized', { status: 401 })\n" +
          '  return null\n}\n',
      },
    },
    {
      name: 'off, and the handler compares a custom header with a secret from the environment inline',
      files: {
        ...OFF,
        [FN]:
          'Deno.serve(async (req) => {\n' +
          "  const internalToken = Deno.env.get('INTERNAL_JOB_TOKEN') ?? ''\n" +
          "  const jobHeader = req.headers.get('x-job-token') ?? ''\n" +
          '  const hasInternalToken = internalToken && jobHeader === internalToken\n' +
          "  if (!hasInternalToken) return new Response('Unauthorized', { status: 401 })\n" +
          "  return new Response('sent')\n" +
          '})\n',
      },
    },
  ],
  invalid: [
    {
      name: "a comment that only mentions 'apikey' (before, a text match over comments silenced the rule)",
      files: { [FN]: "// TODO: check the 'apikey' header\n" + OPEN, ...OFF },
      findings: [{ line: 1, column: 1, message: never('runs with verify_jwt off') }],
    },
    {
      name: 'a check that is only commented out, in the entry file and in the _shared helper it imports',
      files: {
        [FN]: "import { cors } from '@shared/cors.ts'\n/* const { data } = await supabase.auth.getClaims(token) */\n" + OPEN,
        ...OFF,
        'supabase/functions/_shared/cors.ts':
          "// if (req.headers.get('stripe-signature') === null) return new Response('Unauthorized', { status: 401 })\n" +
          "export const cors = { 'Access-Control-Allow-Origin': '*' }\n",
      },
      findings: [{ line: 1, column: 1, message: never('runs with verify_jwt off') }],
    },
    {
      name: 'verify_jwt = false and no check of the caller',
      files: { [FN]: OPEN, ...OFF },
      findings: [{ line: 1, column: 1, message: never('runs with verify_jwt off') }],
    },
    {
      name: 'off through its deploy command, and only a session read (getSession trusts the caller)',
      files: {
        [FN]: 'const { data } = await supabase.auth.getSession()\n' + OPEN,
        [CONFIG]: 'project_id = "my-app"\n',
        'scripts/deploy.sh': 'supabase functions deploy send-report --no-verify-jwt\n',
      },
      findings: [{ line: 1, column: 1, message: never('runs with verify_jwt off') }],
    },
    {
      name: 'a compare with the anon key only: the key is public, so it authenticates no one',
      files: {
        [FN]:
          'Deno.serve(async (req) => {\n' +
          "  const anonKey = Deno.env.get('SUPABASE_ANON_KEY') ?? ''\n" +
          "  const authHeader = req.headers.get('Authorization') ?? ''\n" +
          "  const bearerToken = authHeader.startsWith('Bearer ') ? authHeader.slice(7) : ''\n" +
          "  const apiKeyHeader = req.headers.get('apikey') ?? ''\n" +
          "  if (!(bearerToken === anonKey || apiKeyHeader === anonKey)) return new Response('Unauthorized', { status: 401 })\n" +
          "  return new Response('sent')\n" +
          '})\n',
        ...OFF,
      },
      findings: [{ line: 1, column: 1, message: never('runs with verify_jwt off') }],
    },
    {
      name: "a lone 'apikey' string (the CORS allow-list) is no check",
      files: {
        [FN]:
          "const cors = { 'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type' }\n" +
          "Deno.serve(async (req) => {\n  const key = req.headers.get('apikey')\n  return new Response(`sent with ${key ? 'a key' : 'none'}`, { headers: cors })\n})\n",
        ...OFF,
      },
      findings: [{ line: 1, column: 1, message: never('runs with verify_jwt off') }],
    },
    {
      // Issue 27 (Q5 A): a Supabase project under a test, e2e, fixtures or examples folder serves the tests on the local
      // stack, not production: at most an info there. The repository's own project keeps the warning.
      name: "a test project's function without a check: an info; the production project's: a warning",
      files: {
        [FN]: OPEN,
        ...OFF,
        'packages/core/auth-js/test/supabase/config.toml': '[functions.echo]\nverify_jwt = false\n',
        'packages/core/auth-js/test/supabase/functions/echo/index.ts': OPEN,
      },
      findings: [
        {
          file: 'packages/core/auth-js/test/supabase/functions/echo/index.ts',
          line: 1,
          column: 1,
          severity: 'info',
          message:
            'function `echo` runs with verify_jwt off and never checks its caller, but it belongs to the Supabase project of a test folder ' +
            '(`packages/core/auth-js/test/supabase`), which runs on the local stack the tests start, not in production: if it is ever deployed, ' +
            'check the apikey header, the user (auth.getClaims), or a webhook signature first',
        },
        { file: FN, line: 1, column: 1, severity: 'warning', message: never('runs with verify_jwt off') },
      ],
    },
  ],
});
