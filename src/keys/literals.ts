// Key literals in any text: legacy JWTs (decoded to their role), new sb_ keys, and both wrapped in base64
// (Kubernetes Secrets and the like). The value itself never leaves this module: only its kind does.
import type { KeyRole } from './names.js';
import { maskSecrets } from './mask.js';
import { classifyJwt, isWholeJwt, JWT, NEW_KEY, newKeyType } from './values.js';

type LiteralKind = 'legacy-anon' | 'legacy-service-role' | 'legacy-demo' | 'secret' | 'publishable';

export interface KeyLiteral {
  offset: number;
  /** The key (decoded when it was base64): for masking, never to be shown. */
  value: string;
  kind: LiteralKind;
  /** The role claim of a JWT (`anon`, `service_role`), for the local CLI's demo keys. */
  role?: string;
  /** Written base64-encoded. */
  base64: boolean;
  /** The Supabase CLI's well-known local default key: public, and fine for local development. */
  localDefault: boolean;
}

/** The Supabase CLI's default local keys (`supabase status`): the same in every local stack, so public. */
const LOCAL_DEFAULT_KEYS: ReadonlySet<string> = new Set([
  'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz',
  'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH',
]);

// base64 of `eyJ` (a JWT) and of `sb_` (a new key), at the start of an encoded value.
const BASE64 = /(?<![A-Za-z0-9+/])(?:ZXlK|c2Jf)[A-Za-z0-9+/]{16,}={0,2}/g;
// Whether a text may hold a key literal, plain or base64-wrapped: literal alternatives only (a pattern that starts with
// a frequent character such as `.` would slow every file down).
const LITERAL_HINT = /eyJ|sb_secret_|sb_publishable_|ZXlK|c2Jf/;

/** How a finding shows a literal: masked, and whether it was written base64-encoded; never the key. */
export function shownLiteral(literal: KeyLiteral): string {
  return `\`${maskSecrets(literal.value)}\`${literal.base64 ? ', base64-encoded' : ''}`;
}

export function keyLiterals(text: string): KeyLiteral[] {
  if (!LITERAL_HINT.test(text)) return [];
  const found: KeyLiteral[] = [];
  if (text.includes('eyJ')) {
    for (const match of text.matchAll(JWT)) {
      const literal = jwtLiteral(match[0], match.index as number, false);
      if (literal) found.push(literal);
    }
  }
  if (text.includes('sb_secret_') || text.includes('sb_publishable_')) {
    for (const match of text.matchAll(NEW_KEY)) found.push(newKeyLiteral(match[0], match[1] as string, match.index as number, false));
  }
  if (text.includes('ZXlK') || text.includes('c2Jf')) {
    for (const match of text.matchAll(BASE64)) {
      const decoded = Buffer.from(match[0], 'base64').toString('utf8').trim();
      const at = match.index as number;
      if (isWholeJwt(decoded)) {
        const literal = jwtLiteral(decoded, at, true);
        if (literal) found.push(literal);
      } else {
        const type = newKeyType(decoded);
        if (type) found.push(newKeyLiteral(decoded, type, at, true));
      }
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

function jwtLiteral(token: string, offset: number, base64: boolean): KeyLiteral | undefined {
  const kind = classifyJwt(token);
  if (kind === 'jwt' || kind === 'access-token' || kind === 'publishable' || kind === 'secret') return undefined;
  return { offset, value: token, kind, role: kind === 'legacy-demo' ? roleOf(token) : undefined, base64, localDefault: kind === 'legacy-demo' };
}

function newKeyLiteral(key: string, type: string, offset: number, base64: boolean): KeyLiteral {
  return { offset, value: key, kind: type === 'secret' ? 'secret' : 'publishable', base64, localDefault: LOCAL_DEFAULT_KEYS.has(key) };
}

/** The key a local CLI demo JWT stands for, by its role claim: anon -> publishable, service_role -> secret. */
export function demoKeyRole(token: string): KeyRole | undefined {
  const role = roleOf(token);
  return role === 'anon' ? 'publishable' : role === 'service_role' ? 'secret' : undefined;
}

function roleOf(token: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as { role?: unknown };
    return typeof claims.role === 'string' ? claims.role : undefined;
  } catch {
    return undefined;
  }
}
