// Issue 21: the new migration that moves cron jobs, Database Webhooks and function bodies from `Authorization: Bearer`
// to the apikey header read from Vault — generated from each fixture project's migrations (in order) and seed, then
// proven on a real Postgres (PGlite with stand-ins for pg_cron, pg_net, supabase_functions and Vault).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newMigration, type NewMigration } from '../src/supabase/database/migration.js';
import type { SqlFile } from '../src/supabase/database/callers.js';
import { applyProject, applySql, cronJobs, functionBodies, supabaseDb, triggers } from './helpers/supabase-db.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/db');
const NOW = new Date('2026-12-07T08:00:00Z');
// A value that stands for the key in Vault: never a real key.
const VAULT_VALUE = 'sb_secret_vault0value0for0tests0only00000';

function projectFiles(name: string): SqlFile[] {
  const root = join(FIXTURES, name);
  const migrations = join(root, 'supabase/migrations');
  const files = readdirSync(migrations)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ path: `supabase/migrations/${file}`, text: readFileSync(join(migrations, file), 'utf8') }));
  const seed = join(root, 'supabase/seed.sql');
  return existsSync(seed) ? [...files, { path: 'supabase/seed.sql', text: readFileSync(seed, 'utf8') }] : files;
}

async function generate(name: string, extra: SqlFile[] = []): Promise<NewMigration> {
  const files = projectFiles(name);
  const migrations = files.filter((file) => file.path.startsWith('supabase/migrations/'));
  const seed = files.filter((file) => !file.path.startsWith('supabase/migrations/'));
  return newMigration([...migrations, ...extra, ...seed], { project: '', now: NOW, version: '0.1.0' });
}

/** The project applied, the Vault secrets the new migration reads created, then the new migration (twice: it must be re-runnable). */
async function applied(name: string, migration: NewMigration) {
  const db = await supabaseDb();
  await applyProject(db, join(FIXTURES, name));
  for (const secret of migration.secrets) await db.query('select vault.create_secret($1, $2)', [VAULT_VALUE, secret.name]);
  await applySql(db, migration.text as string, 'the new migration');
  await applySql(db, migration.text as string, 'the new migration, again');
  return db;
}

const NO_KEY = (text: string) => {
  expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/);
  expect(text).not.toMatch(/sb_(secret|publishable)_\w{10,}/);
};

describe('the new migration, on a real Postgres', () => {
  it('cron + pg_net with a literal JWT: the job reads the secret key from Vault in apikey; no Bearer, no JWT', async () => {
    const migration = await generate('cron-literal-jwt');
    expect(migration.path).toBe('supabase/migrations/20261207080000_migrate_keys_apikey.sql');
    NO_KEY(migration.text as string);
    expect(migration.secrets).toEqual([{ name: 'secret_key', role: 'secret' }]);
    const db = await applied('cron-literal-jwt', migration);
    const jobs = await cronJobs(db);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.command).toContain("'apikey', (select decrypted_secret from vault.decrypted_secrets where name = 'secret_key')");
    expect(jobs[0]?.command).not.toMatch(/Bearer|eyJ/);
    // Run the job's command: pg_net gets the Vault value in apikey.
    await db.exec(jobs[0]?.command as string);
    const sent = await db.query<{ headers: Record<string, string> }>('select headers from net.requests order by id desc limit 1');
    expect(sent.rows[0]?.headers.apikey).toBe(VAULT_VALUE);
    expect(Object.keys(sent.rows[0]?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('authorization');
  });

  it('cron with the key from Vault but sent as Bearer: apikey, the secret renamed by role', async () => {
    const migration = await generate('cron-vault-bearer');
    const db = await applied('cron-vault-bearer', migration);
    const [job] = await cronJobs(db);
    expect(job?.command).toContain("'apikey', (select decrypted_secret from vault.decrypted_secrets where name = 'secret_key')");
    expect(job?.command).not.toMatch(/Bearer/);
  });

  it('a Database Webhook: the trigger is re-created with the same timing, events, table and arguments, apikey from Vault in its headers', async () => {
    const before = await supabaseDb();
    await applyProject(before, join(FIXTURES, 'webhook-trigger'));
    const [original] = await triggers(before);
    const migration = await generate('webhook-trigger');
    NO_KEY(migration.text as string);
    const db = await applied('webhook-trigger', migration);
    const [trigger] = await triggers(db);
    expect(trigger?.name).toBe(original?.name);
    expect(trigger?.table).toBe(original?.table);
    expect(trigger?.args.filter((_, i) => i !== 2)).toEqual(original?.args.filter((_, i) => i !== 2));
    const headers = JSON.parse(trigger?.args[2] as string) as Record<string, string>;
    expect(headers.apikey).toBe(VAULT_VALUE);
    expect(Object.keys(headers).map((h) => h.toLowerCase())).not.toContain('authorization');
    expect(trigger?.definition.replace(/EXECUTE FUNCTION.*$/, '')).toBe(original?.definition.replace(/EXECUTE FUNCTION.*$/, ''));
  });

  it('a function body calling net.http_post: create or replace, the same signature, apikey from Vault', async () => {
    const migration = await generate('function-body');
    const db = await applied('function-body', migration);
    const bodies = await functionBodies(db);
    const body = bodies.find((fn) => /http_post/.test(fn.body));
    expect(body?.body).toContain("'apikey', (select decrypted_secret from vault.decrypted_secrets where name = 'secret_key')");
    expect(body?.body).not.toMatch(/Bearer/);
  });

  it('a job rescheduled in a later migration: only its latest definition is re-created', async () => {
    const migration = await generate('rescheduled');
    expect(migration.outcomes.map((outcome) => outcome.caller.id)).toEqual(['cron:sync']);
    expect(migration.secrets).toEqual([{ name: 'publishable_key', role: 'publishable' }]);
    const db = await applied('rescheduled', migration);
    const jobs = await cronJobs(db);
    expect(jobs.map((job) => [job.jobname, job.schedule])).toEqual([['sync', '*/10 * * * *']]);
    expect(jobs[0]?.command).toContain("where name = 'publishable_key'");
  });

  it('a header built with format(): no statement, a reason', async () => {
    const migration = await generate('format-header');
    expect(migration.path).toBeUndefined();
    expect(migration.outcomes).toEqual([expect.objectContaining({ why: expect.stringContaining('format()') })]);
  });

  it("a user's JWT as Bearer is left alone", async () => {
    const migration = await generate('user-jwt');
    expect(migration.path).toBeUndefined();
    expect(migration.outcomes).toEqual([]);
  });

  it.each(['cron-literal-jwt', 'cron-vault-bearer', 'webhook-trigger', 'function-body', 'rescheduled'])('%s: a second run adds nothing', async (name) => {
    const first = await generate(name);
    const second = await generate(name, [{ path: first.path as string, text: first.text as string }]);
    expect(second.path).toBeUndefined();
    expect(second.outcomes.filter((outcome) => outcome.sql !== undefined)).toEqual([]);
  });
});
