// End to end: Edge Functions in a two-project monorepo (test/fixtures/edge-monorepo): runtime key reads,
// verify_jwt from config, deploy flags and defaults, callers that go unchecked, and the unsafe fix.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import { git, REPO_ROOT, removeTempDirs, runCli, snapshot, tempDir } from './helpers/repo.js';

afterAll(removeTempDirs);

function fixtureRepo(): string {
  const dir = tempDir('migrate-keys-edge-');
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'edge-monorepo'), dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

type Finding = { ruleId: string; file: string; line: number; message: string };
const findingsOf = (stdout: string): Finding[] => JSON.parse(stdout).findings;
const where = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort();
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('Edge Functions', () => {
  it('reports what each function, config and deploy command needs', () => {
    const repo = fixtureRepo();
    const run = runCli(repo, ['--check', '--format', 'json']);
    expect(run.status).toBe(1);
    const findings = findingsOf(run.stdout);
    expect(where(findings)).toEqual(
      [
        // default-on (no table) in the second project, deployed by a workflow without the flag: on the function's
        // own entry file, since config.toml has no line of it (it was past config.toml's last line: issue 18, item 14)
        'edge-function-verify-jwt apps/admin/supabase/functions/report/index.ts:1',
        'deploy-verify-jwt .github/workflows/deploy.yml:11',
        // explicit true; deployed by package.json and a shell script without the flag
        'edge-function-verify-jwt apps/web/supabase/config.toml:10',
        'deploy-verify-jwt apps/web/package.json:5',
        'deploy-verify-jwt scripts/deploy.sh:3',
        // runtime reads, _shared included; the test file gets the plain rename
        'edge-function-env apps/web/supabase/functions/_shared/client.ts:3',
        'edge-function-env apps/web/supabase/functions/hello/index.ts:4',
        'edge-function-env apps/admin/supabase/functions/report/index.ts:4',
        'legacy-env-name apps/web/supabase/functions/hello/index.test.ts:5',
        // off (explicit false, or every deploy says --no-verify-jwt) and never checking the caller
        'edge-function-no-auth-check apps/web/supabase/functions/open/index.ts:1',
        'edge-function-no-auth-check apps/web/supabase/functions/cron/index.ts:1',
      ].sort(),
    );
    const hello = findings.find((f) => f.ruleId === 'edge-function-verify-jwt' && f.file.startsWith('apps/web'));
    expect(hello?.message).toContain('called from apps/web/src/call.ts:4');
    // The stray tools/config.toml is not a project's config; webhook checks its Stripe signature.
    expect(findings.some((f) => f.file.startsWith('tools/') || f.file.includes('/webhook/'))).toBe(false);
  });

  it('--write fixes the reads and leaves verify_jwt alone; --unsafe turns it off only where the function checks its caller, byte-exact and idempotent', () => {
    const repo = fixtureRepo();
    const webConfig = read(repo, 'apps/web/supabase/config.toml');
    expect(runCli(repo, ['--write']).status).toBe(0);
    expect(read(repo, 'apps/web/supabase/config.toml')).toBe(webConfig);

    const unsafe = runCli(repo, ['--write', '--unsafe', '--allow-dirty', '--format', 'json']);
    expect(unsafe.status).toBe(0);
    // hello checks nobody: verify_jwt is its only guard, so --unsafe leaves it on (it turned it off before issue 19)
    // and edge-function-verify-jwt still warns; report checks its caller, so it is turned off.
    expect(read(repo, 'apps/web/supabase/config.toml')).toBe(webConfig);
    expect(read(repo, 'apps/admin/supabase/config.toml')).toBe(
      'project_id = "admin"\n\n[auth]\nsite_url = "http://localhost:3000"\n\n[functions.report]\nverify_jwt = false\n',
    );
    const unsafeFindings = where(findingsOf(unsafe.stdout));
    expect(unsafeFindings).toContain('edge-function-verify-jwt apps/web/supabase/config.toml:10');
    expect(unsafeFindings).not.toContain('edge-function-no-auth-check apps/web/supabase/functions/hello/index.ts:1');

    const after = snapshot(repo);
    expect(runCli(repo, ['--write', '--unsafe', '--allow-dirty']).status).toBe(0);
    expect(snapshot(repo)).toEqual(after);
    // With report's verify_jwt off in config.toml, only the deploys of hello (still on, its only guard) remain.
    expect(where(findingsOf(runCli(repo, ['--check', '--format', 'json']).stdout)).filter((w) => w.startsWith('deploy-'))).toEqual([
      'deploy-verify-jwt apps/web/package.json:5',
      'deploy-verify-jwt scripts/deploy.sh:3',
    ]);
  });

  it('leaves no bare SUPABASE_SECRET_KEY / SUPABASE_PUBLISHABLE_KEY read in function code, and every file parses', () => {
    const repo = fixtureRepo();
    expect(runCli(repo, ['--write']).status).toBe(0);
    const functions = Object.keys(snapshot(repo)).filter((path) => path.startsWith('apps/') && path.includes('/supabase/functions/') && path.endsWith('.ts'));
    expect(functions.length).toBeGreaterThan(5);
    for (const path of functions) {
      const text = read(repo, path);
      const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
      expect((sourceFile as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, path).toEqual([]);
      if (path.endsWith('.test.ts')) continue;
      expect(text, path).not.toMatch(/env\.get\(\s*['"`]SUPABASE_(SECRET|PUBLISHABLE)_KEY['"`]/);
      expect(text, path).not.toMatch(/SUPABASE_(SERVICE_ROLE|ANON)_KEY/);
    }
    expect(read(repo, 'apps/web/supabase/functions/hello/index.ts')).toContain(
      "const serviceRoleKey = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default!;",
    );
    expect(read(repo, 'apps/web/supabase/functions/hello/index.test.ts')).toContain("Deno.env.get('SUPABASE_SECRET_KEY')");
  });
});
