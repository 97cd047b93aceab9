// A real Postgres (PGlite, WASM) with stand-ins for what a Supabase database has and PGlite lacks:
// pg_cron, pg_net, Database Webhooks' supabase_functions.http_request, Vault, the API roles and
// auth.users with auth.uid(). The stand-ins keep the real signatures, so a project's migrations apply as written.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** The stand-ins, run once on each new database. */
const STAND_INS = String.raw`
do $roles$
begin
  if not exists (select from pg_roles where rolname = 'anon') then create role anon nologin noinherit; end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then create role authenticated nologin noinherit; end if;
  if not exists (select from pg_roles where rolname = 'service_role') then create role service_role nologin noinherit bypassrls; end if;
end
$roles$;

create schema if not exists auth;
create table if not exists auth.users (id uuid primary key);
create or replace function auth.uid() returns uuid
language sql stable as $fn$
  select nullif(coalesce(
    current_setting('request.jwt.claim.sub', true),
    current_setting('request.jwt.claims', true)::jsonb ->> 'sub'
  ), '')::uuid
$fn$;

-- pg_cron: cron.job, cron.schedule (named and unnamed), cron.unschedule (by name and by id).
create schema if not exists cron;
create table if not exists cron.job (
  jobid bigserial primary key,
  jobname text unique,
  schedule text not null,
  command text not null
);
create or replace function cron.schedule(job_name text, schedule text, command text) returns bigint
language plpgsql as $fn$
declare
  id bigint;
begin
  insert into cron.job (jobname, schedule, command) values (job_name, schedule, command)
  on conflict (jobname) do update set schedule = excluded.schedule, command = excluded.command
  returning jobid into id;
  return id;
end
$fn$;
create or replace function cron.schedule(schedule text, command text) returns bigint
language plpgsql as $fn$
declare
  id bigint;
begin
  insert into cron.job (schedule, command) values (schedule, command) returning jobid into id;
  return id;
end
$fn$;
create or replace function cron.unschedule(job_name text) returns boolean
language plpgsql as $fn$
begin
  delete from cron.job where jobname = job_name;
  if not found then
    raise exception 'could not find valid entry for job ''%''', job_name;
  end if;
  return true;
end
$fn$;
create or replace function cron.unschedule(job_id bigint) returns boolean
language plpgsql as $fn$
begin
  delete from cron.job where jobid = job_id;
  if not found then
    raise exception 'could not find valid entry for job %', job_id;
  end if;
  return true;
end
$fn$;

-- pg_net: the calls are recorded in net.requests, and the id is returned as pg_net returns it.
create schema if not exists net;
create table if not exists net.requests (
  id bigserial,
  method text,
  url text,
  headers jsonb,
  body jsonb
);
create or replace function net.http_post(
  url text,
  body jsonb default '{}'::jsonb,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{"Content-Type": "application/json"}'::jsonb,
  timeout_milliseconds integer default 5000
) returns bigint
language plpgsql as $fn$
declare
  request_id bigint;
begin
  insert into net.requests (method, url, headers, body) values ('POST', url, headers, body)
  returning id into request_id;
  return request_id;
end
$fn$;
create or replace function net.http_get(
  url text,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{}'::jsonb,
  timeout_milliseconds integer default 5000
) returns bigint
language plpgsql as $fn$
declare
  request_id bigint;
begin
  insert into net.requests (method, url, headers, body) values ('GET', url, headers, null)
  returning id into request_id;
  return request_id;
end
$fn$;

-- Database Webhooks: the trigger function takes url, method, headers, params, timeout as TG_ARGV.
create schema if not exists supabase_functions;
create or replace function supabase_functions.http_request() returns trigger
language plpgsql as $fn$
declare
  url text := TG_ARGV[0];
  method text := coalesce(TG_ARGV[1], 'POST');
  headers jsonb := coalesce(TG_ARGV[2], '{}')::jsonb;
  params jsonb := coalesce(TG_ARGV[3], '{}')::jsonb;
  timeout_ms integer := coalesce(TG_ARGV[4], '1000')::integer;
begin
  insert into net.requests (method, url, headers, body) values (method, url, headers, to_jsonb(NEW));
  return NEW;
end
$fn$;

-- Vault: secrets, create_secret, and the decrypted_secrets view (here the secret is stored as is).
create schema if not exists vault;
create table if not exists vault.secrets (
  id uuid default gen_random_uuid() primary key,
  name text unique,
  description text not null default '',
  secret text not null
);
create or replace function vault.create_secret(
  new_secret text,
  new_name text default null,
  new_description text default '',
  new_key_id uuid default null
) returns uuid
language plpgsql as $fn$
declare
  secret_id uuid;
begin
  insert into vault.secrets (name, description, secret) values (new_name, new_description, new_secret)
  returning id into secret_id;
  return secret_id;
end
$fn$;
create or replace view vault.decrypted_secrets as
  select id, name, description, secret as decrypted_secret from vault.secrets;
`;

/** A fresh in-memory Postgres with the Supabase stand-ins. */
export async function supabaseDb(): Promise<PGlite> {
  const db = new PGlite();
  await applySql(db, STAND_INS, 'supabase stand-ins');
  return db;
}

/** Runs a whole SQL file; an error names the file. */
export async function applySql(db: PGlite, sql: string, label: string): Promise<void> {
  try {
    await db.exec(sql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${label}: ${message}`, { cause: error });
  }
}

/** Applies a project as `supabase db reset` does: migrations in file-name order, then seed.sql. */
export async function applyProject(db: PGlite, root: string): Promise<void> {
  const dir = join(root, 'supabase', 'migrations');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  for (const name of files) {
    await applySql(db, await readFile(join(dir, name), 'utf8'), `supabase/migrations/${name}`);
  }
  const seed = join(root, 'supabase', 'seed.sql');
  if (existsSync(seed)) await applySql(db, await readFile(seed, 'utf8'), 'supabase/seed.sql');
}

export interface CronJob {
  jobname: string | null;
  schedule: string;
  command: string;
}

/** Every cron job, by name (unnamed jobs last). */
export async function cronJobs(db: PGlite): Promise<CronJob[]> {
  const result = await db.query<CronJob>(
    'select jobname, schedule, command from cron.job order by jobname nulls last, jobid',
  );
  return result.rows;
}

export interface Trigger {
  name: string;
  /** schema.table */
  table: string;
  /** pg_get_triggerdef */
  definition: string;
  args: string[];
}

/** The arguments of a trigger, stored in pg_trigger.tgargs as \0-terminated strings. */
function decodeTriggerArgs(bytes: Uint8Array, count: number): string[] {
  const text = new TextDecoder().decode(bytes);
  return text.split('\0').slice(0, count);
}

/** User triggers (not constraint triggers), by table and name. */
export async function triggers(db: PGlite): Promise<Trigger[]> {
  const result = await db.query<{ name: string; table: string; definition: string; tgargs: Uint8Array; tgnargs: number }>(
    `select t.tgname as name, n.nspname || '.' || c.relname as "table",
            pg_get_triggerdef(t.oid) as definition, t.tgargs, t.tgnargs
       from pg_trigger t
       join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace
      where not t.tgisinternal
      order by n.nspname, c.relname, t.tgname`,
  );
  return result.rows.map(({ name, table, definition, tgargs, tgnargs }) => ({
    name,
    table,
    definition,
    args: decodeTriggerArgs(tgargs, tgnargs),
  }));
}

export interface FunctionBody {
  /** schema.name */
  name: string;
  /** pg_get_function_identity_arguments */
  args: string;
  /** prosrc */
  body: string;
}

/** The functions of schema public with their bodies, by name and arguments. */
export async function functionBodies(db: PGlite): Promise<FunctionBody[]> {
  const result = await db.query<FunctionBody>(
    `select n.nspname || '.' || p.proname as name,
            pg_get_function_identity_arguments(p.oid) as args, p.prosrc as body
       from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public'
      order by p.proname, args`,
  );
  return result.rows;
}
