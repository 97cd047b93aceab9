// The rewrite a new migration makes in SQL that sends a Supabase key (SPEC §2, Supabase's migration guide): the key moves
// from `Authorization: Bearer <key>` to the `apikey` header, read from Vault by its role's secret name. A Bearer that
// carries a user's JWT stays; a header built in a way the tool cannot re-create faithfully (format(), a variable it
// cannot trace) is not rewritten: the caller says why.
import { classifyJwt, isWholeJwt } from '../../keys/values.js';
import { callArguments, sqlTokens, type SqlToken } from './sql-tokens.js';

export type KeyRole = 'secret' | 'publishable';

/** The Vault secret names the new migration reads, by role (configurable; Supabase's guide uses these). */
export interface VaultNames {
  secret: string;
  publishable: string;
}

export const DEFAULT_VAULT_NAMES: VaultNames = { secret: 'secret_key', publishable: 'publishable_key' };

export interface HeaderRewrite {
  /** The code with every key moved to apikey; the same text when nothing moved. */
  text: string;
  /** The roles whose Vault secret the new code reads. */
  roles: Set<KeyRole>;
  /** Why a header that sends a key was left as it is (format(), an untraced variable); empty when none. */
  blocked: string[];
}

export function vaultRead(role: KeyRole, names: VaultNames): string {
  return `(select decrypted_secret from vault.decrypted_secrets where name = '${names[role]}')`;
}

/** The role of a Vault secret by its name (`service_role_key`, `anon_key`, `secret_key`, `publishable_key`, with `supabase_` or not). */
function vaultRole(name: string): KeyRole | undefined {
  const bare = name.toLowerCase().replace(/^supabase_/, '');
  if (/^(?:service_role(?:_key)?|service_key|secret_key|secret)$/.test(bare)) return 'secret';
  if (/^(?:anon(?:_key)?|publishable_key|publishable)$/.test(bare)) return 'publishable';
  return undefined;
}

/** The role of a literal key: a legacy JWT by its role claim, a new key by its prefix. */
function literalRole(value: string): KeyRole | undefined {
  const token = value.trim();
  if (isWholeJwt(token)) {
    const kind = classifyJwt(token);
    return kind === 'legacy-service-role' ? 'secret' : kind === 'legacy-anon' ? 'publishable' : undefined;
  }
  if (token.startsWith('sb_secret_')) return 'secret';
  if (token.startsWith('sb_publishable_')) return 'publishable';
  return undefined;
}

/**
 * Every `jsonb_build_object(…, 'Authorization', <key as Bearer>, …)` and every JSON header literal cast to jsonb
 * (`'{"Authorization": "Bearer eyJ…"}'::jsonb`) in `code`, rewritten to send the key in `apikey`, read from Vault.
 */
export function moveKeysToApikey(code: string, names: VaultNames = DEFAULT_VAULT_NAMES): HeaderRewrite {
  const tokens = sqlTokens(code);
  const roles = new Set<KeyRole>();
  const blocked: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i] as SqlToken;
    if (token.kind === 'identifier' && /^jsonb?_build_object$/.test(token.value) && tokens[i + 1]?.value === '(') {
      const call = callArguments(tokens, i + 1);
      if (!call) continue;
      for (let a = 0; a + 1 < call.args.length; a += 2) {
        const [keyFirst, keyLast] = call.args[a] as [number, number];
        const key = tokens[keyFirst] as SqlToken;
        if (keyFirst !== keyLast || key.kind !== 'string' || key.value.toLowerCase() !== 'authorization') continue;
        const [valueFirst, valueLast] = call.args[a + 1] as [number, number];
        const sent = bearerKey(code, tokens, valueFirst, valueLast);
        if (sent.kind === 'user' || sent.kind === 'none') continue;
        if (sent.kind === 'blocked') {
          blocked.push(sent.reason);
          continue;
        }
        roles.add(sent.role);
        edits.push({ start: key.start, end: (tokens[valueLast] as SqlToken).end, text: `'apikey', ${vaultRead(sent.role, names)}` });
      }
    }
    // format('{"Authorization": "Bearer %s"}', <key>): a header built from a template, not re-created.
    if (token.kind === 'string' && /authorization\W+bearer/i.test(token.value) && tokens[i - 1]?.value === '(' && tokens[i - 2]?.value === 'format') {
      blocked.push('the header is built with format(), which the tool does not re-create');
      continue;
    }
    // '{"Authorization": "Bearer …"}'::jsonb — a header literal.
    if (token.kind === 'string' && tokens[i + 1]?.value === '::' && /^jsonb?$/.test(tokens[i + 2]?.value ?? '')) {
      const moved = headerLiteral(token.value);
      if (!moved) continue;
      if ('reason' in moved) {
        blocked.push(moved.reason);
        continue;
      }
      roles.add(moved.role);
      const cast = tokens[i + 2] as SqlToken;
      const rest = `'${moved.json.replace(/'/g, "''")}'::${cast.value}`;
      edits.push({ start: token.start, end: cast.end, text: `(${rest} || jsonb_build_object('apikey', ${vaultRead(moved.role, names)}))` });
    }
  }
  let text = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return { text, roles, blocked };
}

type Sent = { kind: 'key'; role: KeyRole } | { kind: 'user' } | { kind: 'none' } | { kind: 'blocked'; reason: string };

/** What an Authorization value (tokens[first..last]) sends: a Supabase key of a role, a user's JWT, or something else. */
function bearerKey(code: string, tokens: readonly SqlToken[], first: number, last: number): Sent {
  const value = code.slice((tokens[first] as SqlToken).start, (tokens[last] as SqlToken).end);
  if (!/bearer/i.test(value)) return { kind: 'none' };
  // A user's token forwarded: the request's JWT, auth.jwt(), a header of the request.
  if (/\bcurrent_setting\s*\(\s*'request\.(?:jwt|headers)|\bauth\.jwt\s*\(|\brequest\.headers\b/i.test(value)) return { kind: 'user' };
  if (/\bformat\s*\(/i.test(value)) return { kind: 'blocked', reason: 'the header is built with format(), which the tool does not re-create' };
  const head = tokens[first] as SqlToken;
  // 'Bearer eyJ…'
  if (first === last && head.kind === 'string') {
    const role = literalRole(head.value.replace(/^\s*bearer\s+/i, ''));
    return role ? { kind: 'key', role } : { kind: 'none' };
  }
  // 'Bearer ' || <key>, concat('Bearer ', <key>)
  const rest = /^\s*bearer\s*$/i.test(head.value) && tokens[first + 1]?.value === '||' ? code.slice((tokens[first + 2] as SqlToken).start, (tokens[last] as SqlToken).end) : concatRest(code, tokens, first, last);
  if (rest === undefined) return { kind: 'none' };
  const vault = /^\(\s*select\s+decrypted_secret\s+from\s+vault\.decrypted_secrets\s+where\s+name\s*=\s*'([^']+)'\s*(?:limit\s+1\s*)?\)$/i.exec(rest.trim());
  if (vault) {
    const role = vaultRole(vault[1] as string);
    return role ? { kind: 'key', role } : { kind: 'none' };
  }
  const variable = /^[a-z_]\w*$/i.exec(rest.trim());
  if (variable) {
    const role = variableRole(code, variable[0]);
    return role ? { kind: 'key', role } : { kind: 'blocked', reason: `the key comes from \`${variable[0]}\`, which the tool cannot trace to a Vault secret` };
  }
  return /service_role|anon_key|secret_key|publishable/i.test(rest) ? { kind: 'blocked', reason: 'the header is built in a way the tool does not re-create' } : { kind: 'none' };
}

/** `concat('Bearer ', <key>)`: the key's text. */
function concatRest(code: string, tokens: readonly SqlToken[], first: number, last: number): string | undefined {
  if (tokens[first]?.value !== 'concat' || tokens[first + 1]?.value !== '(') return undefined;
  const call = callArguments(tokens, first + 1);
  if (!call || call.close !== last || call.args.length !== 2) return undefined;
  const [[a0, a1], [b0, b1]] = call.args as [[number, number], [number, number]];
  if (a0 !== a1 || !/^\s*bearer\s*$/i.test((tokens[a0] as SqlToken).value)) return undefined;
  return code.slice((tokens[b0] as SqlToken).start, (tokens[b1] as SqlToken).end);
}

/** A PL/pgSQL variable filled from Vault in `code` (`v := (select decrypted_secret … name = 'x')`, `select decrypted_secret into v …`). */
function variableRole(code: string, name: string): KeyRole | undefined {
  const escaped = name.replace(/[$]/g, '\\$');
  const assigned = new RegExp(`\\b${escaped}\\b[^;]*?(?::=|\\bdefault\\b)\\s*\\(?\\s*select\\s+decrypted_secret\\s+from\\s+vault\\.decrypted_secrets\\s+where\\s+name\\s*=\\s*'([^']+)'`, 'i').exec(code);
  const into = new RegExp(`select\\s+decrypted_secret\\s+into\\s+${escaped}\\s+from\\s+vault\\.decrypted_secrets\\s+where\\s+name\\s*=\\s*'([^']+)'`, 'i').exec(code);
  const secret = assigned?.[1] ?? into?.[1];
  return secret === undefined ? undefined : vaultRole(secret);
}

/** A JSON header literal with a key as Bearer: the JSON without Authorization (its other headers as written), and the role. */
function headerLiteral(text: string): { json: string; role: KeyRole } | { reason: string } | undefined {
  if (!/authorization/i.test(text) || !/bearer/i.test(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const entries = Object.entries(parsed as Record<string, unknown>);
  const auth = entries.find(([key]) => key.toLowerCase() === 'authorization');
  if (!auth || typeof auth[1] !== 'string') return undefined;
  const role = literalRole(auth[1].replace(/^\s*bearer\s+/i, ''));
  if (!role) return undefined;
  return { json: JSON.stringify(Object.fromEntries(entries.filter((entry) => entry !== auth))), role };
}

/** The headers JSON of a Database Webhook's trigger arguments, without the Authorization that sends a key; undefined when none does. */
export function webhookHeaders(json: string): { json: string; role: KeyRole } | undefined {
  const moved = headerLiteral(json);
  return moved && 'json' in moved ? moved : undefined;
}
