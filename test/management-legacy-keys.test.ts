// `migrate-keys legacy-keys`: status, the --disable gate (refused before migration, allowed after), --force, --enable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUBLISHABLE, REF, SECRET, secretsOfTheWorld, startFakeApi, type FakeApi } from './helpers/fake-api.js';
import { expectNotPrinted, exampleRepo, removeTempDirs, runCli } from './helpers/repo.js';

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
beforeEach(() => api.reset());
afterAll(async () => {
  await api.stop();
  expectNotPrinted(secretsOfTheWorld());
  removeTempDirs();
});

const puts = async () => (await api.log()).filter((request) => request.method === 'PUT').map((request) => request.query);
const legacyEnabled = async () => (await api.state())[REF]?.legacyEnabled;

describe('migrate-keys legacy-keys', () => {
  it('shows whether the legacy keys are enabled, as text and JSON', async () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['legacy-keys'], api.env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`The legacy API keys (anon, service_role) of project ${REF} are enabled.`);
    expect(run.stdout).toContain('migrate-keys legacy-keys --disable');
    const json = runCli(repo, ['legacy-keys', '--format', 'json'], api.env);
    expect(JSON.parse(json.stdout)).toMatchObject({ schemaVersion: 1, project: REF, action: 'status', enabled: true, changed: false });
    expect(await puts()).toEqual([]);
  });

  it('--disable is refused (exit 1, nothing sent) while the repository still uses the legacy keys', async () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['legacy-keys', '--disable'], api.env);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^migrate-keys: refusing to disable the legacy API keys of project ${REF}: \\d+ place\\(s\\) in this repository still use them:\n`));
    expect(run.stderr).toContain('  .env:3  legacy-env-name  `VITE_SUPABASE_ANON_KEY` is a legacy key name');
    expect(run.stderr).toContain('  .env.local:3  legacy-key-value  ');
    expect(run.stderr).toContain('  src/lib/supabase.ts:');
    expect(run.stderr).toContain('or pass --force to disable anyway');
    // Both inventories, since the one switch takes anon and service_role together (issue 19 §4).
    expect(run.stderr).toMatch(/client inventory \(anon key\): [1-9]\d* places?; server inventory \(service_role key\): [1-9]\d* places?/);
    expect(run.stderr).toContain('One switch disables anon and service_role together: both inventories must be clean.');
    expect(await puts()).toEqual([]);
    expect(await legacyEnabled()).toBe(true);

    const json = runCli(repo, ['legacy-keys', '--disable', '--format', 'json'], api.env);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as { refused: boolean; legacyUse: { ruleId: string; file: string; line: number }[] };
    expect(report.refused).toBe(true);
    expect(report.legacyUse).toContainEqual(expect.objectContaining({ ruleId: 'legacy-env-name', file: '.env', line: 3 }));
  });

  it('--disable --force disables anyway, with a warning listing the legacy use', async () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['legacy-keys', '--disable', '--force'], api.env);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('warning: --force: disabling the legacy API keys');
    expect(run.stderr).toContain('  .env:3  legacy-env-name');
    expect(run.stdout).toContain(`The legacy API keys (anon, service_role) of project ${REF} are disabled.`);
    expect(await puts()).toEqual([{ enabled: 'false' }]);
    expect(await legacyEnabled()).toBe(false);
  });

  it('--disable is allowed once --write with the new keys leaves no legacy use; --enable rolls back', async () => {
    const repo = exampleRepo('vite-react');
    const write = runCli(repo, ['--write', '--from-project'], api.env);
    expect(write.status).toBe(0);
    expect(readFileSync(join(repo, '.env'), 'utf8')).toContain(`VITE_SUPABASE_PUBLISHABLE_KEY=${PUBLISHABLE}\n`);
    expect(readFileSync(join(repo, '.env.local'), 'utf8')).toContain(`SUPABASE_SECRET_KEY="${SECRET}"\n`);

    const disable = runCli(repo, ['legacy-keys', '--disable'], api.env);
    expect(disable.stderr).toBe('');
    expect(disable.status).toBe(0);
    expect(disable.stdout).toContain('are disabled.');
    expect(disable.stdout).toContain(`Roll back at once with: migrate-keys legacy-keys --enable --project-ref ${REF}`);
    expect(disable.stdout).toContain('anon and service_role were disabled together');
    expect(disable.stdout).toContain('Dashboard → Project Settings → API Keys → Legacy API keys: re-enable');
    expect(await legacyEnabled()).toBe(false);

    const again = runCli(repo, ['legacy-keys', '--disable', '--format', 'json'], api.env);
    expect(JSON.parse(again.stdout)).toMatchObject({ action: 'disable', enabled: false, changed: false, refused: false, legacyUse: [] });

    const enable = runCli(repo, ['legacy-keys', '--enable'], api.env);
    expect(enable.status).toBe(0);
    expect(enable.stdout).toContain('are enabled.');
    expect(await puts()).toEqual([{ enabled: 'false' }, { enabled: 'true' }]);
    expect(await legacyEnabled()).toBe(true);
  });

  it('the gate reads the configuration and --rule as --check does', async () => {
    const repo = exampleRepo('vite-react');
    const rules = ['legacy-env-name', 'legacy-key-value', 'edge-function-env'].flatMap((id) => ['--rule', `${id}=off`]);
    const run = runCli(repo, ['legacy-keys', '--disable', ...rules], api.env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const badRule = runCli(repo, ['legacy-keys', '--disable', '--rule', 'legacy-env-name=loud'], api.env);
    expect(badRule.status).toBe(2);
  });

  it('refuses contradictory flags with exit 2', async () => {
    const repo = exampleRepo('vite-react');
    expect(runCli(repo, ['legacy-keys', '--disable', '--enable'], api.env).stderr).toContain('--disable and --enable cannot be used together');
    expect(runCli(repo, ['legacy-keys', '--force'], api.env).status).toBe(2);
    expect(await api.log()).toEqual([]);
  });
});
