// sql-legacy-key: SQL that sends an API key as Authorization: Bearer (pg_net, http, webhooks) or holds a key literal.
// Migrations are history: the message asks for a new one. Never fixed.
import { KEYS, ruleTester } from '../helpers/rule-tester.js';

// Issue 20 item 7: one sentence of what is wrong (the key, the Vault secret, the target in sight), one of what to do.
// The new migration's name has the run's time: SOURCE_DATE_EPOCH pins it (2026-12-07 08:00 UTC).
process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2026, 11, 7, 8) / 1000);
const NEW_MIGRATION = 'supabase/migrations/20261207080000_migrate_keys_apikey.sql';
const MIGRATION = 'Write a new migration (applied ones are not edited) that sends the key in the apikey header, read from Vault';
const ELSEWHERE = 'Send the key in the apikey header, read from Vault';
// Issue 21: a cron job, webhook or function of the migrations is re-created by the new migration --write adds.
const RECREATED =
  '`--write` adds a new migration (supabase/migrations/<timestamp>_migrate_keys_apikey.sql) that re-creates it as it is defined now with ' +
  'the key in the apikey header, read from Vault (create the Vault secret first: the steps outside the repository say how)';
// Issue 19 §2: the target in sight is named, with what it does with the key.
const HOOK = 'the Edge Function `hook` (/functions/v1/hook)';
const LEGACY = 'and a legacy key stops working once the legacy keys are deactivated';
const HOOK_BREAKS = ` to ${HOOK}, where a check that reads Authorization as a user's JWT rejects a new key, ${LEGACY}`;
const VAULT_MIGRATION = 'Store the new key in Vault and write a new migration (applied ones are not edited) that sends it in the apikey header';
const VAULT_ELSEWHERE = 'Store the new key in Vault and send it in the apikey header';
const LEGACY_TO = (target: string) => `to ${target}, which stops taking it once the legacy keys are deactivated`;
// No target in sight: what a legacy key comes to.
const LEGACY_STOPS = ', which stops working once the legacy keys are deactivated';
const LEAKED = ', and it has leaked with the repository';
// Issue 20 item 7: what revokes it; why deactivating is not enough is in the rules' docs.
const REVOKE = 'deactivate the legacy keys, move the project to JWT signing keys and revoke the legacy JWT secret (Project Settings → JWT Keys)';
const URL = "'https://abcdefghijklmnopqrst.supabase.co/functions/v1/hook'";
const b64 = (value: string) => Buffer.from(value).toString('base64url');
const DEMO_SERVICE_ROLE = [b64('{"alg":"HS256","typ":"JWT"}'), b64('{"iss":"supabase-demo","role":"service_role","exp":1983812996}'), b64('signature')].join('.');

ruleTester('sql-legacy-key', {
  valid: [
    {
      name: 'the key in the apikey header, read from Vault (docs example, after)',
      files: {
        'supabase/migrations/20250101000000_notify.sql':
          `select net.http_post(\n  url := ${URL},\n` +
          "  headers := jsonb_build_object('apikey', (select decrypted_secret from vault.decrypted_secrets where name = 'secret_key'))\n);\n",
      },
    },
    {
      name: "a user's token as Bearer (beside or after an apikey header), another service's secret, a call commented out with --",
      files: {
        'supabase/migrations/2_stripe.sql': `select net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', 'Bearer ' || current_setting('app.stripe_secret_key')));\n`,
        'supabase/migrations/3_old.sql': `-- select net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', 'Bearer ' || service_role_key));\nselect 1;\n`,
        'supabase/migrations/1_hooks.sql':
          `select net.http_post(url := ${URL}, headers := jsonb_build_object('apikey', anon_key, 'Authorization', 'Bearer ' || auth_token));\n` +
          `select net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', 'Bearer ' || user_jwt, 'apikey', anon_key));\n`,
      },
    },
    {
      // Issue 18, item 16: settings and env reads of other names are not legacy keys.
      name: 'settings of new keys, of other services, request claims, and a read commented out',
      files: {
        'supabase/migrations/4_settings.sql':
          `select net.http_post(url := ${URL}, headers := jsonb_build_object('apikey', current_setting('app.settings.secret_key')));\n` +
          "select current_setting('app.stripe_secret_key'), current_setting('request.jwt.claims', true), getenv('SUPABASE_SECRET_KEY');\n" +
          "-- select current_setting('app.settings.service_role_key');\nselect 1;\n",
      },
    },
    {
      // Issue 18, item 10: a variable filled from Vault holds a Supabase key only when the secret's name says so, and only in its own function.
      name: "variables filled from Vault secrets of other services, a key variable sent in apikey only, and a same-named variable of another function",
      files: {
        'supabase/migrations/7_vars.sql':
          'create function a() returns trigger language plpgsql as $$\ndeclare tok text; k text;\nbegin\n' +
          "  select decrypted_secret into tok from vault.decrypted_secrets where name = 'stripe_key';\n" +
          "  k := (select decrypted_secret from vault.decrypted_secrets where name = 'openai_api_key');\n" +
          `  perform net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', 'Bearer ' || tok));\n` +
          `  perform net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', concat('Bearer ', k)));\n` +
          '  return new;\nend;\n$$;\n' +
          'create function b() returns trigger language plpgsql as $$\ndeclare tok text; k text;\nbegin\n' +
          "  select decrypted_secret into k from vault.decrypted_secrets where name = 'anon_key';\n" +
          `  perform net.http_post(url := ${URL}, headers := jsonb_build_object('apikey', k, 'Authorization', 'Bearer ' || auth_token));\n` +
          `  perform net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', 'Bearer ' || user_jwt), body := jsonb_build_object('k', k));\n` +
          '  return new;\nend;\n$$;\n' +
          'create function c() returns void language plpgsql as $f$\ndeclare tok text := current_setting(\'request.jwt\', true);\nbegin\n' +
          `  perform net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', 'Bearer ' || tok));\n` +
          'end;\n$f$;\n',
      },
    },
    { name: 'Bearer in code is bearer-api-key’s', files: { 'src/a.ts': "fetch('https://abcdefghijklmnopqrst.supabase.co/rest/v1/t', { headers: { Authorization: `Bearer ${process.env.SUPABASE_SECRET_KEY}` } })\n" } },
  ],
  invalid: [
    {
      name: 'a pg_net call sending the service_role key from Vault (docs example, before)',
      files: {
        'supabase/migrations/20250101000000_notify.sql':
          `select net.http_post(\n  url := ${URL},\n` +
          "  headers := jsonb_build_object('Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key'))\n);\n",
      },
      findings: [{ line: 3, column: 33, severity: 'error', fixable: false, message: `this statement sends the legacy service_role key (Vault secret \`service_role_key\`) as Authorization: Bearer ${LEGACY_TO(HOOK)}. ${VAULT_MIGRATION}.` }],
    },
    {
      name: 'a webhook trigger with the key literal in its headers: one finding per statement',
      files: {
        'supabase/migrations/20240101000000_hook.sql':
          'create trigger hook after insert on public.orders for each row execute function supabase_functions.http_request(\n' +
          `  ${URL}, 'POST',\n  '{"Content-Type":"application/json","Authorization":"Bearer ${KEYS.serviceRole}"}', '{}', '1000'\n);\n`,
      },
      findings: [{ line: 3, column: 39, fixable: true, message: `this trigger hook on public.orders sends the legacy service_role key as Authorization: Bearer ${LEGACY_TO(HOOK)}${LEAKED}. ${RECREATED}; then ${REVOKE}.` }],
      // The trigger's arguments are constants: it is created by dynamic SQL that reads the key from Vault as the migration runs.
      output: {
        [NEW_MIGRATION]:
          "-- migrate-keys 0.1.0: the Supabase key moves from `Authorization: Bearer` to the `apikey` header, read from Vault.\n" +
          '-- Applied migrations are not edited; this one re-creates, as they are defined now, with only the key header changed:\n' +
          '--   trigger hook on public.orders (supabase/migrations/20240101000000_hook.sql)\n' +
          "-- It needs the Vault secret 'secret_key' (the secret key): create it first (the migrate-keys report says how; never put a key in a migration).\n" +
          '-- migrate-keys-replaces: trigger:public.orders.hook\n' +
          '-- migrate-keys-vault: secret_key (secret)\n\n' +
          'drop trigger if exists hook on public.orders;\n' +
          'do $migrate_keys$\nbegin\n' +
          "  execute format('create trigger hook after insert on public.orders for each row execute function supabase_functions.http_request(\n" +
          "  ''https://abcdefghijklmnopqrst.supabase.co/functions/v1/hook'', ''POST'',\n  %L, ''{}'', ''1000''\n)', " +
          `('{"Content-Type":"application/json"}'::jsonb || jsonb_build_object('apikey', (select decrypted_secret from vault.decrypted_secrets where name = 'secret_key')))::text);\n` +
          'end\n$migrate_keys$;\n',
      },
    },
    {
      name: 'outside migrations the advice is to send the key in apikey; lower case headers count',
      files: {
        'sql/hooks.sql':
          `select http(('POST', ${URL},\n  ARRAY[http_header('Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'supabase_service_key'))],\n  'application/json', '{}')::http_request);\n` +
          `select net.http_post(url := ${URL}, headers := '{"authorization": "bearer ${KEYS.anon}"}'::jsonb);\n`,
      },
      findings: [
        { line: 2, column: 21, message: `this statement sends the legacy service_role key (Vault secret \`supabase_service_key\`) as Authorization: Bearer ${LEGACY_TO(HOOK)}. ${VAULT_ELSEWHERE}.` },
        { line: 4, message: `this statement sends the legacy anon key as Authorization: Bearer ${LEGACY_TO(HOOK)}. ${ELSEWHERE}.` },
      ],
    },
    {
      name: 'the target in sight is named: PostgREST and its answer to a new key as Bearer (issue 19, section 2)',
      files: {
        'sql/jobs.sql':
          "select net.http_post(url := 'https://abcdefghijklmnopqrst.supabase.co/rest/v1/rpc/tick',\n" +
          "  headers := jsonb_build_object('Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'supabase_secret_key')));\n" +
          "select net.http_get('https://example.com/ping', headers := jsonb_build_object('Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')));\n",
      },
      findings: [
        {
          line: 2,
          message:
            'this statement sends the secret key (Vault secret `supabase_secret_key`) as Authorization: Bearer to PostgREST (/rest/v1), which answers ' +
            'PGRST301 to a new key there. Send the key in the apikey header.',
        },
        { line: 3, message: `this statement sends the legacy service_role key (Vault secret \`service_role_key\`) as Authorization: Bearer${LEGACY_STOPS}. ${VAULT_ELSEWHERE}.` },
      ],
    },
    {
      name: "a Vault secret named for a legacy key is that key; a target with verify_jwt off is told as such (a real repo's cron job)",
      files: {
        'supabase/config.toml': '[functions.demo-cleanup]\nverify_jwt = false\n',
        'supabase/functions/demo-cleanup/index.ts': "Deno.serve(() => new Response('ok'))\n",
        'supabase/scripts/cron.sql':
          "select cron.schedule('demo-cleanup-job', '30 2 * * 0', $$\n  select net.http_post(\n" +
          "    url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/demo-cleanup',\n" +
          "    headers := jsonb_build_object('Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'anon_key'))\n" +
          '  ) as request_id;\n$$);\n',
      },
      findings: [
        {
          file: 'supabase/scripts/cron.sql',
          line: 4,
          message:
            'this statement sends the legacy anon key (Vault secret `anon_key`) as Authorization: Bearer to the Edge Function `demo-cleanup` ' +
            `(/functions/v1/demo-cleanup), which has verify_jwt off, so only its own code reads the header. ${VAULT_ELSEWHERE}.`,
        },
      ],
    },
    {
      name: 'key literals stored in SQL, new keys included, and in a comment',
      files: {
        'supabase/seed.sql':
          `-- old key: ${KEYS.anon}\nselect vault.create_secret('${KEYS.secret}', 'secret_key');\nselect vault.create_secret('${KEYS.publishable}', 'publishable_key');\n`,
      },
      findings: [
        { line: 1, column: 13, message: `a legacy anon key is written into SQL. ${ELSEWHERE}, and rotate the key.` },
        { line: 2, message: `a secret key is written into SQL. ${ELSEWHERE}, and rotate the key.` },
        { line: 3, message: `a publishable key is written into SQL. ${ELSEWHERE}, and rotate the key.` },
      ],
    },
    {
      name: 'a literal in a statement already reported is not reported twice',
      files: {
        'supabase/migrations/1_x.sql': `select net.http_post(url := ${URL}, headers := '{"Authorization": "Bearer ${KEYS.serviceRole}", "apikey": "${KEYS.anon}"}'::jsonb);\nselect '${KEYS.anon}';\n`,
      },
      findings: [
        { line: 1, messageIncludes: 'this statement sends the legacy service_role key as Authorization: Bearer' },
        { line: 2, message: `a legacy anon key is written into SQL. ${MIGRATION}, and rotate the key.` },
      ],
    },
    {
      // Known: the local CLI's demo service_role JWT (iss supabase-demo) is called "the legacy anon key"
      // (src/rules/analysis/bearer/key-sources.ts keyKindOfLiteral maps every demo JWT to legacy anon) and is an error, where
      // hardcoded-key calls the same key info: it only works against a local stack.
      name: "the local CLI's demo service_role JWT in a local-only webhook",
      files: {
        'supabase/migrations/1_local.sql': `select net.http_post(url := 'http://host.docker.internal:54321/functions/v1/hook', headers := jsonb_build_object('Authorization', 'Bearer ${DEMO_SERVICE_ROLE}'));\n`,
      },
      findings: [{ line: 1, severity: 'error', message: `this statement sends the legacy anon key as Authorization: Bearer ${LEGACY_TO(HOOK)}. ${MIGRATION}.` }],
    },
    {
      // Leaked means rotate (issue 18, item 9): a service_role JWT written into a migration has leaked.
      name: 'a service_role JWT in a migration, sent or stored, has leaked',
      files: {
        'supabase/migrations/1_hook.sql':
          `select net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', 'Bearer ${KEYS.serviceRole}'));\n` +
          `select vault.create_secret('${KEYS.serviceRole}', 'service_role_key');\n`,
      },
      findings: [
        { line: 1, message: `this statement sends the legacy service_role key as Authorization: Bearer ${LEGACY_TO(HOOK)}${LEAKED}. ${MIGRATION}; then ${REVOKE}.` },
        { line: 2, message: `a legacy service_role key is written into SQL${LEAKED}. ${MIGRATION}; then ${REVOKE}.` },
      ],
    },
    {
      // Issue 18, item 16: a legacy key read from a database setting or the environment by its name is reported, never edited.
      name: 'a legacy key read from a setting or from the environment',
      files: {
        'supabase/migrations/5_cron.sql':
          `select net.http_post(url := ${URL},\n  headers := jsonb_build_object('apikey', current_setting('app.settings.service_role_key')));\n` +
          "select current_setting( 'app.settings.anon_key', true );\n",
        'supabase/seed.sql': "create function k() returns text language plpgsql as $f$ begin return getenv('SUPABASE_SERVICE_ROLE_KEY'); end $f$;\n",
      },
      findings: [
        { file: 'supabase/migrations/5_cron.sql', line: 2, column: 43, fixable: false, message: `this statement reads the legacy service_role key from a setting (app.settings.service_role_key), which stops working when the legacy keys are deactivated. ${MIGRATION}.` },
        { file: 'supabase/migrations/5_cron.sql', line: 3, column: 8, message: `this statement reads the legacy anon key from a setting (app.settings.anon_key), which stops working when the legacy keys are deactivated. ${MIGRATION}.` },
        { file: 'supabase/seed.sql', line: 1, message: `this statement reads the legacy service_role key from the environment (SUPABASE_SERVICE_ROLE_KEY), which stops working when the legacy keys are deactivated. ${ELSEWHERE}.` },
      ],
      output: null,
    },
    {
      name: 'a setting read sent as Bearer: one finding for the statement',
      files: { 'supabase/migrations/6_hook.sql': `select net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', 'Bearer ' || current_setting('app.settings.service_role_key')));\n` },
      findings: [{ line: 1, messageIncludes: 'this statement sends the API key as Authorization: Bearer' }],
    },
    {
      // Issue 18, item 10: a variable filled from vault.decrypted_secrets by a key's name holds that key, whatever it is called.
      name: 'a plpgsql variable filled from Vault by a key name and sent as Bearer: select into, :=, a declared default, a copy',
      files: {
        'supabase/migrations/8_hook.sql':
          'create or replace function notify() returns trigger language plpgsql as $$\ndeclare\n  tok text;\nbegin\n' +
          "  select decrypted_secret into tok from vault.decrypted_secrets where name = 'anon_key';\n" +
          `  perform net.http_post(url := ${URL}, headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer ' || tok));\n` +
          '  return new;\nend;\n$$;\n',
        'sql/jobs.sql':
          'create function job() returns void language plpgsql as $body$\ndeclare\n' +
          "  v_default text := (select decrypted_secret from vault.decrypted_secrets where name = 'supabase_service_key');\n" +
          '  v_key text;\n  hdr text;\nbegin\n' +
          "  v_key := ( select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key' limit 1 );\n" +
          `  perform net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', concat('Bearer ', v_key)));\n` +
          "  select s.decrypted_secret from vault.decrypted_secrets s where s.name = 'service_role_key' into hdr;\n" +
          `  perform net.http_post(url := ${URL}, headers := ('{"Authorization": "Bearer ' || hdr || '"}')::jsonb);\n` +
          '  hdr := v_default;\n' +
          `  perform net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', format('Bearer %s', hdr)));\n` +
          'end;\n$body$;\n',
      },
      findings: [
        { file: 'sql/jobs.sql', line: 8, column: 124, messageIncludes: `this statement sends the API key as Authorization: Bearer${HOOK_BREAKS}. ${ELSEWHERE}.` },
        { file: 'sql/jobs.sql', line: 10, column: 108, messageIncludes: 'this statement sends the API key as Authorization: Bearer' },
        { file: 'sql/jobs.sql', line: 12, column: 124, messageIncludes: 'this statement sends the API key as Authorization: Bearer' },
        { file: 'supabase/migrations/8_hook.sql', line: 6, column: 160, fixable: true, message: `this function public.notify sends the API key as Authorization: Bearer${HOOK_BREAKS}. ${RECREATED}.` },
      ],
      // The variable is traced to the Vault secret `anon_key`: the publishable key, read from Vault in apikey; the rest as written.
      output: {
        [NEW_MIGRATION]:
          "-- migrate-keys 0.1.0: the Supabase key moves from `Authorization: Bearer` to the `apikey` header, read from Vault.\n" +
          '-- Applied migrations are not edited; this one re-creates, as they are defined now, with only the key header changed:\n' +
          '--   function public.notify (supabase/migrations/8_hook.sql)\n' +
          "-- It needs the Vault secret 'publishable_key' (the publishable key): create it first (the migrate-keys report says how; never put a key in a migration).\n" +
          '-- migrate-keys-replaces: function:public.notify()\n' +
          '-- migrate-keys-vault: publishable_key (publishable)\n\n' +
          'create or replace function notify() returns trigger language plpgsql as $$\ndeclare\n  tok text;\nbegin\n' +
          "  select decrypted_secret into tok from vault.decrypted_secrets where name = 'anon_key';\n" +
          `  perform net.http_post(url := ${URL}, headers := jsonb_build_object('Content-Type', 'application/json', 'apikey', (select decrypted_secret from vault.decrypted_secrets where name = 'publishable_key')));\n` +
          '  return new;\nend;\n$$;\n',
      },
    },
    {
      // Known: only line comments (--) are skipped; a call inside a /* … */ block comment is reported.
      name: 'a call inside a block comment',
      files: { 'supabase/migrations/1_old.sql': `/* select net.http_post(url := ${URL}, headers := jsonb_build_object('Authorization', 'Bearer ' || service_role_key)) */\nselect 1;\n` },
      findings: [{ line: 1, messageIncludes: 'this statement sends the API key as Authorization: Bearer' }],
    },
    {
      // Issue 27 item 8: a cron job that sends a dedicated secret first, to a function that checks that Bearer against its own secret.
      name: "a dedicated secret first ('Bearer ' || coalesce(cron_secret, service_role_key)) to a function that checks that Bearer: an info",
      files: {
        'supabase/migrations/20260101000000_cron.sql':
          "select cron.schedule('nightly', '0 3 * * *', $$\n  select net.http_post(\n" +
          "    url := 'https://abcdefghijklmnopqrst.supabase.co/functions/v1/nightly',\n" +
          "    headers := jsonb_build_object('Authorization', 'Bearer ' || coalesce(\n" +
          "      (select decrypted_secret from vault.decrypted_secrets where name = 'cron_secret'),\n" +
          "      (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')))\n" +
          '  );\n$$);\n',
        'supabase/functions/nightly/index.ts':
          'Deno.serve(async (req) => {\n' +
          "  const cronSecret = Deno.env.get('CRON_SECRET') ?? ''\n" +
          "  if (req.headers.get('Authorization') !== `Bearer ${cronSecret}`) return new Response('Unauthorized', { status: 401 })\n" +
          "  return new Response('ok')\n" +
          '})\n',
      },
      findings: [
        {
          line: 4,
          severity: 'info',
          message:
            'this statement sends a dedicated secret (`cron_secret`) first as Authorization: Bearer to the Edge Function `nightly` (/functions/v1/nightly), ' +
            'which checks that Bearer against its own secret, and the legacy service_role key only as a fallback: moving the key to the apikey header ' +
            'would break the function. Keep the dedicated secret in Authorization (it is not a Supabase key) and drop the service_role fallback, ' +
            'or send the secret key in the apikey header as well.',
        },
      ],
    },
    {
      name: "a dedicated secret first to a function that does not check that Bearer: the generic error stays",
      files: {
        'supabase/migrations/20260101000000_cron.sql':
          "select net.http_post(url := 'https://abcdefghijklmnopqrst.supabase.co/functions/v1/nightly',\n" +
          "  headers := jsonb_build_object('Authorization', 'Bearer ' || coalesce(cron_secret, service_role_key)));\n",
        'supabase/functions/nightly/index.ts': "Deno.serve(() => new Response('ok'))\n",
      },
      findings: [
        {
          line: 2,
          message:
            'this statement sends the API key as Authorization: Bearer to the Edge Function `nightly` (/functions/v1/nightly), where a check that reads ' +
            `Authorization as a user's JWT rejects a new key, ${LEGACY}. ${MIGRATION}.`,
        },
      ],
    },
  ],
});
