// The security rules, RuleTester style: what each must report (with its severity and line) and what it
// must leave alone, side by side. Cases are small repositories planned through the real pipeline
// (discovery, the prefilter, the repository-level model), so framework knowledge, package boundaries,
// imports across modules and git's view of a file all take part. Every key here is fake, built at run time.
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { buildFrameworks, directivesOf, moduleFacts } from '../src/frameworks/browser.js';
import { fileKind } from '../src/file-kinds/index.js';
import { plan } from '../src/core/plan.js';
import type { Finding } from '../src/rules/rule.js';
import { git, removeTempDirs, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

// ---- fake keys --------------------------------------------------------------------------------------

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signature = (seed: string) => Buffer.from(`fake-signature-${seed}-for-tests-only`).toString('base64url');
const jwt = (claims: object, seed = 'x') => [b64({ alg: 'HS256', typ: 'JWT' }), b64(claims), signature(seed)].join('.');
const project = (role: string) => jwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role, iat: 1700000000, exp: 2000000000 }, role);
const ANON = project('anon');
const SERVICE = project('service_role');
const DEMO_ANON = jwt({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 }, 'demo-anon');
const DEMO_SERVICE = jwt({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 }, 'demo-service');
const USER_JWT = jwt({ iss: 'https://abcdefghijklmnopqrst.supabase.co/auth/v1', sub: 'u1', role: 'authenticated', aud: 'authenticated' }, 'user');
const SECRET = `sb_${'secret'}_FakeKey0123456789_abc-XYZ`;
const PUBLISHABLE = `sb_${'publishable'}_FakeKey0123456789_abc-XYZ`;
const CLI_DEFAULT_SECRET = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';
const base64 = (text: string) => Buffer.from(text).toString('base64');
const KEY_VALUE = /eyJ[\w-]{5,}\.|sb_(?:publishable|secret)_[\w-]{20}|ZXlK[\w+/]{20}/;

const lines = (...rows: string[]) => rows.join('\n') + '\n';
const pkg = (dependencies: Record<string, string>) => JSON.stringify({ name: 'app', private: true, dependencies }, null, 2) + '\n';
const NEXT = pkg({ next: '14.2.0', react: '18.3.0' });
const VITE = JSON.stringify({ name: 'app', devDependencies: { vite: '5.2.0' } });
const INDEX_HTML = '<div id="root"></div><script type="module" src="/src/main.ts"></script>\n';
const SVELTEKIT = JSON.stringify({ name: 'app', devDependencies: { '@sveltejs/kit': '2.5.0', vite: '5.2.0' } });
const EXPO = pkg({ expo: '51.0.0', 'react-native': '0.74.0' });
const AUTH_HELPERS = pkg({ next: '14.2.0', '@supabase/auth-helpers-nextjs': '0.10.0' });

// ---- the tester ------------------------------------------------------------------------------------

type Files = Record<string, string>;

interface Expected {
  file: string;
  line: number;
  severity?: Finding['severity'];
  /** Words the message must contain. */
  says?: RegExp;
}

interface Invalid {
  name: string;
  files: Files;
  /** Commit the files to a fresh git repository first (what git tracks and ignores matters). */
  git?: boolean;
  expect: Expected[];
}

interface Valid {
  name: string;
  files: Files;
  git?: boolean;
}

async function findings(files: Files, withGit = false): Promise<Finding[]> {
  // A repository that uses Supabase: generic hints (JWT libraries, Authorization) are only followed there.
  const root = writeTree({ 'docs/stack.md': 'Built on Supabase.\n', ...files });
  if (withGit) {
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'initial');
  }
  return (await plan({ root, paths: [], ignore: [], map: {} })).findings;
}

function ruleTester(ruleId: string, cases: { valid: Valid[]; invalid: Invalid[] }): void {
  describe(ruleId, () => {
    it.each(cases.invalid.map((c) => [c.name, c] as const))('reports: %s', async (_name, c) => {
      const found = (await findings(c.files, c.git)).filter((f) => f.ruleId === ruleId);
      expect(found.map((f) => `${f.file}:${f.line}`)).toEqual(c.expect.map((e) => `${e.file}:${e.line}`));
      c.expect.forEach((e, i) => {
        const finding = found[i] as Finding;
        expect(finding.severity, `${e.file}:${e.line}`).toBe(e.severity ?? 'error');
        if (e.says) expect(finding.message).toMatch(e.says);
        expect(finding.message, 'no key value in a message').not.toMatch(KEY_VALUE);
        expect(finding.fixable).toBe(false);
      });
    });
    it.each(cases.valid.map((c) => [c.name, c] as const))('leaves alone: %s', async (_name, c) => {
      expect((await findings(c.files, c.git)).filter((f) => f.ruleId === ruleId)).toEqual([]);
    });
  });
}

// ---- secret-key-exposed -------------------------------------------------------------------------------

ruleTester('secret-key-exposed', {
  invalid: [
    {
      name: 'a legacy service_role name behind NEXT_PUBLIC_ in a .env file',
      files: { '.env': 'NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=x\n' },
      expect: [{ file: '.env', line: 1, says: /service_role key behind a public prefix/ }],
    },
    {
      name: 'a new secret name behind VITE_ in .env.example, value empty',
      files: { '.env.example': 'VITE_SUPABASE_URL=\nVITE_SUPABASE_SECRET_KEY=\n' },
      expect: [{ file: '.env.example', line: 2, says: /secret key behind a public prefix/ }],
    },
    {
      name: 'a service_role JWT under a public, neutral name (by value)',
      files: { '.env': `NEXT_PUBLIC_SUPABASE_KEY=${SERVICE}\n` },
      expect: [{ file: '.env', line: 1, says: /holds a legacy service_role JWT under a public name/ }],
    },
    {
      name: 'an sb_secret_ value under EXPO_PUBLIC_ (by value)',
      files: { '.env.local': `EXPO_PUBLIC_SUPABASE_KEY=${SECRET}\n` },
      expect: [{ file: '.env.local', line: 1, says: /holds a secret key under a public name/ }],
    },
    {
      name: 'a t3-env schema puts the secret key on the client',
      files: { 'src/env.ts': lines("import { z } from 'zod'", 'export const client = {', '  NEXT_PUBLIC_SUPABASE_SECRET_KEY: z.string(),', '}') },
      expect: [{ file: 'src/env.ts', line: 3 }],
    },
    {
      name: 'a CI build step sets the secret under VITE_ (inlined into the bundle)',
      files: { '.github/workflows/build.yml': lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    env:', '      VITE_SUPABASE_SECRET_KEY: ${{ secrets.SUPABASE_SECRET_KEY }}', '    steps:', '      - run: npm run build') },
      expect: [{ file: '.github/workflows/build.yml', line: 6 }],
    },
    {
      name: 'the JWT secret imported from $env/static/public',
      files: { 'src/lib/jwt.ts': "import { PUBLIC_SUPABASE_JWT_SECRET } from '$env/static/public'\nexport const s = PUBLIC_SUPABASE_JWT_SECRET\n" },
      expect: [
        { file: 'src/lib/jwt.ts', line: 1, says: /legacy JWT secret behind a public prefix/ },
        { file: 'src/lib/jwt.ts', line: 2 },
      ],
    },
    {
      name: "a Next.js 'use client' module reads the secret key",
      files: { 'package.json': NEXT, 'app/admin/panel.tsx': lines("'use client'", 'const key = process.env.SUPABASE_SECRET_KEY', 'export const Panel = () => key') },
      expect: [{ file: 'app/admin/panel.tsx', line: 2, says: /ships to the browser \(a 'use client' module\).*route handler, a server action or a server component/ }],
    },
    {
      name: "a module a 'use client' module imports (through the @/ alias and another module)",
      files: {
        'package.json': NEXT,
        'app/chat/chat.tsx': lines('"use client"', "import { admin } from '@/lib/clients'", 'export const Chat = () => admin'),
        'lib/clients.ts': "export { admin } from './admin'\n",
        'lib/admin.ts': "export const admin = createClient(url, process.env['SUPABASE_SERVICE_ROLE_KEY']!)\n",
      },
      expect: [{ file: 'lib/admin.ts', line: 1, says: /imported by `app\/chat\/chat.tsx`, a 'use client' module, through `lib\/clients.ts`/ }],
    },
    {
      name: 'Vite app code under src/ reads the secret key',
      files: { 'package.json': VITE, 'index.html': INDEX_HTML, 'src/lib/admin.ts': 'export const admin = createClient(url, import.meta.env.SUPABASE_SECRET_KEY)\n' },
      expect: [{ file: 'src/lib/admin.ts', line: 1, says: /Vite app code/ }],
    },
    {
      name: 'a SvelteKit module outside .server and $lib/server imports a private secret',
      files: { 'package.json': SVELTEKIT, 'src/lib/admin.ts': "import { SUPABASE_SERVICE_ROLE_KEY } from '$env/static/private'\nexport const k = SUPABASE_SERVICE_ROLE_KEY\n" },
      expect: [{ file: 'src/lib/admin.ts', line: 1, says: /SvelteKit code outside/ }],
    },
    {
      name: 'a Svelte component reads $env/dynamic/private',
      files: { 'package.json': SVELTEKIT, 'src/routes/+page.svelte': lines('<script>', "  import { env } from '$env/dynamic/private'", '  const key = env.SUPABASE_SECRET_KEY', '</script>') },
      expect: [{ file: 'src/routes/+page.svelte', line: 3 }],
    },
    {
      name: 'Expo app code reads the service_role key',
      files: { 'package.json': EXPO, 'lib/admin.ts': 'export const admin = createClient(url, process.env.SUPABASE_SERVICE_ROLE_KEY!)\n' },
      expect: [{ file: 'lib/admin.ts', line: 1, says: /Expo app code.*API route/ }],
    },
    {
      name: 'a .vue component with no package.json around it',
      files: { 'components/Admin.vue': lines('<template><p /></template>', '<script setup lang="ts">', 'const key = process.env.SUPABASE_SECRET_KEY', '</script>') },
      expect: [{ file: 'components/Admin.vue', line: 3, says: /a `\.vue` component/ }],
    },
    {
      name: "an .astro file's client <script> (its frontmatter is server code)",
      files: {
        'package.json': pkg({ astro: '4.0.0' }),
        'src/pages/index.astro': lines('---', 'const server = import.meta.env.SUPABASE_SECRET_KEY', '---', '<script>', '  const client = import.meta.env.SUPABASE_SECRET_KEY', '</script>'),
      },
      expect: [{ file: 'src/pages/index.astro', line: 5, says: /client `<script>` of an `\.astro` file/ }],
    },
    {
      name: 'a pages-router page reads the secret in its component (not in getServerSideProps)',
      files: {
        'package.json': NEXT,
        'pages/index.tsx': lines(
          'export async function getServerSideProps() {',
          '  return { props: { n: process.env.SUPABASE_SECRET_KEY!.length } }',
          '}',
          'export default function Home() {',
          '  return process.env.SUPABASE_SECRET_KEY',
          '}',
        ),
      },
      expect: [{ file: 'pages/index.tsx', line: 5, says: /pages-router page/ }],
    },
    {
      name: 'a .client module reads the legacy JWT secret',
      files: { 'app/entry.client.tsx': "const s = Deno.env.get('SUPABASE_JWT_SECRET')\n" },
      expect: [{ file: 'app/entry.client.tsx', line: 1, says: /the legacy JWT secret.*a `\.client` module/ }],
    },
  ],
  valid: [
    { name: 'a Next.js server component', files: { 'package.json': NEXT, 'app/page.tsx': 'export default async function Page() { return process.env.SUPABASE_SECRET_KEY }\n' } },
    { name: 'a Next.js route handler', files: { 'package.json': NEXT, 'app/api/admin/route.ts': lines("'use client'", 'export const GET = () => Response.json(process.env.SUPABASE_SECRET_KEY)') } },
    {
      name: "a server-only module imported by a 'use client' module",
      files: {
        'package.json': NEXT,
        'app/x.tsx': lines("'use client'", "import { admin } from '../lib/admin'"),
        'lib/admin.ts': lines("import 'server-only'", 'export const admin = process.env.SUPABASE_SECRET_KEY'),
      },
    },
    {
      name: "server actions ('use server') imported by a client component",
      files: {
        'package.json': NEXT,
        'app/form.tsx': lines("'use client'", "import { save } from './actions'"),
        'app/actions.ts': lines("'use server'", 'export async function save() { return createClient(url, process.env.SUPABASE_SECRET_KEY!) }'),
      },
    },
    {
      name: 'getServerSideProps of a pages-router page',
      files: { 'package.json': NEXT, 'pages/admin.tsx': lines('export const getServerSideProps = async () => ({ props: { k: process.env.SUPABASE_SECRET_KEY } })', 'export default function Admin() { return null }') },
    },
    {
      name: 'SvelteKit server files: +page.server.ts, $lib/server, hooks.server.ts, +server.ts',
      files: {
        'package.json': SVELTEKIT,
        'src/routes/+page.server.ts': "import { SUPABASE_SECRET_KEY } from '$env/static/private'\n",
        'src/lib/server/admin.ts': "import { SUPABASE_SERVICE_ROLE_KEY } from '$env/static/private'\n",
        'src/hooks.server.ts': "import { env } from '$env/dynamic/private'\nexport const k = env.SUPABASE_SECRET_KEY\n",
        'src/routes/api/+server.ts': "import { env } from '$env/dynamic/private'\nexport const k = env.SUPABASE_SECRET_KEY\n",
      },
    },
    {
      name: 'a Vite app: the server beside it, its config, its tests',
      files: {
        'package.json': VITE,
        'index.html': INDEX_HTML,
        'server/index.ts': 'const admin = process.env.SUPABASE_SERVICE_ROLE_KEY\n',
        'vite.config.ts': 'export default { define: { x: JSON.stringify(process.env.SUPABASE_SECRET_KEY) } }\n',
        'src/admin.test.ts': 'const key = process.env.SUPABASE_SECRET_KEY\n',
      },
    },
    { name: 'a package that has Vite only for its tests (no index.html)', files: { 'package.json': VITE, 'src/server.ts': 'const k = process.env.SUPABASE_SECRET_KEY\n' } },
    { name: 'an Expo API route', files: { 'package.json': EXPO, 'app/api/admin+api.ts': 'const admin = process.env.SUPABASE_SERVICE_ROLE_KEY\n' } },
    { name: 'an .astro frontmatter', files: { 'package.json': pkg({ astro: '4.0.0' }), 'src/pages/x.astro': lines('---', 'const k = import.meta.env.SUPABASE_SECRET_KEY', '---', '<p>hi</p>') } },
    { name: "the publishable key in a 'use client' module", files: { 'package.json': NEXT, 'app/x.tsx': lines("'use client'", 'const k = process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY') } },
    { name: 'a secret under a name without a public prefix in .env', files: { '.env': `SUPABASE_SECRET_KEY=${SECRET}\nSUPABASE_SERVICE_ROLE_KEY=${SERVICE}\n` } },
    { name: 'another name that merely starts like one', files: { '.env': 'NEXT_PUBLIC_SUPABASE_SECRET_KEY_ROTATED_AT=2024-01-01\nVITE_SUPABASE_SECRET_KEYSTORE=x\n' } },
    { name: 'a plain Node script in a package without a framework', files: { 'package.json': pkg({ express: '4.0.0' }), 'src/seed.ts': 'const k = process.env.SUPABASE_SECRET_KEY\n' } },
    { name: 'the anon key under a public name', files: { '.env': `VITE_SUPABASE_ANON_KEY=${ANON}\n` } },
  ],
});

// ---- hardcoded-key ------------------------------------------------------------------------------------

ruleTester('hardcoded-key', {
  invalid: [
    { name: 'a service_role JWT in TS', files: { 'src/admin.ts': `export const key = '${SERVICE}'\n` }, expect: [{ file: 'src/admin.ts', line: 1, says: /service_role.*has leaked.*revoke the legacy JWT secret/ }] },
    { name: 'an anon JWT in JS', files: { 'src/client.js': `\nconst key = "${ANON}"\n` }, expect: [{ file: 'src/client.js', line: 2, severity: 'warning', says: /legacy anon key \(`eyJhbGci…\[legacy anon JWT\]`\)/ }] },
    { name: "the local CLI's demo anon JWT", files: { 'tests/setup.ts': `process.env.KEY = '${DEMO_ANON}'\n` }, expect: [{ file: 'tests/setup.ts', line: 1, severity: 'info', says: /demo anon JWT/ }] },
    { name: "the local CLI's demo service_role JWT", files: { 'scripts/seed.mjs': `const k = '${DEMO_SERVICE}'\n` }, expect: [{ file: 'scripts/seed.mjs', line: 1, severity: 'info', says: /demo service_role JWT/ }] },
    { name: 'an sb_secret_ key', files: { 'src/worker.ts': `const k = \`${SECRET}\`\n` }, expect: [{ file: 'src/worker.ts', line: 1, says: /a secret key \(`sb_secret_…\[redacted\]`\).*leaked/ }] },
    { name: "the CLI's local default secret key", files: { 'scripts/local.ts': `const k = '${CLI_DEFAULT_SECRET}'\n` }, expect: [{ file: 'scripts/local.ts', line: 1, severity: 'info', says: /local default secret key/ }] },
    { name: 'an sb_publishable_ key in code', files: { 'src/integrations/client.ts': `const KEY = '${PUBLISHABLE}'\n` }, expect: [{ file: 'src/integrations/client.ts', line: 1, severity: 'info', says: /public by design/ }] },
    { name: 'JSON', files: { 'config/app.json': `{\n  "supabaseKey": "${SERVICE}"\n}\n` }, expect: [{ file: 'config/app.json', line: 2 }] },
    { name: 'a Kubernetes Secret, base64-encoded', files: { 'k8s/secret.yaml': lines('apiVersion: v1', 'kind: Secret', 'data:', `  KEY: ${base64(SERVICE)}`) }, expect: [{ file: 'k8s/secret.yaml', line: 4, says: /base64-encoded/ }] },
    { name: 'a base64-encoded secret key', files: { 'deploy/values.toml': `key = "${base64(SECRET)}"\n` }, expect: [{ file: 'deploy/values.toml', line: 1, says: /secret key.*base64-encoded/ }] },
    { name: 'HTML', files: { 'public/embed.html': `<script>window.KEY = "${ANON}"</script>\n` }, expect: [{ file: 'public/embed.html', line: 1, severity: 'warning' }] },
    {
      name: 'a Jupyter notebook',
      files: { 'notebooks/a.ipynb': JSON.stringify({ cells: [{ cell_type: 'code', source: [`key = "${SECRET}"\n`] }] }, null, 1) },
      expect: [{ file: 'notebooks/a.ipynb', line: 6 }],
    },
    { name: 'Python', files: { 'scripts/admin.py': `KEY = "${SERVICE}"\n` }, expect: [{ file: 'scripts/admin.py', line: 1 }] },
    { name: 'Markdown docs', files: { 'README.md': `Use \`${ANON}\` as the key.\n` }, expect: [{ file: 'README.md', line: 1, severity: 'warning' }] },
    { name: 'Dart', files: { 'lib/main.dart': `const supabaseKey = '${SERVICE}';\n` }, expect: [{ file: 'lib/main.dart', line: 1 }] },
    { name: 'a comment still holds the key', files: { 'src/a.ts': `// old key: ${SERVICE}\n` }, expect: [{ file: 'src/a.ts', line: 1 }] },
  ],
  valid: [
    // .env files hold keys by design: legacy-key-value and secret-key-exposed judge their values, tracked or not.
    { name: 'a service_role JWT in a .env file (legacy-key-value says it)', git: true, files: { '.env': `SUPABASE_SERVICE_ROLE_KEY=${SERVICE}\n` } },
    { name: 'an anon JWT in a .env file (legacy-key-value says it)', files: { '.env.local': `VITE_SUPABASE_ANON_KEY=${ANON}\n` } },
    { name: 'a secret key in a .env file, even one git tracks', git: true, files: { '.env': `SUPABASE_SECRET_KEY=${SECRET}\n` } },
    { name: 'SQL (sql-legacy-key reports it)', files: { 'supabase/seed.sql': `select '${SERVICE}';\n` } },
    { name: "a user's session JWT", files: { 'tests/fixtures.ts': `export const token = '${USER_JWT}'\n` } },
    { name: 'a truncated JWT in docs', files: { 'README.md': 'VITE_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...\n' } },
    { name: 'a Management API access token', files: { 'scripts/x.ts': `const t = 'sbp_${'0123456789abcdef'.repeat(2)}01234567'\n` } },
    { name: 'placeholders', files: { 'src/x.ts': "const a = 'sb_secret_...'\nconst b = 'sb_publishable_xxx'\nconst c = 'sb_secret_<your-key>'\n" } },
    { name: 'a JWT-shaped string that decodes to nothing', files: { 'src/x.ts': "const a = 'eyJnot-json.eyJalso-not.sig'\n" } },
    { name: 'a name that only contains the prefix', files: { 'src/x.ts': "const a = 'my_sb_secret_abcdefghijklmnopqrstuvwxyz'\n" } },
    { name: 'a lockfile is not read', files: { 'package-lock.json': `{"x": "${SERVICE}"}\n` } },
    { name: 'base64 that decodes to something else', files: { 'k8s/secret.yaml': `data:\n  X: ${base64('eyJ-this-is-not-a-token-at-all')}\n` } },
  ],
});

// ---- legacy-jwt-secret -------------------------------------------------------------------------------

ruleTester('legacy-jwt-secret', {
  invalid: [
    {
      name: 'jsonwebtoken.verify with SUPABASE_JWT_SECRET',
      files: { 'server/auth.ts': lines("import jwt from 'jsonwebtoken'", 'export const check = (t: string) => jwt.verify(t, process.env.SUPABASE_JWT_SECRET!)') },
      expect: [{ file: 'server/auth.ts', line: 2, severity: 'warning', says: /verified with the legacy JWT secret \(`SUPABASE_JWT_SECRET`\).*jwks\.json.*getClaims/ }],
    },
    {
      name: 'jsonwebtoken with HS256, the secret under another name',
      // Issue 27 item 7: HS256 alone no longer tells Supabase's secret; Supabase Auth's audience does.
      files: { 'server/auth.js': lines("const jwt = require('jsonwebtoken')", 'const key = process.env.TOKEN_KEY', "module.exports = (t) => jwt.verify(t, key, { algorithms: ['HS256'], audience: 'authenticated' })") },
      expect: [{ file: 'server/auth.js', line: 3, severity: 'warning', says: /\(HS256\)/ }],
    },
    {
      name: 'a named import of verify, JWT_SECRET through a local name',
      // Issue 27 item 7: JWT_SECRET is Supabase's where a Supabase project's .env defines it (SUPABASE_URL beside it).
      files: {
        '.env': 'SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co\nJWT_SECRET=x\n',
        'api/me.ts': lines("import { verify } from 'jsonwebtoken'", 'const JWT_SECRET = process.env.JWT_SECRET!', 'export const me = (t: string) => verify(t, JWT_SECRET)'),
      },
      expect: [{ file: 'api/me.ts', line: 3, severity: 'warning' }],
    },
    {
      name: 'jose.jwtVerify with a symmetric key',
      // Issue 27 item 7: a symmetric key alone no longer tells Supabase's secret; Supabase Auth's issuer does.
      files: {
        'server/jose.ts': lines(
          "import { jwtVerify } from 'jose'",
          'const secret = new TextEncoder().encode(process.env.AUTH_SECRET)',
          "export const check = (t: string) => jwtVerify(t, secret, { issuer: 'https://abcdefghijklmnopqrst.supabase.co/auth/v1' })",
        ),
      },
      expect: [{ file: 'server/jose.ts', line: 3, severity: 'warning', says: /a symmetric key/ }],
    },
    {
      name: 'jose SignJWT signs with the JWT secret',
      files: { 'server/mint.ts': lines("import { SignJWT } from 'jose'", 'const key = new TextEncoder().encode(process.env.SUPABASE_JWT_SECRET)', "export const mint = () => new SignJWT({ role: 'x' }).setProtectedHeader({ alg: 'HS256' }).sign(key)") },
      expect: [{ file: 'server/mint.ts', line: 3, severity: 'warning', says: /signed with the legacy JWT secret/ }],
    },
    {
      name: 'djwt verify with an HMAC key',
      files: {
        'supabase/functions/_shared/auth.ts': lines(
          "import { verify } from 'https://deno.land/x/djwt@v3.0.2/mod.ts'",
          "const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(Deno.env.get('JWT_SECRET')), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])",
          'export const check = (t: string) => verify(t, key)',
        ),
      },
      expect: [{ file: 'supabase/functions/_shared/auth.ts', line: 3, severity: 'warning' }],
    },
    {
      name: 'hono/jwt middleware gets the secret (a read)',
      files: { 'src/index.ts': lines("import { jwt } from 'hono/jwt'", 'app.use(\'/api/*\', (c, next) => jwt({ secret: c.env.SUPABASE_JWT_SECRET })(c, next))') },
      expect: [{ file: 'src/index.ts', line: 2, severity: 'warning', says: /reads the legacy JWT secret/ }],
    },
    {
      name: 'SvelteKit: the secret imported from $env/static/private, used once (one finding)',
      files: { 'src/hooks.server.ts': lines("import { jwtVerify } from 'jose'", "import { SUPABASE_JWT_SECRET } from '$env/static/private'", 'export const v = (t: string) => jwtVerify(t, new TextEncoder().encode(SUPABASE_JWT_SECRET))') },
      expect: [{ file: 'src/hooks.server.ts', line: 3, severity: 'warning' }],
    },
    {
      name: 'PyJWT with HS256',
      files: { 'app/auth.py': lines('import os', 'import jwt', '', 'def claims(token):', '    return jwt.decode(token, os.environ["SUPABASE_JWT_SECRET"], algorithms=["HS256"], audience="authenticated")') },
      expect: [{ file: 'app/auth.py', line: 5, severity: 'warning' }],
    },
    {
      name: 'Python reads the secret for something else',
      files: { 'app/settings.py': lines('import os', 'import jwt', 'SECRET = os.getenv("SUPABASE_JWT_SECRET")') },
      expect: [{ file: 'app/settings.py', line: 3, severity: 'warning', says: /reads/ }],
    },
  ],
  valid: [
    {
      name: 'jose with the JWKS',
      files: { 'server/jose.ts': lines("import { createRemoteJWKSet, jwtVerify } from 'jose'", 'const JWKS = createRemoteJWKSet(new URL(`${url}/auth/v1/.well-known/jwks.json`))', 'export const check = (t: string) => jwtVerify(t, JWKS)') },
    },
    { name: 'jsonwebtoken with a PEM public key', files: { 'server/auth.ts': lines("import jwt from 'jsonwebtoken'", "import { readFileSync } from 'node:fs'", "const pem = readFileSync('public.pem', 'utf8')", "export const check = (t: string) => jwt.verify(t, pem, { algorithms: ['ES256'] })") } },
    { name: 'supabase.auth.getClaims()', files: { 'server/auth.ts': 'export const check = async () => (await supabase.auth.getClaims()).data\n' } },
    { name: 'PyJWT with RS256 and a JWKS client', files: { 'app/auth.py': lines('import jwt', 'def claims(token, key):', '    return jwt.decode(token, key, algorithms=["RS256"])') } },
    { name: 'jsonwebtoken.decode does not verify', files: { 'server/a.ts': lines("import jwt from 'jsonwebtoken'", 'export const peek = (t: string) => jwt.decode(t)') } },
    { name: 'a comment that names the secret', files: { 'server/a.ts': '// SUPABASE_JWT_SECRET is no longer used: we verify with jwtVerify against the JWKS\nexport {}\n' } },
    { name: 'the secret in a .env file', files: { '.env': 'SUPABASE_JWT_SECRET=super-secret-jwt-token-with-at-least-32-characters-long\n' } },
    { name: 'a verify function of another library', files: { 'src/sig.ts': "import { verify } from 'node:crypto'\nexport const ok = verify('sha256', data, publicKey, sig)\n" } },
  ],
});

// ---- signing-key-file --------------------------------------------------------------------------------

function jwk(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...privateKey.export({ format: 'jwk' }), kid: '6f5d8c1e-0000-4000-8000-000000000000', alg: 'ES256', key_ops: ['sign'], ...overrides };
}
const CONFIG = '[auth]\nsigning_keys_path = "./signing_keys.json"\n';
const IGNORED = { 'supabase/.gitignore': 'signing_keys.json\n' };

ruleTester('signing-key-file', {
  invalid: [
    { name: 'the file is missing', git: true, files: { 'supabase/config.toml': CONFIG }, expect: [{ file: 'supabase/config.toml', line: 2, says: /does not exist/ }] },
    {
      name: 'a bare JWK object',
      git: true,
      files: { ...IGNORED, 'supabase/config.toml': CONFIG, 'supabase/signing_keys.json': JSON.stringify(jwk()) },
      expect: [{ file: 'supabase/config.toml', line: 2, says: /single JWK object.*wrap it in \[ … \]/ }],
    },
    { name: 'not JSON', git: true, files: { ...IGNORED, 'supabase/config.toml': CONFIG, 'supabase/signing_keys.json': 'kty=EC\n' }, expect: [{ file: 'supabase/config.toml', line: 2, says: /not valid JSON/ }] },
    {
      name: 'keys without kid, crv or d (the public half only)',
      git: true,
      files: { ...IGNORED, 'supabase/config.toml': CONFIG, 'supabase/signing_keys.json': JSON.stringify([{ kty: 'EC', x: 'a', y: 'b' }]) },
      expect: [{ file: 'supabase/config.toml', line: 2, says: /has no `kid`, `crv`, `d`/ }],
    },
    {
      name: 'a private key that git tracks',
      git: true,
      files: { 'supabase/config.toml': CONFIG, 'supabase/signing_keys.json': JSON.stringify([jwk()]) },
      expect: [{ file: 'supabase/config.toml', line: 2, severity: 'warning', says: /git tracks it.*git rm --cached/ }],
    },
    {
      name: 'key_ops lists verify (info), with the key set in a dotted key',
      git: true,
      files: { ...IGNORED, 'supabase/config.toml': 'auth.signing_keys_path = "signing_keys.json"\n', 'supabase/signing_keys.json': JSON.stringify([jwk({ key_ops: ['sign', 'verify'] })]) },
      expect: [{ file: 'supabase/config.toml', line: 1, severity: 'info', says: /key_ops/ }],
    },
  ],
  valid: [
    { name: 'an array of complete private JWKs, ignored by git', git: true, files: { ...IGNORED, 'supabase/config.toml': CONFIG, 'supabase/signing_keys.json': JSON.stringify([jwk()]) } },
    { name: 'no signing_keys_path', git: true, files: { 'supabase/config.toml': '[auth]\nsite_url = "http://localhost:3000"\n' } },
    {
      name: 'an RSA key has no crv',
      git: true,
      files: {
        ...IGNORED,
        'supabase/config.toml': CONFIG,
        'supabase/signing_keys.json': JSON.stringify([{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256' }]),
      },
    },
    { name: 'a path outside the repository is not read', git: true, files: { 'supabase/config.toml': '[auth]\nsigning_keys_path = "../../keys.json"\n' } },
  ],
});

// The untracked-and-unignored case needs a file git has not seen: committed without it, then written.
describe('signing-key-file (untracked, not ignored)', () => {
  it('reports a private key no .gitignore covers', async () => {
    const root = writeTree({ 'supabase/config.toml': CONFIG });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'initial');
    const key = jwk();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${root}/supabase/signing_keys.json`, JSON.stringify([key]));
    const found = (await plan({ root, paths: [], ignore: [], map: {} })).findings.filter((f) => f.ruleId === 'signing-key-file');
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/no \.gitignore covers it/)]);
    expect(JSON.stringify(found)).not.toContain(key.d as string);
  });
});

// ---- implicit-legacy-env -----------------------------------------------------------------------------

ruleTester('implicit-legacy-env', {
  invalid: [
    {
      name: 'createClientComponentClient()',
      files: { 'package.json': AUTH_HELPERS, 'app/c.tsx': lines("'use client'", "import { createClientComponentClient } from '@supabase/auth-helpers-nextjs'", 'export const supabase = createClientComponentClient()') },
      expect: [{ file: 'app/c.tsx', line: 3, says: /reads `NEXT_PUBLIC_SUPABASE_ANON_KEY` itself.*@supabase\/ssr/ }],
    },
    {
      name: 'createServerComponentClient({ cookies }) and createRouteHandlerClient({ cookies })',
      files: {
        'package.json': AUTH_HELPERS,
        'app/s.ts': lines(
          "import { createRouteHandlerClient, createServerComponentClient } from '@supabase/auth-helpers-nextjs'",
          "import { cookies } from 'next/headers'",
          'export const a = createServerComponentClient({ cookies })',
          'export const b = createRouteHandlerClient({ cookies }, { options: {} })',
        ),
      },
      expect: [
        { file: 'app/s.ts', line: 3 },
        { file: 'app/s.ts', line: 4 },
      ],
    },
    {
      name: 'createMiddlewareClient and createPagesBrowserClient, aliased and through a namespace',
      files: {
        'package.json': AUTH_HELPERS,
        'middleware.ts': lines("import { createMiddlewareClient as mw } from '@supabase/auth-helpers-nextjs'", 'export const m = (req, res) => mw({ req, res })'),
        'pages/_app.tsx': lines("import * as helpers from '@supabase/auth-helpers-nextjs'", 'export const c = helpers.createPagesBrowserClient({ cookieOptions: {} })'),
      },
      expect: [
        { file: 'middleware.ts', line: 2 },
        { file: 'pages/_app.tsx', line: 2 },
      ],
    },
  ],
  valid: [
    {
      name: 'supabaseKey given, inline or through a local name',
      files: {
        'package.json': AUTH_HELPERS,
        'app/a.ts': lines(
          "import { createClientComponentClient, createServerComponentClient } from '@supabase/auth-helpers-nextjs'",
          'export const a = createClientComponentClient({ supabaseKey: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY })',
          'const options = { supabaseUrl: url, supabaseKey: key }',
          'export const b = createServerComponentClient({ cookies }, options)',
        ),
      },
    },
    { name: '@supabase/ssr', files: { 'package.json': AUTH_HELPERS, 'app/a.ts': "import { createBrowserClient } from '@supabase/ssr'\nexport const a = createBrowserClient(url, key)\n" } },
    { name: 'a type-only import', files: { 'app/a.ts': "import type { createClientComponentClient } from '@supabase/auth-helpers-nextjs'\nexport type C = ReturnType<typeof createClientComponentClient>\n" } },
    { name: 'a function of the same name from elsewhere', files: { 'app/a.ts': "import { createClientComponentClient } from './my-helpers'\nexport const a = createClientComponentClient()\n" } },
  ],
});

describe('implicit-legacy-env keeps the name in its package only (SPEC §2)', () => {
  it('keeps NEXT_PUBLIC_SUPABASE_ANON_KEY in the package whose helpers read it, env files included, and renames it next door', async () => {
    const files: Files = {
      'package.json': JSON.stringify({ private: true, workspaces: ['apps/*'] }),
      'apps/web/package.json': AUTH_HELPERS,
      'apps/web/.env.local': 'NEXT_PUBLIC_SUPABASE_ANON_KEY=your-anon-key\n',
      'apps/web/app/c.tsx': lines("'use client'", "import { createClientComponentClient } from '@supabase/auth-helpers-nextjs'", 'export const s = createClientComponentClient()'),
      'apps/web/lib/other.ts': 'export const k = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY\n',
      'apps/site/package.json': NEXT,
      'apps/site/.env': 'NEXT_PUBLIC_SUPABASE_ANON_KEY=your-anon-key\n',
      'apps/site/lib/supabase.ts': 'export const k = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY\n',
    };
    const root = writeTree(files);
    const result = await plan({ root, paths: [], ignore: [], map: {} });
    const names = result.findings.filter((f) => f.ruleId === 'legacy-env-name').map((f) => [f.file, f.fixable]);
    expect(names).toEqual([
      ['apps/site/.env', true],
      ['apps/site/lib/supabase.ts', true],
      ['apps/web/.env.local', false],
      ['apps/web/lib/other.ts', false],
    ]);
    const kept = result.findings.find((f) => f.file === 'apps/web/lib/other.ts');
    expect(kept?.message).toMatch(/not renamed: `@supabase\/auth-helpers-nextjs` reads it itself in the package `apps\/web` \(`createClientComponentClient\(\)` at apps\/web\/app\/c\.tsx:3/);
    expect(result.changes.map((change) => change.path).sort()).toEqual(['apps/site/.env', 'apps/site/lib/supabase.ts']);
  });
});

// ---- realtime-public-24h ------------------------------------------------------------------------------

ruleTester('realtime-public-24h', {
  invalid: [
    {
      name: 'a channel chain subscribed',
      files: { 'src/feed.ts': lines("import { supabase } from './supabase'", "supabase.channel('feed').on('postgres_changes', { event: '*', schema: 'public' }, () => {}).subscribe()") },
      expect: [{ file: 'src/feed.ts', line: 2, severity: 'warning', says: /cut after 24 hours.*setAuth/ }],
    },
    {
      name: 'a channel kept in a variable, subscribed later',
      files: { 'src/room.ts': lines("import { supabase } from './supabase'", "const room = supabase.channel('room')", "room.on('broadcast', { event: 'x' }, () => {})", 'room.subscribe()') },
      expect: [{ file: 'src/room.ts', line: 2, severity: 'warning' }],
    },
    { name: 'realtime.connect()', files: { 'src/socket.ts': "import { supabase } from './supabase'\nsupabase.realtime.connect()\n" }, expect: [{ file: 'src/socket.ts', line: 2, severity: 'warning' }] },
    {
      name: 'a Vue component',
      files: { 'src/Live.vue': lines('<script setup>', "import { supabase } from './supabase'", "supabase.channel('live').subscribe()", '</script>') },
      expect: [{ file: 'src/Live.vue', line: 3, severity: 'warning' }],
    },
  ],
  valid: [
    { name: 'the module signs a user in', files: { 'src/a.ts': lines("import { supabase } from './supabase'", 'await supabase.auth.signInWithPassword({ email, password })', "supabase.channel('a').subscribe()") } },
    { name: 'the module calls realtime.setAuth', files: { 'src/a.ts': lines("import { supabase } from './supabase'", 'supabase.realtime.setAuth(userJwt)', "supabase.channel('a').subscribe()") } },
    {
      name: 'a module it imports signs the user in',
      files: {
        'src/a.ts': lines("import { supabase } from './supabase'", "import { login } from './auth'", "supabase.channel('a').subscribe()"),
        'src/auth.ts': "import { supabase } from './supabase'\nexport const login = (email: string) => supabase.auth.signInWithOtp({ email })\n",
      },
    },
    { name: 'a broadcast sent without subscribing', files: { 'src/a.ts': "import { supabase } from './supabase'\nawait supabase.channel('a').send({ type: 'broadcast', event: 'x', payload: {} })\n" } },
    { name: 'Phoenix channels in a file that is not about Supabase', files: { 'src/a.ts': "const channel = socket.channel('room:lobby', {})\nchannel.join()\npusher.subscribe('x')\n" } },
  ],
});

// ---- the framework model on its own --------------------------------------------------------------------

describe('frameworks', () => {
  it('reads directive prologues, with comments and other directives before', () => {
    expect([...directivesOf("// comment\n/* block */\n'use strict';\n\"use client\"\nimport x from 'y'\n'use server'")]).toEqual(['use strict', 'use client']);
    expect([...directivesOf("import 'server-only'\n'use client'")]).toEqual([]);
  });

  it('follows imports from client entry points and stops at server-only modules', () => {
    const modules = {
      'apps/web/app/a.tsx': "'use client'\nimport { b } from '@/lib/b'\nimport { s } from '../lib/s'\n",
      'apps/web/lib/b.ts': "import { c } from './c.js'\n",
      'apps/web/lib/c.ts': 'export const c = 1\n',
      'apps/web/lib/s.ts': "import 'server-only'\nimport { d } from './d'\n",
      'apps/web/lib/d.ts': 'export const d = 1\n',
      'apps/web/app/page.tsx': "import { d } from '../lib/d'\n",
    };
    const frameworks = buildFrameworks({
      paths: [...Object.keys(modules), 'apps/web/package.json'],
      manifests: [{ path: 'apps/web/package.json', dependencies: new Set(['next']) }],
      modules: Object.entries(modules).map(([path, text]) => moduleFacts(path, fileKind(path) ?? 'code', text)),
    });
    expect(frameworks.packageOf('apps/web/lib/b.ts')?.framework).toBe('next');
    expect(frameworks.browser('apps/web/app/a.tsx')?.reason).toBe("a 'use client' module");
    expect(frameworks.browser('apps/web/lib/c.ts')?.reason).toBe("imported by `apps/web/app/a.tsx`, a 'use client' module, through `apps/web/lib/b.ts`");
    expect(frameworks.browser('apps/web/lib/s.ts')).toBeUndefined();
    expect(frameworks.browser('apps/web/lib/d.ts')).toBeUndefined();
    expect(frameworks.browser('apps/web/app/page.tsx')).toBeUndefined();
  });
});
