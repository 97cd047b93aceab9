// edge-function-env: inside Edge Function code the runtime's own legacy names become the `default` entry of the
// JSON variables the platform injects (docs/rules/edge-function-env.md).
import { ruleTester } from '../helpers/rule-tester.js';

const FN = 'supabase/functions/hello/index.ts';
const becomes = (name: string, plural: string) =>
  `Edge Functions get the new keys as JSON in \`${plural}\`: this read of \`${name}\` becomes the \`default\` entry of it`;
const byHand = (name: string, plural: string) =>
  `Edge Functions get the new keys as JSON in \`${plural}\`, and a bare rename reads a variable the platform does not set: ` +
  `read \`JSON.parse(Deno.env.get('${plural}') ?? '{}').default\` instead of \`${name}\``;

// A read that feeds a key check edge-function-key-compare reports: rewritten alone, the check would still compare a
// request value with a key, silently (--check goes clean) and wrongly; the whole check is rewritten by hand.
const feedsCheck = (name: string, plural: string) =>
  `Edge Functions get the new keys as JSON in \`${plural}\`, but this read of \`${name}\` feeds a key check that edge-function-key-compare ` +
  `reports, which rewriting the read alone would leave comparing a request value with a key: rewrite that check by hand, ` +
  `then read \`JSON.parse(Deno.env.get('${plural}') ?? '{}').default\``;

ruleTester('edge-function-env', {
  valid: [
    {
      name: "outside the runtime: app code, and a function's tests (which load their own env)",
      files: {
        'src/deno-script.ts': "export const a = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\nexport const b = Deno.env.get('SUPABASE_SECRET_KEY')\n",
        'supabase/functions/hello/index.test.ts': "const key = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n",
        'supabase/functions/tests/hello.ts': "const key = Deno.env.get('SUPABASE_SECRET_KEY')\n",
      },
    },
    {
      name: 'a function that already reads the JSON variables, a name in a comment, a prefixed name (legacy-env-name renames it)',
      files: {
        [FN]:
          "const secret = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default\n" +
          '// was SUPABASE_SERVICE_ROLE_KEY\n' +
          "const other = Deno.env.get('MY_SUPABASE_ANON_KEY')\n",
      },
    },
    {
      name: 'a local constant named after the key, a message naming it, a lookup in an object of its own: renamed as anywhere (legacy-env-name)',
      files: {
        [FN]:
          "const SUPABASE_SERVICE_ROLE_KEY = 'x'\n" +
          "if (!SUPABASE_SERVICE_ROLE_KEY) throw new Error('SUPABASE_SERVICE_ROLE_KEY missing')\n" +
          "const config = { SUPABASE_ANON_KEY: 'k' }\nexport const k = config.SUPABASE_ANON_KEY + config['SUPABASE_ANON_KEY']\n",
      },
    },
    {
      name: "a function's test reading its own env, and an object it never hands to the runtime",
      files: {
        'supabase/functions/hello/index.test.ts':
          "const env = { SUPABASE_ANON_KEY: Deno.env.get('SUPABASE_ANON_KEY') }\nDeno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n",
      },
    },
  ],
  invalid: [
    {
      name: 'the admin and anon clients of a function: any quote style, with `!` and `??`',
      files: {
        [FN]:
          "import { createClient } from 'npm:@supabase/supabase-js@2'\n\n" +
          "const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!)\n" +
          'const anon = Deno.env.get("SUPABASE_ANON_KEY") ?? ""\n',
      },
      findings: [
        { line: 3, column: 73, message: becomes('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: true },
        { line: 4, column: 28, message: becomes('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: true },
      ],
      output: {
        [FN]:
          "import { createClient } from 'npm:@supabase/supabase-js@2'\n\n" +
          "const admin = createClient(Deno.env.get('SUPABASE_URL')!, JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default!)\n" +
          'const anon = JSON.parse(Deno.env.get("SUPABASE_PUBLISHABLE_KEYS") ?? "{}").default ?? ""\n',
      },
    },
    {
      name: 'a _shared module that functions import, and process.env in a template-literal lookup',
      files: {
        'supabase/functions/_shared/admin.ts': 'export const key = Deno.env.get(`SUPABASE_SERVICE_ROLE_KEY`)\nexport const anon = process.env.SUPABASE_ANON_KEY\n',
      },
      findings: [
        { line: 1, column: 34, fixable: true },
        { line: 2, column: 33, fixable: true },
      ],
      output: {
        'supabase/functions/_shared/admin.ts':
          "export const key = JSON.parse(Deno.env.get(`SUPABASE_SECRET_KEYS`) ?? `{}`).default\nexport const anon = JSON.parse(process.env.SUPABASE_PUBLISHABLE_KEYS ?? '{}').default\n",
      },
    },
    {
      name: 'what cannot be rewritten is reported: a name kept in a string, a destructuring with a default',
      files: {
        [FN]: "const name = 'SUPABASE_SERVICE_ROLE_KEY'\nconst key = Deno.env.get(name)\nconst { SUPABASE_ANON_KEY = '' } = Deno.env.toObject()\n",
      },
      findings: [
        { line: 1, column: 15, message: byHand('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: false },
        { line: 3, column: 9, message: byHand('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: false },
      ],
    },
    {
      // Was: reported, never fixed (`const { SUPABASE_ANON_KEY } = Deno.env.toObject()`), so --check after --write never went clean.
      name: 'a destructured env object: the name is split out into its own JSON read (issue 18, item 12)',
      files: {
        [FN]:
          'const { SUPABASE_ANON_KEY } = Deno.env.toObject()\n' +
          'export function f() {\n' +
          '  const { SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY: admin } = process.env;\n' +
          '  return [SUPABASE_URL, admin, SUPABASE_ANON_KEY]\n' +
          '}\n',
        'supabase/functions/_shared/env.ts': 'export const { SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY } = Deno.env.toObject()\n',
      },
      findings: [
        { file: 'supabase/functions/_shared/env.ts', line: 1, column: 30, message: becomes('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: true },
        { file: FN, line: 1, column: 9, message: becomes('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: true },
        { file: FN, line: 3, column: 25, message: becomes('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: true },
      ],
      output: {
        [FN]:
          "const SUPABASE_PUBLISHABLE_KEY = JSON.parse(Deno.env.get('SUPABASE_PUBLISHABLE_KEYS') ?? '{}').default\n" +
          'export function f() {\n' +
          '  const { SUPABASE_URL } = process.env;\n' +
          "  const admin = JSON.parse(process.env.SUPABASE_SECRET_KEYS ?? '{}').default;\n" +
          '  return [SUPABASE_URL, admin, SUPABASE_ANON_KEY]\n' +
          '}\n',
        'supabase/functions/_shared/env.ts':
          'export const { SUPABASE_URL } = Deno.env.toObject()\n' +
          "export const SUPABASE_SECRET_KEY = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default\n",
      },
    },
    {
      name: 'a helper of the module that reads Deno.env.get(name): its call is read as the JSON, through the helper (issue 18, item 12)',
      files: {
        [FN]:
          'function requireEnv(name: string): string {\n' +
          '  const value = Deno.env.get(name)\n' +
          '  if (!value) throw new Error(`${name} missing`)\n' +
          '  return value\n' +
          '}\n' +
          'const getEnv = (name: string) => Deno.env.get(name)\n' +
          "const admin = requireEnv('SUPABASE_SERVICE_ROLE_KEY')\n" +
          'const anon = getEnv("SUPABASE_ANON_KEY") ?? ""\n' +
          "const other = need('SUPABASE_ANON_KEY')\n",
      },
      findings: [
        { line: 7, column: 27, message: becomes('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: true },
        { line: 8, column: 22, message: becomes('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: true },
        { line: 9, column: 21, message: byHand('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: false },
      ],
      output: {
        [FN]:
          'function requireEnv(name: string): string {\n' +
          '  const value = Deno.env.get(name)\n' +
          '  if (!value) throw new Error(`${name} missing`)\n' +
          '  return value\n' +
          '}\n' +
          'const getEnv = (name: string) => Deno.env.get(name)\n' +
          "const admin = JSON.parse(requireEnv('SUPABASE_SECRET_KEYS') ?? '{}').default\n" +
          'const anon = JSON.parse(getEnv("SUPABASE_PUBLISHABLE_KEYS") ?? "{}").default ?? ""\n' +
          "const other = need('SUPABASE_ANON_KEY')\n",
      },
    },
    {
      name: 'a helper imported from a module of the functions folder (relative or aliased) that reads its one parameter: its call is read as the JSON (issue 18, item 12)',
      files: {
        [FN]:
          "import { requireEnv } from '../_shared/env.ts'\n" +
          "import { getEnv as env, cached } from '@shared/env.ts'\n" +
          "import { need } from './missing.ts'\n" +
          "const admin = requireEnv('SUPABASE_SERVICE_ROLE_KEY')\n" +
          "const anon = env('SUPABASE_ANON_KEY')!\n" +
          "const again = cached('SUPABASE_ANON_KEY')\n" +
          "const other = need('SUPABASE_SERVICE_ROLE_KEY')\n",
        // The helpers' module reads `Deno.env.get(name)` with a variable: nothing of it changes.
        'supabase/functions/_shared/env.ts':
          'export function requireEnv(name: string): string {\n' +
          '  const value = Deno.env.get(name)\n' +
          '  if (!value) throw new Error(`Missing ${name}`)\n' +
          '  return value\n' +
          '}\n' +
          'export const getEnv = (name: string) => Deno.env.toObject()[name]\n' +
          'const cache = new Map<string, string>()\n' +
          'export function cached(name: string) {\n' +
          '  return Deno.env.get(name) ?? cache.get(name)\n' +
          '}\n',
      },
      findings: [
        { line: 4, column: 27, message: becomes('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: true },
        { line: 5, column: 19, message: becomes('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: true },
        // A helper that does more with the name, or one in a module the run did not read, stays by hand.
        { line: 6, column: 23, message: byHand('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: false },
        { line: 7, column: 21, message: byHand('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: false },
      ],
      output: {
        [FN]:
          "import { requireEnv } from '../_shared/env.ts'\n" +
          "import { getEnv as env, cached } from '@shared/env.ts'\n" +
          "import { need } from './missing.ts'\n" +
          "const admin = JSON.parse(requireEnv('SUPABASE_SECRET_KEYS') ?? '{}').default\n" +
          "const anon = JSON.parse(env('SUPABASE_PUBLISHABLE_KEYS') ?? '{}').default!\n" +
          "const again = cached('SUPABASE_ANON_KEY')\n" +
          "const other = need('SUPABASE_SERVICE_ROLE_KEY')\n",
      },
    },
    {
      name: 'a never-set singular new name: `supabase secrets set` skips SUPABASE_ names',
      files: { [FN]: "const a = Deno.env.get('SUPABASE_SECRET_KEY')\nconst b = Deno.env.get( \"SUPABASE_PUBLISHABLE_KEY\" )!\n" },
      findings: [
        {
          line: 1,
          column: 11,
          message:
            '`SUPABASE_SECRET_KEY` is never set in Edge Functions (`supabase secrets set` skips SUPABASE_ names): this read becomes the `default` entry of `SUPABASE_SECRET_KEYS`',
          fixable: true,
        },
        { line: 2, column: 11, messageIncludes: '`SUPABASE_PUBLISHABLE_KEY` is never set in Edge Functions', fixable: true },
      ],
      output: {
        [FN]:
          "const a = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default\n" +
          // The read keeps its own spacing, as the rewrite of a legacy read does.
          'const b = JSON.parse(Deno.env.get( "SUPABASE_PUBLISHABLE_KEYS" ) ?? "{}").default!\n',
      },
    },
    {
      name: 'reads through globalThis, optional chaining, and an env object kept in a local (issue 18, item 12)',
      files: {
        [FN]:
          "const a = (globalThis as any).Deno.env.get('SUPABASE_ANON_KEY')\n" +
          "const b = globalThis.Deno?.env.get('SUPABASE_SERVICE_ROLE_KEY')\n" +
          'const env = Deno.env.toObject()\n' +
          'const c = env.SUPABASE_ANON_KEY\n' +
          'const { SUPABASE_SERVICE_ROLE_KEY: d } = env\n',
      },
      findings: [
        { line: 1, column: 45, message: becomes('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: true },
        { line: 2, column: 37, message: becomes('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: true },
        { line: 4, column: 15, message: becomes('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: true },
        // Was byHand, not fixable: a destructuring is split out into its own JSON read now.
        { line: 5, column: 9, message: becomes('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: true },
      ],
      output: {
        [FN]:
          "const a = JSON.parse((globalThis as any).Deno.env.get('SUPABASE_PUBLISHABLE_KEYS') ?? '{}').default\n" +
          "const b = JSON.parse(globalThis.Deno?.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default\n" +
          'const env = Deno.env.toObject()\n' +
          "const c = JSON.parse(env.SUPABASE_PUBLISHABLE_KEYS ?? '{}').default\n" +
          "const d = JSON.parse(env.SUPABASE_SECRET_KEYS ?? '{}').default\n",
      },
    },
    {
      name: "a function's tests set the JSON variable the function reads: Deno.env.set, a mocked env map, Map pairs (issue 18, item 13)",
      files: {
        'supabase/functions/hello/index.test.ts':
          "Deno.env.set('SUPABASE_SERVICE_ROLE_KEY', 'k')\n" +
          "const env = { SUPABASE_ANON_KEY: 'a' }\n" +
          "const pairs = new Map([['SUPABASE_SERVICE_ROLE_KEY', 's']])\n" +
          "stub(Deno.env, 'get', (name: string) => env[name] ?? pairs.get(name))\n",
      },
      findings: [
        {
          line: 1,
          column: 15,
          message:
            'this test sets `SUPABASE_SERVICE_ROLE_KEY` for the functions it runs, which read the JSON in `SUPABASE_SECRET_KEYS` now: ' +
            'set `SUPABASE_SECRET_KEYS` to `JSON.stringify({ default: … })` instead',
          fixable: true,
        },
        { line: 2, column: 15, messageIncludes: 'which read the JSON in `SUPABASE_PUBLISHABLE_KEYS` now', fixable: true },
        { line: 3, column: 26, messageIncludes: 'which read the JSON in `SUPABASE_SECRET_KEYS` now', fixable: true },
      ],
      output: {
        'supabase/functions/hello/index.test.ts':
          "Deno.env.set('SUPABASE_SECRET_KEYS', JSON.stringify({ default: 'k' }))\n" +
          "const env = { SUPABASE_PUBLISHABLE_KEYS: JSON.stringify({ default: 'a' }) }\n" +
          "const pairs = new Map([['SUPABASE_SECRET_KEYS', JSON.stringify({ default: 's' })]])\n" +
          "stub(Deno.env, 'get', (name: string) => env[name] ?? pairs.get(name))\n",
      },
    },
    {
      name: "a function's test stubbing Deno.env.get: a shorthand in its env map, a switch on the name (issue 18, item 13)",
      files: {
        'supabase/functions/hello/index.test.ts':
          "const SUPABASE_ANON_KEY = 'a'\nconst env = { SUPABASE_ANON_KEY }\n" +
          "stub(Deno.env, 'get', (name: string) => { switch (name) { case 'SUPABASE_SERVICE_ROLE_KEY': { return 's' } default: return env[name] } })\n",
      },
      findings: [
        { line: 2, column: 15, messageIncludes: 'which read the JSON in `SUPABASE_PUBLISHABLE_KEYS` now', fixable: true },
        { line: 3, column: 65, messageIncludes: 'which read the JSON in `SUPABASE_SECRET_KEYS` now', fixable: true },
      ],
      output: {
        'supabase/functions/hello/index.test.ts':
          "const SUPABASE_ANON_KEY = 'a'\nconst env = { SUPABASE_PUBLISHABLE_KEYS: JSON.stringify({ default: SUPABASE_PUBLISHABLE_KEY }) }\n" +
          "stub(Deno.env, 'get', (name: string) => { switch (name) { case 'SUPABASE_SECRET_KEYS': { return JSON.stringify({ default: 's' }) } default: return env[name] } })\n",
      },
    },
    {
      name: 'a never-set singular name read through process.env, a kept env object or a destructured one (was Known: only Deno.env.get was caught)',
      files: {
        [FN]:
          "const a = process.env.SUPABASE_SECRET_KEY\nconst env = Deno.env.toObject()\nconst b = env['SUPABASE_PUBLISHABLE_KEY']\n" +
          'const { SUPABASE_SECRET_KEY } = Deno.env.toObject()\n',
      },
      findings: [
        { line: 1, column: 11, messageIncludes: '`SUPABASE_SECRET_KEY` is never set in Edge Functions', fixable: true },
        { line: 3, column: 11, messageIncludes: '`SUPABASE_PUBLISHABLE_KEY` is never set in Edge Functions', fixable: true },
        {
          line: 4,
          column: 9,
          message:
            '`SUPABASE_SECRET_KEY` is never set in Edge Functions (`supabase secrets set` skips SUPABASE_ names): ' +
            "read `JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default` instead",
          fixable: false,
        },
      ],
      output: {
        [FN]:
          "const a = JSON.parse(process.env.SUPABASE_SECRET_KEYS ?? '{}').default\nconst env = Deno.env.toObject()\n" +
          "const b = JSON.parse(env['SUPABASE_PUBLISHABLE_KEYS'] ?? '{}').default\nconst { SUPABASE_SECRET_KEY } = Deno.env.toObject()\n",
      },
    },
    {
      // The platform injects SUPABASE_SERVICE_ROLE_KEY, never its alias, and `supabase secrets set` skips SUPABASE_ names: a
      // function reading the alias means the service_role key, and a rename to SUPABASE_SECRET_KEY reads a variable never set either.
      name: 'the alias SUPABASE_SERVICE_KEY read in a function, set by its test, or named alone in a string',
      files: {
        [FN]: "const a = Deno.env.get('SUPABASE_SERVICE_KEY')!\nconst b = process.env.SUPABASE_SERVICE_KEY\nconst c = need('SUPABASE_SERVICE_KEY')\n",
        'supabase/functions/hello/index.test.ts': "Deno.env.set('SUPABASE_SERVICE_KEY', 'k')\n",
      },
      findings: [
        { file: 'supabase/functions/hello/index.test.ts', line: 1, column: 15, messageIncludes: 'this test sets `SUPABASE_SERVICE_KEY`', fixable: true },
        {
          file: FN,
          line: 1,
          column: 25,
          message:
            'Edge Functions get the new keys as JSON in `SUPABASE_SECRET_KEYS`: this read of `SUPABASE_SERVICE_KEY` (never set in Edge Functions: the platform ' +
            'sets the service_role key as `SUPABASE_SERVICE_ROLE_KEY`, and `supabase secrets set` skips SUPABASE_ names) becomes the `default` entry of it',
          fixable: true,
        },
        { file: FN, line: 2, column: 23, messageIncludes: 'this read of `SUPABASE_SERVICE_KEY` (never set in Edge Functions', fixable: true },
        { file: FN, line: 3, column: 17, message: byHand('SUPABASE_SERVICE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: false },
      ],
      output: {
        [FN]:
          "const a = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default!\n" +
          "const b = JSON.parse(process.env.SUPABASE_SECRET_KEYS ?? '{}').default\nconst c = need('SUPABASE_SERVICE_KEY')\n",
        'supabase/functions/hello/index.test.ts': "Deno.env.set('SUPABASE_SECRET_KEYS', JSON.stringify({ default: 'k' }))\n",
      },
    },
    {
      // Two legacy names of one JSON variable in one chain: never `X ?? X` (issue 18, item 5).
      name: 'a fallback between the alias and the canonical name becomes one JSON read',
      files: {
        [FN]:
          "const k = Deno.env.get('SUPABASE_SERVICE_KEY') ?? Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n" +
          "const j = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') || Deno.env.get('SUPABASE_SERVICE_KEY') || ''\n",
      },
      findings: [
        { line: 1, column: 25, messageIncludes: 'this read of `SUPABASE_SERVICE_KEY`', fixable: true },
        { line: 1, column: 65, messageIncludes: 'this read of `SUPABASE_SERVICE_ROLE_KEY`', fixable: true },
        { line: 2, column: 25, messageIncludes: 'this read of `SUPABASE_SERVICE_ROLE_KEY`', fixable: true },
        { line: 2, column: 70, messageIncludes: 'this read of `SUPABASE_SERVICE_KEY`', fixable: true },
      ],
      output: {
        [FN]:
          "const k = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default\n" +
          "const j = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default || ''\n",
      },
    },
    {
      name: '--transitional: a test keeps setting the legacy variable, which the function falls back to for now',
      files: { 'supabase/functions/hello/index.test.ts': "Deno.env.set('SUPABASE_ANON_KEY', 'a')\n" },
      options: { transitional: true },
      findings: [{ line: 1, column: 15, messageIncludes: 'this test sets `SUPABASE_ANON_KEY`', fixable: false }],
    },
    {
      name: '--transitional: the new read first, falling back to the legacy one, in parentheses where needed',
      files: { [FN]: "const key = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') || ''\n" },
      options: { transitional: true },
      findings: [{ line: 1, column: 27, message: `${becomes('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS')}, falling back to the legacy read for now`, fixable: true }],
      output: { [FN]: "const key = (JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default ?? Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')) || ''\n" },
    },
    {
      name: 'the plain run after a transitional one drops the fallback',
      files: { [FN]: "const key = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default ?? Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n" },
      findings: [{ line: 1, column: 95, message: becomes('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: true }],
      output: { [FN]: "const key = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default\n" },
    },
    {
      name: 'a function that does not parse: the legacy read is reported, not rewritten; its singular read is not looked at',
      files: { [FN]: "const k = Deno.env.get('SUPABASE_ANON_KEY') (\nconst s = Deno.env.get('SUPABASE_SECRET_KEY')\n" },
      findings: [{ line: 1, column: 25, message: byHand('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: false }],
    },
    {
      name: 'a read compared with a key taken from Authorization (Team-Medio/SQSupabase): reported, not rewritten',
      files: {
        'supabase/functions/common/Helpers/checkAuthorization.ts':
          'export const checkAuthorization = (req: Request): Response | undefined => {\n' +
          "    const authHeader = req.headers.get('Authorization');\n" +
          "    const authAnonKey = authHeader?.startsWith('Bearer ') ? authHeader.split(' ')[1] : authHeader;\n" +
          "    if(Deno.env.get('SUPABASE_ANON_KEY') !== authAnonKey) {\n" +
          "    return new Response('Authorization error', { status: 401 });\n" +
          '  }\n' +
          '  return undefined;\n' +
          '}\n',
      },
      findings: [{ line: 4, column: 22, message: feedsCheck('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: false }],
      output: null,
    },
    {
      name: 'a read bound to a variable that is compared or decoded: reported, not rewritten; the client read beside it is',
      files: {
        [FN]:
          "import { jwtDecode } from 'npm:jwt-decode'\n" +
          "const anonKey = Deno.env.get('SUPABASE_ANON_KEY')!\n" +
          "const role = jwtDecode<{ role: string }>(Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!).role\n" +
          "const admin = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!\n" +
          'Deno.serve((req) => {\n' +
          "  const token = req.headers.get('apikey')\n" +
          "  if (token !== anonKey) return new Response('no', { status: 401 })\n" +
          '  return new Response(role + admin)\n' +
          '})\n',
      },
      findings: [
        { line: 2, column: 31, message: feedsCheck('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEYS'), fixable: false },
        { line: 3, column: 56, message: feedsCheck('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: false },
        { line: 4, column: 29, message: becomes('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEYS'), fixable: true },
      ],
      output: {
        [FN]:
          "import { jwtDecode } from 'npm:jwt-decode'\n" +
          "const anonKey = Deno.env.get('SUPABASE_ANON_KEY')!\n" +
          "const role = jwtDecode<{ role: string }>(Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!).role\n" +
          "const admin = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default!\n" +
          'Deno.serve((req) => {\n' +
          "  const token = req.headers.get('apikey')\n" +
          "  if (token !== anonKey) return new Response('no', { status: 401 })\n" +
          '  return new Response(role + admin)\n' +
          '})\n',
      },
    },
  ],
});
