// The Management API client's limits: a capped answer size, no access token over plain http to
// another host, and error bodies masked before they are shortened.
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManagementClient } from '../../src/supabase/management/http.js';
import { jwt, REF, SECRET, secretsOfTheWorld, startFakeApi, TOKEN, type FakeApi } from '../helpers/fake-api.js';
import { allOutput, CLI, exampleRepo, expectNotPrinted, removeTempDirs, runCli, tempDir, writeTree } from '../helpers/repo.js';

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
const lines = (text: string) => text.trimEnd().split('\n');
const MB = 1024 * 1024;

describe('C: an answer larger than 10 MB is not read to its end', () => {
  it('a chunked 100 MB answer: stopped after about 10 MB, one line, exit 2', async () => {
    await api.fault({ bodyBytes: 100 * MB, times: 1 });
    const run = keys();
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `migrate-keys: cannot list the API keys of project ${REF}: the Management API answered HTTP 200 with more than 10 MB; stopped reading it`,
    ]);
    expect(run.stdout).toBe('');
    const [request] = await api.log();
    // What the client did not read stays in the server's socket buffers: far below the 100 MB.
    expect(request?.sent).toBeLessThan(40 * MB);
  });

  it('an answer whose Content-Length says more than 10 MB is refused before it is read', async () => {
    await api.fault({ bodyBytes: 100 * MB, declareLength: true, times: 1 });
    const run = keys();
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `migrate-keys: cannot list the API keys of project ${REF}: the Management API answered HTTP 200 with more than 10 MB; stopped reading it`,
    ]);
    expect((await api.log())[0]?.sent).toBeLessThan(40 * MB);
  });

  it('an error answer over the cap is not retried and says its status', async () => {
    await api.fault({ status: 502, bodyBytes: 20 * MB, times: 3 });
    const run = keys();
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `migrate-keys: cannot list the API keys of project ${REF}: the Management API answered HTTP 502 with more than 10 MB; stopped reading it`,
    ]);
    expect(await api.log()).toHaveLength(1);
  });

  it('the timeout still fires while the answer is awaited, however often the garbage collector runs', async () => {
    // The cap's abort signal once joined the timeout's through AbortSignal.any, which holds its
    // sources weakly: with the timeout signal collected, the request waited for the slow server.
    // The CLI runs with a collection every 10 ms, also while it waits.
    const collecting = ['--expose-gc', '--import', 'data:text/javascript,setInterval(() => globalThis.gc(), 10).unref()'];
    for (let attempt = 0; attempt < 2; attempt++) {
      await api.reset();
      await api.fault({ delayMs: 3000, times: 1 });
      const started = Date.now();
      const run = spawnSync(process.execPath, [...collecting, CLI, 'keys'], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, ...api.env, MIGRATE_KEYS_HTTP_TIMEOUT_MS: '300', NO_COLOR: '1' },
      });
      allOutput.push(run.stdout, run.stderr);
      expect(run.stderr).toContain(`no answer from ${api.url} within 300 ms`);
      expect(run.status).toBe(2);
      expect(Date.now() - started).toBeLessThan(2900);
    }
  });

  it('an answer just under the cap is read whole', async () => {
    await api.fault({ bodyBytes: 10 * MB - 16, times: 1 });
    const run = keys();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('D: SUPABASE_API_URL over plain http only to a loopback host', () => {
  const refusal = 'migrate-keys: SUPABASE_API_URL must be an https:// URL: over http:// the access token would travel in clear text (http:// is accepted only for a loopback host: 127.0.0.0/8, [::1], localhost)';

  it('http://0.0.0.0 (which reaches this machine, but is no loopback address) is refused before any request', async () => {
    const port = new URL(api.url).port;
    const run = keys({ SUPABASE_API_URL: `http://0.0.0.0:${port}` });
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([refusal]);
    expect(await api.log()).toEqual([]);
  });

  it('http:// to a named host is refused before any lookup', () => {
    const run = keys({ SUPABASE_API_URL: 'http://api.example.invalid' });
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([refusal]);
  });

  it('credentials in the URL are refused without being quoted', async () => {
    const run = keys({ SUPABASE_API_URL: `http://someone:hunter2-password-value@127.0.0.1:${new URL(api.url).port}` });
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(['migrate-keys: SUPABASE_API_URL must not hold a user name or password (the access token is the only credential sent)']);
    expect(run.stderr).not.toContain('hunter2');
    expect(await api.log()).toEqual([]);
  });

  const client = (url: string) => new ManagementClient({ env: { SUPABASE_ACCESS_TOKEN: TOKEN, SUPABASE_API_URL: url } });

  it.each([
    'http://127.0.0.1:54321',
    'http://127.9.8.7',
    'http://127.1:8080',
    'http://[::1]:3000',
    'http://[0:0:0:0:0:0:0:1]',
    'http://localhost:3000',
    'http://LOCALHOST',
    'https://api.supabase.com',
    'https://10.0.0.1',
  ])('accepts %s', (url) => {
    expect(() => client(url)).not.toThrow();
  });

  it.each([
    'http://api.supabase.com',
    'http://10.0.0.1',
    'http://192.168.1.10:8080',
    'http://0.0.0.0',
    'http://128.0.0.1',
    'http://[::]',
    'http://[::ffff:8.8.8.8]',
    'http://localhost.example.com',
    'http://127.0.0.1.example.com',
  ])('refuses %s', (url) => {
    expect(() => client(url)).toThrow('SUPABASE_API_URL must be an https:// URL');
  });
});

describe('E: an error body is masked before it is shortened', () => {
  const anon = jwt({ iss: 'supabase', ref: REF, role: 'anon' });
  /** Every 12-character piece of a value: none may be printed. */
  const pieces = (value: string) => Array.from({ length: value.length - 11 }, (_, i) => value.slice(i, i + 12));
  const expectNoPiece = (text: string, value: string) => {
    const shown = pieces(value).filter((piece) => text.includes(piece));
    expect(shown, text).toEqual([]);
  };
  /** A message whose value starts `before` characters ahead of the 160-character cut of a server message. */
  const across = (value: string, before: number) => `${'x'.repeat(159 - before - 1)} ${value} and more text after it`;

  it.each([
    ['an sb_secret_ key', SECRET, [12, 15, 21, 30]],
    ['a JWT', anon, [12, 20, 37, 40, 60, 120]],
    ['the access token', TOKEN, [12, 20, 30]],
  ] as const)('%s cut by the 160-character limit is not shown in part', async (_what, value, cuts) => {
    for (const before of cuts) {
      await api.reset();
      await api.fault({ status: 400, body: JSON.stringify({ message: across(value, before) }), times: 1 });
      const run = keys();
      expect(run.status).toBe(2);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toContain('HTTP 400: xxxx');
      expectNoPiece(run.stdout + run.stderr, value);
    }
  });

  it('a plain-text 5xx body too', async () => {
    await api.fault({ status: 503, body: across(SECRET, 15), times: 3 });
    const run = keys();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('HTTP 503, 3 attempts');
    expectNoPiece(run.stdout + run.stderr, SECRET);
  });

  it('an error body of megabytes is one line, without a piece of a value cut where masking stops looking', async () => {
    // 16 KiB is where the quoted text is bounded; blanks collapse, so the value would come right after the status.
    await api.fault({ status: 400, body: JSON.stringify({ message: `${' '.repeat(16 * 1024 - 20)}${SECRET} tail` }), times: 1 });
    const cut = keys();
    expect(cut.status).toBe(2);
    expect(lines(cut.stderr)).toEqual([`migrate-keys: cannot list the API keys of project ${REF}: the Management API answered HTTP 400`]);
    expectNoPiece(cut.stdout + cut.stderr, SECRET);
    // One run of 9 MB: the masker's expressions are never given all of it (they overflow V8's stack).
    await api.reset();
    await api.fault({ status: 400, body: JSON.stringify({ message: 'x'.repeat(9 * MB) }), times: 1 });
    const huge = keys();
    expect(huge.status).toBe(2);
    expect(lines(huge.stderr)).toEqual([`migrate-keys: cannot list the API keys of project ${REF}: the Management API answered HTTP 400`]);
  });

  it("and so is a failing `supabase status`'s message (--from-local)", () => {
    const bin = tempDir('migrate-keys-bin-');
    writeFileSync(join(bin, 'supabase'), `#!/bin/sh\necho '${across(SECRET, 15)}' >&2\nexit 1\n`);
    chmodSync(join(bin, 'supabase'), 0o755);
    const repo = writeTree({ '.env.local': 'VITE_SUPABASE_URL=http://127.0.0.1:54321\n' });
    const run = runCli(repo, ['--from-local'], { PATH: `${bin}:${process.env.PATH ?? ''}` });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('supabase status failed (is the local stack running? supabase start): xxxx');
    expectNoPiece(run.stdout + run.stderr, SECRET);
  });
});
