// bearer-api-key and sql-legacy-key, RuleTester style: what must be flagged (with the kind of key the
// message names) and what must not, side by side, across JS/TS, single-file components, shell and CI,
// HTTP client files, Markdown, Python and SQL. Cases the implementation gets wrong are listed apart as
// `it.fails`, each naming the bug, so that fixing it turns them red and they move into the tables.
import { describe, expect, it } from 'vitest';
import { fileKind } from '../src/file-kinds/index.js';
import { planFile, type PlanFileOptions } from '../src/core/file-plan.js';
import { namePattern } from '../src/keys/names.js';

type Kind = 'publishable' | 'secret' | 'legacy anon' | 'legacy service_role' | 'API';
type RuleId = 'bearer-api-key' | 'sql-legacy-key';

interface Flagged {
  name: string;
  path: string;
  text: string;
  kind: Kind;
  /** sql files: sql-legacy-key; everything else: bearer-api-key. */
  rule?: RuleId;
  line?: number;
  severity?: 'error' | 'warning' | 'info';
}

interface NotFlagged {
  name: string;
  path: string;
  text: string;
}

// ---- fake keys, built at run time: nothing key-shaped is written into this file ---------------------

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (role: string) =>
  [b64({ alg: 'HS256', typ: 'JWT' }), b64({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role, iat: 1700000000, exp: 2000000000 }), 'ZmFrZS1zaWduYXR1cmU'].join('.');
const ANON_JWT = jwt('anon');
const SERVICE_JWT = jwt('service_role');
const PUBLISHABLE = `sb_${'publishable'}_FakeKey0123456789_abc-XYZ`;
const SECRET = `sb_${'secret'}_FakeKey0123456789_abc-XYZ`;
const KEY_VALUE = /eyJ[\w-]{5,}\.|sb_(?:publishable|secret)_[\w-]/;

const lines = (...rows: string[]) => rows.join('\n') + '\n';

function run(path: string, text: string, options: PlanFileOptions = {}) {
  const kind = fileKind(path);
  if (!kind) throw new Error(`no kind for ${path}`);
  return planFile({ path, kind, text }, namePattern(), {}, options);
}

const ruleOf = (c: { path: string; rule?: RuleId }): RuleId => c.rule ?? (c.path.endsWith('.sql') ? 'sql-legacy-key' : 'bearer-api-key');

function expectFlagged(c: Flagged): void {
  const findings = run(c.path, c.text).findings.filter((f) => f.ruleId === ruleOf(c));
  expect(findings, 'exactly one finding').toHaveLength(1);
  const [finding] = findings as [(typeof findings)[number]];
  // The kind of key, named as such ("the publishable key", "a legacy anon key"): never its value.
  expect(finding.message).toMatch(new RegExp(`\\b(the|a) ${c.kind} key\\b`));
  expect(finding.message).not.toMatch(KEY_VALUE);
  // What to do instead.
  expect(finding.message).toContain('apikey');
  expect(finding.severity).toBe(c.severity ?? 'error');
  if (c.line !== undefined) expect(finding.line).toBe(c.line);
}

function expectNotFlagged(c: NotFlagged): void {
  const findings = run(c.path, c.text).findings.filter((f) => f.ruleId === 'bearer-api-key' || f.ruleId === 'sql-legacy-key');
  expect(findings).toEqual([]);
}

// ---- flagged ------------------------------------------------------------------------------------------

const flagged: Flagged[] = [
  // JS/TS: where the header is set
  {
    name: 'fetch, identifier key, template literal, legacy service_role env name',
    path: 'src/admin.ts',
    text: 'fetch(url, { headers: { Authorization: `Bearer ${process.env.SUPABASE_SERVICE_ROLE_KEY}` } })\n',
    kind: 'legacy service_role',
  },
  {
    name: "'quoted' key, concatenation, VITE_SUPABASE_ANON_KEY",
    path: 'src/api.ts',
    text: "fetch(url, { headers: { 'Authorization': 'Bearer ' + import.meta.env.VITE_SUPABASE_ANON_KEY } })\n",
    kind: 'legacy anon',
  },
  {
    name: '"double" quoted key, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY',
    path: 'app/page.tsx',
    text: 'fetch(url, { headers: { "Authorization": `Bearer ${process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY}` } })\n',
    kind: 'publishable',
  },
  {
    name: "computed ['Authorization'], SUPABASE_SECRET_KEY",
    path: 'src/h.ts',
    text: "export const h = { ['Authorization']: `Bearer ${process.env.SUPABASE_SECRET_KEY}` }\n",
    kind: 'secret',
  },
  {
    name: 'lowercase authorization, SUPABASE_KEY',
    path: 'src/h.ts',
    text: 'export const h = { authorization: `Bearer ${process.env.SUPABASE_KEY}` }\n',
    kind: 'API',
  },
  {
    name: 'axios options',
    path: 'src/axios.ts',
    text: 'await axios.get(url, { headers: { Authorization: `Bearer ${process.env.SUPABASE_SERVICE_ROLE_KEY}` } })\n',
    kind: 'legacy service_role',
  },
  {
    name: 'axios.create common headers',
    path: 'src/axios.ts',
    text: 'export const api = axios.create({ headers: { common: { Authorization: `Bearer ${process.env.SUPABASE_SECRET_KEY}` } } })\n',
    kind: 'secret',
  },
  {
    name: 'ky options',
    path: 'src/ky.ts',
    text: 'await ky.get(url, { headers: { Authorization: `Bearer ${import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY}` } }).json()\n',
    kind: 'publishable',
  },
  {
    name: 'ofetch options',
    path: 'src/ofetch.ts',
    text: 'await ofetch(url, { headers: { Authorization: `Bearer ${import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY}` } })\n',
    kind: 'publishable',
  },
  {
    name: 'new Headers({...}), Deno.env.get',
    path: 'scripts/deno.ts',
    text: "const h = new Headers({ Authorization: `Bearer ${Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')}` })\n",
    kind: 'legacy service_role',
  },
  {
    name: "new Headers([['Authorization', …]])",
    path: 'scripts/deno.ts',
    text: "const h = new Headers([['Authorization', `Bearer ${Deno.env.get('SUPABASE_ANON_KEY')}`]])\n",
    kind: 'legacy anon',
  },
  {
    name: "headers.set('Authorization', …)",
    path: 'src/h.ts',
    text: "headers.set('Authorization', `Bearer ${process.env.SUPABASE_SECRET_KEY}`)\n",
    kind: 'secret',
  },
  {
    name: "headers.append('authorization', 'Bearer ' + …)",
    path: 'src/h.ts',
    text: "headers.append('authorization', 'Bearer ' + process.env.SUPABASE_SECRET_KEY)\n",
    kind: 'secret',
  },
  {
    name: "axios.defaults.headers.common['Authorization'] = …",
    path: 'src/axios.ts',
    text: "axios.defaults.headers.common['Authorization'] = `Bearer ${process.env.SUPABASE_SERVICE_ROLE_KEY}`\n",
    kind: 'legacy service_role',
  },
  {
    name: 'headers.Authorization = …',
    path: 'src/h.ts',
    text: lines('const h: Record<string, string> = {}', 'h.Authorization = `Bearer ${process.env.SUPABASE_SECRET_KEY}`'),
    kind: 'secret',
    line: 2,
  },
  {
    name: 'createClient global headers',
    path: 'src/lib/supabase.ts',
    text: lines(
      'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY',
      'export const supabase = createClient(url, key, {',
      '  global: { headers: { Authorization: `Bearer ${key}` } },',
      '})',
    ),
    kind: 'publishable',
    line: 3,
  },
  {
    name: 'functions.invoke headers',
    path: 'src/hello.ts',
    text: "await supabase.functions.invoke('hello', { headers: { Authorization: `Bearer ${import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY}` } })\n",
    kind: 'publishable',
  },
  {
    name: 'headers object declared apart from the call',
    path: 'src/h.ts',
    text: lines('const opts = {', '  headers: { Authorization: `Bearer ${import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY}` },', '}', 'fetch(url, opts)'),
    kind: 'publishable',
    line: 2,
  },
  // JS/TS: key literals, classified by value
  {
    name: 'legacy anon JWT literal, concatenated',
    path: 'src/h.ts',
    text: `fetch(url, { headers: { Authorization: 'Bearer ' + '${ANON_JWT}' } })\n`,
    kind: 'legacy anon',
  },
  {
    name: 'legacy service_role JWT literal in a variable',
    path: 'src/h.ts',
    text: lines(`const serviceRole = '${SERVICE_JWT}'`, 'fetch(url, { headers: { Authorization: `Bearer ${serviceRole}` } })'),
    kind: 'legacy service_role',
    line: 2,
  },
  {
    name: 'sb_publishable_ literal in a variable with a new-looking name',
    path: 'src/h.ts',
    text: lines(`const k = '${PUBLISHABLE}'`, 'fetch(url, { headers: { Authorization: `Bearer ${k}` } })'),
    kind: 'publishable',
    line: 2,
  },
  {
    name: 'a legacy anon JWT stored under a new name is a legacy key (by value, not by name)',
    path: 'src/h.ts',
    text: lines(`const VITE_SUPABASE_PUBLISHABLE_KEY = '${ANON_JWT}'`, 'fetch(url, { headers: { Authorization: `Bearer ${VITE_SUPABASE_PUBLISHABLE_KEY}` } })'),
    kind: 'legacy anon',
    line: 2,
  },
  {
    name: 'sb_secret_ literal, concatenated',
    path: 'src/h.ts',
    text: `fetch(url, { headers: { Authorization: 'Bearer ' + '${SECRET}' } })\n`,
    kind: 'secret',
  },
  // JS/TS: names bound to a key
  {
    name: 'parameter default',
    path: 'src/call.ts',
    text: 'export function call(key = process.env.SUPABASE_SERVICE_ROLE_KEY) { return fetch(url, { headers: { Authorization: `Bearer ${key}` } }) }\n',
    kind: 'legacy service_role',
  },
  {
    name: 'destructured parameter default',
    path: 'src/call.ts',
    text: 'export function call({ key = process.env.SUPABASE_SECRET_KEY } = {}) { return fetch(url, { headers: { Authorization: `Bearer ${key}` } }) }\n',
    kind: 'secret',
  },
  {
    name: 'destructured alias from import.meta.env',
    path: 'src/call.ts',
    text: lines('const { VITE_SUPABASE_ANON_KEY: anon } = import.meta.env', 'fetch(url, { headers: { Authorization: `Bearer ${anon}` } })'),
    kind: 'legacy anon',
    line: 2,
  },
  {
    name: 'destructured from process.env',
    path: 'src/call.ts',
    text: lines('const { SUPABASE_SECRET_KEY } = process.env', 'fetch(url, { headers: { Authorization: `Bearer ${SUPABASE_SECRET_KEY}` } })'),
    kind: 'secret',
    line: 2,
  },
  {
    name: 'object property: config.key',
    path: 'src/call.ts',
    text: lines('const config = { key: process.env.SUPABASE_SERVICE_ROLE_KEY }', 'fetch(url, { headers: { Authorization: `Bearer ${config.key}` } })'),
    kind: 'legacy service_role',
    line: 2,
  },
  {
    name: 'object property destructured',
    path: 'src/call.ts',
    text: lines(
      'const config = { supabaseKey: import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY }',
      'const { supabaseKey } = config',
      'fetch(url, { headers: { Authorization: `Bearer ${supabaseKey}` } })',
    ),
    kind: 'publishable',
    line: 3,
  },
  {
    name: 'session?.access_token ?? anonKey: the fallback sends the key',
    path: 'src/call.ts',
    text: lines(
      'const anonKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY',
      'fetch(url, { headers: { Authorization: `Bearer ${session?.access_token ?? anonKey}` } })',
    ),
    kind: 'publishable',
    line: 2,
  },
  {
    name: 'JSON.parse(SUPABASE_SECRET_KEYS).default',
    path: 'scripts/deno.ts',
    text: lines(
      "const secret = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default",
      'fetch(url, { headers: { Authorization: `Bearer ${secret}` } })',
    ),
    kind: 'secret',
    line: 2,
  },
  {
    name: 'a name holding the whole Bearer value',
    path: 'src/call.ts',
    text: lines(
      'const anon = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY',
      'const authHeader = `Bearer ${anon}`',
      'fetch(url, { headers: { Authorization: authHeader } })',
    ),
    kind: 'publishable',
    line: 3,
  },
  {
    name: 'shorthand { Authorization }',
    path: 'src/call.ts',
    text: lines('const Authorization = `Bearer ${process.env.SUPABASE_SECRET_KEY}`', 'fetch(url, { headers: { Authorization } })'),
    kind: 'secret',
    line: 2,
  },
  {
    name: 'pass-through calls: String(…).trim()',
    path: 'src/call.ts',
    text: "fetch(url, { headers: { Authorization: 'Bearer ' + String(process.env.SUPABASE_SECRET_KEY).trim() } })\n",
    kind: 'secret',
  },
  {
    name: 'Bun.env',
    path: 'src/call.ts',
    text: 'fetch(url, { headers: { Authorization: `Bearer ${Bun.env.SUPABASE_SECRET_KEY}` } })\n',
    kind: 'secret',
  },
  {
    name: 'JSX component',
    path: 'src/Todos.tsx',
    text: lines(
      'export function Todos() {',
      '  useEffect(() => { fetch(url, { headers: { Authorization: `Bearer ${process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY}` } }) }, [])',
      '  return <ul />',
      '}',
    ),
    kind: 'publishable',
    line: 2,
  },
  // Single-file components
  {
    name: '.vue <script setup lang="ts">',
    path: 'src/App.vue',
    text: lines(
      '<template><TodoList /></template>',
      '<script setup lang="ts">',
      'const todos = await fetch(url, { headers: { Authorization: `Bearer ${import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY}` } })',
      '</script>',
    ),
    kind: 'publishable',
    line: 3,
  },
  {
    name: ".svelte <script> with $env/static/public",
    path: 'src/routes/+page.svelte',
    text: lines(
      '<script>',
      "  import { PUBLIC_SUPABASE_PUBLISHABLE_KEY } from '$env/static/public'",
      '  const load = () => fetch(url, { headers: { Authorization: `Bearer ${PUBLIC_SUPABASE_PUBLISHABLE_KEY}` } })',
      '</script>',
      '<button on:click={load}>Load</button>',
    ),
    kind: 'publishable',
    line: 3,
  },
  // Shell, Makefiles, package.json scripts, CI, HTTP client files
  {
    name: 'curl -H in a shell script',
    path: 'scripts/call.sh',
    text: lines('#!/bin/sh', 'curl -H "Authorization: Bearer $SUPABASE_SERVICE_ROLE_KEY" "$SUPABASE_URL/rest/v1/todos"'),
    kind: 'legacy service_role',
    line: 2,
  },
  {
    name: 'curl --header, lowercase, ${VAR}',
    path: 'scripts/call.sh',
    text: 'curl --header "authorization: bearer ${SUPABASE_SECRET_KEY}" "$URL"\n',
    kind: 'secret',
  },
  {
    name: 'httpie-style header without a space',
    path: 'scripts/call.sh',
    text: 'http POST "$URL" "Authorization:Bearer $SUPABASE_SECRET_KEY"\n',
    kind: 'secret',
  },
  {
    name: 'Makefile recipe with a ${VAR} reference',
    path: 'Makefile',
    text: lines('seed:', '\tcurl -H "Authorization: Bearer ${SUPABASE_SERVICE_ROLE_KEY}" $(URL)'),
    kind: 'legacy service_role',
    line: 2,
  },
  {
    name: 'package.json script',
    path: 'package.json',
    text: '{\n  "scripts": {\n    "ping": "curl -H \\"Authorization: Bearer $SUPABASE_ANON_KEY\\" http://localhost:54321"\n  }\n}\n',
    kind: 'legacy anon',
    line: 3,
  },
  {
    name: 'GitHub workflow run: with ${{ secrets.X }}',
    path: '.github/workflows/cron.yml',
    text: lines(
      'on: { schedule: [{ cron: "0 * * * *" }] }',
      'jobs:',
      '  ping:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: curl -H "Authorization: Bearer ${{ secrets.SUPABASE_SERVICE_ROLE_KEY }}" "$URL"',
    ),
    kind: 'legacy service_role',
    line: 6,
  },
  {
    name: 'GitHub workflow multi-line run: block',
    path: '.github/workflows/cron.yml',
    text: lines(
      'jobs:',
      '  ping:',
      '    steps:',
      '      - run: |',
      '          curl -X POST "$URL" \\',
      '            -H "Authorization: Bearer ${{ secrets.SUPABASE_SECRET_KEY }}"',
    ),
    kind: 'secret',
    line: 6,
  },
  {
    name: '.http file with {{SUPABASE_ANON_KEY}}',
    path: 'api/todos.http',
    text: lines('GET {{baseUrl}}/rest/v1/todos', 'Authorization: Bearer {{SUPABASE_ANON_KEY}}'),
    kind: 'legacy anon',
    line: 2,
  },
  {
    name: '.rest file with {{ SUPABASE_SERVICE_ROLE_KEY }}',
    path: 'api/todos.rest',
    text: lines('GET {{baseUrl}}/rest/v1/todos', 'Authorization: Bearer {{ SUPABASE_SERVICE_ROLE_KEY }}'),
    kind: 'legacy service_role',
    line: 2,
  },
  {
    name: '.http file with a literal key',
    path: 'api/todos.http',
    text: lines('GET {{baseUrl}}/rest/v1/todos', `Authorization: Bearer ${ANON_JWT}`),
    kind: 'legacy anon',
    line: 2,
  },
  // Markdown: code blocks only, as info
  {
    name: 'Markdown ```sh block',
    path: 'README.md',
    text: lines('# Calling the API', '', '```sh', 'curl -H "Authorization: Bearer $SUPABASE_ANON_KEY" "$URL/rest/v1/todos"', '```'),
    kind: 'legacy anon',
    line: 4,
    severity: 'info',
  },
  {
    name: 'Markdown ~~~ block with a publishable key name',
    path: 'docs/api.md',
    text: lines('Call it:', '', '~~~bash', 'curl -H "Authorization: Bearer ${SUPABASE_PUBLISHABLE_KEY}" "$URL"', '~~~'),
    kind: 'publishable',
    line: 4,
    severity: 'info',
  },
  // Python
  {
    name: "Python requests, f\"Bearer {os.environ['SUPABASE_SERVICE_ROLE_KEY']}\"",
    path: 'scripts/sync.py',
    text: lines('import os, requests', "requests.get(url, headers={\"Authorization\": f\"Bearer {os.environ['SUPABASE_SERVICE_ROLE_KEY']}\"})"),
    kind: 'legacy service_role',
    line: 2,
  },
  {
    name: 'Python httpx, a name assigned from os.getenv',
    path: 'scripts/sync.py',
    text: lines('import os, httpx', 'key = os.getenv("SUPABASE_SECRET_KEY")', 'httpx.get(url, headers={"Authorization": f"Bearer {key}"})'),
    kind: 'secret',
    line: 3,
  },
  {
    name: 'Python concatenation with os.environ[…]',
    path: 'scripts/sync.py',
    text: lines('import os', 'headers = {"Authorization": "Bearer " + os.environ["SUPABASE_SERVICE_ROLE_KEY"]}'),
    kind: 'legacy service_role',
    line: 2,
  },
  {
    name: 'Python, a name assigned a legacy JWT literal',
    path: 'scripts/sync.py',
    text: lines(`key = "${SERVICE_JWT}"`, 'headers = {"Authorization": f"Bearer {key}"}'),
    kind: 'legacy service_role',
    line: 2,
  },
  {
    name: 'Python settings field named after the env variable',
    path: 'app/client.py',
    text: 'headers = {"Authorization": f"Bearer {settings.supabase_key}"}\n',
    kind: 'API',
  },
  // SQL
  {
    name: 'pg_net with a Vault secret named service_role_key (migration)',
    path: 'supabase/migrations/20240101000000_webhook.sql',
    text: lines(
      'select net.http_post(',
      "  url := 'https://abcdefghijklmnopqrst.supabase.co/functions/v1/hook',",
      "  headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key'))",
      ');',
    ),
    // The Vault secret's name says which key it holds (issue 19 §2).
    kind: 'legacy service_role',
    line: 3,
  },
  {
    name: 'pg_net with current_setting(…service_role_key) in a seed file',
    path: 'supabase/seed.sql',
    text: "select net.http_post(url := 'http://host.docker.internal:54321/functions/v1/seed', headers := jsonb_build_object('Authorization', 'Bearer ' || current_setting('app.settings.service_role_key')));\n",
    kind: 'API',
  },
  {
    name: 'a literal service_role JWT in a migration header',
    path: 'supabase/migrations/20240102000000_hook.sql',
    text: `select net.http_post(url := 'https://x.supabase.co/functions/v1/hook', headers := '{"Content-Type":"application/json","Authorization":"Bearer ${SERVICE_JWT}"}'::jsonb);\n`,
    kind: 'legacy service_role',
  },
  {
    name: 'http extension call with a literal anon JWT',
    path: 'supabase/migrations/20240103000000_http.sql',
    text: `select http((('POST', 'https://x.supabase.co/rest/v1/rpc/f', ARRAY[http_header('Authorization', 'Bearer ${ANON_JWT}')], 'application/json', '{}')::http_request));\n`,
    kind: 'legacy anon',
  },
  {
    name: 'database webhook trigger (supabase_functions.http_request) with a literal JWT',
    path: 'supabase/migrations/20240104000000_trigger.sql',
    text: `create trigger hook after insert on todos for each row execute function supabase_functions.http_request('https://x.supabase.co/functions/v1/hook', 'POST', '{"Content-type":"application/json","Authorization":"Bearer ${SERVICE_JWT}"}', '{}', '1000');\n`,
    kind: 'legacy service_role',
  },
  {
    name: 'a legacy anon JWT written into a seed file',
    path: 'supabase/seed.sql',
    text: `insert into private.settings (name, value) values ('anon_key', '${ANON_JWT}');\n`,
    kind: 'legacy anon',
  },
];

// ---- not flagged --------------------------------------------------------------------------------------

const notFlagged: NotFlagged[] = [
  // JS/TS: a user's token
  {
    name: 'session.access_token from getSession()',
    path: 'src/call.ts',
    text: lines(
      'const { data: { session } } = await supabase.auth.getSession()',
      'fetch(url, { headers: { Authorization: `Bearer ${session?.access_token}` } })',
    ),
  },
  {
    name: '(await supabase.auth.getSession()).data.session?.access_token',
    path: 'src/call.ts',
    text: 'fetch(url, { headers: { Authorization: `Bearer ${(await supabase.auth.getSession()).data.session?.access_token}` } })\n',
  },
  {
    name: 'a name holding the session token',
    path: 'src/call.ts',
    text: lines('const token = session.access_token', "headers.set('Authorization', `Bearer ${token}`)"),
  },
  {
    name: 'getUser results',
    path: 'src/call.ts',
    text: lines(
      'const { data: { user } } = await supabase.auth.getUser()',
      'fetch(url, { headers: { Authorization: `Bearer ${user?.user_metadata.provider_token}` } })',
    ),
  },
  {
    name: 'the user token with the key in apikey, as it should be',
    path: 'src/call.ts',
    text: 'fetch(url, { headers: { apikey: import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY, Authorization: `Bearer ${session.access_token}` } })\n',
  },
  {
    name: "headers.set('apikey', key) next to a session token",
    path: 'src/call.ts',
    text: lines(
      'const h = new Headers()',
      "h.set('apikey', import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY)",
      "h.set('Authorization', `Bearer ${session.access_token}`)",
    ),
  },
  {
    name: 'a key sent correctly in apikey',
    path: 'src/admin.ts',
    text: 'fetch(url, { headers: { apikey: process.env.SUPABASE_SECRET_KEY! } })\n',
  },
  // Forwarded headers
  {
    name: "forwarded req.headers.get('Authorization') in an Edge Function client",
    path: 'supabase/functions/todos/index.ts',
    text: lines(
      'Deno.serve(async (req) => {',
      "  const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!, {",
      "    global: { headers: { Authorization: req.headers.get('Authorization')! } },",
      '  })',
      '})',
    ),
  },
  {
    name: 'Express req.headers.authorization',
    path: 'server/proxy.ts',
    text: "app.get('/x', (req, res) => fetch(url, { headers: { Authorization: req.headers.authorization! } }))\n",
  },
  {
    name: "route handler request.headers.get('authorization') ?? ''",
    path: 'app/api/route.ts',
    text: "export async function GET(request: Request) { return fetch(url, { headers: { Authorization: request.headers.get('authorization') ?? '' } }) }\n",
  },
  // Third parties
  {
    name: 'STRIPE_SECRET_KEY',
    path: 'src/stripe.ts',
    text: 'fetch(url, { headers: { Authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}` } })\n',
  },
  {
    name: 'GITHUB_TOKEN',
    path: 'src/github.ts',
    text: 'fetch(url, { headers: { Authorization: `Bearer ${process.env.GITHUB_TOKEN}` } })\n',
  },
  {
    name: 'OPENAI_API_KEY',
    path: 'src/openai.ts',
    text: "fetch(url, { headers: { Authorization: 'Bearer ' + process.env.OPENAI_API_KEY } })\n",
  },
  {
    name: 'SENDGRID_API_KEY',
    path: 'supabase/functions/mail/index.ts',
    text: 'Deno.serve(() => fetch(url, { headers: { Authorization: `Bearer ${process.env.SENDGRID_API_KEY}` } }))\n',
  },
  {
    name: 'the Management API access token (SUPABASE_ACCESS_TOKEN) is a Bearer token',
    path: 'scripts/projects.ts',
    text: "fetch('https://api.supabase.com/v1/projects', { headers: { Authorization: `Bearer ${process.env.SUPABASE_ACCESS_TOKEN}` } })\n",
  },
  {
    name: 'sbp_ and sb_temp_ literals are not API keys',
    path: 'scripts/projects.ts',
    text: lines(
      "const pat = 'sbp_0123456789abcdef0123456789abcdef01234567'",
      "fetch('https://api.supabase.com/v1/projects', { headers: { Authorization: `Bearer ${pat}` } })",
      "fetch(url, { headers: { Authorization: 'Bearer ' + 'sb_temp_FakeKey0123456789_abc-XYZ' } })",
    ),
  },
  {
    name: 'Basic auth',
    path: 'src/basic.ts',
    text: "fetch(url, { headers: { Authorization: `Basic ${btoa(user + ':' + pass)}` } })\n",
  },
  // Not a header, not a key
  {
    name: 'Bearer in a line comment',
    path: 'src/call.ts',
    text: lines('// headers: { Authorization: `Bearer ${process.env.SUPABASE_SECRET_KEY}` }', 'export const x = 1'),
  },
  {
    name: 'Bearer in a block comment',
    path: 'src/call.ts',
    text: lines('/*', " * headers.set('Authorization', `Bearer ${import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY}`)", ' */', 'export const x = 1'),
  },
  {
    name: 'Bearer in an unrelated string',
    path: 'src/help.ts',
    text: "export const help = 'never send Authorization: Bearer <SUPABASE_SECRET_KEY>; use apikey'\n",
  },
  {
    name: "the text 'Bearer anonKey', not the variable",
    path: 'src/call.ts',
    text: lines('const anonKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY', "export const x = { Authorization: 'Bearer anonKey' }"),
  },
  {
    name: 'a key declared, a different value sent',
    path: 'src/call.ts',
    text: lines('const key = process.env.SUPABASE_SECRET_KEY', 'fetch(url, { headers: { apikey: key, Authorization: `Bearer ${token}` } })'),
  },
  {
    name: 'look-alike name VITE_SUPABASE_ANON_KEYS',
    path: 'src/call.ts',
    text: 'fetch(url, { headers: { Authorization: `Bearer ${import.meta.env.VITE_SUPABASE_ANON_KEYS}` } })\n',
  },
  {
    name: 'look-alike name VITE_SUPABASE_ANON_KEY_OLD',
    path: 'src/call.ts',
    text: 'fetch(url, { headers: { Authorization: `Bearer ${import.meta.env.VITE_SUPABASE_ANON_KEY_OLD}` } })\n',
  },
  {
    name: 'VITE_SUPABASE_URL and SUPABASE_JWT_SECRET are not API keys',
    path: 'src/call.ts',
    text: lines(
      'fetch(url, { headers: { Authorization: `Bearer ${import.meta.env.VITE_SUPABASE_URL}` } })',
      'fetch(url, { headers: { Authorization: `Bearer ${process.env.SUPABASE_JWT_SECRET}` } })',
    ),
  },
  {
    name: '.vue: Authorization: Bearer in the template text, the key in apikey in the script',
    path: 'src/Help.vue',
    text: lines(
      '<template><p>Authorization: Bearer is for users</p></template>',
      '<script setup lang="ts">',
      "await fetch(url, { headers: { apikey: import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY } })",
      '</script>',
    ),
  },
  // Followed through helpers, parameters and pairs (issue 18, item 10): a user's or a third party's token stays unflagged
  {
    name: "a helper handed a third party's env name",
    path: 'src/openai.ts',
    text: lines("const key = requireEnv('OPENAI_API_KEY')", 'fetch(url, { headers: { Authorization: `Bearer ${key}` } })'),
  },
  {
    name: 'a helper handed a key name inside a longer string',
    path: 'src/errors.ts',
    text: lines("const token = fail('MISSING_SUPABASE_ANON_KEY: set it')", 'fetch(url, { headers: { Authorization: `Bearer ${token}` } })'),
  },
  {
    name: 'a parameter fed the session token at every call site',
    path: 'src/call.ts',
    text: lines(
      'const key = process.env.SUPABASE_SECRET_KEY',
      'function asUser(path: string, token: string) { return fetch(path, { headers: { apikey: key, Authorization: `Bearer ${token}` } }) }',
      "asUser('/rest/v1/todos', session.access_token)",
    ),
  },
  {
    name: "Nuxt runtime config: a third party's field",
    path: 'server/api/ai.ts',
    text: lines('const config = useRuntimeConfig()', 'export default () => $fetch(url, { headers: { Authorization: `Bearer ${config.openaiApiKey}` } })'),
  },
  {
    name: 'JS: ANON_KEY of a JSON file, in a module that only mentions supabase status',
    path: 'tests/helpers.ts',
    text: lines(
      "const cfg = JSON.parse(readFileSync('keys.json', 'utf8'))",
      "console.log('run supabase status -o json first')",
      'await fetch(url, { headers: { apikey: process.env.SUPABASE_PUBLISHABLE_KEY, Authorization: `Bearer ${cfg.ANON_KEY}` } })',
    ),
  },
  {
    name: "JS: supabase status's key in apikey, the signed-in user's token as Bearer",
    path: 'tests/helpers.ts',
    text: lines(
      "const status = JSON.parse(execSync('supabase status -o json').toString())",
      "const { data } = await supabase.auth.signInWithPassword({ email, password })",
      'await fetch(url, { headers: { apikey: status.ANON_KEY, Authorization: `Bearer ${data.session.access_token}` } })',
      'await fetch(url, { headers: { Authorization: `Bearer ${status.ACCESS_TOKEN}` } })',
    ),
  },
  {
    name: "a user's token in both apikey and Authorization",
    path: 'src/user.ts',
    text: 'fetch(url, { headers: { apikey: session.access_token, Authorization: `Bearer ${session.access_token}` } })\n',
  },
  // Shell and CI
  {
    name: 'shell: Bearer $ACCESS_TOKEN',
    path: 'scripts/call.sh',
    text: 'curl -H "Authorization: Bearer $ACCESS_TOKEN" "$URL"\n',
  },
  {
    name: 'shell: a variable assigned from a user token, and ANON_KEY where nothing runs supabase status',
    path: 'scripts/call.sh',
    text: lines('TOKEN="${ACCESS_TOKEN:-}"', 'curl -H "Authorization: Bearer $TOKEN" "$URL"', 'curl -H "Authorization: Bearer $ANON_KEY" "$OTHER_API"'),
  },
  {
    name: "shell: a user's token in both headers, and the same variable in apikey of another command",
    path: 'scripts/call.sh',
    text: lines(
      'curl "$URL/rest/v1/todos" -H "apikey: $ACCESS_TOKEN" -H "Authorization: Bearer $ACCESS_TOKEN"',
      'curl "$URL/rest/v1/todos" -H "apikey: $TOKEN"',
      'curl "$URL/functions/v1/me" -H "Authorization: Bearer $TOKEN"',
    ),
  },
  {
    name: '.http: the same variable in apikey of another request',
    path: 'api/todos.http',
    text: lines('GET {{baseUrl}}/rest/v1/todos', 'apikey: {{token}}', '', '###', '', 'GET {{baseUrl}}/functions/v1/me', 'Authorization: Bearer {{token}}'),
  },
  {
    name: 'shell: Management API with $SUPABASE_ACCESS_TOKEN',
    path: 'scripts/projects.sh',
    text: 'curl -H "Authorization: Bearer $SUPABASE_ACCESS_TOKEN" https://api.supabase.com/v1/projects\n',
  },
  {
    name: 'shell: the key in apikey',
    path: 'scripts/call.sh',
    text: 'curl -H "apikey: $SUPABASE_SECRET_KEY" "$URL/rest/v1/todos"\n',
  },
  {
    name: 'workflow: a third-party secret',
    path: '.github/workflows/deploy.yml',
    text: lines('jobs:', '  a:', '    steps:', '      - run: curl -H "Authorization: Bearer ${{ secrets.VERCEL_TOKEN }}" "$URL"'),
  },
  {
    name: "workflow: a step's output token",
    path: '.github/workflows/deploy.yml',
    text: lines('jobs:', '  a:', '    steps:', '      - run: curl -H "Authorization: Bearer ${{ steps.login.outputs.token }}" "$URL"'),
  },
  {
    name: '.http: a token from a login response',
    path: 'api/todos.http',
    text: lines('@token = {{login.response.body.access_token}}', 'GET {{baseUrl}}/rest/v1/todos', 'Authorization: Bearer {{token}}'),
  },
  // Markdown
  {
    name: 'Markdown paragraph outside code blocks',
    path: 'README.md',
    text: lines('Authorization: Bearer $SUPABASE_SERVICE_ROLE_KEY used to work; send it as apikey now.', '', '```sh', 'curl -H "apikey: $SUPABASE_SECRET_KEY" "$URL"', '```'),
  },
  {
    name: 'Markdown inline code in a paragraph',
    path: 'docs/migrate.md',
    text: 'Do not send `Authorization: Bearer $SUPABASE_ANON_KEY`.\n',
  },
  {
    name: 'Markdown code block with a user JWT and the key in apikey',
    path: 'README.md',
    text: lines('```sh', 'curl -H "Authorization: Bearer $USER_JWT" -H "apikey: $SUPABASE_PUBLISHABLE_KEY" "$URL"', '```'),
  },
  // Python
  {
    name: 'Python: a third-party token',
    path: 'scripts/gh.py',
    text: lines('import os, requests', "requests.get(url, headers={\"Authorization\": f\"Bearer {os.environ['GITHUB_TOKEN']}\"})"),
  },
  {
    name: 'Python: the session token',
    path: 'scripts/user.py',
    text: lines('token = session.access_token', 'requests.get(url, headers={"Authorization": f"Bearer {token}"})'),
  },
  {
    name: "Python: a user's token in both apikey and Authorization",
    path: 'scripts/user.py',
    text: 'requests.get(url, headers={"apikey": session.access_token, "Authorization": f"Bearer {session.access_token}"})\n',
  },
  {
    name: 'Python: the key in apikey, a token of unknown origin in Authorization',
    path: 'scripts/user.py',
    text: lines('import os', 'headers = {"apikey": os.environ["SUPABASE_PUBLISHABLE_KEY"], "Authorization": f"Bearer {token}"}', 'other = {"apikey": token}'),
  },
  {
    name: 'Python: the key in apikey, a user JWT in Authorization',
    path: 'scripts/user.py',
    text: lines('import os', 'headers = {"apikey": os.environ["SUPABASE_SECRET_KEY"], "Authorization": f"Bearer {user_jwt}"}'),
  },
  // SQL
  {
    name: "SQL: the user's JWT (auth.jwt())",
    path: 'supabase/migrations/20240105000000_user.sql',
    text: "select net.http_post(url := 'https://x.supabase.co/functions/v1/f', headers := jsonb_build_object('Authorization', 'Bearer ' || auth.jwt()::text));\n",
  },
  {
    name: 'SQL: a forwarded request header',
    path: 'supabase/migrations/20240105000000_user.sql',
    text: "select net.http_post(url := 'https://x.supabase.co/functions/v1/f', headers := jsonb_build_object('Authorization', current_setting('request.headers', true)::json->>'authorization'));\n",
  },
  {
    name: 'SQL: the key from Vault sent in apikey',
    path: 'supabase/migrations/20240106000000_apikey.sql',
    text: "select net.http_post(url := 'https://x.supabase.co/functions/v1/f', headers := jsonb_build_object('apikey', (select decrypted_secret from vault.decrypted_secrets where name = 'secret_key')));\n",
  },
];

// ---- known bugs -----------------------------------------------------------------------------------------

/** Should be flagged and are not. */
// Cases that were once missed: each keeps the note of what went wrong.
const onceMissed: (Flagged & { bug: string })[] = [
  {
    bug: "JS: a key literal inside the Bearer string itself ('Bearer sb_…') is not classified: kindOf() tests the whole string 'Bearer …' as a key",
    name: "'Bearer sb_publishable_…' in one string literal",
    path: 'src/h.ts',
    text: `fetch(url, { headers: { Authorization: 'Bearer ${PUBLISHABLE}' } })\n`,
    kind: 'publishable',
  },
  {
    bug: 'JS: same, in a template literal without substitutions',
    name: '`Bearer <service_role JWT>`',
    path: 'src/h.ts',
    text: `fetch(url, { headers: { Authorization: \`Bearer ${SERVICE_JWT}\` } })\n`,
    kind: 'legacy service_role',
  },
  {
    bug: 'Makefile: make variable references $(VAR) are not read by the shell header pattern',
    name: 'Makefile $(SUPABASE_SERVICE_ROLE_KEY)',
    path: 'Makefile',
    text: lines('seed:', '\tcurl -H "Authorization: Bearer $(SUPABASE_SERVICE_ROLE_KEY)" $(URL)'),
    kind: 'legacy service_role',
  },
  {
    bug: 'Makefile: the escaped shell reference $$VAR / $${VAR} is not read',
    name: 'Makefile $${SUPABASE_SECRET_KEY}',
    path: 'tools/api.mk',
    text: lines('seed:', '\tcurl -H "Authorization: Bearer $${SUPABASE_SECRET_KEY}" $(URL)'),
    kind: 'secret',
  },
  {
    bug: 'Python: a key literal in a plain (non-f) string is not matched by PY_HEADER',
    name: "Python 'Bearer <service_role JWT>'",
    path: 'scripts/sync.py',
    text: `requests.post(url, headers={'Authorization': 'Bearer ${SERVICE_JWT}'})\n`,
    kind: 'legacy service_role',
  },
  {
    bug: 'Python: %-formatting is not read',
    name: 'Python "Bearer %s" % os.environ[…]',
    path: 'scripts/sync.py',
    text: 'headers = {"Authorization": "Bearer %s" % os.environ["SUPABASE_SECRET_KEY"]}\n',
    kind: 'secret',
  },
  {
    bug: 'Python: str.format is not read',
    name: 'Python "Bearer {}".format(os.environ[…])',
    path: 'scripts/sync.py',
    text: 'headers = {"Authorization": "Bearer {}".format(os.environ["SUPABASE_SECRET_KEY"])}\n',
    kind: 'secret',
  },
  {
    bug: 'HTTP client files: REST Client variables {{$dotenv NAME}} / {{$processEnv NAME}} are not read',
    name: '.rest {{$dotenv SUPABASE_ANON_KEY}}',
    path: 'api/todos.rest',
    text: lines('GET {{baseUrl}}/rest/v1/todos', 'Authorization: Bearer {{$dotenv SUPABASE_ANON_KEY}}'),
    kind: 'legacy anon',
  },
  {
    bug: 'Python: a key literal is shown in the message (via = the expression text), and cut at the first "-"',
    name: 'Python "Bearer " + "<sb_secret_ literal>"',
    path: 'scripts/sync.py',
    text: `headers = {"Authorization": "Bearer " + "${SECRET}"}\n`,
    kind: 'secret',
  },
  {
    bug: 'shell: a variable assigned from a key variable (KEY="${SUPABASE_ANON_KEY:-}") was not followed (issue 18, item 10)',
    name: 'shell KEY="${SUPABASE_ANON_KEY:-}" then Bearer $KEY',
    path: 'scripts/smoke.sh',
    text: lines('#!/usr/bin/env bash', 'KEY="${SUPABASE_ANON_KEY:-}"', 'curl -s "$URL/rest/v1/todos" -H "apikey: $KEY" -H "Authorization: Bearer $KEY"'),
    kind: 'legacy anon',
    line: 3,
    // The same key in apikey: a warning, as in code (SPEC's rule table); this case expected an error before.
    severity: 'warning',
  },
  {
    bug: 'shell: the fields of `supabase status` (-o json through jq, -o env through eval) were not keys (issue 18, item 10)',
    name: 'shell SERVICE_ROLE_KEY from supabase status -o json',
    path: 'scripts/test-setup.sh',
    text: lines('SRK=$(supabase status -o json | jq -r .SERVICE_ROLE_KEY)', 'curl -X POST "$API_URL/functions/v1/seed" -H "Authorization: Bearer $SRK"'),
    kind: 'legacy service_role',
    line: 2,
  },
  {
    bug: 'shell: same, with the variables `supabase status -o env` exports',
    name: 'shell eval "$(supabase status -o env)" then Bearer $ANON_KEY',
    path: 'scripts/test-setup.sh',
    text: lines('eval "$(supabase status -o env)"', 'curl "$API_URL/rest/v1/todos" -H "Authorization: Bearer ${ANON_KEY}"'),
    kind: 'legacy anon',
    line: 2,
  },
  {
    bug: 'JS: the fields of `supabase status -o json` in a test helper were not keys (issue 18, item 10)',
    name: 'JS status = JSON.parse(execSync(supabase status -o json)), Bearer ${status.SERVICE_ROLE_KEY}',
    path: 'tests/helpers.ts',
    text: lines(
      "import { execSync } from 'node:child_process'",
      "const status = JSON.parse(execSync('supabase status -o json').toString())",
      'export const seed = () => fetch(`${status.API_URL}/functions/v1/seed`, { headers: { Authorization: `Bearer ${status.SERVICE_ROLE_KEY}` } })',
    ),
    kind: 'legacy service_role',
    line: 3,
  },
  {
    bug: 'JS: same, destructured from npx supabase status',
    name: "JS const { ANON_KEY } = JSON.parse(execSync('npx supabase status -o json', …))",
    path: 'e2e/setup.ts',
    text: lines(
      "const { ANON_KEY, API_URL } = JSON.parse(execSync('npx supabase status -o json', { encoding: 'utf8' }))",
      'await fetch(`${API_URL}/rest/v1/todos`, { headers: { Authorization: `Bearer ${ANON_KEY}` } })',
    ),
    kind: 'legacy anon',
    line: 2,
  },
  {
    bug: 'JS: same, through spawnSync with the arguments in an array and its stdout',
    name: "JS spawnSync('supabase', ['status', '-o', 'json']).stdout, PUBLISHABLE_KEY",
    path: 'test/global-setup.mjs',
    text: lines(
      "const out = spawnSync('supabase', ['status', '-o', 'json'], { encoding: 'utf8' }).stdout",
      'const local = JSON.parse(out)',
      'await fetch(url, { headers: { Authorization: `Bearer ${local.PUBLISHABLE_KEY}` } })',
    ),
    kind: 'publishable',
    line: 3,
  },
  {
    bug: 'JS: same, through zx and a helper function of the module',
    name: 'JS zx $`supabase status -o json` in a helper, SECRET_KEY',
    path: 'scripts/e2e.ts',
    text: lines(
      'async function localKeys() {',
      '  const { stdout } = await $`supabase status -o json`',
      '  return JSON.parse(stdout)',
      '}',
      'const keys = await localKeys()',
      "await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${keys.SECRET_KEY}` } })",
    ),
    kind: 'secret',
    line: 6,
  },
  {
    bug: 'shell: the same key in apikey and Authorization: Bearer was an error where code made it a warning (SPEC: the gateway accepts the pair)',
    name: 'shell curl -H "apikey: ${K}" \\ -H "Authorization: Bearer $K" on continued lines',
    path: 'scripts/seed.sh',
    text: lines('curl -X POST "$URL/rest/v1/todos" \\', '  -H "apikey: ${SUPABASE_SECRET_KEY}" \\', '  -H "Authorization: Bearer $SUPABASE_SECRET_KEY"'),
    kind: 'secret',
    line: 3,
    severity: 'warning',
  },
  {
    bug: 'shell: same, and a variable of unknown origin in both headers is an API key, as in code',
    name: 'shell KEY=$1 in apikey and Bearer',
    path: 'scripts/call.sh',
    text: lines('KEY="$1"', 'curl "$URL/rest/v1/todos" -H "apikey: $KEY" -H "Authorization: Bearer $KEY"'),
    kind: 'API',
    line: 2,
    severity: 'warning',
  },
  {
    bug: 'workflow: same, with a secret in both headers',
    name: 'workflow ${{ secrets.SUPABASE_ANON_KEY }} in apikey and Bearer',
    path: '.github/workflows/cron.yml',
    text: lines(
      'jobs:',
      '  a:',
      '    steps:',
      '      - run: curl -H "apikey: ${{ secrets.SUPABASE_ANON_KEY }}" -H "Authorization: Bearer ${{ secrets.SUPABASE_ANON_KEY }}" "$URL"',
    ),
    kind: 'legacy anon',
    severity: 'warning',
  },
  {
    bug: '.http: same, the headers of one request on their own lines',
    name: '.http apikey: {{anonKey}} and Authorization: Bearer {{anonKey}}',
    path: 'api/todos.http',
    text: lines('GET {{baseUrl}}/rest/v1/todos', 'apikey: {{anonKey}}', 'Authorization: Bearer {{anonKey}}'),
    kind: 'API',
    line: 3,
    severity: 'warning',
  },
  {
    bug: 'Python: same, in a requests headers dict over several lines',
    name: 'Python headers = { "apikey": key, "Authorization": f"Bearer {key}" }',
    path: 'scripts/sync.py',
    text: lines(
      'import os, requests',
      'key = os.getenv("SUPABASE_SERVICE_ROLE_KEY")',
      'headers = {',
      '    "apikey": key,',
      '    "Authorization": f"Bearer {key}",',
      '}',
    ),
    kind: 'legacy service_role',
    line: 5,
    severity: 'warning',
  },
  {
    bug: 'Python: same, a parameter of unknown origin in both, the env read written with other quotes',
    name: "Python {'apikey': key, 'Authorization': 'Bearer ' + key} in a function",
    path: 'scripts/rest.py',
    text: lines(
      'import os, requests',
      'def rest(path, key):',
      "    return requests.get(path, headers={'apikey': key, 'Authorization': 'Bearer ' + key})",
    ),
    kind: 'API',
    line: 3,
    severity: 'warning',
  },
  {
    bug: 'Python: same, one env read written with other quotes in each header',
    name: 'Python apikey os.environ["…"] and f"Bearer {os.environ[\'…\']}"',
    path: 'scripts/admin.py',
    text: 'admin = {"apikey": os.environ["SUPABASE_SECRET_KEY"], "Authorization": f"Bearer {os.environ[\'SUPABASE_SECRET_KEY\']}"}\n',
    kind: 'secret',
    severity: 'warning',
  },
];

/** Flagged and should not be. */
// Cases that were once false alarms, each with the note of what went wrong.
const falseAlarms: (NotFlagged & { bug: string })[] = [
  {
    bug: 'shell: commented-out commands are read as commands',
    name: 'shell comment',
    path: 'scripts/call.sh',
    text: lines('# curl -H "Authorization: Bearer $SUPABASE_SERVICE_ROLE_KEY" "$URL"', 'echo done'),
  },
  {
    bug: 'Python: comments are read as code',
    name: 'Python comment',
    path: 'scripts/sync.py',
    text: "# headers = {\"Authorization\": f\"Bearer {os.environ['SUPABASE_SERVICE_ROLE_KEY']}\"}\n",
  },
  {
    bug: 'SQL: comments are read as statements (Authorization + Bearer + a key-ish name anywhere in the "statement")',
    name: 'SQL comment',
    path: 'supabase/migrations/20240107000000_note.sql',
    text: lines('-- we used to send Authorization: Bearer with the service_role key', 'select 1;'),
  },
  {
    bug: "SQL: NAMED_KEY matches any *secret_key, so a third party's Vault secret counts as a Supabase key",
    name: "SQL: Bearer with Vault 'stripe_secret_key'",
    path: 'supabase/migrations/20240108000000_stripe.sql',
    text: "select net.http_post(url := 'https://api.stripe.com/v1/x', headers := jsonb_build_object('Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'stripe_secret_key')));\n",
  },
  {
    bug: 'SQL: a key name anywhere in the statement counts, even when the key goes in apikey and Authorization carries the user JWT',
    name: 'SQL: key in apikey, auth.jwt() in Authorization',
    path: 'supabase/migrations/20240109000000_ok.sql',
    text: "select net.http_post(url := 'https://x.supabase.co/functions/v1/f', headers := jsonb_build_object('apikey', (select decrypted_secret from vault.decrypted_secrets where name = 'publishable_key'), 'Authorization', 'Bearer ' || auth.jwt()::text));\n",
  },
  {
    bug: 'JS: shadowing was ignored, so a parameter named like a key-holding module binding was taken for the key (a name now resolves in its own scope)',
    name: 'a parameter shadowing a key variable',
    path: 'src/call.ts',
    text: lines(
      'const key = process.env.SUPABASE_SECRET_KEY',
      'export function asUser(key: string) { return fetch(url, { headers: { Authorization: `Bearer ${key}` } }) }',
    ),
  },
];

// ---- the tables ---------------------------------------------------------------------------------------

describe('bearer-api-key / sql-legacy-key', () => {
  it('has enough cases on both sides', () => {
    expect(flagged.length).toBeGreaterThanOrEqual(30);
    expect(notFlagged.length).toBeGreaterThanOrEqual(30);
    expect(new Set(flagged.map((c) => c.name)).size).toBe(flagged.length);
    expect(new Set(notFlagged.map((c) => c.name)).size).toBe(notFlagged.length);
  });

  describe('flagged', () => {
    it.each([...flagged, ...onceMissed])('$path: $name', (c) => expectFlagged(c));
  });

  describe('not flagged', () => {
    it.each([...notFlagged, ...falseAlarms])('$path: $name', (c) => expectNotFlagged(c));
  });
});

describe('fixes', () => {
  it('only JS/TS gets the Bearer fix: in text files and SQL (migrations are history) the header stays, even with --unsafe', () => {
    for (const c of flagged.filter((f) => !/\.(ts|tsx|vue|svelte)$/.test(f.path))) {
      const result = run(c.path, c.text, { unsafe: true });
      expect(result.findings.filter((f) => f.ruleId === ruleOf(c)).every((f) => !f.fixable), c.name).toBe(true);
      // Legacy names may still get their safe rename; the Authorization header itself never moves.
      const headers = (text: string) => text.match(/Authorization|apikey/gi)?.join() ?? '';
      expect(headers(result.after), c.name).toBe(headers(c.text));
    }
  });

  it('the SQL message says migrations are not edited and points to Vault', () => {
    const c = flagged.find((f) => f.path.startsWith('supabase/migrations/')) as Flagged;
    const [finding] = run(c.path, c.text).findings.filter((f) => f.ruleId === 'sql-legacy-key');
    expect(finding?.message).toMatch(/new migration/);
    expect(finding?.message).toMatch(/Vault/);
  });

  it('a Bearer key the fix cannot take out (headers.set, a name holding "Bearer …") says to move it by hand', () => {
    for (const name of ["headers.set('Authorization', …)", 'a name holding the whole Bearer value']) {
      const c = flagged.find((f) => f.name === name) as Flagged;
      const [finding] = run(c.path, c.text, { unsafe: true }).findings.filter((f) => f.ruleId === 'bearer-api-key');
      expect(finding?.fixable, name).toBe(false);
      expect(finding?.message, name).toContain('move it by hand');
    }
  });

  it('is silenced by migrate-keys-ignore', () => {
    const text = lines('// migrate-keys-ignore bearer-api-key', 'fetch(url, { headers: { Authorization: `Bearer ${process.env.SUPABASE_SECRET_KEY}` } })');
    const result = run('src/call.ts', text, { unsafe: true });
    expect(result.findings.filter((f) => f.ruleId === 'bearer-api-key')).toEqual([]);
    expect(result.suppressed.map((f) => f.ruleId)).toEqual(['bearer-api-key']);
    expect(result.after).toBe(text);
  });

  // The fallback `session?.access_token ?? anonKey` is flagged rightly, but the fix moves the whole
  // expression, so a signed-in user's JWT ends up in apikey. Expected: no automatic fix (move by hand).
  it('does not move a user token fallback into apikey', () => {
    const text = lines(
      'const anonKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY',
      'export const h = { Authorization: `Bearer ${session?.access_token ?? anonKey}` }',
    );
    const result = run('src/call.ts', text, { unsafe: true });
    expect(result.findings.filter((f) => f.ruleId === 'bearer-api-key').map((f) => f.fixable)).toEqual([false]);
    expect(result.after).toBe(text);
  });

  // A computed ['apikey'] entry is not seen as an existing apikey: the fix adds a second apikey entry,
  // which overrides the first one even when it holds a different value.
  it('sees a computed apikey entry: a different value is left alone, the same value drops Authorization', () => {
    const different = lines(
      'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY',
      "export const h = { ['apikey']: other, Authorization: `Bearer ${key}` }",
    );
    expect(run('src/call.ts', different, { unsafe: true }).after).toBe(different);
    const same = lines('const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY', "export const h = { ['apikey']: key, Authorization: `Bearer ${key}` }");
    expect(run('src/call.ts', same, { unsafe: true }).after).toBe(
      lines('const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY', "export const h = { ['apikey']: key }"),
    );
  });
});
