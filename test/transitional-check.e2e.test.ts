// Issue 26, item 1: `--check --transitional` (or `"transitional": true` in the config file) reports a new-first
// fallback as info, so CI can be green during the transition; without it the fallback stays an error (the clean-up
// phase), and a bare legacy read is an error in both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers/in-process.js';
import { exampleRepo, removeTempDirs, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

const FALLBACK = /info\s+transitional fallback: .*delete the legacy read after the legacy keys are deactivated/;
const linesOf = (output: string, rule: string) => output.split('\n').filter((line) => line.includes(rule));

/** One hand-written fallback shape per case: the file, and the line that holds it. */
const SHAPES: Record<string, Record<string, string>> = {
  'Vite `??`': { 'src/a.ts': 'export const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY ?? import.meta.env.VITE_SUPABASE_ANON_KEY\n' },
  'Vite `||`': { 'src/a.ts': 'export const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY || import.meta.env.VITE_SUPABASE_ANON_KEY\n' },
  'Node `??`': { 'server/a.ts': 'export const key = process.env.SUPABASE_SECRET_KEY ?? process.env.SUPABASE_SERVICE_ROLE_KEY\n' },
  'Node `||`': { 'server/a.ts': "export const key = process.env['SUPABASE_SECRET_KEY'] || process.env.SUPABASE_SERVICE_ROLE_KEY\n" },
  'Node ternary': {
    'server/a.ts': 'export const key = process.env.SUPABASE_SECRET_KEY ? process.env.SUPABASE_SECRET_KEY : process.env.SUPABASE_SERVICE_ROLE_KEY\n',
  },
  'Vite ternary': {
    'src/a.ts': 'export const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n  ? import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n  : import.meta.env.VITE_SUPABASE_ANON_KEY\n',
  },
  'Edge helper': {
    'supabase/functions/admin/index.ts':
      "const key = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default ?? Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n" +
      "Deno.serve(() => new Response(key ? 'ok' : 'no key'))\n",
  },
};

/** A helper that tries the new read first, in the same module or one import away (SPEC §4): its legacy read is the last resort. */
const HELPERS: Record<string, Record<string, string>> = {
  'Node helper, if then return': {
    'server/a.ts':
      'function secretKey(): string | undefined {\n  const key = process.env.SUPABASE_SECRET_KEY\n  if (key) return key\n  return process.env.SUPABASE_SERVICE_ROLE_KEY\n}\n' +
      'export const key = secretKey()\n',
  },
  'Edge helper function, one import away': {
    'supabase/functions/_shared/keys.ts':
      'export function serviceKey(): string {\n' +
      "  const keys = Deno.env.get('SUPABASE_SECRET_KEYS')\n" +
      '  if (keys) {\n    const parsed = JSON.parse(keys)\n    if (parsed.default) return parsed.default\n  }\n' +
      "  return Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!\n}\n",
    'supabase/functions/admin/index.ts':
      "import { serviceKey } from '../_shared/keys.ts'\nDeno.serve(() => new Response(serviceKey() ? 'ok' : 'no key'))\n",
  },
  'Vite arrow helper': {
    'src/a.ts':
      'const publishable = () =>\n  import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY !== undefined && import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY !== ""\n' +
      '    ? import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n    : import.meta.env.VITE_SUPABASE_ANON_KEY\nexport const key = publishable()\n',
  },
  'a call that takes the first set value, new first': {
    'server/a.ts': 'const first = (...values: (string | undefined)[]) => values.find(Boolean)\nexport const key = first(process.env.SUPABASE_SECRET_KEY, process.env.SUPABASE_SERVICE_ROLE_KEY)\n',
  },
};
Object.assign(SHAPES, HELPERS);

/** What the final run (plain --write) leaves of each shape's first file: the new read alone, never `X ?? X` or `X ? X : X`. */
const FINAL: Record<string, string> = {
  'Vite `??`': "export const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n",
  'Vite `||`': "export const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n",
  'Node `??`': "export const key = process.env.SUPABASE_SECRET_KEY\n",
  'Node `||`': "export const key = process.env['SUPABASE_SECRET_KEY']\n",
  'Node ternary': "export const key = process.env.SUPABASE_SECRET_KEY\n",
  'Vite ternary': "export const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n",
  'Edge helper': "const key = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default\nDeno.serve(() => new Response(key ? 'ok' : 'no key'))\n",
  'Node helper, if then return': "function secretKey(): string | undefined {\n  const key = process.env.SUPABASE_SECRET_KEY\n  if (key) return key\n  return process.env.SUPABASE_SECRET_KEY\n}\nexport const key = secretKey()\n",
  'Edge helper function, one import away': "export function serviceKey(): string {\n  const keys = Deno.env.get('SUPABASE_SECRET_KEYS')\n  if (keys) {\n    const parsed = JSON.parse(keys)\n    if (parsed.default) return parsed.default\n  }\n  return JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default!\n}\n",
  'Vite arrow helper': "const publishable = () =>\n  import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\nexport const key = publishable()\n",
  'a call that takes the first set value, new first': "const first = (...values: (string | undefined)[]) => values.find(Boolean)\nexport const key = first(process.env.SUPABASE_SECRET_KEY)\n",
};

const PACKAGE = { 'package.json': JSON.stringify({ name: 'app', type: 'module', dependencies: { '@supabase/supabase-js': '^2.112.0' } }) };

describe('--check --transitional: hand-written fallbacks', () => {
  for (const [shape, files] of Object.entries(SHAPES)) {
    it(`${shape}: info under --transitional, an error without it`, async () => {
      const repo = writeTree({ ...PACKAGE, ...files });
      const transitional = await runMain(repo, ['--check', '--transitional']);
      expect(transitional.stdout).toMatch(FALLBACK);
      expect(transitional.stdout).not.toMatch(/\berror\b/);
      expect(transitional.code).toBe(0);
      const plain = await runMain(repo, ['--check']);
      expect(plain.stdout).not.toMatch(FALLBACK);
      expect(plain.code).toBe(1);
    });

    it(`${shape}: the final run collapses it, and --check is green`, async () => {
      const repo = writeTree({ ...PACKAGE, ...files });
      await runMain(repo, ['--write']);
      const check = await runMain(repo, ['--check']);
      expect(check.stdout).not.toMatch(/\berror\b/);
      expect(check.code).toBe(0);
      const [path] = Object.keys(files) as [string];
      expect(readFileSync(join(repo, path), 'utf8')).toBe(FINAL[shape]);
      const again = await runMain(repo, ['--write']);
      expect(again.stdout).toMatch(/0 files changed/);
    });

    it(`${shape}: a bare legacy read beside it fails both`, async () => {
      const [[path, text]] = Object.entries(files) as [[string, string]];
      const bare = path.startsWith('src/')
        ? 'export const bare = import.meta.env.VITE_SUPABASE_ANON_KEY\n'
        : path.startsWith('supabase/')
          ? "export const bare = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n"
          : 'export const bare = process.env.SUPABASE_SERVICE_ROLE_KEY\n';
      const repo = writeTree({ ...PACKAGE, [path]: text + bare });
      const transitional = await runMain(repo, ['--check', '--transitional']);
      expect(transitional.stdout).toMatch(FALLBACK);
      expect(transitional.stdout).toMatch(/\berror\b/);
      expect(transitional.code).toBe(1);
      expect((await runMain(repo, ['--check'])).code).toBe(1);
    });
  }
});

describe('--check --transitional: a variable named after a legacy key', () => {
  it('is code, not an env read: info under --transitional when its value falls back, an error without; a property of that name is not a variable', async () => {
    const text =
      'const SUPABASE_SERVICE_KEY = process.env.SUPABASE_SECRET_KEY || process.env.SUPABASE_SERVICE_ROLE_KEY\n' +
      'export function admin(SUPABASE_ANON_KEY: string) {\n  return [SUPABASE_SERVICE_KEY, SUPABASE_ANON_KEY]\n}\n';
    const repo = writeTree({ ...PACKAGE, 'server/a.ts': text });
    const transitional = await runMain(repo, ['--check', '--transitional']);
    expect(transitional.stdout).toMatch(/info\s+`SUPABASE_SERVICE_KEY` names a variable here, not an env read/);
    expect(transitional.stdout).not.toMatch(/\berror\b/);
    expect(transitional.code).toBe(0);
    expect((await runMain(repo, ['--check'])).code).toBe(1);

    const property = writeTree({ ...PACKAGE, 'server/a.ts': text + 'export const other = config.SUPABASE_ANON_KEY\ndeclare const config: Record<string, string>\n' });
    const withProperty = await runMain(property, ['--check', '--transitional']);
    expect(withProperty.stdout).toMatch(/5:\d+\s+error\s+`SUPABASE_ANON_KEY` is a legacy key name/);
    expect(withProperty.code).toBe(1);
  });
});

describe('--check --transitional: a schema holding both names', () => {
  it('is info (a transitional pair) under --transitional, an error without, and counted as a fallback', async () => {
    const schema =
      "import { z } from 'zod'\nexport const schema = z.object({\n  SUPABASE_SECRET_KEY: z.string().optional(),\n  SUPABASE_SERVICE_ROLE_KEY: z.string().optional(),\n})\n";
    const repo = writeTree({ ...PACKAGE, 'server/env.ts': schema });
    const transitional = await runMain(repo, ['--check', '--transitional', '--format', 'json']);
    const doc = JSON.parse(transitional.stdout) as { summary: { errors: number; fallbacks: number }; findings: { severity: string; message: string }[] };
    expect(doc.findings).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringMatching(/^transitional pair: /) })]);
    expect(doc.summary.fallbacks).toBe(1);
    expect(transitional.code).toBe(0);
    const plain = await runMain(repo, ['--check']);
    expect(plain.stdout).toMatch(/error\s+`SUPABASE_SERVICE_ROLE_KEY` is a legacy key name, not renamed: `SUPABASE_SECRET_KEY` already stands beside it here/);
    expect(plain.code).toBe(1);
  });
});

describe('--check --transitional: reads of both names that are not a fallback', () => {
  const CASES: Record<string, string> = {
    'a function that uses both keys': 'export function clients() {\n  const a = process.env.SUPABASE_SECRET_KEY\n  return { a, b: process.env.SUPABASE_SERVICE_ROLE_KEY }\n}\n',
    'a helper that returns the legacy read first': 'export function key() {\n  if (process.env.SUPABASE_SERVICE_ROLE_KEY) return process.env.SUPABASE_SERVICE_ROLE_KEY\n  return process.env.SUPABASE_SECRET_KEY\n}\n',
    'a call that takes the legacy value first': 'const first = (...values: (string | undefined)[]) => values.find(Boolean)\nexport const key = first(process.env.SUPABASE_SERVICE_ROLE_KEY, process.env.SUPABASE_SECRET_KEY)\n',
  };
  for (const [title, text] of Object.entries(CASES)) {
    it(`${title}: an error under --transitional too`, async () => {
      const repo = writeTree({ ...PACKAGE, 'server/a.ts': text });
      const transitional = await runMain(repo, ['--check', '--transitional']);
      expect(transitional.stdout).not.toMatch(FALLBACK);
      expect(transitional.code).toBe(1);
    });
  }
});

describe('"transitional": true in the config file', () => {
  it('equals the flag, so CI needs none', async () => {
    const repo = writeTree({
      ...PACKAGE,
      ...(SHAPES['Node `??`'] as Record<string, string>),
      'migrate-keys.config.json': JSON.stringify({ transitional: true }),
    });
    const check = await runMain(repo, ['--check']);
    expect(check.stdout).toMatch(FALLBACK);
    expect(check.code).toBe(0);
  });

  it('is a boolean', async () => {
    const repo = writeTree({ ...PACKAGE, 'migrate-keys.config.json': JSON.stringify({ transitional: 'yes' }) });
    const check = await runMain(repo, ['--check']);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/transitional: expected true or false/);
  });
});

describe('examples/vite-react: --write --transitional, then --check', () => {
  it("lists the tool's own fallbacks as info under --transitional; plain --check fails on them", async () => {
    const repo = exampleRepo('vite-react');
    await runMain(repo, ['--write', '--transitional']);
    const transitional = await runMain(repo, ['--check', '--transitional']);
    const fallbacks = linesOf(transitional.stdout, 'transitional fallback');
    expect(fallbacks.length).toBeGreaterThanOrEqual(2);
    for (const line of fallbacks) expect(line).toMatch(FALLBACK);
    // No error names a read the write gave a fallback.
    expect(linesOf(transitional.stdout, 'falls back to the legacy one')).toEqual([]);
    const plain = await runMain(repo, ['--check']);
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toMatch(FALLBACK);
  });
});
