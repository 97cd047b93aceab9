// bearer-api-key: an API key sent as `Authorization: Bearer`, where only a user's JWT belongs (docs/rules/bearer-api-key.md).
import { KEYS, ruleTester } from '../helpers/rule-tester.js';

// Issue 20 item 7: one sentence of what is wrong (the key, the target in sight and what it answers), one of what to do.
// No target in sight (issue 19 §2, SPEC §1): never "Edge Functions answer Invalid JWT" (since mid-2026 verify_jwt
// accepts the new keys on either header); what each service answers is in the rule's docs.
const LEGACY = 'and a legacy key stops working once the legacy keys are deactivated';
const BREAKS = `, where a new key (not a JWT) is refused unless apikey holds the same key, ${LEGACY}`;
const MOVE = 'Send it in the `apikey` header instead';
// A new key (publishable, secret) is told only what a new key meets; a legacy or unknown one, what either meets.
const NEW = (breaks: string) => breaks.replace(` if it checks one`, '').replace(`, ${LEGACY}`, '');
const UNSAFE = ' (--write --unsafe does)';
const HAND = ' (move it by hand)';
/** The message of a key sent as Bearer alone: what it breaks (BREAKS or a target's), then where it goes. */
const sent = (what: string, breaks: string, how = '') => `${what} is sent as Authorization: Bearer${breaks}. ${MOVE}${how}.`;
const PAIR = (what: string, how = '', target = '', drop = 'entry') =>
  `${what} is sent as Authorization: Bearer as well as in apikey${target ? ` to ${target}` : ''}: the gateway accepts that pair, ` +
  `but Authorization is for a signed-in user's session token. Drop the Authorization ${drop}${how}.`;
// Issue 19 §2: a target in sight is named, with what it answers to a new key sent as Bearer.
const REST = ` to PostgREST (/rest/v1), which answers PGRST301 to a new key there, ${LEGACY}`;
const STORAGE = ` to Storage (/storage/v1), which answers "Invalid Compact JWS" to a new key there, ${LEGACY}`;
const AUTH = ` to Auth (/auth/v1), which answers 403 bad_jwt to a new key there, ${LEGACY}`;
const FUNCTION = (name: string) =>
  ` to the Edge Function \`${name}\` (/functions/v1/${name}), where a check that reads Authorization as a user's JWT rejects a new key, ${LEGACY}`;
const PING_BEFORE =
  'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n\n' +
  'export function ping() {\n' +
  '  return fetch(`${import.meta.env.VITE_SUPABASE_URL}/functions/v1/ping`, { headers: { Authorization: `Bearer ${key}` } })\n' +
  '}\n';

ruleTester('bearer-api-key', {
  valid: [
    {
      name: "a user's session token, a forwarded Authorization header, a third party's token",
      files: {
        'src/api.ts':
          'const { data } = await supabase.auth.getSession()\n' +
          'await fetch(url, { headers: { Authorization: `Bearer ${data.session?.access_token}`, apikey: import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY } })\n' +
          "await fetch('https://api.openai.com/v1/models', { headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } })\n",
        'supabase/functions/proxy/index.ts':
          "Deno.serve((req) => fetch(url, { headers: { Authorization: req.headers.get('Authorization')!, apikey: Deno.env.get('SUPABASE_ANON_KEY')! } }))\n",
      },
    },
    {
      name: 'the key already in the apikey header, and a curl in Markdown prose rather than a code block',
      files: {
        'src/api.ts': 'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\nexport const ping = () => fetch(url, { headers: { apikey: key } })\n',
        'README.md': 'Call it with curl -H "Authorization: Bearer $SUPABASE_ANON_KEY" (not like this).\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a key sent as a Bearer token, moved to apikey by --unsafe',
      files: { 'src/api.ts': PING_BEFORE },
      options: { unsafe: true },
      findings: [{ line: 4, column: 87, message: sent(`the publishable key`, NEW(FUNCTION('ping')), UNSAFE), fixable: true }],
      output: {
        'src/api.ts':
          'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n\n' +
          'export function ping() {\n' +
          '  return fetch(`${import.meta.env.VITE_SUPABASE_URL}/functions/v1/ping`, { headers: { apikey: key } })\n' +
          '}\n',
      },
    },
    {
      name: 'without --unsafe the same site is reported and left as it is',
      files: { 'src/api.ts': PING_BEFORE },
      findings: [{ line: 4, column: 87, message: sent(`the publishable key`, NEW(FUNCTION('ping')), UNSAFE), fixable: false }],
    },
    {
      name: 'apikey already carries the same key: the Authorization entry goes, with its line',
      files: {
        'src/admin.ts':
          'const key = process.env.SUPABASE_SERVICE_ROLE_KEY!\n' +
          'await fetch(url, {\n' +
          '  headers: {\n' +
          '    apikey: key,\n' +
          "    'Authorization': 'Bearer ' + key,\n" +
          "    'Content-Type': 'application/json',\n" +
          '  },\n' +
          '})\n',
      },
      options: { unsafe: true },
      // The gateway accepts a key in Bearer that equals apikey (SPEC's rule table: a warning there); before, this was an error.
      findings: [{ line: 5, column: 5, severity: 'warning', message: PAIR(`the legacy service_role key`, UNSAFE), fixable: true }],
      output: {
        'src/admin.ts':
          'const key = process.env.SUPABASE_SERVICE_ROLE_KEY!\n' +
          'await fetch(url, {\n' +
          '  headers: {\n' +
          '    apikey: key,\n' +
          "    'Content-Type': 'application/json',\n" +
          '  },\n' +
          '})\n',
      },
    },
    {
      name: 'shapes left to a person: apikey holding another key, headers.set, a key literal',
      files: {
        'src/api.ts':
          'const secret = process.env.SUPABASE_SECRET_KEY!\n' +
          'const publishable = process.env.SUPABASE_PUBLISHABLE_KEY!\n' +
          'await fetch(url, { headers: { apikey: publishable, Authorization: `Bearer ${secret}` } })\n' +
          'const h = new Headers()\n' +
          "h.set('Authorization', `Bearer ${publishable}`)\n" +
          `await fetch(url, { headers: { Authorization: 'Bearer ${KEYS.anon}' } })\n`,
      },
      options: { unsafe: true },
      findings: [
        { line: 3, column: 52, message: sent(`the secret key`, NEW(BREAKS), HAND), fixable: false },
        { line: 5, column: 7, message: sent(`the publishable key`, NEW(BREAKS), HAND), fixable: false },
        { line: 6, column: 31, message: sent(`the legacy anon key`, BREAKS, HAND), fixable: false },
      ],
    },
    {
      name: 'a key followed through an import, a computed header name, a .vue script',
      files: {
        'src/config.ts': 'export const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY\n',
        'src/api.ts': "import { anonKey } from './config'\nexport const headers = new Headers({ ['Authorization']: `Bearer ${anonKey}` })\n",
        'src/App.vue':
          '<script setup lang="ts">\nconst key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\nfetch(url, { headers: { "Authorization": `Bearer ${key}` } })\n</script>\n<template><div /></template>\n',
      },
      options: { unsafe: true },
      findings: [
        { file: 'src/App.vue', line: 3, column: 25, messageIncludes: 'the publishable key is sent', fixable: true },
        { file: 'src/api.ts', line: 2, column: 38, messageIncludes: 'the legacy anon key is sent', fixable: true },
      ],
      output: {
        'src/api.ts': "import { anonKey } from './config'\nexport const headers = new Headers({ ['apikey']: anonKey })\n",
        'src/App.vue': '<script setup lang="ts">\nconst key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\nfetch(url, { headers: { "apikey": key } })\n</script>\n<template><div /></template>\n',
      },
    },
    {
      name: 'shell, a workflow and Python are reported (no fix); a Markdown code block as info',
      files: {
        'scripts/call.sh': '#!/bin/sh\ncurl -X POST "$SUPABASE_URL/functions/v1/hello" \\\n  -H "Authorization: Bearer $SUPABASE_ANON_KEY"\n',
        '.github/workflows/cron.yml':
          'on: push\njobs:\n  ping:\n    runs-on: ubuntu-latest\n    steps:\n' +
          '      - run: curl -H "Authorization: Bearer ${{ secrets.SUPABASE_SERVICE_ROLE_KEY }}" https://x.supabase.co/functions/v1/cron\n',
        'jobs/run.py': "import os, requests\nrequests.post(url, headers={'Authorization': f\"Bearer {os.environ['SUPABASE_SERVICE_ROLE_KEY']}\"})\n",
        'README.md': 'Call it:\n\n```sh\ncurl -H "Authorization: Bearer $SUPABASE_PUBLISHABLE_KEY" $URL\n```\n',
      },
      options: { unsafe: true },
      findings: [
        { file: '.github/workflows/cron.yml', line: 6, column: 23, messageIncludes: 'the legacy service_role key (`SUPABASE_SERVICE_ROLE_KEY`) is sent', fixable: false },
        { file: 'README.md', line: 4, column: 10, severity: 'info', messageIncludes: 'the publishable key (`SUPABASE_PUBLISHABLE_KEY`) is sent', fixable: false },
        { file: 'jobs/run.py', line: 2, column: 29, messageIncludes: "the legacy service_role key (`os.environ['SUPABASE_SERVICE_ROLE_KEY']`) is sent", fixable: false },
        {
          file: 'scripts/call.sh',
          line: 3,
          column: 7,
          message: sent(`the legacy anon key (\`SUPABASE_ANON_KEY\`)`, FUNCTION('hello')),
          fixable: false,
        },
      ],
    },
    {
      name: 'the same parameter in apikey and Bearer: the Supabase REST pattern, whatever the value is (issue 18, item 10)',
      files: {
        // A repository that uses Supabase: the header file itself need not name it.
        'src/lib/supabase.ts': "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(url, publishableKey)\n",
        'src/rest.ts':
          'export async function rest(url: string, key: string) {\n' +
          '  return fetch(url, { headers: { apikey: key, Authorization: `Bearer ${key}` } })\n' +
          '}\n',
      },
      options: { unsafe: true },
      findings: [{ file: 'src/rest.ts', line: 2, column: 47, severity: 'warning', message: PAIR(`the API key`, UNSAFE), fixable: true }],
      output: { 'src/rest.ts': 'export async function rest(url: string, key: string) {\n  return fetch(url, { headers: { apikey: key } })\n}\n' },
    },
    {
      name: 'a helper handed a key name, a Nuxt runtime config field (issue 18, item 10)',
      files: {
        'scripts/seed.ts':
          'const key = requireEnv("SUPABASE_SERVICE_ROLE_KEY")\n' +
          'await fetch(url, { headers: { Authorization: `Bearer ${key}` } })\n',
        'server/api/admin.ts':
          'export default defineEventHandler(async (event) => {\n' +
          '  const config = useRuntimeConfig(event)\n' +
          '  const { supabaseAnonKey } = useRuntimeConfig().public\n' +
          '  await $fetch(url, { headers: { Authorization: `Bearer ${config.supabaseServiceKey}` } })\n' +
          '  return $fetch(url, { headers: { Authorization: `Bearer ${supabaseAnonKey}` } })\n' +
          '})\n',
      },
      findings: [
        { file: 'scripts/seed.ts', line: 2, column: 31, messageIncludes: 'the legacy service_role key is sent', fixable: false },
        { file: 'server/api/admin.ts', line: 4, column: 34, messageIncludes: 'the legacy service_role key is sent', fixable: false },
        { file: 'server/api/admin.ts', line: 5, column: 35, messageIncludes: 'the legacy anon key is sent', fixable: false },
      ],
    },
    {
      name: 'a parameter fed a key at its call sites in the module (issue 18, item 10)',
      files: {
        'src/call.ts':
          'function call(path: string, token: string) {\n' +
          '  return fetch(path, { headers: { Authorization: `Bearer ${token}` } })\n' +
          '}\n' +
          'const invoke = async (name: string, { bearer }: { bearer: string }) => fetch(name, { headers: { Authorization: `Bearer ${bearer}` } })\n' +
          "call('/rest/v1/todos', process.env.SUPABASE_SECRET_KEY!)\n" +
          "await invoke('hello', { bearer: import.meta.env.VITE_SUPABASE_ANON_KEY })\n",
      },
      findings: [
        { line: 2, column: 35, messageIncludes: 'the secret key is sent', fixable: false },
        { line: 4, column: 97, messageIncludes: 'the legacy anon key is sent', fixable: false },
      ],
    },
    {
      name: 'imports through path aliases: tsconfig paths and baseUrl, a Vite resolve.alias, a root-absolute specifier (issue 18, item 10)',
      files: {
        'package.json': '{ "dependencies": { "@supabase/supabase-js": "^2.50.0", "react": "^18.0.0" } }\n',
        'tsconfig.json':
          '{\n  // comments and trailing commas, as tsc allows\n  "compilerOptions": {\n    "baseUrl": ".",\n    "paths": { "@lib/*": ["./src/lib/*"], "@keys": ["./src/lib/keys.ts"], },\n  },\n}\n',
        'packages/admin/tsconfig.json': '{ "compilerOptions": { "baseUrl": "src" } }\n',
        'packages/admin/src/config/service.ts': 'export const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY!\n',
        'packages/admin/src/run.ts': "import { serviceKey } from 'config/service'\nawait fetch(url, { headers: { Authorization: `Bearer ${serviceKey}` } })\n",
        'vite.config.ts':
          "import { defineConfig } from 'vite'\nimport path from 'node:path'\n" +
          "export default defineConfig({ resolve: { alias: { '#shared': path.resolve(__dirname, './shared') } } })\n",
        'shared/supabase.ts': 'export const publishableKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n',
        'src/lib/keys.ts': 'export const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY\n',
        'src/api.ts':
          "import { anonKey } from '@lib/keys'\nimport { anonKey as again } from '@keys'\nimport { publishableKey } from '#shared/supabase'\n" +
          'await fetch(url, { headers: { Authorization: `Bearer ${anonKey}` } })\n' +
          'await fetch(url, { headers: { Authorization: `Bearer ${again}` } })\n' +
          'await fetch(url, { headers: { Authorization: `Bearer ${publishableKey}` } })\n',
        // The Figma Make layout: a root-absolute import of a module that exports the anon key as a literal.
        'utils/supabase/info.tsx': `export const projectId = "abcdefghijklmnopqrst"\nexport const publicAnonKey = "${KEYS.anon}"\n`,
        'components/Todos.tsx':
          "import { projectId, publicAnonKey } from '/utils/supabase/info'\n" +
          'export const load = () => fetch(`https://${projectId}.supabase.co/functions/v1/todos`, { headers: { Authorization: `Bearer ${publicAnonKey}` } })\n',
      },
      findings: [
        { file: 'components/Todos.tsx', line: 2, column: 101, messageIncludes: 'the legacy anon key is sent', fixable: false },
        { file: 'packages/admin/src/run.ts', line: 2, column: 31, messageIncludes: 'the legacy service_role key is sent', fixable: false },
        { file: 'src/api.ts', line: 4, column: 31, messageIncludes: 'the legacy anon key is sent', fixable: false },
        { file: 'src/api.ts', line: 5, column: 31, messageIncludes: 'the legacy anon key is sent', fixable: false },
        { file: 'src/api.ts', line: 6, column: 31, messageIncludes: 'the publishable key is sent', fixable: false },
      ],
    },
    {
      name: 'the fields of supabase status -o json in a test helper are the local stack\'s keys (issue 18, item 10)',
      files: {
        'tests/helpers/local.ts':
          "import { execSync } from 'node:child_process'\n" +
          "const status = JSON.parse(execSync('supabase status -o json').toString())\n" +
          "const { ANON_KEY } = JSON.parse(execSync('npx supabase status -o json', { encoding: 'utf8' }))\n" +
          'export const seed = () => fetch(`${status.API_URL}/functions/v1/seed`, { headers: { Authorization: `Bearer ${status.SERVICE_ROLE_KEY}` } })\n' +
          'export const list = () => fetch(`${status.API_URL}/rest/v1/todos`, { headers: { apikey: ANON_KEY, Authorization: `Bearer ${ANON_KEY}` } })\n',
      },
      findings: [
        { line: 4, column: 85, message: sent(`the legacy service_role key`, FUNCTION('seed'), UNSAFE), fixable: false },
        { line: 5, column: 99, severity: 'warning', message: PAIR(`the legacy anon key`, UNSAFE, 'PostgREST (/rest/v1)'), fixable: false },
      ],
    },
    {
      name: 'shell and Python sending the same key in apikey: a warning, as in code (SPEC\'s rule table; issue 18, item 10)',
      files: {
        'scripts/seed.sh':
          '#!/bin/sh\nKEY="${SUPABASE_SERVICE_ROLE_KEY:-}"\ncurl -X POST "$SUPABASE_URL/rest/v1/todos" \\\n  -H "apikey: $KEY" \\\n  -H "Authorization: Bearer ${KEY}"\n' +
          'curl "$SUPABASE_URL/functions/v1/hello" -H "Authorization: Bearer $KEY"\n',
        'jobs/run.py': 'import os, requests\nkey = os.environ["SUPABASE_SECRET_KEY"]\nrequests.get(url, headers={\n    "apikey": key,\n    "Authorization": f"Bearer {key}",\n})\n',
      },
      findings: [
        { file: 'jobs/run.py', line: 5, column: 5, severity: 'warning', message: PAIR(`the secret key (\`key\`)`, '', '', 'header'), fixable: false },
        { file: 'scripts/seed.sh', line: 5, column: 7, severity: 'warning', message: PAIR('the legacy service_role key (`KEY`)', '', 'PostgREST (/rest/v1)', 'header'), fixable: false },
        // The next command sends it as Bearer alone: an error.
        { file: 'scripts/seed.sh', line: 6, column: 45, message: sent(`the legacy service_role key (\`KEY\`)`, FUNCTION('hello')), fixable: false },
      ],
    },
    {
      name: "a function of the repository with verify_jwt off: its own code reads the header, not the platform (issue 19 §2)",
      files: {
        'supabase/config.toml': '[functions.hook]\nverify_jwt = false\n',
        'supabase/functions/hook/index.ts': "Deno.serve(() => new Response('ok'))\n",
        'scripts/call.sh': '#!/bin/sh\ncurl "$SUPABASE_URL/functions/v1/hook" -H "Authorization: Bearer $SUPABASE_SECRET_KEY"\n',
      },
      findings: [
        {
          file: 'scripts/call.sh',
          line: 2,
          message:
            // Issue 27 (Q5 C): this case pinned "a check there that reads Authorization" for a function whose code the
            // repository shows checking no caller: it does not read the header at all, and the message says so.
            'the secret key (`SUPABASE_SECRET_KEY`) is sent as Authorization: Bearer to the Edge Function `hook` (/functions/v1/hook), which has verify_jwt off ' +
            `and does not read Authorization in its code: nothing there checks the key, and Authorization is for a user's session JWT. ${MOVE}.`,
          // Nothing breaks there: an info, not an error (a real migrated repo's CI probe of its test function).
          severity: 'info',
          fixable: false,
        },
      ],
    },
    {
      // Issue 27 (Q5 A): the local CLI's demo keys (iss supabase-demo) are public constants of the local stack: disabling
      // the hosted project's legacy keys does not touch them, so a Bearer of one of them alone is an info. A hosted
      // project's key in the same place stays an error.
      name: "the local CLI's demo anon key sent as Bearer in a test of the local stack: an info; a hosted anon key there: an error",
      files: {
        'test/storageApi.test.ts':
          "import { StorageClient } from '../src/index'\nconst URL = 'http://127.0.0.1:54321/storage/v1'\n" +
          `const KEY = '${KEYS.demoAnon}'\nexport const storage = new StorageClient(URL, { Authorization: \`Bearer \${KEY}\` })\n`,
        'test/hosted.test.ts':
          "import { StorageClient } from '../src/index'\nconst URL = 'https://abcdefghijklmnopqrst.supabase.co/storage/v1'\n" +
          `const KEY = '${KEYS.anon}'\nexport const storage = new StorageClient(URL, { Authorization: \`Bearer \${KEY}\` })\n`,
      },
      findings: [
        { file: 'test/hosted.test.ts', line: 4, column: 49, severity: 'error', message: sent('the legacy anon key', BREAKS, UNSAFE) },
        {
          file: 'test/storageApi.test.ts',
          line: 4,
          column: 49,
          severity: 'info',
          message:
            "the local CLI's demo anon key (iss supabase-demo) is sent as Authorization: Bearer: a public constant of the local stack " +
            "(`supabase start`), which disabling the hosted project's legacy keys does not touch. When this code moves to the local " +
            `stack's new keys, ${MOVE.replace('Send', 'send')}${UNSAFE}.`,
        },
      ],
    },
    {
      name: 'a function of the repository with verify_jwt off that checks its caller: a check there may read Authorization',
      files: {
        'supabase/config.toml': '[functions.hook]\nverify_jwt = false\n',
        'supabase/functions/hook/index.ts':
          "import { createClient } from 'npm:@supabase/supabase-js@2'\n" +
          "Deno.serve(async (req) => {\n  const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!)\n" +
          "  const { error } = await supabase.auth.getClaims(req.headers.get('Authorization')!.replace('Bearer ', ''))\n" +
          "  if (error) return new Response('Unauthorized', { status: 401 })\n  return new Response('ok')\n})\n",
        'scripts/call.sh': '#!/bin/sh\ncurl "$SUPABASE_URL/functions/v1/hook" -H "Authorization: Bearer $SUPABASE_SECRET_KEY"\n',
      },
      findings: [
        {
          file: 'scripts/call.sh',
          line: 2,
          message:
            'the secret key (`SUPABASE_SECRET_KEY`) is sent as Authorization: Bearer to the Edge Function `hook` (/functions/v1/hook), which has verify_jwt off: ' +
            `a check there that reads Authorization as a user's JWT rejects a new key. ${MOVE}.`,
          fixable: false,
        },
      ],
    },
    {
      name: 'Python: a Bearer string built into a name first, then used as the header (a real repo: SQSupabase test scripts)',
      files: {
        'scripts/functions_test.py':
          'import os, requests\n\nclass Tester:\n    def __init__(self):\n        anon_key = os.getenv("SUPABASE_ANON_KEY")\n' +
          '        self.auth_token = f"Bearer {anon_key}"\n        self.headers = {\n            "Authorization": self.auth_token,\n' +
          '            "Content-Type": "application/json",\n        }\n\n' +
          '    def user(self, session):\n        token = f"Bearer {session.access_token}"\n        return {"Authorization": token}\n',
      },
      findings: [
        { file: 'scripts/functions_test.py', line: 8, column: 13, messageIncludes: 'the legacy anon key (`anon_key`) is sent as Authorization: Bearer', fixable: false },
      ],
    },
    {
      name: 'the target in sight is named, with what it answers to a new key sent as Bearer (issue 19, section 2)',
      files: {
        'src/targets.ts':
          'const key = process.env.SUPABASE_SECRET_KEY!\n' +
          'await fetch(`${process.env.SUPABASE_URL}/rest/v1/todos`, { headers: { Authorization: `Bearer ${key}` } })\n' +
          "await fetch(process.env.SUPABASE_URL + '/storage/v1/object/avatars/a.png', { method: 'POST', headers: { Authorization: `Bearer ${key}` } })\n" +
          "await axios.get(`${base}/auth/v1/admin/users`, { headers: { Authorization: 'Bearer ' + key } })\n" +
          'await fetch(`${base}/functions/v1/send-mail`, { headers: { Authorization: `Bearer ${key}` } })\n' +
          // No target in sight (a URL held in a name), or two of them: today's message.
          'await fetch(url, { headers: { Authorization: `Bearer ${key}` } })\n' +
          "await fetch(`${base}/rest/v1/x?next=/storage/v1/y`, { headers: { Authorization: `Bearer ${key}` } })\n",
        'scripts/upload.sh': '#!/bin/sh\ncurl -X POST "$SUPABASE_URL/storage/v1/object/b/f.png" \\\n  -H "Authorization: Bearer $SUPABASE_SECRET_KEY"\n',
        'requests.http': 'GET {{baseUrl}}/auth/v1/admin/users\nAuthorization: Bearer {{SUPABASE_SECRET_KEY}}\n',
      },
      findings: [
        { file: 'requests.http', line: 2, column: 1, message: sent(`the secret key (\`SUPABASE_SECRET_KEY\`)`, NEW(AUTH)), fixable: false },
        { file: 'scripts/upload.sh', line: 3, column: 7, message: sent(`the secret key (\`SUPABASE_SECRET_KEY\`)`, NEW(STORAGE)), fixable: false },
        { file: 'src/targets.ts', line: 2, column: 71, message: sent(`the secret key`, NEW(REST), UNSAFE), fixable: false },
        { file: 'src/targets.ts', line: 3, column: 105, message: sent(`the secret key`, NEW(STORAGE), UNSAFE), fixable: false },
        { file: 'src/targets.ts', line: 4, column: 61, message: sent(`the secret key`, NEW(AUTH), UNSAFE), fixable: false },
        { file: 'src/targets.ts', line: 5, column: 60, message: sent(`the secret key`, NEW(FUNCTION('send-mail')), UNSAFE), fixable: false },
        { file: 'src/targets.ts', line: 6, column: 31, message: sent(`the secret key`, NEW(BREAKS), UNSAFE), fixable: false },
        { file: 'src/targets.ts', line: 7, column: 66, message: sent(`the secret key`, NEW(BREAKS), UNSAFE), fixable: false },
      ],
    },
    {
      name: 'a file with a syntax error and no legacy name',
      // The scan parses for errors only a file that holds a legacy name; the plan also knows of the error this rule's
      // own parse met, and applies no fix in a file that does not parse (parse-error reports it: test/rules/parse-error.test.ts).
      files: { 'src/client.ts': 'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\nfetch(url, { headers: { Authorization: `Bearer ${key}` } }) (\n' },
      options: { unsafe: true },
      findings: [{ line: 2, column: 25, messageIncludes: 'the publishable key is sent', fixable: false }],
    },
  ],
});
