// legacy-jwt-secret: tokens verified or signed with the legacy shared JWT secret (jsonwebtoken, jose with a symmetric
// key, djwt, hono/jwt, PyJWT), and reads of SUPABASE_JWT_SECRET that feed something else. Only reported: it blocks
// rotating the secret.
import { ruleTester } from '../helpers/rule-tester.js';

const INSTEAD =
  "verify against the project's JWKS (`<SUPABASE_URL>/auth/v1/.well-known/jwks.json`, e.g. jose's createRemoteJWKSet with jwtVerify) " +
  'or call `supabase.auth.getClaims()`';
const verifies = (via: string) =>
  `tokens are verified with the legacy JWT secret (${via}), which stops working once the project moves to signing keys and blocks rotating the secret: ${INSTEAD}`;
const reads = (via: string) =>
  `reads the legacy JWT secret (${via}): whatever verifies or signs tokens with it stops working once the project moves to signing keys and the secret is rotated: ${INSTEAD}`;
const LOCAL = (via: string) =>
  `tokens are signed with the local CLI's default JWT secret (${via}): a public constant that only the local stack (\`supabase start\`) ` +
  "trusts, not the hosted project's legacy JWT secret: nothing to migrate here for the hosted project";
const signs = (via: string) =>
  `tokens are signed with the legacy JWT secret (${via}): they stop being accepted once the secret is rotated; ` +
  'sign with a key the project trusts (import it under Authentication → Signing Keys) or use Supabase Auth sessions';
// The rule looks at files only in a repository that uses Supabase; this file says it does.
const USES_SUPABASE = { 'src/supabase.ts': 'export const url = process.env.SUPABASE_URL\n' };

ruleTester('legacy-jwt-secret', {
  valid: [
    {
      name: "the project's JWKS with jose, and supabase.auth.getClaims()",
      files: {
        ...USES_SUPABASE,
        'src/verify.ts':
          "import { createRemoteJWKSet, jwtVerify } from 'jose'\n" +
          'const jwks = createRemoteJWKSet(new URL(`${process.env.SUPABASE_URL}/auth/v1/.well-known/jwks.json`))\n' +
          'export const check = (token: string) => jwtVerify(token, jwks)\n',
        'src/claims.ts': "import { supabase } from './client'\nexport const claims = (jwt: string) => supabase.auth.getClaims(jwt)\n",
      },
    },
    {
      // jsonwebtoken takes PEM public keys as strings: only a secret's name or HS256 tells the shared secret.
      name: 'jsonwebtoken with a public key or a key not named a JWT secret; the name in a comment, a string or a .env file',
      files: {
        ...USES_SUPABASE,
        'src/help.ts': "// SUPABASE_JWT_SECRET used to be read here\nexport const help = 'set SUPABASE_JWT_SECRET'\n",
        '.env': 'SUPABASE_JWT_SECRET=super-secret\n',
        'src/verify.ts':
          "import jwt from 'jsonwebtoken'\nimport { readFileSync } from 'node:fs'\nconst publicKey = readFileSync('public.pem', 'utf8')\n" +
          "export const a = (t: string) => jwt.verify(t, publicKey, { algorithms: ['RS256'] })\n" +
          'export const b = (t: string) => jwt.verify(t, process.env.GITHUB_APP_KEY!)\n',
      },
    },
    // Issue 27 item 7: only Supabase's secret or Supabase's tokens.
    {
      name: "an app's own HS256 tokens with its own secret (APP_JWT_SECRET): no Supabase issuer, no Supabase Auth token",
      files: {
        ...USES_SUPABASE,
        'src/server/tokens.ts':
          "import jwt from 'jsonwebtoken'\nconst secret = process.env.APP_JWT_SECRET!\n" +
          "export const mint = (id: string) => jwt.sign({ sub: id, iss: 'my-app' }, secret, { algorithm: 'HS256' })\n" +
          "export const check = (token: string) => jwt.verify(token, process.env.APP_JWT_SECRET!, { algorithms: ['HS256'] })\n",
      },
    },
    {
      name: 'JWT_SECRET of an app that is not a Supabase project (its .env has no SUPABASE_URL, no supabase/ beside it)',
      files: {
        ...USES_SUPABASE,
        'services/api/.env': 'JWT_SECRET=change-me\nDATABASE_URL=postgres://localhost/api\n',
        'services/api/src/auth.ts': "import jwt from 'jsonwebtoken'\nexport const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET!)\n",
      },
    },
    {
      name: "a test's mock token signed with a literal HS256 secret, and a test's own secret for a container it starts (supabase-js)",
      files: {
        ...USES_SUPABASE,
        'test/helpers/auth.ts':
          "import jwt from 'jsonwebtoken'\nexport function generateJWT(exp = '1h'): string {\n  return jwt.sign({}, 'your-256-bit-secret', { algorithm: 'HS256', expiresIn: exp })\n}\n",
        'test/spec/hello.spec.ts':
          "import { nanoid } from 'nanoid'\nimport { sign } from 'jsonwebtoken'\nconst jwtSecret = nanoid(10)\nexport const apiKey = sign({ name: 'anon' }, jwtSecret)\n",
      },
    },
    { name: 'a repository that does not use Supabase', files: { 'src/verify.ts': "import jwt from 'jsonwebtoken'\nexport const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET!)\n" } },
    {
      // Known: a file with a legacy name is parsed by the scan, and when that parse fails the rule stays silent (the
      // finding is parse-error's); the same file without a legacy name is reported (last invalid case).
      name: 'a file that does not parse and holds a legacy name',
      files: {
        'src/verify.ts':
          "import jwt from 'jsonwebtoken'\nexport const check = (t: string) => jwt.verify(t, process.env.SUPABASE_JWT_SECRET!)\nexport const key = process.env.SUPABASE_ANON_KEY\nconst = ;\n",
      },
    },
  ],
  invalid: [
    {
      name: 'jsonwebtoken.verify with SUPABASE_JWT_SECRET (docs example)',
      files: {
        'src/server/auth.ts':
          "import jwt from 'jsonwebtoken'\n\nexport function userIdOf(token: string): string {\n" +
          '  const claims = jwt.verify(token, process.env.SUPABASE_JWT_SECRET!) as { sub: string }\n  return claims.sub\n}\n',
      },
      findings: [{ line: 4, column: 18, severity: 'warning', fixable: false, message: verifies('`SUPABASE_JWT_SECRET`') }],
    },
    {
      name: 'jose with a symmetric key, and tokens signed with SignJWT',
      files: {
        ...USES_SUPABASE,
        'src/tokens.ts':
          "import { jwtVerify, SignJWT } from 'jose'\nconst key = new TextEncoder().encode(process.env.AUTH_KEY)\n" +
          'export const check = (t: string) => jwtVerify(t, key)\n' +
          "export const mint = () => new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(process.env.SUPABASE_JWT_SECRET))\n",
      },
      // Issue 27 item 7: the verify with the app's own AUTH_KEY (line 3) was reported too; it is not Supabase's secret.
      findings: [
        {
          file: 'src/tokens.ts',
          line: 4,
          column: 27,
          message:
            'tokens are signed with the legacy JWT secret (`SUPABASE_JWT_SECRET`): they stop being accepted once the secret is rotated; ' +
            'sign with a key the project trusts (import it under Authentication → Signing Keys) or use Supabase Auth sessions',
        },
      ],
    },
    {
      name: 'HS256 in the options, require(), destructuring, and hono/jwt',
      files: {
        ...USES_SUPABASE,
        // Issue 27 item 7: HS256 alone, or JWT_SECRET without a Supabase project's env, is no longer Supabase's secret: Supabase
        // Auth's audience here, and a .env that holds SUPABASE_URL beside JWT_SECRET.
        '.env': 'SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co\nJWT_SECRET=super-secret\n',
        'src/a.ts': "import jwt from 'jsonwebtoken'\nexport const check = (t: string, k: string) => jwt.verify(t, k, { algorithms: ['HS256'], audience: 'authenticated' })\n",
        'src/b.js': "const jwt = require('jsonwebtoken')\nmodule.exports = (t) => jwt.verify(t, process.env.JWT_SECRET)\n",
        'src/c.ts': "import { verify } from 'hono/jwt'\nconst { SUPABASE_JWT_SECRET } = process.env\nexport const check = (t: string) => verify(t, SUPABASE_JWT_SECRET!)\n",
      },
      findings: [
        { file: 'src/a.ts', line: 2, column: 48, message: verifies('HS256') },
        { file: 'src/b.js', line: 2, column: 25, message: verifies('`JWT_SECRET`') },
        { file: 'src/c.ts', line: 3, column: 37, message: verifies('`SUPABASE_JWT_SECRET`') },
      ],
    },
    {
      name: 'djwt in an Edge Function with an HMAC key from crypto.subtle',
      files: {
        'supabase/functions/hello/index.ts':
          "import { verify } from 'https://deno.land/x/djwt@v3.0.2/mod.ts'\n" +
          "const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(Deno.env.get('JWT_SECRET')), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])\n" +
          "Deno.serve(async (req) => { await verify(req.headers.get('x')!, key); return new Response('ok') })\n",
      },
      findings: [{ line: 3, column: 35, message: verifies('`JWT_SECRET`') }],
    },
    {
      name: 'the secret read for something else (behind a public prefix too, in Python too), and PyJWT decode',
      files: {
        ...USES_SUPABASE,
        'src/config.ts': 'export const config = { jwtSecret: process.env.SUPABASE_JWT_SECRET, exposed: import.meta.env.VITE_SUPABASE_JWT_SECRET }\n',
        'api/auth.py': "import os\nimport jwt\n\ndef user(token):\n    return jwt.decode(token, os.environ['SUPABASE_JWT_SECRET'], algorithms=['HS256'], audience='authenticated')\n",
        'api/settings.py': "import os\nSECRET = os.getenv('SUPABASE_JWT_SECRET')\n# jwt.decode(token, SECRET)\n",
      },
      findings: [
        { file: 'api/auth.py', line: 5, column: 12, message: verifies('`SUPABASE_JWT_SECRET`') },
        { file: 'api/settings.py', line: 2, column: 10, message: reads('`SUPABASE_JWT_SECRET`') },
        { file: 'src/config.ts', line: 1, column: 48, message: reads('`SUPABASE_JWT_SECRET`') },
        { file: 'src/config.ts', line: 1, column: 94, message: reads('`VITE_SUPABASE_JWT_SECRET`') },
      ],
    },
    {
      name: "JWT_SECRET in a Supabase project's .env (it holds SUPABASE_URL too), and in one with a supabase/ folder beside it",
      files: {
        '.env': 'SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co\nJWT_SECRET=super-secret\n',
        'src/auth.ts': "import jwt from 'jsonwebtoken'\nexport const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET!)\n",
        'apps/api/.env': 'JWT_SECRET=super-secret\n',
        'apps/api/supabase/config.toml': 'project_id = "api"\n',
        'apps/api/src/auth.ts': "import jwt from 'jsonwebtoken'\nexport const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET!)\n",
      },
      findings: [
        { file: 'apps/api/src/auth.ts', line: 2, column: 37, message: verifies('`JWT_SECRET`') },
        { file: 'src/auth.ts', line: 2, column: 37, message: verifies('`JWT_SECRET`') },
      ],
    },
    {
      name: "Supabase Auth's tokens verified with a key of another name: a session's access_token",
      files: {
        ...USES_SUPABASE,
        'src/verify.ts':
          "import jwt from 'jsonwebtoken'\nimport { supabase } from './supabase'\n" +
          'export async function check(key: string) {\n  const { data } = await supabase.auth.getSession()\n' +
          "  return jwt.verify(data.session!.access_token, key, { algorithms: ['HS256'] })\n}\n",
      },
      findings: [{ file: 'src/verify.ts', line: 5, column: 10, message: verifies('HS256') }],
    },
    {
      name: 'one secret signing three tokens (the local Auth server\'s GOTRUE_JWT_SECRET): one finding, the other places listed',
      files: {
        ...USES_SUPABASE,
        'test/lib/clients.ts': "export const GOTRUE_JWT_SECRET = 'a-secret-of-the-auth-server-under-test'\n",
        'test/client.test.ts':
          "import jwt from 'jsonwebtoken'\nimport { GOTRUE_JWT_SECRET } from './lib/clients'\n" +
          "export const a = jwt.sign({ sub: 'a' }, GOTRUE_JWT_SECRET)\nexport const b = jwt.sign({ sub: 'b' }, GOTRUE_JWT_SECRET)\nexport const c = jwt.sign({ sub: 'c' }, GOTRUE_JWT_SECRET)\n",
      },
      findings: [{ file: 'test/client.test.ts', line: 3, column: 18, message: `${signs('`GOTRUE_JWT_SECRET`')} (and 2 more places in this file: lines 4, 5)` }],
    },
    {
      name: 'the read and the verify of one JWT secret: one finding, at the read',
      files: {
        ...USES_SUPABASE,
        'src/verify.ts':
          "import jwt from 'jsonwebtoken'\nfunction secret(): string {\n  return process.env.SUPABASE_JWT_SECRET!\n}\n" +
          "export const check = (t: string) => jwt.verify(t, secret(), { algorithms: ['HS256'] })\n",
      },
      findings: [{ file: 'src/verify.ts', line: 3, column: 22, message: `${verifies('`SUPABASE_JWT_SECRET`')} (and 1 more place in this file: line 5)` }],
    },
    {
      name: 'a file that does not parse, without a legacy name, is still read',
      files: { ...USES_SUPABASE, 'src/verify.ts': "import jwt from 'jsonwebtoken'\nexport const check = (t: string) => jwt.verify(t, process.env.SUPABASE_JWT_SECRET!)\nconst = ;\n" },
      findings: [{ file: 'src/verify.ts', line: 2, column: 37, message: verifies('`SUPABASE_JWT_SECRET`') }],
    },
    {
      // Issue 27 (Q5 A): the local CLI's default JWT secret is a public constant only the local stack trusts (supabase/cli
      // pkg/config/apikeys.go): not the hosted project's legacy secret, so at most an info. Another literal stays as it
      // was (a name that reads the environment first: test/local-stack.test.ts).
      name: "the local CLI's JWT secret in tests: an info; another secret: nothing (not Supabase's)",
      files: {
        ...USES_SUPABASE,
        'test/integration.test.ts':
          "import { sign } from 'jsonwebtoken'\nconst JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long'\n" +
          "export const token = () => sign({ sub: '1' }, JWT_SECRET, { expiresIn: '1h' })\n",
        'test/inline.test.ts':
          "import jwt from 'jsonwebtoken'\nexport const token = () => jwt.sign({}, 'super-secret-jwt-token-with-at-least-32-characters-long', { algorithm: 'HS256' })\n",
        'test/other.test.ts': "import jwt from 'jsonwebtoken'\nconst JWT_SECRET = 'f3b1c9d2e8a74c6b9e0d1a2b3c4d5e6f7a8b9c0d'\nexport const token = () => jwt.sign({}, JWT_SECRET)\n",
      },
      findings: [
        { file: 'test/inline.test.ts', line: 2, column: 28, severity: 'info', message: LOCAL('HS256') },
        { file: 'test/integration.test.ts', line: 3, column: 28, severity: 'info', message: LOCAL('`JWT_SECRET`') },
        // Issue 27 item 7: another literal named JWT_SECRET, in no Supabase project's env and with no Supabase token, is the
        // test's own secret (it was a warning).
      ],
    },
  ],
});
