// Each rule on small inputs, valid and invalid cases side by side (RuleTester style).
import { describe, expect, it } from 'vitest';
import { fileKind } from '../src/file-kinds/index.js';
import { planFile, type PlanFileOptions } from '../src/core/file-plan.js';
import { namePattern } from '../src/keys/names.js';

function run(path: string, text: string, options: PlanFileOptions = {}) {
  const kind = fileKind(path);
  if (!kind) throw new Error(`no kind for ${path}`);
  return planFile({ path, kind, text }, namePattern(), {}, options);
}

const ruleIds = (path: string, text: string) => run(path, text).findings.map((f) => f.ruleId);

describe('legacy-env-name', () => {
  it('is silent on new and neutral names', () => {
    expect(ruleIds('src/a.ts', 'import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY; process.env.SUPABASE_KEY')).toEqual([]);
  });

  it('reports and fixes every site, with positions', () => {
    const result = run('src/a.ts', "const a = 1\nconst k = process.env['SUPABASE_SERVICE_ROLE_KEY']\n");
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: 'legacy-env-name', line: 2, column: 24, fixable: true, fixed: false }),
    ]);
    expect(result.after).toBe("const a = 1\nconst k = process.env['SUPABASE_SECRET_KEY']\n");
  });

  it('reports but never edits applied migrations', () => {
    const result = run('supabase/migrations/20240101_init.md', 'uses SUPABASE_SERVICE_ROLE_KEY');
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'legacy-env-name', fixable: false })]);
    expect(result.edits).toEqual([]);
  });
});

describe('secret-key-exposed', () => {
  it('reports a public-prefixed secret and leaves it unrenamed', () => {
    const text = 'const admin = process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY\n';
    const result = run('src/admin.ts', text);
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'secret-key-exposed', severity: 'error', fixable: false })]);
    expect(result.after).toBe(text);
  });
});

describe('edge-function-env', () => {
  const fn = 'supabase/functions/hello/index.ts';

  it('rewrites runtime reads of the injected legacy names into the default entry of the JSON', () => {
    const text = [
      "const a = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!",
      'const b = Deno.env.get("SUPABASE_ANON_KEY") ?? ""',
      'const c = process.env.SUPABASE_SERVICE_ROLE_KEY',
      'const { SUPABASE_ANON_KEY } = Deno.env.toObject()',
      '// SUPABASE_SERVICE_ROLE_KEY in a comment is left alone',
      '',
    ].join('\n');
    const result = run(fn, text);
    // On its own, index.ts is also a function without a config.toml: edge-function-verify-jwt says so.
    expect(result.findings.filter((f) => f.ruleId === 'edge-function-env').map((f) => [f.ruleId, f.line, f.fixable])).toEqual([
      ['edge-function-env', 1, true],
      ['edge-function-env', 2, true],
      ['edge-function-env', 3, true],
      ['edge-function-env', 4, true],
    ]);
    expect(result.findings.at(-1)?.message).toContain('this read of `SUPABASE_ANON_KEY` becomes the `default` entry of it');
    expect(result.after).toBe(
      [
        "const a = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default!",
        'const b = JSON.parse(Deno.env.get("SUPABASE_PUBLISHABLE_KEYS") ?? "{}").default ?? ""',
        "const c = JSON.parse(process.env.SUPABASE_SECRET_KEYS ?? '{}').default",
        // A destructured key becomes its own declaration of the JSON read (issue 18, item 12).
        "const SUPABASE_PUBLISHABLE_KEY = JSON.parse(Deno.env.get('SUPABASE_PUBLISHABLE_KEYS') ?? '{}').default",
        '// SUPABASE_SERVICE_ROLE_KEY in a comment is left alone',
        '',
      ].join('\n'),
    );
    expect(run(fn, result.after).after).toBe(result.after);
  });

  it('falls back to the legacy read in transitional mode, and the final run collapses it', () => {
    const text = "const key = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') || ''\n";
    const transitional = run(fn, text, { transitional: true }).after;
    expect(transitional).toBe(
      "const key = (JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default ?? Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')) || ''\n",
    );
    expect(run(fn, transitional, { transitional: true }).after).toBe(transitional);
    expect(run(fn, transitional).after).toBe(run(fn, text).after);
  });

  it('gives tests under supabase/functions the plain rename', () => {
    const test = 'supabase/functions/hello/index.test.ts';
    expect(run(test, "Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')").after).toBe("Deno.env.get('SUPABASE_SECRET_KEY')");
  });

  it('still renames names the user sets, and leaves code outside supabase/functions to legacy-env-name', () => {
    expect(run(fn, "Deno.env.get('MY_SUPABASE_ANON_KEY')").after).toBe("Deno.env.get('MY_SUPABASE_PUBLISHABLE_KEY')");
    expect(ruleIds('scripts/deno.ts', "Deno.env.get('SUPABASE_ANON_KEY')")).toEqual(['legacy-env-name']);
  });
});

describe('parse-error', () => {
  it('reports the syntax error and leaves every name in the file as it was', () => {
    const text = 'const k = import.meta.env.VITE_SUPABASE_ANON_KEY (\n';
    const result = run('src/broken.ts', text);
    expect(result.findings.map((f) => [f.ruleId, f.fixable])).toEqual([
      ['legacy-env-name', false],
      ['parse-error', false],
    ]);
    expect(result.after).toBe(text);
  });

  it('checks the script blocks of single-file components', () => {
    const text = '<script lang="ts">\nconst k: = PUBLIC_SUPABASE_ANON_KEY\n</script>\n<p>{PUBLIC_SUPABASE_ANON_KEY}</p>\n';
    expect(ruleIds('src/App.svelte', text)).toContain('parse-error');
    expect(run('src/App.svelte', text).after).toBe(text);
  });
});
