// Issue 21 end to end: the CLI on copies of the fixture projects. Preview shows the new migration as a new file, --check
// fails on the callers, --write adds the migration (and nothing else), --check then reports only the leaks written into
// applied migrations, a second --write adds nothing, undo removes the file; the Vault secret is a step outside the repository.
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers/in-process.js';
import { commitAll, removeTempDirs, snapshot, tempDir } from './helpers/repo.js';

afterAll(removeTempDirs);

const ENV = { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 7, 8) / 1000) };
const NEW = 'supabase/migrations/20261207080000_migrate_keys_apikey.sql';

function project(name: string): string {
  const dir = tempDir(`migrate-keys-db-${name}-`);
  cpSync(join(import.meta.dirname, 'fixtures/db', name), dir, { recursive: true });
  return commitAll(dir);
}

interface Doc {
  findings: { ruleId: string; file: string; message: string; severity: string }[];
  outside: { kind: string; name: string; action: string; command?: string }[];
  changes: { file: string }[];
}

const json = async (dir: string, args: string[]) => {
  const run = await runMain(dir, [...args, '--format', 'json'], ENV);
  return { code: run.code, doc: JSON.parse(run.stdout) as Doc };
};

describe('the new migration from the CLI', () => {
  it('cron + a literal JWT: preview, check, write, check, a second write, undo', async () => {
    const dir = project('cron-literal-jwt');
    const preview = await runMain(dir, [], ENV);
    expect(preview.stdout).toContain(`--- /dev/null\n+++ b/${NEW}`);
    expect(preview.stdout).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);

    const check = await json(dir, ['--check']);
    expect(check.code).toBe(1);
    expect(check.doc.changes.map((change) => change.file)).toEqual([NEW]);
    expect(check.doc.findings.filter((f) => f.ruleId === 'sql-legacy-key').map((f) => f.message)).toEqual([
      expect.stringMatching(/^this cron job 'nightly-report' sends the legacy service_role key as Authorization: Bearer .*`--write` adds a new migration/),
    ]);
    const vault = check.doc.outside.filter((o) => o.kind === 'vault-secret');
    expect(vault).toEqual([expect.objectContaining({ name: 'secret_key', command: "select vault.create_secret('<paste the secret key>', 'secret_key');" })]);
    expect(vault[0]?.action).toContain('`supabase db push`');

    const before = snapshot(dir);
    const write = await runMain(dir, ['--write'], ENV);
    expect(write.code).toBe(1); // the leaked JWT in the applied migration remains: rotate it
    const after = snapshot(dir);
    const added = Object.keys(after).filter((path) => !(path in before) && !path.startsWith('.migrate-keys/'));
    expect(added).toEqual([NEW]);
    for (const path of Object.keys(before)) expect(after[path], path).toBe(before[path]);
    const text = readFileSync(join(dir, NEW), 'utf8');
    expect(text).not.toMatch(/eyJ|Bearer '|sb_secret_\w/);

    const recheck = await json(dir, ['--check']);
    const sql = recheck.doc.findings.filter((f) => f.ruleId === 'sql-legacy-key');
    expect(sql.map((f) => f.message)).toEqual([expect.stringMatching(/^a legacy service_role key is written into SQL, and it has leaked with the repository; a later migration replaced this definition/)]);
    expect(recheck.doc.changes).toEqual([]);
    // The Vault secret is still to be created (migrate-keys cannot see it): the step stays until outsideDone records it.
    expect(recheck.doc.outside.filter((o) => o.kind === 'vault-secret').map((o) => o.name)).toEqual(['secret_key']);

    await runMain(dir, ['--write', '--allow-dirty'], ENV);
    expect(readdirSync(join(dir, 'supabase/migrations')).filter((file) => file.endsWith('_migrate_keys_apikey.sql'))).toEqual([NEW.split('/').pop()]);

    const undo = await runMain(dir, ['undo'], ENV);
    expect(undo.code).toBe(0);
    expect(existsSync(join(dir, NEW))).toBe(false);
  });

  it('a run narrowed to some paths sees part of the history: no new migration then', async () => {
    const dir = project('cron-literal-jwt');
    const check = await json(dir, ['--check', 'supabase/migrations/20240102000000_schedule_nightly.sql']);
    expect(check.doc.changes).toEqual([]);
  });

  it('a rescheduled job, a webhook and a function body each get their current definition re-created; format() and a user JWT get none', async () => {
    for (const name of ['rescheduled', 'webhook-trigger', 'function-body']) {
      const dir = project(name);
      await runMain(dir, ['--write'], ENV);
      expect(existsSync(join(dir, NEW)), name).toBe(true);
      const recheck = await json(dir, ['--check']);
      expect(recheck.doc.findings.filter((f) => f.ruleId === 'sql-legacy-key' && !/leaked/.test(f.message)), name).toEqual([]);
    }
    for (const name of ['format-header', 'user-jwt']) {
      const dir = project(name);
      const check = await json(dir, ['--check']);
      expect(check.doc.changes, name).toEqual([]);
      if (name === 'format-header') {
        expect(check.doc.findings.filter((f) => f.ruleId === 'sql-legacy-key').map((f) => f.message)).toEqual([
          expect.stringMatching(/the tool does not re-create it, since the header is built with format\(\).*'apikey', \(select decrypted_secret from vault\.decrypted_secrets where name = 'secret_key'\)/),
        ]);
      } else {
        expect(check.doc.findings.filter((f) => f.ruleId === 'sql-legacy-key')).toEqual([]);
      }
    }
  });
});
