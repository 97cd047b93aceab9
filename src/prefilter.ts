// The prefilter: whether a file is worth scanning at all, by cheap text tests, no parsing. Every file
// read goes through it, so each test is a literal V8 can search for (a pattern that starts with a
// literal is searched with Boyer-Moore; an alternation of common first letters is tried at every offset).
import type { FileKind } from './file-kinds.js';
import { hasLegacyKeyJwt } from './keys.js';
import { isEdgeFunctionFile } from './locations.js';
import { hasKeyLiteralHint } from './security/prefilter.js';

/** Names the migration renames, found fast: a literal test first, the full pattern only when it passes. */
export interface NameFilter {
  pattern: RegExp;
  /** Literals every matched name contains (`SUPABASE_`, and the `--map` names). */
  literals: readonly string[];
}

const INVOCATION_HINT = /functions\s*\.\s*invoke|\/functions\/v1\//;
// Key names, legacy or new, in CI and deploy files: the places outside the repository they point at.
const KEY_NAME_HINT = /SUPABASE_(?:PUBLISHABLE|SECRET|ANON|SERVICE|KEY)/;
// pydantic-settings fields name env variables in lower case.
const LOWER_NAME_HINT = /supabase_(?:anon|service_role|service)_key/;
const NEW_KEY_HINT = /sb_(?:publishable|secret)_/;

/**
 * Whether a text mentions Supabase at all — by name, by a new key, or by a legacy JWT whose claims
 * say so: what makes the generic hints of other files worth following.
 */
export function mentionsSupabase(text: string): boolean {
  if (/upabase|UPABASE|sb_(?:publishable|secret)_/.test(text)) return true;
  return hasLegacyKeyJwt(text);
}

/**
 * Whether a file is a candidate whatever the rest of the repository holds: a name the migration
 * renames, a new key, a suppression comment, and the files the Edge Function model and the list of
 * places outside the repository always need (Edge Function code, project configs, deploy commands,
 * hosting configs).
 */
export function isCandidate(file: { path: string; kind: FileKind }, text: string, names: NameFilter): boolean {
  const { path, kind } = file;
  if (kind === 'toml' || kind === 'config' || (kind === 'code' && isEdgeFunctionFile(path))) return true;
  if (text.includes('migrate-keys-ignore')) return true;
  if (kind !== 'text' && names.literals.some((literal) => text.includes(literal)) && text.search(names.pattern) >= 0) return true;
  if (NEW_KEY_HINT.test(text)) return true;
  switch (kind) {
    case 'code':
    case 'markup':
      return KEY_NAME_HINT.test(text) || text.includes('auth-helpers') || (text.includes('functions') && INVOCATION_HINT.test(text));
    case 'python':
      return LOWER_NAME_HINT.test(text);
    case 'commands':
    case 'yaml':
    case 'dockerfile':
      return text.includes('functions deploy') || KEY_NAME_HINT.test(text);
    case 'text':
      return false;
    default:
      return KEY_NAME_HINT.test(text);
  }
}

// Text that only matters in a repository that uses Supabase: JWT-looking strings (plain or base64),
// Authorization and Bearer headers, the legacy JWT secret and its libraries, Realtime channels. With
// isCandidate's tests this covers every security rule's hint: the names of secrets, new keys and
// auth-helpers make a file a candidate already.
const GENERIC_HINT = /eyJ|ZXlK|c2Jf|[Aa]uthorization|Bearer|JWT_SECRET|jsonwebtoken|jose|djwt|HS256|realtime|channel/;

/**
 * Whether a file that is not a candidate (isCandidate is false) becomes one in a repository that uses
 * Supabase. Only asked once the repository is known to use it or has a candidate: in any other
 * repository these tests never run and TypeScript is never loaded.
 */
export function hasGenericHint(kind: FileKind, text: string): boolean {
  return kind === 'text' ? hasKeyLiteralHint(text) : GENERIC_HINT.test(text);
}
