// The Management API client's limits: a capped answer size.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REF, secretsOfTheWorld, startFakeApi, type FakeApi } from '../helpers/fake-api.js';
import { exampleRepo, expectNotPrinted, removeTempDirs, runCli } from '../helpers/repo.js';

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

  it('an answer just under the cap is read whole', async () => {
    await api.fault({ bodyBytes: 10 * MB - 16, times: 1 });
    const run = keys();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
