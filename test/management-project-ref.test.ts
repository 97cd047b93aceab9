// Project-ref discovery for the management commands: linked project, env-file URLs, legacy JWT refs, ambiguity.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jwt, OTHER_REF, REF, secretsOfTheWorld, startFakeApi, type FakeApi, type ProjectState } from './helpers/fake-api.js';
import { expectNotPrinted, removeTempDirs, runCli, writeTree } from './helpers/repo.js';

let api: FakeApi;
const empty: ProjectState = { keys: [], legacyEnabled: true };
beforeAll(async () => {
  api = await startFakeApi();
});
beforeEach(() => api.reset({ [REF]: empty, [OTHER_REF]: empty }));
afterAll(async () => {
  await api.stop();
  expectNotPrinted(secretsOfTheWorld());
  removeTempDirs();
});

/** The project the `keys` command asked the API about. */
async function askedAbout(files: Record<string, string>, args: string[] = []) {
  const run = runCli(writeTree(files), ['keys', ...args], api.env);
  const paths = (await api.log()).map((request) => request.path);
  return { run, ref: /^\/v1\/projects\/([^/]+)\//.exec(paths[0] ?? '')?.[1] };
}

describe('project ref discovery', () => {
  it('reads the linked project from supabase/.temp/project-ref first', async () => {
    const { run, ref } = await askedAbout({
      'supabase/.temp/project-ref': `${OTHER_REF}\n`,
      '.env': `SUPABASE_URL=https://${REF}.supabase.co\n`,
    });
    expect(run.status).toBe(0);
    expect(ref).toBe(OTHER_REF);
    expect(run.stdout).toContain(`project ${OTHER_REF} (from supabase/.temp/project-ref)`);
  });

  it('reads a https://<ref>.supabase.co URL in an env file (templates are not read)', async () => {
    const { run, ref } = await askedAbout({
      'apps/web/.env.production': `NEXT_PUBLIC_SUPABASE_URL="https://${REF}.supabase.co"\n`,
      '.env.example': `SUPABASE_URL=https://${OTHER_REF}.supabase.co\n`,
    });
    expect(run.status).toBe(0);
    expect(ref).toBe(REF);
    expect(run.stdout).toContain('apps/web/.env.production (URL)');
  });

  it("reads the ref claim of a legacy JWT (never showing the JWT)", async () => {
    const { run, ref } = await askedAbout({ '.env.local': `SUPABASE_SERVICE_ROLE_KEY=${jwt({ iss: 'supabase', ref: OTHER_REF, role: 'service_role' })}\n` });
    expect(run.status).toBe(0);
    expect(ref).toBe(OTHER_REF);
    expect(run.stdout).toContain('.env.local:1 (legacy key)');
  });

  it('asks for --project-ref when the repository points at several projects', async () => {
    const files = {
      '.env.production': `SUPABASE_URL=https://${REF}.supabase.co\n`,
      '.env.staging': `SUPABASE_ANON_KEY=${jwt({ iss: 'supabase', ref: OTHER_REF, role: 'anon' })}\n`,
    };
    const { run } = await askedAbout(files);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `migrate-keys: this repository points at several projects: ${REF} (.env.production (URL)), ${OTHER_REF} (.env.staging:1 (legacy key)); choose one with --project-ref <ref>\n`,
    );
    expect(await api.log()).toEqual([]);
    const chosen = await askedAbout(files, ['--project-ref', OTHER_REF]);
    expect(chosen.run.status).toBe(0);
    expect(chosen.ref).toBe(OTHER_REF);
  });

  it('says how to pass the ref when nothing points at a project, and checks a given ref', async () => {
    const none = await askedAbout({ '.env': 'SUPABASE_URL=http://127.0.0.1:54321\n' });
    expect(none.run.status).toBe(2);
    expect(none.run.stderr).toContain('no project ref found');
    const bad = await askedAbout({ '.env': '' }, ['--project-ref', '../../v1/organizations']);
    expect(bad.run.status).toBe(2);
    expect(bad.run.stderr).toContain('is not a project ref');
    expect(await api.log()).toEqual([]);
  });
});
