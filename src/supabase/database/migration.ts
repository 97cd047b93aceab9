// The new migration (issue 21): applied migrations are history and are never edited (SPEC §2), so the callers that
// send a Supabase key as `Authorization: Bearer` are re-created, each as it is defined now, with the key in the
// `apikey` header read from Vault. Everything else of a definition stays byte for byte.
import { DEFAULT_VAULT_NAMES, moveKeysToApikey, vaultRead, webhookHeaders, type KeyRole, type VaultNames } from './apikey.js';
import { databaseCallers, type Caller, type DefinitionSite, type SqlFile } from './callers.js';
import { quoteLike, type SqlToken } from './sql-tokens.js';

/** The file name's end: `<UTC timestamp>_migrate_keys_apikey.sql`, the CLI's naming. */
export const MIGRATION_SUFFIX = '_migrate_keys_apikey.sql';

interface CallerOutcome {
  caller: Caller;
  /** The SQL that re-creates it; absent when it cannot be re-created faithfully (`why` says why). */
  sql?: string;
  why?: string;
}

export interface NewMigration {
  /** `supabase/migrations/<timestamp>_migrate_keys_apikey.sql` under the project, or undefined when nothing needs one. */
  path?: string;
  text?: string;
  /** Every caller that sends a key, re-created or not. */
  outcomes: CallerOutcome[];
  /** Every definition of a caller, in order, and the ones that are current (by id): what the check reads as history. */
  definitions: DefinitionSite[];
  current: Map<string, Caller>;
  /** The Vault secrets the new migration reads (create them before applying it). */
  secrets: { name: string; role: KeyRole }[];
  unparsed: { path: string; message: string }[];
}

export interface MigrationOptions {
  /** The project folder (`supabase/`'s parent), relative to the root: '' at the root. */
  project: string;
  /** The time the run starts: the new file's timestamp, unless an existing migration is later. */
  now: Date;
  vault?: VaultNames;
  version: string;
}

/** The migration that moves the project's database callers to apikey, from its migrations (in order) and seed. */
export async function newMigration(files: readonly SqlFile[], options: MigrationOptions): Promise<NewMigration> {
  const names = options.vault ?? DEFAULT_VAULT_NAMES;
  const { callers, definitions, unparsed } = await databaseCallers(files);
  const current = new Map(callers.map((caller) => [caller.id, caller]));
  const outcomes: CallerOutcome[] = [];
  const roles = new Set<KeyRole>();
  for (const caller of callers) {
    const outcome = recreate(caller, names);
    if (!outcome) continue;
    outcomes.push(outcome.result);
    for (const role of outcome.roles) roles.add(role);
  }
  const secrets = [...roles].sort().map((role) => ({ name: names[role], role }));
  const recreated = outcomes.filter((outcome) => outcome.sql !== undefined);
  if (recreated.length === 0) return { outcomes, secrets: [], unparsed, definitions, current };
  const folder = `${options.project ? `${options.project}/` : ''}supabase/migrations`;
  const path = `${folder}/${timestampAfter(files.map((file) => file.path), options.now)}${MIGRATION_SUFFIX}`;
  const header = [
    `-- migrate-keys ${options.version}: the Supabase key moves from \`Authorization: Bearer\` to the \`apikey\` header, read from Vault.`,
    '-- Applied migrations are not edited; this one re-creates, as they are defined now, with only the key header changed:',
    ...recreated.map(({ caller }) => `--   ${describe(caller)} (${caller.file})`),
    `-- It needs the Vault secret${secrets.length === 1 ? '' : 's'} ${secrets.map((secret) => `'${secret.name}' (the ${secret.role} key)`).join(' and ')}: create ${secrets.length === 1 ? 'it' : 'them'} first (the migrate-keys report says how; never put a key in a migration).`,
    `-- migrate-keys-replaces: ${recreated.map(({ caller }) => caller.id).join(' ')}`,
    `-- migrate-keys-vault: ${secrets.map((secret) => `${secret.name} (${secret.role})`).join(', ')}`,
  ];
  const text = `${header.join('\n')}\n\n${recreated.map((outcome) => outcome.sql).join('\n\n')}\n`;
  return { path, text, outcomes, secrets, unparsed, definitions, current };
}

export function describe(caller: Caller): string {
  if (caller.kind === 'cron') return `cron job '${caller.name}'`;
  if (caller.kind === 'trigger') return `trigger ${caller.name} on ${caller.table}`;
  return `function ${caller.name}`;
}

/** The SQL that re-creates a caller with its key in apikey; undefined when it sends no key. */
function recreate(caller: Caller, names: VaultNames): { result: CallerOutcome; roles: Set<KeyRole> } | undefined {
  if (caller.kind === 'trigger') return recreateTrigger(caller, names);
  const literal = caller.kind === 'cron' ? caller.command : caller.body;
  const moved = moveKeysToApikey(literal.value, names);
  if (moved.text === literal.value) {
    return moved.blocked.length > 0 ? { result: { caller, why: moved.blocked.join('; ') }, roles: new Set() } : undefined;
  }
  const replaced = replaceToken(caller.text, literal, quoteLike(moved.text, literal));
  if (caller.kind === 'cron') {
    const sql = `select cron.unschedule(${quote(caller.name)});\nselect cron.schedule(${quote(caller.name)}, ${slice(caller.text, caller.schedule)}, ${quoteLike(moved.text, literal)});`;
    return { result: { caller, sql }, roles: moved.roles };
  }
  // `create function` re-created as `create or replace function`, with the same signature.
  const sql = `${replaced.replace(/^create\s+(?!or\s+replace\b)/i, (create) => `${create}or replace `)};`;
  return { result: { caller, sql }, roles: moved.roles };
}

/**
 * A Database Webhook: its arguments are constants, so the trigger is created by dynamic SQL that reads the key from
 * Vault when the migration runs (as the dashboard writes the key into a webhook it creates).
 */
function recreateTrigger(caller: Extract<Caller, { kind: 'trigger' }>, names: VaultNames): { result: CallerOutcome; roles: Set<KeyRole> } | undefined {
  const headersArg = caller.args[2];
  const moved = headersArg ? webhookHeaders(headersArg.value) : undefined;
  if (!headersArg || !moved) return undefined;
  const headers = `'${moved.json.replace(/'/g, "''")}'::jsonb || jsonb_build_object('apikey', ${vaultRead(moved.role, names)})`;
  const template = replaceToken(caller.text, headersArg, '%L').replace(/'/g, "''").replace(/%(?!L)/g, '%%');
  const [table, trigger] = [caller.table.split('.').map(quoteIdentifier).join('.'), quoteIdentifier(caller.name)];
  const sql =
    `drop trigger if exists ${trigger} on ${table};\n` +
    `do $migrate_keys$\nbegin\n  execute format('${template}', (${headers})::text);\nend\n$migrate_keys$;`;
  return { result: { caller, sql }, roles: new Set([moved.role]) };
}

function replaceToken(text: string, token: SqlToken, replacement: string): string {
  return text.slice(0, token.start) + replacement + text.slice(token.end);
}

function slice(text: string, token: SqlToken): string {
  return text.slice(token.start, token.end);
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function quoteIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** A UTC timestamp (YYYYMMDDHHMMSS) later than every existing migration's and not before `now`. */
function timestampAfter(paths: readonly string[], now: Date): string {
  const stamp = (date: Date) => date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const latest = paths.map((path) => /(\d{14})_[^/]*\.sql$/.exec(path)?.[1]).filter((value): value is string => value !== undefined).sort().at(-1);
  const candidate = stamp(now);
  if (!latest || candidate > latest) return candidate;
  const next = new Date(Date.UTC(+latest.slice(0, 4), +latest.slice(4, 6) - 1, +latest.slice(6, 8), +latest.slice(8, 10), +latest.slice(10, 12), +latest.slice(12, 14) + 1));
  return stamp(next);
}
