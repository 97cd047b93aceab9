// End to end: the built CLI on temp git copies of examples/next-turborepo — a Next.js app, a shared
// package, a Dockerfile, compose, a GitHub workflow, turbo.json and vercel.json. After --write,
// --check is clean except for the places outside the repository, which it keeps listing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutsideReference } from '../src/outside/reference.js';
import { allOutput, exampleRepo, keyValuesIn, removeTempDirs, runCli, snapshot } from './helpers/repo.js';

afterAll(removeTempDirs);

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

interface Report {
  summary: { errors: number; filesChanged: number };
  findings: { ruleId: string; severity: string; file: string }[];
  outside: OutsideReference[];
}

const WORKFLOW = '.github/workflows/deploy.yml';
const ANON = 'NEXT_PUBLIC_SUPABASE_ANON_KEY';
const PUBLISHABLE = 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY';
const SERVICE_ROLE = 'SUPABASE_SERVICE_ROLE_KEY';
const SECRET = 'SUPABASE_SECRET_KEY';

/** The outside references, without their wording: what a person has to go and change. */
const places = (outside: readonly OutsideReference[]) =>
  outside
    .map(({ kind, name, newName, file }) => ({ kind, name, file, ...(newName !== undefined && { newName }) }))
    .sort((a, b) => `${a.file} ${a.kind} ${a.name}`.localeCompare(`${b.file} ${b.kind} ${b.name}`));

/** Before the migration: each place holds a legacy name, and the new name it must get. */
const BEFORE = places([
  { kind: 'github-variable', name: ANON, newName: PUBLISHABLE, file: WORKFLOW },
  { kind: 'github-secret', name: SERVICE_ROLE, newName: SECRET, file: WORKFLOW },
  { kind: 'docker-build-arg', name: ANON, newName: PUBLISHABLE, file: WORKFLOW },
  { kind: 'docker-build-arg', name: ANON, newName: PUBLISHABLE, file: 'Dockerfile' },
  { kind: 'vercel', name: ANON, newName: PUBLISHABLE, file: 'vercel.json' },
  { kind: 'vercel', name: SERVICE_ROLE, newName: SECRET, file: 'vercel.json' },
  // The Dockerfile shows the app runs in a container: its runtime environment (docker run -e, compose, the platform) is a place too.
  { kind: 'docker', name: ANON, newName: PUBLISHABLE, file: 'Dockerfile' },
  { kind: 'docker', name: SERVICE_ROLE, newName: SECRET, file: 'Dockerfile' },
] as OutsideReference[]);

/** After it: the same places, now named by the new names the repository reads. */
const AFTER_IN_FILES = places([
  { kind: 'github-variable', name: PUBLISHABLE, file: WORKFLOW },
  { kind: 'github-secret', name: SECRET, file: WORKFLOW },
  { kind: 'docker-build-arg', name: PUBLISHABLE, file: WORKFLOW },
  { kind: 'docker-build-arg', name: PUBLISHABLE, file: 'Dockerfile' },
  { kind: 'docker', name: PUBLISHABLE, file: 'Dockerfile' },
  { kind: 'docker', name: SECRET, file: 'Dockerfile' },
] as OutsideReference[]);

function json(stdout: string): Report {
  return JSON.parse(stdout) as Report;
}

/** The "Outside the repository" section of a Markdown report. */
function outsideSection(markdown: string): string {
  const start = markdown.indexOf('## Outside the repository');
  expect(start, 'the report has an outside section').toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** The table rows of that section whose Kind and Name cells are these. */
function rows(section: string, kind: string, name: string): string[] {
  return section.split('\n').filter((line) => line.startsWith(`| ${kind} | \`${name}\` |`));
}

describe('migrate-keys on examples/next-turborepo', () => {
  it('--check fails, --write migrates every package and file kind, then --check passes and keeps listing the outside places', () => {
    const repo = exampleRepo('next-turborepo');
    const values = keyValuesIn(repo);
    expect(values.length, 'the example holds fake legacy JWTs in apps/web/.env.local').toBe(2);
    const untouched = snapshot(repo);

    // Preview and --check: every legacy name is an error; nothing is written.
    const preview = runCli(repo, []);
    expect(preview.status).toBe(1);
    expect(preview.stdout).toContain(`+${PUBLISHABLE}=eyJhbGci…[legacy anon JWT]`);
    const check = runCli(repo, ['--check']);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/legacy-env-name/);
    const checkJson = runCli(repo, ['--check', '--format', 'json']);
    expect(checkJson.status).toBe(1);
    const before = json(checkJson.stdout);
    const legacyFiles = new Set(before.findings.filter((f) => f.ruleId === 'legacy-env-name').map((f) => f.file));
    expect([...legacyFiles].sort()).toEqual([
      WORKFLOW,
      'Dockerfile',
      'README.md',
      'apps/web/.env.example',
      'apps/web/.env.local',
      'apps/web/lib/supabase/client.ts',
      'apps/web/lib/supabase/server.ts',
      'docker-compose.yml',
      'packages/db/src/index.ts',
      'turbo.json',
    ]);
    expect(places(before.outside)).toEqual(BEFORE);
    expect(snapshot(repo)).toEqual(untouched);

    // --write: renames everywhere, lists the outside places, and writes the report.
    const write = runCli(repo, ['--write', '--format', 'json', '--report', 'MIGRATION.md']);
    expect(write.status, write.stderr).toBe(0);
    const written = json(write.stdout);
    expect(written.summary.errors).toBe(0);
    expect(written.summary.filesChanged).toBe(10);
    expect(places(written.outside)).toEqual(BEFORE);
    for (const place of written.outside) expect(place.action).toContain(place.newName);

    expect(read(repo, 'apps/web/lib/supabase/client.ts')).toContain(
      `createBrowserClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.${PUBLISHABLE}!)`,
    );
    expect(read(repo, 'apps/web/lib/supabase/server.ts')).toContain(`const serviceRoleKey = process.env.${SECRET}\n`);
    expect(read(repo, 'packages/db/src/index.ts')).toContain(`const serviceRoleKey = process.env.${SECRET}\n`);
    expect(read(repo, 'turbo.json')).toContain(`"globalEnv": ["NEXT_PUBLIC_SUPABASE_URL", "${PUBLISHABLE}"]`);
    expect(read(repo, 'turbo.json')).toContain(`"passThroughEnv": ["${SECRET}"]`);
    expect(read(repo, 'Dockerfile')).toContain(`ARG ${PUBLISHABLE}\nENV NEXT_PUBLIC_SUPABASE_URL=$NEXT_PUBLIC_SUPABASE_URL \\\n    ${PUBLISHABLE}=\${${PUBLISHABLE}}\n`);
    expect(read(repo, 'docker-compose.yml')).toContain(`${SECRET}: \${${SECRET}:?set ${SECRET} in apps/web/.env.local}`);
    const workflow = read(repo, WORKFLOW);
    expect(workflow).toContain(`  ${PUBLISHABLE}: \${{ vars.${PUBLISHABLE} }}\n`);
    expect(workflow).toContain(`          ${SECRET}: \${{ secrets.${SECRET} }}\n`);
    expect(workflow).toContain(`            --build-arg ${PUBLISHABLE} \\\n`);
    expect(workflow).toContain('# The public values are baked into the bundle; the service_role key is not.\n');
    // Values stay: the legacy JWTs work under the new names until the legacy keys are deactivated.
    const envLocal = read(repo, 'apps/web/.env.local');
    for (const value of values) expect(envLocal).toContain(value);
    expect(envLocal).toMatch(new RegExp(`^${PUBLISHABLE}=eyJ`, 'm'));
    expect(envLocal).toMatch(new RegExp(`^${SECRET}="eyJ`, 'm'));

    const report = read(repo, 'MIGRATION.md');
    const section = outsideSection(report);
    for (const place of BEFORE) {
      expect(rows(section, place.kind, place.name).some((row) => row.includes(`\`${place.newName}\``) && row.includes(place.file)), `${place.kind} ${place.name} in ${place.file}`).toBe(true);
    }

    // Afterwards --check is clean: warnings for the kept legacy JWT values, no error; the outside places remain.
    const after = runCli(repo, ['--check', '--format', 'json', '--report', 'CHECK.md']);
    expect(after.status, after.stdout).toBe(0);
    const checked = json(after.stdout);
    expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(checked.findings.filter((f) => f.ruleId === 'legacy-env-name')).toEqual([]);
    expect(checked.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(['legacy-key-value apps/web/.env.local', 'legacy-key-value apps/web/.env.local']);
    expect(places(checked.outside).filter((place) => place.kind !== 'vercel')).toEqual(AFTER_IN_FILES);
    const checkSection = outsideSection(read(repo, 'CHECK.md'));
    for (const place of AFTER_IN_FILES) expect(rows(checkSection, place.kind, place.name).length, `${place.kind} ${place.name}`).toBeGreaterThan(0);

    // A second --write changes nothing.
    const migrated = snapshot(repo);
    expect(runCli(repo, ['--write']).status).toBe(0);
    expect(snapshot(repo)).toEqual(migrated);

    // No key value, nor any part of one that identifies it, in anything the tool printed or wrote.
    const segments = values.flatMap((value) => value.split('.').slice(1));
    const printed = [...allOutput, report, read(repo, 'CHECK.md')].join('\n');
    for (const secret of [...values, ...segments]) expect(printed.includes(secret), 'a key value was printed').toBe(false);
  });

  // Was a bug (src/outside/hosting.ts, findOutside): hosting providers are listed once per rename made in the
  // same run, so after --write the next --check lists no Vercel step at all, although vercel.json is
  // still there and the Vercel project must still get the new names (SPEC §6: "every such reference
  // present after the run, renamed or not"). Expected: the vercel entries, under the new names.
  it('after --write, --check still lists the Vercel project among the outside places', () => {
    const repo = exampleRepo('next-turborepo');
    expect(runCli(repo, ['--write']).status).toBe(0);
    const after = runCli(repo, ['--check', '--format', 'json']);
    expect(after.status).toBe(0);
    const vercel = places(json(after.stdout).outside).filter((place) => place.kind === 'vercel');
    expect(vercel.map((place) => place.name).sort()).toEqual([PUBLISHABLE, SECRET]);
  });
});
