// sql-legacy-key: SQL (migrations, seeds, pg_net / http calls) that sends or holds a legacy or API key.
import { keyKindOfLiteral, keyKindOfName, type KeyKind } from './analysis/bearer/key-sources.js';
import { inLineComment } from './analysis/bearer/text-sites.js';
import { describeTarget, LEGACY_STOPS, NEW_KEY_REFUSED, TARGET_SOURCES, targetBreaks, targetIn, type Target, type TargetFunction } from './analysis/bearer/targets.js';
import { isMigrationFile } from '../supabase/paths.js';
import { REVOKE_LEGACY_JWT, REVOKE_LEGACY_JWT_SOURCES, REVOKE_LEGACY_JWT_WHY } from './leaks.js';
import type { Report, Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

const JWT_OR_KEY = /eyJ[\w-]{5,}\.eyJ[\w-]*\.[\w-]*|sb_(?:publishable|secret)_[\w-]{20,}/g;
// A setting or an environment variable read by its name: current_setting('app.settings.service_role_key'), getenv('SUPABASE_ANON_KEY').
const SETTING_READ = /\b(current_setting|getenv)\s*\(\s*'([^']+)'/gi;
// Supabase keys read from Vault or settings by a name that says what they are (not `stripe_secret_key`).
const NAMED_KEY = /service_role|anon[_-]?key|publishable[_-]?key|supabase[_-]?(?:secret|publishable|anon|service|api)?[_-]?key/i;

export const sqlLegacyKey: Rule = {
  meta: {
    id: 'sql-legacy-key',
    severity: 'error',
    fix: 'safe',
    summary: 'SQL (migrations, pg_net) that sends a legacy key; --write adds a new migration that moves it to apikey',
    description:
      'Database webhooks and pg_net / http calls often send the service_role key as Authorization: Bearer. New ' +
      'keys are rejected there (they are not JWTs) and legacy keys stop working once deactivated. Applied ' +
      'migrations are history and are never edited: --write adds a new migration, supabase/migrations/<timestamp>_migrate_keys_apikey.sql, ' +
      'that re-creates each caller as the migrations (read in order with the PostgreSQL parser, then the seed) define it now — ' +
      'a pg_cron job (cron.unschedule + cron.schedule with its name and schedule), a Database Webhook (its trigger, with the same timing, ' +
      'events, table and arguments, created by dynamic SQL that reads the key from Vault as it runs), a function (create or replace, the same ' +
      'signature) — with the key in the apikey header read from Vault (vault.decrypted_secrets, secret_key or publishable_key by role) and ' +
      'the Authorization header that only carried the key dropped; a Bearer that carries a user JWT stays. It never holds a key: the Vault ' +
      'secret is created by hand (a step outside the repository). A definition a later migration replaced is history and is not reported, ' +
      'but a key written into it is (a leak); a header built with format() or from a variable the tool cannot trace is reported with the ' +
      'target shape. A legacy key read by its name from a ' +
      "database setting (current_setting('app.settings.service_role_key')) or the environment (getenv) is reported too. " +
      "A PL/pgSQL variable filled from vault.decrypted_secrets by a key's secret name (anon_key, service_role_key; not " +
      "another service's, such as stripe_key) holds that key whatever it is called, so `'Bearer ' || tok` sends it. A job that sends a " +
      "dedicated secret first (`'Bearer ' || coalesce(cron_secret, service_role_key)`) to a function of the repository that checks that " +
      'Bearer against its own secret is an info: moving the key to apikey would break the function; keep the dedicated secret in ' +
      'Authorization (it is not a Supabase key) and drop the key fallback, or send the secret key in the apikey header as well. Where the ' +
      'statement names its target (`/functions/v1/<name>`, `/rest/v1`, `/storage/v1`, `/auth/v1`), the message names it and what it answers. ' +
      REVOKE_LEGACY_JWT_WHY,
    legacyUse: true,
    blocksRotation: true,
    example: "headers := jsonb_build_object('Authorization', 'Bearer ' || key)   ->   jsonb_build_object('apikey', key)",
    sources: [
      cite(
        PAGES.migrating,
        'Database Webhooks and pg_net calls that send the service_role key on `Authorization: Bearer` must send the secret key on the `apikey` ' +
          "header instead: the new keys aren't JWTs, so they are rejected there; read the key from Vault rather than inlining it.",
      ),
      cite(
        PAGES.migratingGuidePr,
        "The migration guide's section on Database Webhooks and pg_net moves the key from the `Authorization: Bearer` header to the `apikey` header.",
      ),
      cite(
        { title: 'supabase/supabase#47317: fix: webhook apikey', url: 'https://github.com/supabase/supabase/pull/47317', date: '2026-06-25' },
        'Database webhooks and cron jobs created in the dashboard add an `apikey: <secret key>` header for Edge Function auth, keeping the ' +
          'custom headers already there.',
      ),
      ...TARGET_SOURCES,
      ...REVOKE_LEGACY_JWT_SOURCES,
    ],
    examples: [
      {
        title: 'A pg_net call, and the new migration that replaces it',
        file: 'supabase/migrations/20250101000000_notify.sql',
        before:
          'select net.http_post(\n' +
          "  url := 'https://abcdefghijklmnopqrst.supabase.co/functions/v1/notify',\n" +
          "  headers := jsonb_build_object('Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key'))\n" +
          ');\n',
        after:
          'select net.http_post(\n' +
          "  url := 'https://abcdefghijklmnopqrst.supabase.co/functions/v1/notify',\n" +
          "  headers := jsonb_build_object('apikey', (select decrypted_secret from vault.decrypted_secrets where name = 'secret_key'))\n" +
          ');\n',
      },
    ],
  },
  check(file, context) {
    if (file.kind !== 'sql') return [];
    const migration = isMigrationFile(file.path);
    // Issue 20 item 7: the second sentence of each message, what to do.
    const advice = migration
      ? 'Write a new migration (applied ones are not edited) that sends the key in the apikey header, read from Vault'
      : 'Send the key in the apikey header, read from Vault';
    // A statement that already reads the key from Vault: the secret stored there is what changes.
    const vaultAdvice = (kind: KeyKind) =>
      kind === 'legacy anon' || kind === 'legacy service_role'
        ? migration
          ? 'Store the new key in Vault and write a new migration (applied ones are not edited) that sends it in the apikey header'
          : 'Store the new key in Vault and send it in the apikey header'
        : migration
          ? 'Write a new migration (applied ones are not edited) that sends the key in the apikey header'
          : 'Send the key in the apikey header';
    const functionNamed = (target: Target | undefined) =>
      target?.service === 'functions' ? context.edge.functions.find((fn) => fn.slug === target.name) : undefined;
    const reports: Report[] = [];
    const reported = new Set<number>();
    const keyVariables = keyVariablesOf(file.text);
    for (const statement of statements(file.text)) {
      const body = file.text.slice(statement.start, statement.end);
      const header = /['"]?Authorization['"]?/i.exec(body);
      if (!header || inLineComment(body, header.index)) continue;
      // The header's own value: from the name up to the next header name or the end of the call.
      const value = body.slice(header.index, header.index + 240).split(/,\s*['"][A-Za-z-]+['"]\s*,/)[0] as string;
      if (!/Bearer/i.test(value)) continue;
      const literal = [...value.matchAll(JWT_OR_KEY)][0];
      const bearer = statement.start + header.index + value.search(/Bearer/i);
      const vault = literal ? undefined : VAULT_SECRET.exec(value)?.[1];
      const named = vault === undefined ? undefined : vaultKind(vault);
      const kind = literal
        ? keyKindOfLiteral(literal[0])
        : (named ?? (NAMED_KEY.test(value) || sendsKeyVariable(file.text, bearer, keyVariables) ? 'API' : undefined));
      if (!kind) continue;
      // Issue 21: a definition a later migration replaced is history (a key written in it is still a leak, below); the
      // current one is re-created by the new migration --write adds, or said to be beyond the tool.
      const fate = context.database.fateAt(file.path, bearer);
      if (fate?.kind === 'history') continue;
      reported.add(statement.start);
      const target = targetIn(body);
      // Issue 27 item 8: a dedicated secret sent first (`'Bearer ' || coalesce(cron_secret, service_role_key)`) to a function
      // that checks that Bearer against its own secret: the key is only a fallback, and moving it to apikey breaks the function.
      const dedicated = literal ? undefined : dedicatedSecretFirst(value);
      if (dedicated && functionNamed(target)?.checksBearerSecret) {
        reports.push({
          offset: statement.start + header.index,
          severity: 'info',
          message:
            `this statement sends a dedicated secret (\`${dedicated.secret}\`) first as Authorization: Bearer to ${describeTarget(target as Target)}, ` +
            `which checks that Bearer against its own secret, and the ${dedicated.fallback} key only as a fallback: moving the key to the apikey header ` +
            `would break the function. Keep the dedicated secret in Authorization (it is not a Supabase key) and drop the ${dedicated.fallback.replace(/^legacy /, '')} fallback, ` +
            'or send the secret key in the apikey header as well.',
        });
        continue;
      }
      if (fate) {
        const what = `this ${fate.caller} sends the ${kind} key as Authorization: Bearer${toTarget(kind, target, functionNamed(target))}${literal ? leaked(kind) : ''}`;
        reports.push(
          fate.kind === 'recreated'
            ? {
                offset: statement.start + header.index,
                message:
                  `${what}. \`--write\` adds a new migration (${fate.migration.replace(/\d{14}(?=_migrate_keys_apikey\.sql$)/, '<timestamp>')}) that re-creates it as it is defined now with the key in the apikey header, ` +
                  `read from Vault (create the Vault secret first: the steps outside the repository say how)${literal ? revoke(kind) : ''}.`,
                fix: [],
              }
            : {
                offset: statement.start + header.index,
                message:
                  `${what}; the tool does not re-create it, since ${fate.why}. Write a new migration that re-creates it with ` +
                  `\`'apikey', (select decrypted_secret from vault.decrypted_secrets where name = 'secret_key')\` in place of the Authorization header${literal ? revoke(kind) : ''}.`,
              },
        );
        continue;
      }
      const what = `the ${kind} key${named ? ` (Vault secret \`${vault}\`)` : ''}`;
      reports.push({
        offset: statement.start + header.index,
        message: `this statement sends ${what} as Authorization: Bearer${toTarget(kind, target, functionNamed(target))}${literal ? leaked(kind) : ''}. ${named ? vaultAdvice(kind) : advice}${literal ? revoke(kind) : ''}.`,
      });
    }
    // A legacy key read by its name from a database setting or the environment (issue 18, item 16): the value
    // behind the name is the legacy key, so the statement stops working with it. Reported once per statement.
    for (const match of file.text.matchAll(SETTING_READ)) {
      const at = match.index as number;
      const name = match[2] as string;
      const fromSetting = (match[1] as string).toLowerCase() === 'current_setting';
      const kind = fromSetting ? legacyKindOfSetting(name) : keyKindOfName(name);
      if ((kind !== 'legacy service_role' && kind !== 'legacy anon') || inLineComment(file.text, at)) continue;
      if ([...reported].some((start) => at >= start && at < statementEnd(file.text, start))) continue;
      const source = fromSetting ? `a setting (${name})` : `the environment (${name})`;
      reports.push({ offset: at, message: `this statement reads the ${kind} key from ${source}, which stops working when the legacy keys are deactivated. ${advice}.` });
    }
    for (const match of file.text.matchAll(JWT_OR_KEY)) {
      const kind = keyKindOfLiteral(match[0]);
      const at = match.index as number;
      if (!kind || [...reported].some((start) => at >= start && at < statementEnd(file.text, start))) continue;
      const rotate = kind === 'legacy service_role' ? revoke(kind) : ', and rotate the key';
      // In a definition a later migration replaced, nothing is to be rewritten: the key has leaked all the same.
      if (context.database.fateAt(file.path, at)?.kind === 'history') {
        // An anon or publishable key is public by design: in history that no longer runs, nothing is left to do.
        if (kind === 'legacy anon' || kind === 'publishable') continue;
        reports.push({ offset: at, message: `a ${kind} key is written into SQL${leaked(kind)}; a later migration replaced this definition, so nothing here is edited${rotate.replace(/^; then /, ': ').replace(/^, and /, ': ')}.` });
        continue;
      }
      reports.push({ offset: at, message: `a ${kind} key is written into SQL${leaked(kind)}. ${advice}${rotate}.` });
    }
    return reports;
  },
};

// A Vault read of one secret: `select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key'`.
const VAULT_READ = /\bselect\s+(?:\w+\.)?decrypted_secret\b[^;]*?\bfrom\s+vault\.decrypted_secrets\b[^;]*?\bwhere\s+(?:\w+\.)?name\s*=\s*'([^']+)'/i;
// `select … into v …` (not `insert into`), anywhere in a statement.
const SELECT_INTO = /(?<!\binsert\s+)\binto\s+(?:strict\s+)?([a-z_]\w*)/i;
// `v := …`, `v text := …`, `v text default …`: a PL/pgSQL assignment or a declaration's initial value, at a statement's start
// (after `declare`, `begin`, `then`, `else`, `loop` or the body's opening `$$`). The value runs to the statement's end.
const ASSIGNMENT =
  /(?:^|\bdeclare\b|\bbegin\b|\bthen\b|\belse\b|\bloop\b|\$\w*\$)\s*(?!(?:begin|declare|then|else|loop)\b)([a-z_]\w*)(?:\s+[a-z_]\w*(?:\s+varying)?(?:\s*\(\s*\d+\s*\))?)?\s*(?::=|\bdefault\b)\s*([^]*)$/i;

/**
 * The PL/pgSQL variables that hold a Supabase key, per body (issue 18, item 10): filled from `vault.decrypted_secrets`
 * by a secret whose name says it is one (`anon_key`, `service_role_key`; not `stripe_key`), through `select … into v`,
 * `v := (select …)` or a declaration's default, or copied from such a variable (`v := k`). A variable belongs to the
 * dollar-quoted body it is assigned in (the same name in another function is another variable); keyed by
 * `scopeOf`, names lower case (SQL folds unquoted names).
 */
function keyVariablesOf(text: string): Map<number, Set<string>> {
  const variables = new Map<number, Set<string>>();
  if (!/vault\.decrypted_secrets/i.test(text)) return variables;
  const bodies = dollarBodies(text);
  const add = (at: number, name: string): boolean => {
    const scope = scopeOf(bodies, at);
    const names = variables.get(scope) ?? new Set<string>();
    variables.set(scope, names);
    const before = names.size;
    names.add(name.toLowerCase());
    return names.size > before;
  };
  const found = statements(text);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { start, end } of found) {
      const body = text.slice(start, end).replace(/;$/, '');
      const vault = VAULT_READ.exec(body);
      const holdsKey = vault !== null && NAMED_KEY.test(vault[1] as string) && !inLineComment(body, vault.index);
      const assignment = ASSIGNMENT.exec(body);
      if (assignment) {
        const at = start + (assignment.index as number) + (assignment[0] as string).indexOf(assignment[1] as string);
        const value = (assignment[2] as string).trim();
        const copied = /^\(?\s*([a-z_]\w*)\s*\)?$/i.exec(value)?.[1];
        const fromVault = holdsKey && /^\(*\s*select\b/i.test(value);
        const fromKeyVariable = copied !== undefined && variables.get(scopeOf(bodies, at))?.has(copied.toLowerCase());
        if ((fromVault || fromKeyVariable) && !inLineComment(body, at - start)) changed = add(at, assignment[1] as string) || changed;
        continue;
      }
      const into = holdsKey ? SELECT_INTO.exec(body) : null;
      if (into) changed = add(start + into.index, into[1] as string) || changed;
    }
  }
  return variables;
}

/** Whether the Bearer token at `at` (the offset of `Bearer`) is joined with a variable that holds a key: `'Bearer ' || v`, `concat('Bearer ', v)`, `format('Bearer %s', v)`. */
function sendsKeyVariable(text: string, at: number, variables: Map<number, Set<string>>): boolean {
  if (variables.size === 0) return false;
  const names = variables.get(scopeOf(dollarBodies(text), at));
  if (!names?.size) return false;
  const open = text.lastIndexOf("'", at);
  let close = text.indexOf("'", at);
  while (close >= 0 && text[close + 1] === "'") close = text.indexOf("'", close + 2);
  if (open < 0 || close < 0) return false;
  // In concat(…) / format(…) the other arguments join the token; otherwise the operands up to the header value's end.
  const call = /\b(?:concat|format)\s*\(\s*$/i.test(text.slice(Math.max(0, open - 40), open));
  let depth = 0;
  let end = close + 1;
  for (; end < text.length; end++) {
    const c = text[end] as string;
    if (c === "'") {
      end = text.indexOf("'", end + 1);
      if (end < 0) return false;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) break;
    else if (c === ';' || (c === ',' && depth === 0 && !call)) break;
  }
  const operands = text.slice(close + 1, end).replace(/'(?:[^']|'')*'/g, "''");
  return [...operands.matchAll(/(?<![\w.:$])([a-z_]\w*)\b(?!\s*\()/gi)].some((match) => names.has((match[1] as string).toLowerCase()));
}

/** The dollar-quoted bodies of a file (`$$ … $$`, `$body$ … $body$`), as [start, end) pairs. */
function dollarBodies(text: string): [number, number][] {
  const bodies: [number, number][] = [];
  const tag = /\$([A-Za-z_]\w*)?\$/g;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    const closing = text.indexOf(match[0], match.index + match[0].length);
    if (closing < 0) break;
    bodies.push([match.index, closing + match[0].length]);
    tag.lastIndex = closing + match[0].length;
  }
  return bodies;
}

/** The body holding `at` (its start), or -1 outside every body. */
function scopeOf(bodies: [number, number][], at: number): number {
  return bodies.find(([start, end]) => at >= start && at < end)?.[0] ?? -1;
}

/** The legacy key a database setting's name says it holds (`app.settings.service_role_key`, `app.anon_key`). */
function legacyKindOfSetting(name: string): KeyKind | undefined {
  if (/publishable|secret_key/i.test(name)) return undefined;
  if (/service[_-]?role|service[_-]?key/i.test(name)) return 'legacy service_role';
  if (/anon[_-]?key/i.test(name)) return 'legacy anon';
  return undefined;
}

/**
 * Issue 19 §2: the target in sight (a `/functions/v1/<name>`, `/rest/v1`… URL in the statement), with what it does with
 * the key; a function of the repository with verify_jwt off is said to leave the header to its own code.
 */
function toTarget(kind: KeyKind, target: Target | undefined, fn: TargetFunction | undefined): string {
  if (!target) {
    if (kind === 'legacy service_role' || kind === 'legacy anon') return ', which stops working once the legacy keys are deactivated';
    return kind === 'API' ? `${NEW_KEY_REFUSED}, ${LEGACY_STOPS}` : NEW_KEY_REFUSED;
  }
  if (kind === 'legacy service_role' || kind === 'legacy anon') {
    return ` to ${describeTarget(target)}, ${fn && !fn.verifyJwt ? 'which has verify_jwt off, so only its own code reads the header' : 'which stops taking it once the legacy keys are deactivated'}`;
  }
  return targetBreaks(target, fn, kind !== 'API');
}

// `(select decrypted_secret from vault.decrypted_secrets where name = 'anon_key')`: the secret's name says which key it holds.
const VAULT_SECRET = /vault\.decrypted_secrets\s+where\s+name\s*=\s*'([^']+)'/i;

/**
 * The key a Vault secret holds, by its name (the docs' `anon_key`, `service_role_key`, `secret_key`, `publishable_key`,
 * with a `supabase_` prefix or not); another service's secret (`stripe_secret_key`) is none.
 */
function vaultKind(name: string): KeyKind | undefined {
  const bare = name.toLowerCase().replace(/^supabase_/, '');
  if (/^(?:service_role(?:_key)?|service_key)$/.test(bare)) return 'legacy service_role';
  if (/^anon(?:_key)?$/.test(bare)) return 'legacy anon';
  if (bare === 'secret_key') return 'secret';
  if (bare === 'publishable_key') return 'publishable';
  return undefined;
}

/** A service_role JWT written into SQL has leaked with the repository (issue 18, item 9): said in the first sentence, */
function leaked(kind: KeyKind): string {
  return kind === 'legacy service_role' ? ', and it has leaked with the repository' : '';
}

/** and what revokes it, in the second. */
function revoke(kind: KeyKind): string {
  return kind === 'legacy service_role' ? `; then ${REVOKE_LEGACY_JWT}` : '';
}

function statements(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = text.indexOf(';'); i >= 0; i = text.indexOf(';', i + 1)) {
    found.push({ start, end: i + 1 });
    start = i + 1;
  }
  if (start < text.length) found.push({ start, end: text.length });
  return found;
}

function statementEnd(text: string, start: number): number {
  const end = text.indexOf(';', start);
  return end < 0 ? text.length : end + 1;
}

/**
 * The Bearer value `'Bearer ' || coalesce(<a dedicated secret>, <a Supabase key>, …)`: the first argument names no
 * Supabase key (a Vault secret or a variable such as `cron_secret`), a later one does. The secret's name and the fallback's kind.
 */
function dedicatedSecretFirst(value: string): { secret: string; fallback: string } | undefined {
  const open = /\bcoalesce\s*\(/i.exec(value);
  if (!open) return undefined;
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of value.slice(open.index + open[0].length)) {
    if (c === '(') depth++;
    if (c === ')' && depth-- === 0) break;
    if (c === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
    } else current += c;
  }
  args.push(current.trim());
  const nameOf = (arg: string) => VAULT_SECRET.exec(arg)?.[1] ?? /^\(?\s*([a-z_][\w.]*)\s*\)?$/i.exec(arg)?.[1];
  const first = nameOf(args[0] ?? '');
  if (first === undefined || NAMED_KEY.test(first) || vaultKind(first) !== undefined) return undefined;
  const fallback = args.slice(1).map((arg) => nameOf(arg)).find((name) => name !== undefined && (vaultKind(name) !== undefined || NAMED_KEY.test(name)));
  if (fallback === undefined) return undefined;
  const kind = vaultKind(fallback) ?? (/anon|publishable/i.test(fallback) ? 'legacy anon' : 'legacy service_role');
  return { secret: first, fallback: kind };
}
