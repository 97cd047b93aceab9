// Key values by their content (SPEC §1, §3): legacy JWTs by their claims, new sb_ keys, placeholders.
import type { KeyRole } from './names.js';

export type KeyValueKind =
  | 'legacy-anon'
  | 'legacy-service-role'
  | 'legacy-demo'
  | 'jwt'
  | 'publishable'
  | 'secret'
  | 'access-token';

/** A hosted project's legacy anon or service_role JWT: what deactivating the legacy keys stops (the CLI's demo keys are not). */
export function isHostedLegacyKey(kind: string): kind is 'legacy-anon' | 'legacy-service-role' {
  return kind === 'legacy-anon' || kind === 'legacy-service-role';
}

/** A JWT anywhere in a text (global: for `matchAll`). */
export const JWT = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
/** A new key anywhere in a text, its type in group 1 (global: for `matchAll`). */
export const NEW_KEY = /(?<![A-Za-z0-9_])sb_(publishable|secret)_[A-Za-z0-9_-]{20,}/g;

/** Classifies a JWT by its decoded claims: the role decides, not the variable it is stored in. */
export function classifyJwt(token: string): KeyValueKind {
  const payload = token.split('.')[1];
  if (!payload) return 'jwt';
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (claims.iss === 'supabase-demo') return 'legacy-demo';
    if (claims.role === 'anon') return 'legacy-anon';
    if (claims.role === 'service_role') return 'legacy-service-role';
  } catch {
    // Not JSON: an opaque JWT-shaped string.
  }
  return 'jwt';
}

/** Whether a text holds a legacy API key JWT (anon, service_role, or the local CLI's demo keys). */
export function hasLegacyKeyJwt(text: string): boolean {
  return text.includes('eyJ') && [...text.matchAll(JWT)].some((match) => classifyJwt(match[0]) !== 'jwt');
}

export type ValueClass = KeyValueKind | 'placeholder' | 'other';

const WHOLE_JWT = /^eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const WHOLE_NEW_KEY = /^sb_(publishable|secret)_[A-Za-z0-9_-]{20,}$/;

/** Whether a text is one whole JWT (three base64url parts), whatever its claims. */
export function isWholeJwt(text: string): boolean {
  return WHOLE_JWT.test(text);
}

/** The type of a text that is one whole new key, or undefined. */
export function newKeyType(text: string): KeyRole | undefined {
  const match = WHOLE_NEW_KEY.exec(text);
  return match ? (match[1] === 'secret' ? 'secret' : 'publishable') : undefined;
}

/** What a stored value is, by its content alone: never by the name it is stored under. */
export function classifyValue(value: string): ValueClass {
  const trimmed = value.trim();
  if (isWholeJwt(trimmed)) return classifyJwt(trimmed);
  const newKey = newKeyType(trimmed);
  if (newKey) return newKey;
  if (isPlaceholder(trimmed)) return 'placeholder';
  return 'other';
}

/** A new key of the right shape for its role (`sb_publishable_…` / `sb_secret_…`). */
export function isNewKeyOfRole(value: string, role: KeyRole): boolean {
  return classifyValue(value) === role && value === value.trim();
}

const PLACEHOLDER = /^(?:|your[-_ ].*|<[^>]*>|x{3,}|\.{3}|…|changeme|change-me|placeholder|todo|replace[-_ ]?me.*)$/i;

/** Template values such as `your-anon-key`, `<anon key>` or `xxx`: not keys, safe to show. */
export function isPlaceholder(value: string): boolean {
  const unquoted = value.trim().replace(/^(["'`])(.*)\1$/, '$2').trim();
  return PLACEHOLDER.test(unquoted);
}
