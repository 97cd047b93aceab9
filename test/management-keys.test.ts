// `migrate-keys keys` against the fake Management API: masked listing, --create, --format json.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LEGACY_KEYS, NEW_KEYS, REF, PUBLISHABLE, secretsOfTheWorld, startFakeApi, TOKEN, type FakeApi } from './helpers/fake-api.js';
import { expectNotPrinted, exampleRepo, removeTempDirs, runCli } from './helpers/repo.js';

let api: FakeApi;
const created: string[] = [];
beforeAll(async () => {
  api = await startFakeApi();
});
beforeEach(async () => {
  for (const project of Object.values(await api.state())) for (const key of project.keys) if (key.api_key) created.push(key.api_key);
  await api.reset();
});
afterAll(async () => {
  for (const project of Object.values(await api.state())) for (const key of project.keys) if (key.api_key) created.push(key.api_key);
  await api.stop();
  expectNotPrinted(secretsOfTheWorld(created));
  removeTempDirs();
});

describe('migrate-keys keys', () => {
  it('lists the keys by type and name with masked values, for the project the repository points at', async () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['keys'], api.env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`API keys of project ${REF} (from .env (URL)`);
    expect(run.stdout).toMatch(/legacy\s+anon\s+eyJhbGci…\[legacy anon JWT\]/);
    // Listing fills nothing in, so nothing is revealed: the API masks the secret values itself.
    expect(run.stdout).toMatch(/legacy\s+service_role\s+\(not revealed\)/);
    expect(run.stdout).toMatch(/publishable\s+default\s+sb_publishable_…\[redacted\]/);
    expect(run.stdout).toMatch(/secret\s+default\s+\(not revealed\)/);
    expect(run.stdout).toContain('Legacy API keys (anon and service_role): enabled');
    expect(run.stdout).not.toContain(PUBLISHABLE);
    const log = await api.log();
    expect(log).toEqual([
      { method: 'GET', path: `/v1/projects/${REF}/api-keys`, query: {}, authorized: true },
      { method: 'GET', path: `/v1/projects/${REF}/api-keys/legacy`, query: {}, authorized: true },
    ]);
  });

  it('takes the legacy keys\' status from GET …/api-keys/legacy, and never offers a disabled legacy key as a value', async () => {
    await api.reset({ [REF]: { keys: [...LEGACY_KEYS, ...NEW_KEYS], legacyEnabled: false } });
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['keys'], api.env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Legacy API keys (anon and service_role): disabled');
    expect(run.stdout).toMatch(/legacy\s+anon\s+\(disabled\)/);
    expect(run.stdout).toMatch(/legacy\s+service_role\s+\(disabled\)/);
    expect(run.stdout).not.toContain('legacy anon JWT');
    const json = JSON.parse(runCli(repo, ['keys', '--format', 'json'], api.env).stdout) as { keys: unknown; legacyKeysEnabled: unknown };
    expect(json.legacyKeysEnabled).toBe(false);
    expect(json.keys).toEqual([
      { id: 'legacy-anon-id', type: 'legacy', name: 'anon', value: '(not revealed)', disabled: true },
      { id: 'legacy-service_role-id', type: 'legacy', name: 'service_role', value: '(not revealed)', disabled: true },
      { id: 'publishable-default-id', type: 'publishable', name: 'default', value: 'sb_publishable_…[redacted]' },
      { id: 'secret-default-id', type: 'secret', name: 'default', value: '(not revealed)' },
    ]);
    expect((await api.log()).every((request) => request.query.reveal === undefined)).toBe(true);
  });

  it('says the legacy status is unknown when GET …/api-keys/legacy fails, and still lists the keys', async () => {
    await api.fault({ method: 'GET', path: '/api-keys/legacy', status: 404, times: 1 });
    const run = runCli(exampleRepo('vite-react'), ['keys'], api.env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/publishable\s+default\s+sb_publishable_…\[redacted\]/);
    expect(run.stdout).toContain('Legacy API keys (anon and service_role): status unknown (');
    expect(run.stdout).toMatch(/legacy\s+anon\s+eyJhbGci…\[legacy anon JWT\]/);
  });

  it('writes JSON for scripts', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['keys', '--format', 'json'], api.env);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ schemaVersion: 1, tool: { name: 'migrate-keys' }, project: REF, created: [] });
    expect(json.keys).toEqual([
      { id: 'legacy-anon-id', type: 'legacy', name: 'anon', value: 'eyJhbGci…[legacy anon JWT]' },
      { id: 'legacy-service_role-id', type: 'legacy', name: 'service_role', value: '(not revealed)' },
      { id: 'publishable-default-id', type: 'publishable', name: 'default', value: 'sb_publishable_…[redacted]' },
      { id: 'secret-default-id', type: 'secret', name: 'default', value: '(not revealed)' },
    ]);
    expect(json.legacyKeysEnabled).toBe(true);
  });

  it('--create makes a publishable and a secret key named default when the project has none', async () => {
    await api.reset({ [REF]: { keys: [...LEGACY_KEYS], legacyEnabled: true } });
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['keys', '--create', '--project-ref', REF], api.env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Created: publishable "default", secret "default".');
    expect(run.stdout).toMatch(/secret\s+default\s+sb_secret_…\[redacted\]/);
    const log = await api.log();
    expect(log.some((request) => request.query.reveal !== undefined)).toBe(false);
    const posts = log.filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.body)).toEqual([
      { type: 'publishable', name: 'default' },
      { type: 'secret', name: 'default' },
    ]);
    expect((await api.state())[REF]?.keys.map((key) => key.type)).toEqual(['legacy', 'legacy', 'publishable', 'secret']);
  });

  it('--create creates nothing when the keys exist, and only the missing type otherwise', async () => {
    const repo = exampleRepo('vite-react');
    const existing = runCli(repo, ['keys', '--create'], api.env);
    expect(existing.status).toBe(0);
    expect(existing.stdout).toContain('Nothing created');
    expect((await api.log()).some((request) => request.method === 'POST')).toBe(false);

    await api.reset({ [REF]: { keys: [...LEGACY_KEYS, NEW_KEYS[0]!], legacyEnabled: true } });
    const half = runCli(repo, ['keys', '--create', '--format', 'json'], api.env);
    expect(half.status).toBe(0);
    expect((JSON.parse(half.stdout) as { created: unknown }).created).toEqual([{ type: 'secret', name: 'default' }]);
  });

  it('suggests --create when the project has no new keys', async () => {
    await api.reset({ [REF]: { keys: [...LEGACY_KEYS], legacyEnabled: true } });
    const run = runCli(exampleRepo('vite-react'), ['keys'], api.env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('migrate-keys keys --create');
  });

  it('refuses a format it does not write', () => {
    const run = runCli(exampleRepo('vite-react'), ['keys', '--format', 'sarif'], api.env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('this command writes stylish or json');
  });

  it('never shows the token in help', () => {
    const run = runCli(exampleRepo('vite-react'), ['keys', '--help'], { ...api.env, SUPABASE_ACCESS_TOKEN: TOKEN });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('SUPABASE_ACCESS_TOKEN');
  });
});
