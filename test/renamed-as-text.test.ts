// A YAML file that does not parse (a Helm template, a hand-broken compose file) is renamed as text: a key name is a
// token that never changes its structure. It is no failure of the run (no exit 2), unlike code that does not parse
// (issue 18, item 2).
import { afterAll, describe, expect, it } from 'vitest';
import { plan } from '../src/core/plan.js';
import { exitCode, type RunResult } from '../src/core/result.js';
import { removeTempDirs, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

const HELM = 'env:\n{{- if .Values.public }}\n  - name: SUPABASE_ANON_KEY\n    value: {{ .Values.anonKey | quote }}\n{{- end }}\n';

async function planTree(files: Record<string, string>) {
  return plan({ root: writeTree(files), paths: [], ignore: [], map: {} });
}

/** The exit code of --write once its changes are written: every fixable finding fixed. */
function exitAfterWrite(result: Awaited<ReturnType<typeof planTree>>): number {
  const findings = result.findings.map((f) => (f.fixable ? { ...f, fixed: true } : f));
  return exitCode({ mode: 'write', plan: result, findings, applied: { written: result.changes.map((c) => c.path), failures: [], refusedDirty: [] } } as unknown as RunResult, undefined);
}

describe('a file that does not parse', () => {
  it('YAML: renamed as text, an info, not a failure of the run', async () => {
    const result = await planTree({ 'charts/web/templates/deployment.yaml': HELM });
    expect(result.changes.map((c) => [c.path, c.after])).toEqual([
      ['charts/web/templates/deployment.yaml', HELM.replace('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEY')],
    ]);
    expect(result.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.severity)).toEqual(['info']);
    expect(result.failed).toEqual([]);
    expect(exitAfterWrite(result)).toBe(0);
  });

  it('code: left as it is, and the run exits 2', async () => {
    const result = await planTree({ 'src/config.ts': 'export const key = process.env.SUPABASE_ANON_KEY (\n', 'charts/web/templates/deployment.yaml': HELM });
    expect(result.changes.map((c) => c.path)).toEqual(['charts/web/templates/deployment.yaml']);
    expect(result.failed).toEqual(['src/config.ts']);
    expect(exitAfterWrite(result)).toBe(2);
  });
});
