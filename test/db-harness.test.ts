// The PGlite harness of issue 21: each fixture project under test/fixtures/db applies on a real
// Postgres with the Supabase stand-ins, and the database reads back what the migrations defined.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyProject, applySql, cronJobs, functionBodies, supabaseDb, triggers } from './helpers/supabase-db.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/db/', import.meta.url));
const projects = readdirSync(FIXTURES).sort();

describe('supabase-db harness (PGlite)', () => {
  it('has one fixture project per case of issue 21', () => {
    expect(projects).toEqual([
      'cron-literal-jwt',
      'cron-vault-bearer',
      'format-header',
      'function-body',
      'rescheduled',
      'user-jwt',
      'webhook-trigger',
    ]);
  });

  it.each(projects)('%s: migrations and seed apply on a fresh database', async (name) => {
    const db = await supabaseDb();
    try {
      await applyProject(db, join(FIXTURES, name));

      if (name === 'cron-literal-jwt') {
        const jobs = await cronJobs(db);
        expect(jobs).toHaveLength(1);
        expect(jobs[0]).toMatchObject({ jobname: 'nightly-report', schedule: '0 3 * * *' });
        expect(jobs[0]?.command).toContain('Authorization');
      }
      if (name === 'cron-vault-bearer') {
        expect((await cronJobs(db)).map((job) => job.jobname)).toEqual(['renew-subscriptions']);
        const secrets = await db.query('select name from vault.decrypted_secrets');
        expect(secrets.rows).toEqual([]);
      }
      if (name === 'webhook-trigger') {
        const [trigger, ...others] = await triggers(db);
        expect(others).toEqual([]);
        expect(trigger).toMatchObject({ name: 'order_created', table: 'public.orders' });
        expect(trigger?.args).toHaveLength(5);
        expect(trigger?.args[0]).toBe('https://abcdefghijklmnopqrst.supabase.co/functions/v1/on-order');
        expect(trigger?.args[2]).toContain('Bearer');
        expect(trigger?.definition).toContain('AFTER INSERT ON public.orders FOR EACH ROW');
      }
      if (name === 'rescheduled') {
        const jobs = await cronJobs(db);
        expect(jobs.map((job) => [job.jobname, job.schedule])).toEqual([['sync', '*/10 * * * *']]);
        expect(jobs[0]?.command).toContain("name = 'anon_key'");
      }
      if (name === 'function-body') {
        const [fn] = await functionBodies(db);
        expect(fn).toMatchObject({ name: 'public.notify_signup', args: '' });
        expect(fn?.body).toContain('net.http_post');
        expect((await triggers(db)).map((t) => [t.table, t.name])).toEqual([['auth.users', 'on_auth_user_created']]);
      }
    } finally {
      await db.close();
    }
  });

  it('stand-ins behave as the real ones: Vault, pg_cron, pg_net and a webhook trigger', async () => {
    const db = await supabaseDb();
    try {
      await db.query(`select vault.create_secret('not-a-real-key', 'secret_key')`);
      const secret = await db.query<{ decrypted_secret: string }>(
        `select decrypted_secret from vault.decrypted_secrets where name = 'secret_key'`,
      );
      expect(secret.rows).toEqual([{ decrypted_secret: 'not-a-real-key' }]);
      await expect(applySql(db, 'select no_such_function()', 'supabase/migrations/x.sql')).rejects.toThrow(
        /^supabase\/migrations\/x\.sql: function no_such_function\(\) does not exist/,
      );

      // pg_cron: scheduling an existing name updates it; unscheduling a missing job is an error.
      const first = await db.query<{ id: number }>(`select cron.schedule('job', '0 * * * *', 'select 1') as id`);
      const again = await db.query<{ id: number }>(`select cron.schedule('job', '5 * * * *', 'select 2') as id`);
      expect(again.rows[0]?.id).toBe(first.rows[0]?.id);
      expect(await cronJobs(db)).toEqual([{ jobname: 'job', schedule: '5 * * * *', command: 'select 2' }]);
      await db.query(`select cron.unschedule('job')`);
      await expect(db.query(`select cron.unschedule('job')`)).rejects.toThrow("could not find valid entry for job 'job'");

      // A job's command runs: net.http_post records the request with its headers.
      await db.exec(`
        create table public.orders (id bigint generated always as identity primary key, note text);
        create trigger hook after insert on public.orders for each row execute function
          supabase_functions.http_request('https://example.test/hook', 'POST', '{"apikey":"k"}', '{}', '1000');
        insert into public.orders (note) values ('first');
        select net.http_post(url := 'https://example.test/post', headers := jsonb_build_object('apikey', 'k'));
      `);
      const requests = await db.query<{ method: string; url: string; headers: unknown; body: unknown }>(
        'select method, url, headers, body from net.requests order by id',
      );
      expect(requests.rows).toEqual([
        { method: 'POST', url: 'https://example.test/hook', headers: { apikey: 'k' }, body: { id: 1, note: 'first' } },
        { method: 'POST', url: 'https://example.test/post', headers: { apikey: 'k' }, body: {} },
      ]);
    } finally {
      await db.close();
    }
  });
});
