// edge-function-no-auth-check: a function that runs (or will run) with verify_jwt off and never checks its caller
// (docs/rules/edge-function-no-auth-check.md).
import { ruleTester } from '../helpers/rule-tester.js';

const CONFIG = 'supabase/config.toml';
const FN = 'supabase/functions/send-report/index.ts';
const OFF = { [CONFIG]: '[functions.send-report]\nverify_jwt = false\n' };
const OPEN = 'Deno.serve(async (req) => {\n  const { to } = await req.json()\n  return new Response(`sent to ${to}`)\n})\n';
// Issue 27 item 6: a function whose only guard is verify_jwt, with a secret-key client that writes.
const onlyVerifyJwt = (slug: string) =>
  `function \`${slug}\` has only verify_jwt, which accepts the public anon key, and writes with a secret-key client: anyone can call it. ` +
  'Check the caller in the handler (auth.getClaims, the apikey header against SUPABASE_SECRET_KEYS, a webhook signature).';
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
    // Issue 27 item 5: real caller checks, by their shape.
    {
      name: 'off, and the Bearer is checked against an allowlist from the environment (ALLOWED.includes(token))',
      files: {
        ...OFF,
        [FN]:
          "const ALLOWED = (Deno.env.get('ALLOWED_TOKENS') ?? '').split(',')\n" +
          'Deno.serve(async (req) => {\n' +
          "  const token = req.headers.get('Authorization')?.replace('Bearer ', '') ?? ''\n" +
          "  if (!ALLOWED.includes(token)) return new Response('Forbidden', { status: 403 })\n" +
          "  return new Response('sent')\n" +
          '})\n',
      },
    },
    {
      name: 'off, and a _shared helper compares a custom header with the key its caller passes, in constant time (safeEquals, by name)',
      files: {
        ...OFF,
        [FN]:
          "import { isKeyAuthorized } from '../_shared/key_auth.ts'\n" +
          'Deno.serve(async (req) => {\n' +
          "  if (!isKeyAuthorized(req, Deno.env.get('REPORT_KEY') ?? '')) return new Response('Unauthorized', { status: 401 })\n" +
          "  return new Response('sent')\n" +
          '})\n',
        'supabase/functions/_shared/key_auth.ts':
          "import { safeEquals } from './compare.ts'\n" +
          'export const isKeyAuthorized = (req: Request, expectedKey: string): boolean => {\n' +
          "  const provided = req.headers.get('x-report-key')?.trim() ?? ''\n" +
          '  return Boolean(expectedKey && provided && safeEquals(provided, expectedKey))\n' +
          '}\n',
        'supabase/functions/_shared/compare.ts': 'export const safeEquals = (a: string, b: string) => a.length === b.length && a === b\n',
      },
    },
    {
      name: 'off, and a helper compares a header with a secret whose name its caller passes, by a constant-time loop (by shape)',
      files: {
        ...OFF,
        [FN]:
          'const same = (a: string, b: string) => {\n' +
          '  if (a.length !== b.length) return false\n' +
          '  let diff = 0\n' +
          '  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)\n' +
          '  return diff === 0\n' +
          '}\n' +
          'const verifySharedSecret = (req: Request, headerName: string, envName: string) => {\n' +
          '  const provided = req.headers.get(headerName)?.trim()\n' +
          '  const expected = Deno.env.get(envName)?.trim()\n' +
          '  return Boolean(provided && expected && same(provided, expected))\n' +
          '}\n' +
          'Deno.serve(async (req) => {\n' +
          "  if (!verifySharedSecret(req, 'x-device-secret', 'DEVICE_SECRET')) return new Response('Unauthorized', { status: 401 })\n" +
          "  return new Response('sent')\n" +
          '})\n',
      },
    },
    {
      name: 'off, and a call validates the token, its failure returns 401 (const ok = await validateSession(token); if (!ok) …)',
      files: {
        ...OFF,
        [FN]:
          "import { validateSession } from '../_shared/session.ts'\n" +
          'Deno.serve(async (req) => {\n' +
          "  const token = req.headers.get('Authorization')?.slice(7) ?? ''\n" +
          '  const ok = await validateSession(token)\n' +
          "  if (!ok) return new Response('Unauthorized', { status: 401 })\n" +
          "  return new Response('sent')\n" +
          '})\n',
      },
    },
    {
      name: 'off, and the user is checked by the REST form of auth.getUser (a fetch of /auth/v1/user with the Authorization whose failure returns 401)',
      files: {
        ...OFF,
        [FN]:
          'Deno.serve(async (req) => {\n' +
          "  const authorization = req.headers.get('authorization')\n" +
          "  if (!authorization) return new Response('Unauthorized', { status: 401 })\n" +
          "  const user = await fetch(new URL('/auth/v1/user', Deno.env.get('SUPABASE_URL')), { headers: { apikey: req.headers.get('apikey') ?? '', Authorization: authorization } })\n" +
          "  if (!user.ok) return new Response('Unauthorized', { status: 401 })\n" +
          "  return new Response('sent')\n" +
          '})\n',
      },
    },
    {
      name: 'off, and the /auth/v1/user URL is built first (const authUrl = new URL(…)), then fetched with the Authorization',
      files: {
        ...OFF,
        [FN]:
          'Deno.serve(async (req) => {\n' +
          "  const authHeader = req.headers.get('authorization') ?? ''\n" +
          "  const authUrl = new URL('/auth/v1/user', new URL(req.url).origin)\n" +
          "  const authResponse = await fetch(authUrl, { headers: { apikey: req.headers.get('apikey') ?? '', Authorization: authHeader } })\n" +
          "  if (!authResponse.ok) return new Response('Unauthorized', { status: 401 })\n" +
          "  return new Response('sent')\n" +
          '})\n',
      },
    },
    {
      name: 'verify_jwt on, and a secret-key client that only reads: nothing written for anyone',
      files: {
        [CONFIG]: 'project_id = "my-app"\n',
        [FN]:
          "import { createClient } from 'npm:@supabase/supabase-js@2'\n" +
          "const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!)\n" +
          "Deno.serve(async () => Response.json(await admin.from('posts').select('id')))\n",
      },
    },
    {
      name: 'verify_jwt on, a secret-key client that writes, and a check of the user in code',
      files: {
        [CONFIG]: 'project_id = "my-app"\n',
        [FN]:
          "import { createClient } from 'npm:@supabase/supabase-js@2'\n" +
          "const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!)\n" +
          'Deno.serve(async (req) => {\n' +
          "  const { data, error } = await admin.auth.getClaims(req.headers.get('Authorization')!.slice(7))\n" +
          "  if (error) return new Response('Unauthorized', { status: 401 })\n" +
          "  await admin.from('posts').insert({ author: data.claims.sub })\n" +
          "  return new Response('ok')\n" +
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
    {
      name: 'off, and only a CORS origin check answers 403: an origin is no caller check',
      files: {
        [FN]:
          "const isAllowedOrigin = (origin: string | null) => origin === 'https://app.example.com'\n" +
          'Deno.serve(async (req) => {\n' +
          "  if (!isAllowedOrigin(req.headers.get('origin'))) return new Response('Forbidden', { status: 403 })\n" +
          "  return new Response('sent')\n" +
          '})\n',
        ...OFF,
      },
      findings: [{ line: 1, column: 1, message: never('runs with verify_jwt off') }],
    },
    {
      name: 'off through a continued deploy line (issue 27 item 4), and no check',
      files: {
        [FN]: OPEN,
        [CONFIG]: 'project_id = "my-app"\n',
        'scripts/deploy.sh': 'supabase functions deploy send-report \\\n  --no-verify-jwt\n',
      },
      findings: [{ line: 1, column: 1, message: never('runs with verify_jwt off') }],
    },
    // Issue 27 item 6: verify_jwt accepts the public anon key, so it protects nothing a secret-key client writes.
    {
      name: 'verify_jwt on, no check in code, and a secret-key client that writes (insert) or deletes users (auth.admin)',
      files: {
        [CONFIG]: 'project_id = "my-app"\n',
        [FN]:
          "import { createClient } from 'npm:@supabase/supabase-js@2'\n" +
          "const admin = createClient(Deno.env.get('SUPABASE_URL')!, JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default)\n" +
          'Deno.serve(async (req) => {\n' +
          '  const { id } = await req.json()\n' +
          "  await admin.from('audit').insert({ id })\n" +
          '  await admin.auth.admin.deleteUser(id)\n' +
          "  return new Response('ok')\n" +
          '})\n',
        'supabase/functions/cleanup/index.ts':
          "import { createClient } from 'npm:@supabase/supabase-js@2'\n" +
          "const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!)\n" +
          "Deno.serve(async () => { await supabase.rpc('purge'); return new Response('ok') })\n",
      },
      findings: [
        { file: 'supabase/functions/cleanup/index.ts', line: 1, column: 1, message: onlyVerifyJwt('cleanup') },
        { file: FN, line: 1, column: 1, message: onlyVerifyJwt('send-report') },
      ],
    },
  ],
});
