// `--from-project` and `--from-local`: new key values from the API or the local stack, put only where they belong.
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  fakeSupabaseBin,
  jwt,
  LEGACY_KEYS,
  LOCAL_PUBLISHABLE,
  LOCAL_SECRET,
  NEW_KEYS,
  OTHER_REF,
  PUBLISHABLE,
  REF,
  SECRET,
  secretsOfTheWorld,
  startFakeApi,
  type FakeApi,
} from './helpers/fake-api.js';
import { expectNotPrinted, exampleRepo, git, removeTempDirs, runCli, snapshot, tempDir, writeTree } from './helpers/repo.js';

let api: FakeApi;
const made: string[] = [];
beforeAll(async () => {
  api = await startFakeApi();
});
beforeEach(() => api.reset());
afterAll(async () => {
  await api.stop();
  expectNotPrinted(secretsOfTheWorld(made));
  removeTempDirs();
});

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
/** A JWT kept for the no-output check. */
const token = (claims: Record<string, unknown>) => {
  const value = jwt(claims);
  made.push(value);
  return value;
};
function committed(files: Record<string, string>): string {
  const dir = writeTree(files);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

describe('--from-project', () => {
  it("fills the project's keys into the .env values on --write, naming the project but no value", async () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['--write', '--from-project', REF], api.env);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`migrate-keys: new keys from project ${REF} (--from-project): publishable "default", secret "default"`);
    expect(read(repo, '.env')).toContain(`VITE_SUPABASE_PUBLISHABLE_KEY=${PUBLISHABLE}\n`);
    expect(read(repo, '.env.local')).toContain(`SUPABASE_SECRET_KEY="${SECRET}"\n`);
    expect(read(repo, '.env.example')).toContain('VITE_SUPABASE_PUBLISHABLE_KEY=your-anon-key\n');
    expect(runCli(repo, ['--check', '--max-warnings', '0']).status).toBe(0);
    // The values are filled in, so this is the one place that asks for them (reveal=true), once.
    const log = await api.log();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ method: 'GET', path: `/v1/projects/${REF}/api-keys`, query: { reveal: 'true' } });
  });

  it('never takes a value from a legacy key, disabled or not', async () => {
    const repo = exampleRepo('vite-react');
    await api.reset({ [REF]: { keys: [...LEGACY_KEYS, NEW_KEYS[1]!], legacyEnabled: false } });
    const run = runCli(repo, ['--write', '--from-project', REF], api.env);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('has no publishable key: legacy anon values stay as they are');
    expect(read(repo, '.env')).not.toContain(`VITE_SUPABASE_PUBLISHABLE_KEY=${PUBLISHABLE}`);
    expect(read(repo, '.env.local')).toContain(`SUPABASE_SECRET_KEY="${SECRET}"\n`);
    for (const legacy of LEGACY_KEYS) expect(read(repo, '.env.local')).not.toContain(`SUPABASE_SECRET_KEY="${legacy.api_key}"`);
  });

  it('refuses (exit 2, nothing written) to put them over a legacy key of another project', () => {
    const repo = committed({
      '.env.production': `SUPABASE_URL=https://${REF}.supabase.co\nSUPABASE_ANON_KEY=${hostedAnon(REF)}\n`,
      '.env.staging': `SUPABASE_ANON_KEY=${token({ iss: 'supabase', ref: OTHER_REF, role: 'anon' })}\n`,
    });
    const before = snapshot(repo);
    const run = runCli(repo, ['--write', '--from-project', REF], api.env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`refusing to put the new keys where they do not belong: .env.staging:1 (SUPABASE_ANON_KEY, a legacy anon JWT) belongs to project ${OTHER_REF}`);
    expect(snapshot(repo)).toEqual(before);

    const scoped = runCli(repo, ['.env.production', '--write', '--from-project', REF], api.env);
    expect(scoped.status).toBe(0);
    expect(read(repo, '.env.production')).toContain(`SUPABASE_PUBLISHABLE_KEY=${PUBLISHABLE}\n`);
    expect(read(repo, '.env.staging')).toBe(`SUPABASE_ANON_KEY=${made.at(-1)}\n`);
  });

  it.each([
    ['another source of the same key', ['--from-project', REF], { MIGRATE_KEYS_PUBLISHABLE_KEY: PUBLISHABLE }, 'both supply the publishable key'],
    ['both sources at once', ['--from-project', REF, '--from-local'], {}, 'cannot be combined'],
    ['a path where the ref goes', ['--from-project', 'src'], {}, 'put paths before --from-project'],
  ])('is a usage error with %s', (_what, args, env, message) => {
    const run = runCli(exampleRepo('vite-react'), args, { ...api.env, ...env });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('says to create the keys first when the project has none, and refuses a value of the wrong shape', async () => {
    const repo = exampleRepo('vite-react');
    await api.reset({ [REF]: { keys: [...LEGACY_KEYS], legacyEnabled: true } });
    const none = runCli(repo, ['--from-project'], api.env);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('has no publishable or secret key yet: create them with migrate-keys keys --create');

    const wrong = token({ iss: 'supabase', ref: REF, role: 'anon' });
    await api.reset({ [REF]: { keys: [{ ...NEW_KEYS[0]!, api_key: wrong }, NEW_KEYS[1]!], legacyEnabled: true } });
    const bad = runCli(repo, ['--write', '--from-project'], api.env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('the publishable key "default" of project qwhzkrtplmxvbnasdfgh is not a sb_publishable_… key; it was not used');
    expect(read(repo, '.env')).toContain('VITE_SUPABASE_ANON_KEY=eyJ');
  });

  it('API errors are usage errors of the run (exit 2) with the same one-line messages', async () => {
    await api.fault({ status: 401, times: 1 });
    const run = runCli(exampleRepo('vite-react'), ['--write', '--from-project'], api.env);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `migrate-keys: cannot list the API keys of project ${REF}: the Management API refused the access token (HTTP 401): check SUPABASE_ACCESS_TOKEN (it may be expired or revoked)`,
    ]);
  });
});

describe('--from-local', () => {
  const localPath = (mode?: Parameters<typeof fakeSupabaseBin>[0]) => ({ PATH: `${fakeSupabaseBin(mode)}${delimiter}${process.env.PATH ?? ''}` });
  const localFile = () =>
    'VITE_SUPABASE_URL=http://127.0.0.1:54321\n' +
    `VITE_SUPABASE_ANON_KEY=${token({ iss: 'supabase', role: 'anon' })}\n` +
    `SUPABASE_SERVICE_ROLE_KEY=${token({ iss: 'supabase', role: 'service_role' })}\n`;

  it('fills the local stack keys into local-development env files, and only there', () => {
    const repo = committed({
      '.env.development.local': localFile(),
      'supabase/functions/.env': `SUPABASE_ANON_KEY=${token({ iss: 'supabase-demo', role: 'anon' })}\n`,
      '.env.production': `SUPABASE_URL=https://${REF}.supabase.co\nSUPABASE_ANON_KEY=${hostedAnon(REF)}\n`,
    });
    const before = snapshot(repo);
    const whole = runCli(repo, ['--write', '--from-local'], localPath());
    expect(whole.status).toBe(2);
    expect(whole.stderr).toContain('.env.production:2 (SUPABASE_ANON_KEY, a legacy anon JWT) is in a file not for local development');
    expect(snapshot(repo)).toEqual(before);

    const run = runCli(repo, ['.env.development.local', 'supabase/functions', '--write', '--from-local'], localPath());
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('new keys from the local stack (supabase status) for .env.development.local, supabase/functions/.env');
    expect(read(repo, '.env.development.local')).toBe(
      `VITE_SUPABASE_URL=http://127.0.0.1:54321\nVITE_SUPABASE_PUBLISHABLE_KEY=${LOCAL_PUBLISHABLE}\nSUPABASE_SECRET_KEY=${LOCAL_SECRET}\n`,
    );
    expect(read(repo, '.env.production')).toContain('SUPABASE_ANON_KEY=eyJ');
  });

  it('fails with exit 2 when the Supabase CLI is missing, the stack is down, too old, or gives a value of the wrong shape', () => {
    const repo = writeTree({ '.env.local': localFile() });
    const missing = runCli(repo, ['--from-local'], { PATH: tempDir() });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('the Supabase CLI (supabase) is not on PATH');
    const down = runCli(repo, ['--from-local'], localPath('down'));
    expect(down.stderr).toContain('supabase status failed (is the local stack running? supabase start): failed to inspect container health');
    const old = runCli(repo, ['--from-local'], localPath('old'));
    expect(old.stderr).toContain('supabase status printed no PUBLISHABLE_KEY');
    const wrong = runCli(repo, ['--from-local'], localPath('wrong-shape'));
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('the PUBLISHABLE_KEY of supabase status is not a sb_publishable_… key');
    for (const run of [down, old, wrong]) expect(run.status).toBe(2);
  });
});

/** A hosted project's legacy anon JWT (its `ref` claim set), made for the test. */
function hostedAnon(ref: string): string {
  return token({ iss: 'supabase', ref, role: 'anon' });
}
