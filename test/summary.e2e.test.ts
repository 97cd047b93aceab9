// End to end: the stylish summary counts what the screen shows (issue 20 items 4 and 6): the hunks of the diff, the
// findings rows, the steps outside; rewrites that are not renames say why above their hunk; --write reports what it wrote,
// a re-check of the written tree and what to do next.
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, exampleRepo, removeTempDirs, runCli, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

const ROW = /^ {2}\d+:\d+\s+(error|warning|info)\s/;
const rows = (stdout: string) => stdout.split('\n').filter((line) => ROW.test(line));
const hunks = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('@@')).length;
const diffFiles = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('+++ b/')).length;
const stepsTodo = (stdout: string) => stdout.split('\n').filter((line) => /^ {4}☐ /.test(line)).length;
const count = (stdout: string, pattern: RegExp): number | undefined => {
  const match = pattern.exec(stdout);
  return match ? Number(match[1]) : undefined;
};
const tally = (stdout: string) => {
  const match = /✖ (\d+) problems? \((\d+) errors?, (\d+) warnings?, (\d+) infos?\)/.exec(stdout);
  return match ? { problems: Number(match[1]), errors: Number(match[2]), warnings: Number(match[3]), infos: Number(match[4]) } : undefined;
};
const severities = (lines: readonly string[]) => ({
  errors: lines.filter((line) => ROW.exec(line)?.[1] === 'error').length,
  warnings: lines.filter((line) => ROW.exec(line)?.[1] === 'warning').length,
  infos: lines.filter((line) => ROW.exec(line)?.[1] === 'info').length,
});

/** An Edge Function whose reads become the JSON entry, a Bearer moved to apikey (unsafe), verify_jwt turned off (unsafe), an alias line retired. */
function edgeRepo(): string {
  return commitAll(
    writeTree({
      'supabase/config.toml': 'project_id = "my-app"\n\n[functions.send-report]\nverify_jwt = true\n',
      'supabase/functions/send-report/index.ts':
        'Deno.serve(async (req) => {\n' +
        "  const secretKeys = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}')\n" +
        "  if (req.headers.get('apikey') !== secretKeys.default) return new Response('Unauthorized', { status: 401 })\n" +
        "  const k = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')\n" +
        "  await fetch('https://x.supabase.co/rest/v1/t', { headers: { Authorization: `Bearer ${k}` } })\n" +
        "  return new Response('sent')\n" +
        '})\n',
      'scripts/deploy.sh': '#!/bin/sh\nsupabase functions deploy send-report --project-ref "$PROJECT_REF"\n',
      '.env.example': 'SUPABASE_SERVICE_ROLE_KEY=your-key\nSUPABASE_SECRET_KEY=your-key\n',
    }),
  );
}

describe('the preview summary counts what the screen shows', () => {
  it('examples/vite-react: fixable by --write = the fixable findings shown as hunks; need you = the rows; steps outside = the steps listed', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, []);
    const json = JSON.parse(runCli(repo, ['-f', 'json']).stdout) as { findings: { fixable: boolean }[]; changes: unknown[] };
    expect(run.status).toBe(1);
    const listed = rows(run.stdout);
    expect(listed.length).toBeGreaterThan(0);
    expect(count(run.stdout, /(\d+) fixable by `--write`/)).toBe(json.findings.filter((f) => f.fixable).length);
    expect(count(run.stdout, /the diff above: (\d+) hunks?/)).toBe(hunks(run.stdout));
    expect(count(run.stdout, /hunks? in (\d+) files?/)).toBe(diffFiles(run.stdout));
    expect(diffFiles(run.stdout)).toBe(json.changes.length);
    expect(count(run.stdout, /(\d+) needs? you/)).toBe(listed.length);
    expect(count(run.stdout, /(\d+) steps? outside the repo/)).toBe(stepsTodo(run.stdout));
    // The old tally counted the hunks as problems beside a list of two.
    expect(run.stdout).not.toMatch(/✖ \d+ problems/);
  });

  it('--check and --write count what they list', () => {
    const repo = exampleRepo('vite-react');
    const check = runCli(repo, ['--check']);
    const checked = rows(check.stdout);
    expect(tally(check.stdout)).toEqual({ problems: checked.length, ...severities(checked) });

    const write = runCli(repo, ['--write']);
    const left = rows(write.stdout);
    expect(tally(write.stdout)).toEqual({ problems: left.length, ...severities(left) });
    expect(count(write.stdout, /(\d+) steps? outside the repo/)).toBe(stepsTodo(write.stdout));
  });
});

describe('a rewrite that is not a plain rename says why above its hunk', () => {
  it('the Edge Function JSON read, the apikey move and a retired alias line carry a reason; a plain rename none', () => {
    const repo = edgeRepo();
    const run = runCli(repo, ['--unsafe']);
    const lines = run.stdout.split('\n');
    const reasonBefore = (file: string) => {
      const at = lines.indexOf(`+++ b/${file}`);
      const reasons: string[] = [];
      for (let i = at + 1; i < lines.length && !lines[i]?.startsWith('--- '); i++) if (lines[i]?.startsWith('# ')) reasons.push(lines[i] as string);
      return reasons;
    };
    const edge = reasonBefore('supabase/functions/send-report/index.ts');
    expect(edge.some((line) => /^# edge-function-env: .*SUPABASE_SECRET_KEYS/.test(line))).toBe(true);
    expect(edge.some((line) => /^# bearer-api-key: .*apikey/.test(line))).toBe(true);
    expect(reasonBefore('.env.example').some((line) => /^# legacy-env-name: /.test(line))).toBe(true);
    // A reason sits right above the hunk that holds it.
    const reasonAt = lines.findIndex((line) => line.startsWith('# edge-function-env'));
    expect(lines.slice(reasonAt + 1).find((line) => !line.startsWith('# '))).toMatch(/^@@/);

    const vite = runCli(exampleRepo('vite-react'), []);
    expect(vite.stdout.split('\n').filter((line) => line.startsWith('# '))).toEqual([]);
  });
});

describe('--write reports its result', () => {
  it('the files it wrote, a re-check of the written tree without what it fixed, and one Next: line', () => {
    const repo = edgeRepo();
    const preview = runCli(repo, ['--unsafe']);
    expect(preview.stdout).toContain('deploy-verify-jwt');
    const write = runCli(repo, ['--write', '--unsafe']);
    expect(write.stdout).toMatch(/^Wrote 3 files:\n {2}\.env\.example\n {2}supabase\/config\.toml\n {2}supabase\/functions\/send-report\/index\.ts\n/m);
    // verify_jwt = false in config.toml resolved the deploy's finding: the re-check no longer has it.
    expect(write.stdout).not.toContain('deploy-verify-jwt');
    expect(write.stdout).toContain('✔ no problems');
    const next = write.stdout.split('\n').filter((line) => line.includes('Next:'));
    expect(next).toHaveLength(1);
    expect(next[0]).toMatch(/deploy, then run `migrate-keys --check`/);
    expect(write.status).toBe(0);
  });

  it('examples/vite-react: the re-check names what the tree holds now, and Next: takes the first step outside', () => {
    const repo = exampleRepo('vite-react');
    const write = runCli(repo, ['--write']);
    expect(write.stdout).toMatch(/^Wrote 9 files:$/m);
    const left = rows(write.stdout);
    expect(left.length).toBe(2);
    // The re-check reads the written tree: the env line is under its new name now.
    expect(left.join('\n')).toContain('`VITE_SUPABASE_PUBLISHABLE_KEY` holds a legacy anon JWT');
    const next = write.stdout.split('\n').filter((line) => line.includes('Next:'));
    expect(next).toHaveLength(1);
    expect(next[0]).toMatch(/Next: .*add SUPABASE_SECRET_KEY with the secret key .*deploy, then run `migrate-keys --check`/);
    expect(write.stdout.trimEnd().split('\n').pop()).toContain('Next:');
  });
});
