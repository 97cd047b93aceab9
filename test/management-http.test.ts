// The Management API client through the CLI: 401/403/404, retries on 429/5xx only, timeouts, network errors, no token shown.
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultProjects, REF, secretsOfTheWorld, startFakeApi, TOKEN, type FakeApi } from './helpers/fake-api.js';
import { expectNotPrinted, exampleRepo, removeTempDirs, runCli } from './helpers/repo.js';

let api: FakeApi;
let repo: string;
beforeAll(async () => {
  api = await startFakeApi();
  repo = exampleRepo('vite-react');
});
beforeEach(() => api.reset());
afterAll(async () => {
  await api.stop();
  expectNotPrinted(secretsOfTheWorld());
  removeTempDirs();
});

const keys = (env: Record<string, string> = {}) => runCli(repo, ['keys'], { ...api.env, ...env });
const oneLine = (text: string) => text.trimEnd().split('\n');

describe('HTTP failures', () => {
  it('401: one line about the token, which is never shown (even when the server quotes it back)', async () => {
    const run = keys({ SUPABASE_ACCESS_TOKEN: `${TOKEN}-revoked` });
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toEqual([
      `migrate-keys: cannot list the API keys of project ${REF}: the Management API refused the access token (HTTP 401): check SUPABASE_ACCESS_TOKEN (it may be expired or revoked)`,
    ]);
    expect(run.stdout).toBe('');
    expect((await api.log()).length).toBe(1);
  });

  it('403: one line about permission', async () => {
    await api.fault({ status: 403, times: 1 });
    const run = keys();
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('HTTP 403');
    expect((await api.log()).length).toBe(1);
  });

  it('404: the project, or for the legacy endpoints the endpoint too', async () => {
    await api.reset({});
    const run = keys();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`project ${REF} was not found (HTTP 404)`);
    const legacy = runCli(repo, ['legacy-keys'], api.env);
    expect(legacy.status).toBe(2);
    expect(legacy.stderr).toContain('legacy-keys endpoint was not found (HTTP 404)');
  });

  it('429 then 200: retried after Retry-After, then succeeds', async () => {
    await api.fault({ status: 429, retryAfter: 0, times: 1 });
    const run = keys();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The list twice (the fault, then the retry), then the legacy keys' status (e921e7e: GET …/api-keys/legacy).
    expect((await api.log()).length).toBe(3);
  });

  it('500 then 200: retried with backoff, then succeeds', async () => {
    await api.fault({ status: 500, times: 1 });
    const run = keys();
    expect(run.status).toBe(0);
    expect((await api.log()).length).toBe(3);
  });

  it('5xx every time: gives up after 3 attempts; the token quoted back by the server is removed', async () => {
    await api.fault({ status: 502, times: 5, echo: true });
    const run = keys();
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toEqual([
      `migrate-keys: cannot list the API keys of project ${REF}: the Management API failed (HTTP 502, 3 attempts): failed for Bearer …[redacted]`,
    ]);
    expect((await api.log()).length).toBe(3);
  });

  it('429 with a long Retry-After: not waited for, the user is told when to retry', async () => {
    await api.fault({ status: 429, retryAfter: 3600, times: 1 });
    const run = keys();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rate limiting requests (HTTP 429): try again in 3600 s');
    expect((await api.log()).length).toBe(1);
  });

  it('4xx other than 429 is not retried, nor a POST after a 5xx (it may have created the key)', async () => {
    await api.fault({ status: 400, times: 3, echo: true });
    const bad = keys();
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('HTTP 400');
    expect((await api.log()).length).toBe(1);

    await api.reset({ [REF]: { keys: [], legacyEnabled: true } });
    await api.fault({ method: 'POST', status: 500, times: 1 });
    const create = runCli(repo, ['keys', '--create'], api.env);
    expect(create.status).toBe(2);
    expect(create.stderr).toContain('cannot create a publishable key named "default"');
    expect((await api.log()).filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('a slow answer times out (per request, not retried)', async () => {
    await api.fault({ delayMs: 3000, times: 1 });
    const started = Date.now();
    const run = keys({ MIGRATE_KEYS_HTTP_TIMEOUT_MS: '300' });
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toEqual([`migrate-keys: cannot list the API keys of project ${REF}: no answer from ${api.url} within 300 ms`]);
    expect(Date.now() - started).toBeLessThan(2900);
    expect((await api.log()).length).toBe(1);
  });

  it('a network error is one line naming the host', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address() as { port: number };
        server.close(() => resolve(address.port));
      });
    });
    const run = keys({ SUPABASE_API_URL: `http://127.0.0.1:${port}` });
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toEqual([
      `migrate-keys: cannot list the API keys of project ${REF}: could not reach http://127.0.0.1:${port} (ECONNREFUSED)`,
    ]);
  });
});

describe('the access token and the base URL', () => {
  it('a missing token is a usage error before any request', async () => {
    const run = keys({ SUPABASE_ACCESS_TOKEN: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('SUPABASE_ACCESS_TOKEN is not set');
    expect(await api.log()).toEqual([]);
  });

  it('a token with a line break is refused without quoting it', async () => {
    const run = keys({ SUPABASE_ACCESS_TOKEN: `${TOKEN}\nX-Injected: 1` });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('SUPABASE_ACCESS_TOKEN is not a valid token');
    expect(run.stderr).not.toContain('X-Injected');
    expect(await api.log()).toEqual([]);
  });

  it('an access token in the sbp_ form is never shown either', async () => {
    const token = `sbp_${'0123456789abcdef'.repeat(2)}01234567`;
    const run = keys({ SUPABASE_ACCESS_TOKEN: token });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('HTTP 401');
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it('SUPABASE_API_URL must be an http(s) URL; a path prefix is kept', async () => {
    expect(keys({ SUPABASE_API_URL: 'not a url' }).stderr).toContain('SUPABASE_API_URL is not a URL');
    expect(keys({ SUPABASE_API_URL: 'ftp://example.com' }).stderr).toContain('SUPABASE_API_URL must be an http(s) URL');
    await api.reset(defaultProjects());
    const prefixed = keys({ SUPABASE_API_URL: `${api.url}/prefix/` });
    expect(prefixed.status).toBe(2);
    expect((await api.log())[0]?.path).toBe(`/prefix/v1/projects/${REF}/api-keys`);
  });
});
