// Inline suppressions in every comment syntax, unused ones reported, and per-rule severities.
import { describe, expect, it } from 'vitest';
import { fileKind } from '../src/file-kinds/index.js';
import { planFile, type PlanFileOptions } from '../src/core/file-plan.js';
import { namePattern } from '../src/keys/names.js';

function run(path: string, text: string, options: PlanFileOptions = {}) {
  return planFile({ path, kind: fileKind(path) ?? 'code', text }, namePattern(), {}, options);
}

describe('migrate-keys-ignore', () => {
  it.each([
    ['src/a.ts', '// migrate-keys-ignore\nconst k = process.env.SUPABASE_ANON_KEY\n'],
    ['src/a.ts', 'const k = process.env.SUPABASE_ANON_KEY /* migrate-keys-ignore legacy-env-name */\n'],
    ['.env', '# migrate-keys-ignore\nSUPABASE_ANON_KEY=x\n'],
    ['docs/setup.md', '<!-- migrate-keys-ignore -->\nSet SUPABASE_ANON_KEY.\n'],
    ['src/App.vue', '<template>\n  <!-- migrate-keys-ignore legacy-env-name -->\n  <p>SUPABASE_ANON_KEY</p>\n</template>\n'],
    ['src/a.ts', 'const k = process.env.SUPABASE_ANON_KEY // migrate-keys-ignore legacy-env-name: kept for the old SDK\n'],
  ])('silences the finding and keeps the name in %s', (path, text) => {
    const result = run(path, text);
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((f) => f.ruleId)).toEqual(['legacy-env-name']);
    expect(result.after).toBe(text);
  });

  it('silences only the rules it names, and only its own line and the next', () => {
    const text = '// migrate-keys-ignore secret-key-exposed\nconst k = process.env.SUPABASE_ANON_KEY\n\nconst j = process.env.SUPABASE_ANON_KEY\n';
    const result = run('src/a.ts', text);
    expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['unused-suppression', 1],
      ['legacy-env-name', 2],
      ['legacy-env-name', 4],
    ]);
  });

  it('reports a suppression that silences nothing as info', () => {
    const result = run('src/a.ts', '-- migrate-keys-ignore\nconst ok = 1\n');
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'unused-suppression', severity: 'info', line: 1 })]);
  });
});

describe('severities', () => {
  it('turns a rule off or changes its severity', () => {
    const text = 'const k = process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY ?? process.env.SUPABASE_ANON_KEY\n';
    const off = run('src/a.ts', text, { severities: { 'secret-key-exposed': 'off' } });
    expect(off.findings.map((f) => f.ruleId)).toEqual(['legacy-env-name']);
    const warn = run('src/a.ts', text, { severities: { 'legacy-env-name': 'warning' } });
    expect(warn.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['secret-key-exposed', 'error'],
      ['legacy-env-name', 'warning'],
    ]);
  });
});
