// Edge Functions after `--write`: `--check` goes clean (issue 18, items 12 and 13). Inside a function only the
// runtime's reads of SUPABASE_ANON_KEY / SUPABASE_SERVICE_ROLE_KEY become the `default` entry of the JSON
// variables; local names and messages are renamed as everywhere else; a function's tests that feed its env
// (`Deno.env.set`, a mocked env map) give it the JSON variables it now reads.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plan } from '../src/core/plan.js';
import { exitCode, type RunResult } from '../src/core/result.js';
import { removeTempDirs, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

const run = (root: string) => plan({ root, paths: [], ignore: [], map: {} });
const after = (result: Awaited<ReturnType<typeof run>>) => Object.fromEntries(result.changes.map((c) => [c.path, c.after]));
const LEGACY_RULES = new Set(['edge-function-env', 'legacy-env-name']);
const legacyFindings = (result: Awaited<ReturnType<typeof run>>) =>
  result.findings.filter((f) => LEGACY_RULES.has(f.ruleId)).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);

/** Plans `files`, writes what --write would, plans again: the second plan changes nothing and finds no legacy name. */
async function writeThenCheck(files: Record<string, string>) {
  const root = writeTree(files);
  const first = await run(root);
  const written = after(first);
  for (const [path, text] of Object.entries(written)) writeFileSync(join(root, path), text);
  const second = await run(root);
  return { first, written, second };
}

describe('edge functions: --write then --check', () => {
  it('a local constant named after the key, a message naming it and a read through globalThis all converge', async () => {
    const fn = 'supabase/functions/admin/index.ts';
    const { written, second } = await writeThenCheck({
      [fn]:
        "import { createClient } from 'npm:@supabase/supabase-js@2'\n" +
        "const SUPABASE_SERVICE_ROLE_KEY = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n" +
        "if (!SUPABASE_SERVICE_ROLE_KEY) throw new Error('SUPABASE_SERVICE_ROLE_KEY missing')\n" +
        "const anon = (globalThis as any).Deno.env.get('SUPABASE_ANON_KEY')\n" +
        "const admin = createClient(Deno.env.get('SUPABASE_URL')!, SUPABASE_SERVICE_ROLE_KEY)\n",
    });
    expect(written).toEqual({
      [fn]:
        "import { createClient } from 'npm:@supabase/supabase-js@2'\n" +
        "const SUPABASE_SECRET_KEY = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default\n" +
        "if (!SUPABASE_SECRET_KEY) throw new Error('SUPABASE_SECRET_KEY missing')\n" +
        "const anon = JSON.parse((globalThis as any).Deno.env.get('SUPABASE_PUBLISHABLE_KEYS') ?? '{}').default\n" +
        "const admin = createClient(Deno.env.get('SUPABASE_URL')!, SUPABASE_SECRET_KEY)\n",
    });
    expect(after(second)).toEqual({});
    expect(legacyFindings(second)).toEqual([]);
  });

  it("a helper of the function's module that returns Deno.env.get(name): its calls read the JSON through it", async () => {
    const fn = 'supabase/functions/admin/index.ts';
    const { written, second } = await writeThenCheck({
      [fn]:
        'function requireEnv(name: string): string {\n' +
        '  const value = Deno.env.get(name)\n' +
        '  if (!value) throw new Error(`Missing ${name}`)\n' +
        '  return value\n' +
        '}\n' +
        "const SUPABASE_SERVICE_ROLE_KEY = requireEnv('SUPABASE_SERVICE_ROLE_KEY')\n" +
        "export const anon = requireEnv('SUPABASE_ANON_KEY')\n",
    });
    expect(written).toEqual({
      [fn]:
        'function requireEnv(name: string): string {\n' +
        '  const value = Deno.env.get(name)\n' +
        '  if (!value) throw new Error(`Missing ${name}`)\n' +
        '  return value\n' +
        '}\n' +
        "const SUPABASE_SECRET_KEY = JSON.parse(requireEnv('SUPABASE_SECRET_KEYS') ?? '{}').default\n" +
        "export const anon = JSON.parse(requireEnv('SUPABASE_PUBLISHABLE_KEYS') ?? '{}').default\n",
    });
    expect(after(second)).toEqual({});
    expect(legacyFindings(second)).toEqual([]);
  });

  it('a helper imported from _shared that returns Deno.env.get(name): its calls read the JSON through it, the helper unchanged', async () => {
    const fn = 'supabase/functions/admin/index.ts';
    const shared = 'supabase/functions/_shared/env.ts';
    const { written, second } = await writeThenCheck({
      [shared]:
        'export function requireEnv(name: string): string {\n' +
        '  const value = Deno.env.get(name)\n' +
        '  if (!value) throw new Error(`Missing ${name}`)\n' +
        '  return value\n' +
        '}\n',
      [fn]:
        "import { requireEnv } from '../_shared/env.ts'\n" +
        "const SUPABASE_SERVICE_ROLE_KEY = requireEnv('SUPABASE_SERVICE_ROLE_KEY')\n" +
        "export const anon = requireEnv('SUPABASE_ANON_KEY')\n",
    });
    expect(written).toEqual({
      [fn]:
        "import { requireEnv } from '../_shared/env.ts'\n" +
        "const SUPABASE_SECRET_KEY = JSON.parse(requireEnv('SUPABASE_SECRET_KEYS') ?? '{}').default\n" +
        "export const anon = JSON.parse(requireEnv('SUPABASE_PUBLISHABLE_KEYS') ?? '{}').default\n",
    });
    expect(after(second)).toEqual({});
    expect(legacyFindings(second)).toEqual([]);
  });

  it('a destructured env object: each key name is split out into its own JSON read, its uses renamed', async () => {
    const fn = 'supabase/functions/admin/index.ts';
    const { written, second } = await writeThenCheck({
      [fn]:
        'const { SUPABASE_ANON_KEY } = Deno.env.toObject()\n' +
        'export function f() {\n' +
        '  const { SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, SUPABASE_ANON_KEY: anon } = process.env;\n' +
        '  return [SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, anon, SUPABASE_ANON_KEY]\n' +
        '}\n',
    });
    expect(written).toEqual({
      [fn]:
        "const SUPABASE_PUBLISHABLE_KEY = JSON.parse(Deno.env.get('SUPABASE_PUBLISHABLE_KEYS') ?? '{}').default\n" +
        'export function f() {\n' +
        '  const { SUPABASE_URL } = process.env;\n' +
        "  const SUPABASE_SECRET_KEY = JSON.parse(process.env.SUPABASE_SECRET_KEYS ?? '{}').default;\n" +
        "  const anon = JSON.parse(process.env.SUPABASE_PUBLISHABLE_KEYS ?? '{}').default;\n" +
        '  return [SUPABASE_URL, SUPABASE_SECRET_KEY, anon, SUPABASE_PUBLISHABLE_KEY]\n' +
        '}\n',
    });
    expect(after(second)).toEqual({});
    expect(legacyFindings(second)).toEqual([]);
  });

  it('an env object kept in a local: its reads become the JSON read', async () => {
    const fn = 'supabase/functions/hello/index.ts';
    const { written, second } = await writeThenCheck({
      [fn]: "const env = Deno.env.toObject()\nconst anon = env.SUPABASE_ANON_KEY\nconst secret = env['SUPABASE_SERVICE_ROLE_KEY']\n",
    });
    expect(written).toEqual({
      [fn]:
        'const env = Deno.env.toObject()\n' +
        "const anon = JSON.parse(env.SUPABASE_PUBLISHABLE_KEYS ?? '{}').default\n" +
        "const secret = JSON.parse(env['SUPABASE_SECRET_KEYS'] ?? '{}').default\n",
    });
    expect(legacyFindings(second)).toEqual([]);
  });

  it("a function's test that sets its env gives it the JSON variable the function now reads", async () => {
    const fn = 'supabase/functions/admin/index.ts';
    const test = 'supabase/functions/admin/index.test.ts';
    const { written, second } = await writeThenCheck({
      [fn]: "export const key = () => Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n",
      [test]:
        "import { key } from './index.ts'\n" +
        "Deno.env.set('SUPABASE_SERVICE_ROLE_KEY', 'k')\n" +
        'Deno.env.set("SUPABASE_ANON_KEY", anonKey())\n' +
        "Deno.test('key', () => { if (key() !== 'k') throw new Error('SUPABASE_SERVICE_ROLE_KEY not read') })\n",
    });
    expect(written).toEqual({
      [fn]: "export const key = () => JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default\n",
      [test]:
        "import { key } from './index.ts'\n" +
        "Deno.env.set('SUPABASE_SECRET_KEYS', JSON.stringify({ default: 'k' }))\n" +
        'Deno.env.set("SUPABASE_PUBLISHABLE_KEYS", JSON.stringify({ default: anonKey() }))\n' +
        "Deno.test('key', () => { if (key() !== 'k') throw new Error('SUPABASE_SECRET_KEY not read') })\n",
    });
    expect(after(second)).toEqual({});
    expect(legacyFindings(second)).toEqual([]);
  });

  it('a mocked env map that a test hands to the runtime becomes the JSON variables; its own env reads are renamed plainly', async () => {
    const test = 'supabase/functions/tests/admin.test.ts';
    const { written, second } = await writeThenCheck({
      'supabase/functions/admin/index.ts': "export const key = () => Deno.env.get('SUPABASE_ANON_KEY')\n",
      [test]:
        'const env: Record<string, string> = {\n' +
        "  SUPABASE_URL: 'http://localhost:54321',\n" +
        "  SUPABASE_ANON_KEY: 'anon',\n" +
        "  'SUPABASE_SERVICE_ROLE_KEY': Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ?? 'service',\n" +
        '}\n' +
        'for (const [name, value] of Object.entries(env)) Deno.env.set(name, value)\n',
    });
    expect(written[test]).toBe(
      'const env: Record<string, string> = {\n' +
        "  SUPABASE_URL: 'http://localhost:54321',\n" +
        "  SUPABASE_PUBLISHABLE_KEYS: JSON.stringify({ default: 'anon' }),\n" +
        "  'SUPABASE_SECRET_KEYS': JSON.stringify({ default: Deno.env.get('SUPABASE_SECRET_KEY') ?? 'service' }),\n" +
        '}\n' +
        'for (const [name, value] of Object.entries(env)) Deno.env.set(name, value)\n',
    );
    expect(after(second)).toEqual({});
    expect(legacyFindings(second)).toEqual([]);
  });

  it('a test stubbing Deno.env.get with a shorthand env map or a switch gives the function the JSON variables (issue 18, item 13)', async () => {
    const test = 'supabase/functions/admin/index.test.ts';
    const { written, second } = await writeThenCheck({
      'supabase/functions/admin/index.ts': "export const key = () => Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n",
      [test]:
        "const SUPABASE_SERVICE_ROLE_KEY = 'service'\n" +
        "const env: Record<string, string> = { SUPABASE_URL: 'http://localhost', SUPABASE_SERVICE_ROLE_KEY }\n" +
        "stub(Deno.env, 'get', (name: string) => {\n" +
        '  switch (name) {\n' +
        "    case 'SUPABASE_ANON_KEY':\n" +
        "      return 'anon'\n" +
        '    default:\n' +
        '      return env[name]\n' +
        '  }\n' +
        '})\n',
    });
    expect(written[test]).toBe(
      "const SUPABASE_SECRET_KEY = 'service'\n" +
        "const env: Record<string, string> = { SUPABASE_URL: 'http://localhost', SUPABASE_SECRET_KEYS: JSON.stringify({ default: SUPABASE_SECRET_KEY }) }\n" +
        "stub(Deno.env, 'get', (name: string) => {\n" +
        '  switch (name) {\n' +
        "    case 'SUPABASE_PUBLISHABLE_KEYS':\n" +
        "      return JSON.stringify({ default: 'anon' })\n" +
        '    default:\n' +
        '      return env[name]\n' +
        '  }\n' +
        '})\n',
    );
    expect(after(second)).toEqual({});
    expect(legacyFindings(second)).toEqual([]);
  });

  it('the alias SUPABASE_SERVICE_KEY, which neither the platform nor `supabase secrets set` gives a function, becomes the JSON read of the secret key', async () => {
    const fn = 'supabase/functions/admin/index.ts';
    const test = 'supabase/functions/admin/index.test.ts';
    const { written, second } = await writeThenCheck({
      [fn]:
        "import { createClient } from 'npm:@supabase/supabase-js@2'\n" +
        "const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_KEY')!)\n" +
        'export const key = process.env.SUPABASE_SERVICE_KEY\n' +
        "if (!key) throw new Error('SUPABASE_SERVICE_KEY missing')\n",
      [test]: "Deno.env.set('SUPABASE_SERVICE_KEY', 'k')\n",
    });
    expect(written).toEqual({
      [fn]:
        "import { createClient } from 'npm:@supabase/supabase-js@2'\n" +
        "const admin = createClient(Deno.env.get('SUPABASE_URL')!, JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default!)\n" +
        "export const key = JSON.parse(process.env.SUPABASE_SECRET_KEYS ?? '{}').default\n" +
        "if (!key) throw new Error('SUPABASE_SECRET_KEY missing')\n",
      [test]: "Deno.env.set('SUPABASE_SECRET_KEYS', JSON.stringify({ default: 'k' }))\n",
    });
    expect(after(second)).toEqual({});
    expect(legacyFindings(second)).toEqual([]);
  });

  it('an object in a test that does not feed the runtime keeps the plain rename', async () => {
    const test = 'supabase/functions/tests/call.test.ts';
    const { written } = await writeThenCheck({
      [test]:
        "const config = { SUPABASE_ANON_KEY: Deno.env.get('SUPABASE_ANON_KEY')! }\n" +
        "await fetch(url, { headers: { apikey: config.SUPABASE_ANON_KEY } })\n",
    });
    expect(written).toEqual({
      [test]:
        "const config = { SUPABASE_PUBLISHABLE_KEY: Deno.env.get('SUPABASE_PUBLISHABLE_KEY')! }\n" +
        'await fetch(url, { headers: { apikey: config.SUPABASE_PUBLISHABLE_KEY } })\n',
    });
  });

  it('a read compared with a key taken from Authorization (Team-Medio/SQSupabase) is left as it is: --check still fails with edge-function-key-compare', async () => {
    const fn = 'supabase/functions/common/Helpers/checkAuthorization.ts';
    const text =
      'export const checkAuthorization = (req: Request): Response | undefined => {\n' +
      "    const authHeader = req.headers.get('Authorization');\n" +
      "    const authAnonKey = authHeader?.startsWith('Bearer ') ? authHeader.split(' ')[1] : authHeader;\n" +
      "    if(Deno.env.get('SUPABASE_ANON_KEY') !== authAnonKey) {\n" +
      "    return new Response('Authorization error', { status: 401 });\n" +
      '  }\n' +
      '  return undefined;\n' +
      '}\n';
    const { written, second } = await writeThenCheck({ [fn]: text });
    expect(written).toEqual({});
    const check = exitCode({ mode: 'check', plan: second, findings: second.findings } as unknown as RunResult, undefined);
    expect(check).toBe(1);
    expect(second.findings.filter((f) => f.ruleId === 'edge-function-key-compare').map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`)).toEqual([`${fn}:4:8 error`]);
    expect(second.findings.filter((f) => f.ruleId === 'edge-function-env').map((f) => `${f.line}:${f.column} ${f.fixable}`)).toEqual(['4:22 false']);
  });
});
