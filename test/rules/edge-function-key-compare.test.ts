// edge-function-key-compare: inside Edge Functions, SUPABASE_ANON_KEY / SUPABASE_SERVICE_ROLE_KEY may already hold
// the new sb_… values, so code that compares a request header or token with them, builds `Bearer ${…}` from them to
// compare, or decodes them as JWTs breaks. Reported only (no fix): the check has to be rewritten by a person.
import { ruleTester } from '../helpers/rule-tester.js';

// Issue 20 item 7: one sentence of what is wrong, one of what to do; the why (constant time, JSON of named keys) is in the rule's docs.
const SECRET_INSTEAD =
  "Compare the `apikey` header with the entries of the `SUPABASE_SECRET_KEYS` JSON, or use `withSupabase({ auth: 'secret' }, …)` from @supabase/server.";
const PUBLISHABLE_INSTEAD =
  "Compare the `apikey` header with the entries of the `SUPABASE_PUBLISHABLE_KEYS` JSON, or use `withSupabase({ auth: 'publishable' }, …)` from @supabase/server.";
const MAY_HOLD = 'may already hold a new `sb_…` key, not the legacy JWT';
const instead = (name: string) => (name === 'SUPABASE_ANON_KEY' ? PUBLISHABLE_INSTEAD : SECRET_INSTEAD);
const compares = (name: string, via: string) => `this compares a request value with \`${name}\` (${via}), which ${MAY_HOLD}. ${instead(name)}`;
const bearer = (name: string) =>
  `this builds \`Bearer \${${name}}\` to compare with the Authorization header, but \`${name}\` ${MAY_HOLD}, and a new key belongs in \`apikey\`. ${instead(name)}`;
const decodes = (name: string, via: string) =>
  `this decodes \`${name}\` as a JWT (${via}), but it may already hold a new \`sb_…\` key, which is not a JWT and has no \`role\` claim. ${instead(name)}`;

// Issue 19 §2: a function that checks an API-key caller by reading the key from Authorization rejects the callers that
// send it in `apikey`, as supabase-js (functions.invoke) and the migrated callers do.
const READS_AUTHORIZATION = (plural: string) =>
  `this check reads the caller's key from \`Authorization\` to compare with \`${plural}\`, but supabase-js's functions.invoke and ` +
  "migrated callers send it in `apikey`, so they are rejected. Compare `req.headers.get('apikey')` instead.";

const SERVE = (body: string) => `Deno.serve(async (req) => {\n${body}  return new Response('ok')\n})\n`;

ruleTester('edge-function-key-compare', {
  valid: [
    {
      name: "a user's JWT claims from auth.getUser, and a client built with the key",
      files: {
        'supabase/functions/me/index.ts':
          "import { createClient } from 'npm:@supabase/supabase-js@2'\n" +
          "const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!)\n" +
          SERVE(
            "  const token = req.headers.get('Authorization')?.replace('Bearer ', '') ?? ''\n" +
              '  const { data: { user } } = await supabase.auth.getUser(token)\n' +
              "  if (user?.role !== 'authenticated') return new Response('no', { status: 401 })\n",
          ),
      },
    },
    {
      name: 'another secret compared (STRIPE_WEBHOOK_SECRET), and a missing key checked',
      files: {
        'supabase/functions/stripe/index.ts':
          "const key = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n" +
          "if (!key || key === undefined || typeof key !== 'string') throw new Error('missing key')\n" +
          SERVE(
            "  const signature = req.headers.get('stripe-signature')\n" +
              "  if (signature !== Deno.env.get('STRIPE_WEBHOOK_SECRET')) return new Response('no', { status: 401 })\n" +
              "  if (req.headers.get('x-token')?.startsWith(Deno.env.get('STRIPE_WEBHOOK_SECRET')!)) return new Response('no')\n",
          ),
      },
    },
    {
      name: 'a constant-time compare with the entries of SUPABASE_SECRET_KEYS',
      files: {
        'supabase/functions/cron/index.ts':
          "import { timingSafeEqual } from 'jsr:@std/crypto/timing-safe-equal'\n" +
          "const secrets = Object.values(JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}')) as string[]\n" +
          'const enc = new TextEncoder()\n' +
          SERVE(
            "  const apikey = req.headers.get('apikey') ?? ''\n" +
              '  if (!secrets.some((s) => timingSafeEqual(enc.encode(s), enc.encode(apikey)))) return new Response(\'no\', { status: 401 })\n',
          ),
      },
    },
    {
      name: "the Authorization header read as a user's token beside a SUPABASE_SECRET_KEYS check on apikey (issue 19, section 2)",
      files: {
        'supabase/functions/mixed/index.ts':
          "import { createClient } from 'npm:@supabase/supabase-js@2'\n" +
          "const secrets = Object.values(JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}')) as string[]\n" +
          SERVE(
            "  if (secrets.includes(req.headers.get('apikey') ?? '')) return new Response('admin')\n" +
              "  const token = req.headers.get('Authorization')?.replace('Bearer ', '') ?? ''\n" +
              "  const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Object.values(JSON.parse(Deno.env.get('SUPABASE_PUBLISHABLE_KEYS')!))[0] as string)\n" +
              '  const { data } = await supabase.auth.getUser(token)\n' +
              "  if (token === '' || data.user === null) return new Response('no', { status: 401 })\n" +
              "  if (req.headers.get('Authorization') !== Deno.env.get('CRON_SECRET')) return new Response('no', { status: 401 })\n",
          ),
      },
    },
    {
      name: 'the same compare outside supabase/functions, and in a function test',
      files: {
        'src/server/check.ts': "export const ok = (h: string) => h === `Bearer ${process.env.SUPABASE_SERVICE_ROLE_KEY}`\n",
        'supabase/functions/cron/index.test.ts': "const ok = (h: string) => h === Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n",
      },
    },
  ],
  invalid: [
    {
      name: 'a header compared with === and !==',
      files: {
        'supabase/functions/cron/index.ts':
          "const serviceKey = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!\n" +
          SERVE(
            "  if (req.headers.get('apikey') !== serviceKey) return new Response('no', { status: 401 })\n" +
              "  const anon = req.headers.get('x-anon') === Deno.env.get('SUPABASE_ANON_KEY')\n",
          ),
      },
      findings: [
        { line: 3, column: 7, severity: 'error', fixable: false, message: compares('SUPABASE_SERVICE_ROLE_KEY', '`!==`') },
        { line: 4, column: 16, message: compares('SUPABASE_ANON_KEY', '`===`') },
      ],
    },
    {
      name: 'a Bearer string built from the key to compare',
      files: {
        'supabase/functions/webhook/index.ts': SERVE(
          "  const auth = req.headers.get('Authorization')\n" +
            "  if (auth !== `Bearer ${Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')}`) return new Response('no', { status: 401 })\n" +
            "  const expected = 'Bearer ' + Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n" +
            '  if (auth === expected) console.log(1)\n',
        ),
      },
      findings: [
        { line: 3, column: 7, message: bearer('SUPABASE_SERVICE_ROLE_KEY') },
        { line: 5, column: 7, message: bearer('SUPABASE_SERVICE_ROLE_KEY') },
      ],
    },
    {
      name: 'includes, startsWith and timingSafeEqual',
      files: {
        'supabase/functions/admin/index.ts':
          "import { timingSafeEqual } from 'jsr:@std/crypto/timing-safe-equal'\n" +
          "const KEY = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ?? ''\n" +
          SERVE(
            "  const auth = req.headers.get('Authorization') ?? ''\n" +
              '  if (auth.includes(KEY)) console.log(1)\n' +
              '  if (!auth.startsWith(`Bearer ${KEY}`)) console.log(2)\n' +
              '  const enc = new TextEncoder()\n' +
              '  if (timingSafeEqual(enc.encode(auth), enc.encode(KEY))) console.log(3)\n',
          ),
      },
      findings: [
        { line: 5, column: 7, message: compares('SUPABASE_SERVICE_ROLE_KEY', '`includes`') },
        { line: 6, column: 8, message: bearer('SUPABASE_SERVICE_ROLE_KEY') },
        { line: 8, column: 7, message: compares('SUPABASE_SERVICE_ROLE_KEY', '`timingSafeEqual`') },
      ],
    },
    {
      name: 'the key read from Authorization and compared with SUPABASE_SECRET_KEYS entries: includes, some + timingSafeEqual, === (issue 19, section 2)',
      files: {
        'supabase/functions/cron/index.ts':
          "import { timingSafeEqual } from 'jsr:@std/crypto/timing-safe-equal'\n" +
          "const secrets = Object.values(JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}')) as string[]\n" +
          "const primary = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS')!).default\n" +
          'const enc = new TextEncoder()\n' +
          SERVE(
            "  const token = req.headers.get('Authorization')?.replace('Bearer ', '') ?? ''\n" +
              "  if (!secrets.includes(token)) return new Response('no', { status: 401 })\n" +
              '  if (!secrets.some((s) => timingSafeEqual(enc.encode(s), enc.encode(token)))) return new Response(\'no\', { status: 401 })\n' +
              "  if (req.headers.get('authorization') !== `Bearer ${primary}`) return new Response('no', { status: 401 })\n",
          ),
        'supabase/functions/webhook/index.ts':
          "const publishable = JSON.parse(Deno.env.get('SUPABASE_PUBLISHABLE_KEYS') ?? '{}')\n" +
          SERVE("  const [, key] = (req.headers.get('Authorization') ?? '').split(' ')\n  if (key !== publishable.default) return new Response('no', { status: 401 })\n"),
      },
      findings: [
        { file: 'supabase/functions/cron/index.ts', line: 7, column: 8, message: READS_AUTHORIZATION('SUPABASE_SECRET_KEYS') },
        { file: 'supabase/functions/cron/index.ts', line: 8, column: 28, message: READS_AUTHORIZATION('SUPABASE_SECRET_KEYS') },
        { file: 'supabase/functions/cron/index.ts', line: 9, column: 7, message: READS_AUTHORIZATION('SUPABASE_SECRET_KEYS') },
        { file: 'supabase/functions/webhook/index.ts', line: 4, column: 7, message: READS_AUTHORIZATION('SUPABASE_PUBLISHABLE_KEYS') },
      ],
    },
    {
      name: 'the key decoded as a JWT: jwtDecode, and atob of its payload',
      files: {
        'supabase/functions/role/index.ts':
          "import { jwtDecode } from 'npm:jwt-decode'\n" +
          "const key = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!\n" +
          'const { role } = jwtDecode<{ role: string }>(key)\n' +
          "const payload = JSON.parse(atob(Deno.env.get('SUPABASE_ANON_KEY')!.split('.')[1]))\n" +
          "if (payload.role !== 'anon') throw new Error('not anon')\n",
      },
      findings: [
        { line: 3, column: 18, message: decodes('SUPABASE_SERVICE_ROLE_KEY', '`jwtDecode`') },
        { line: 4, column: 33, message: decodes('SUPABASE_ANON_KEY', "`split('.')`") },
      ],
    },
    {
      name: 'a key taken from Authorization through a conditional (`a ? b : c`), compared with SUPABASE_SECRET_KEYS (the Team-Medio/SQSupabase shape)',
      files: {
        'supabase/functions/common/Helpers/checkAuthorization.ts':
          'export const checkAuthorization = (req: Request): Response | undefined => {\n' +
          "    const authHeader = req.headers.get('Authorization');\n" +
          "    const authKey = authHeader?.startsWith('Bearer ') ? authHeader.split(' ')[1] : authHeader;\n" +
          "    if(JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default !== authKey) {\n" +
          "    return new Response('Authorization error', { status: 401 });\n" +
          '  }\n' +
          "  const other = req.headers.get('x-token') ? req.headers.get('Authorization') : ''\n" +
          "  if (Object.values(JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}')).includes(other)) return undefined\n" +
          '  return undefined;\n' +
          '}\n',
      },
      findings: [
        { line: 4, column: 8, message: READS_AUTHORIZATION('SUPABASE_SECRET_KEYS') },
        { line: 8, column: 7, message: READS_AUTHORIZATION('SUPABASE_SECRET_KEYS') },
      ],
    },
  ],
});
