// The prefilter: whether a file is worth scanning at all, by cheap text tests, no parsing. Every file
// read goes through it, so each test is a literal V8 can search for (a pattern that starts with a
// literal is searched with Boyer-Moore; an alternation of common first letters is tried at every offset).
import type { FileKind } from '../file-kinds/index.js';
import { hasLegacyKeyJwt } from '../keys/values.js';
import { namesSupabaseSdk } from '../file-kinds/lockfile.js';
import { isEdgeFunctionFile } from '../supabase/paths.js';
import { toolExportOf } from '../file-kinds/tool-exports.js';
import { isPubspec } from '../file-kinds/yaml.js';
import { keyLiterals } from '../keys/literals.js';
import { HINT, namesSupabase } from './hints.js';

/** Names the migration renames, found fast: a literal-led test first, the full pattern only when it passes. */
export interface NameFilter {
  pattern: RegExp;
  /** `nameHint(map)`: what every match of the pattern ends with. */
  hint: RegExp;
  /** Literals every matched name contains (`SUPABASE_`, and the `--map` names), to search bytes for. */
  literals: readonly string[];
}

const INVOCATION_HINT = /functions\s*\.\s*invoke|\/functions\/v1\//;
// Key names, legacy or new, in CI and deploy files: the places outside the repository they point at.
const KEY_NAME_HINT = /SUPABASE_(?:PUBLISHABLE|SECRET|ANON|SERVICE|KEY)/;
// pydantic-settings fields name env variables in lower case.
const LOWER_NAME_HINT = /supabase_(?:anon|service_role|service)_key/;
// The fields an env_prefix ties to a key, read as attributes.
const FIELD_READ_HINT = /\.[ \t]*(?:anon|service_role|service)_key\b/;

/**
 * Whether a text mentions Supabase at all — by name, by a new key, or by a legacy JWT whose claims
 * say so, plain or base64-wrapped (a Kubernetes Secret's `data:`): what makes the generic hints of
 * other files worth following. `hints`: the text's (src/core/hints.ts).
 */
export function mentionsSupabase(text: string, hints: number): boolean {
  return namesSupabase(hints) || ((hints & HINT.jwt) !== 0 && hasLegacyKeyJwt(text)) || ((hints & HINT.wrapped) !== 0 && holdsWrappedKey(text));
}

/** A key wrapped in base64 (`ZXlK` is `eyJ`, `c2Jf` is `sb_`), decoded. */
function holdsWrappedKey(text: string): boolean {
  return keyLiterals(text).some((literal) => literal.base64);
}

/**
 * Whether a file is a candidate whatever the rest of the repository holds: a name the migration
 * renames, a new key, a suppression comment, and the files the Edge Function model and the list of
 * places outside the repository always need (Edge Function code, project configs, deploy commands,
 * callers of a function by its `/functions/v1/` URL, hosting configs). `hints` are the text's (src/core/hints.ts): the tests
 * of Supabase's own names run only when it names Supabase, so most files of most repositories are decided by their hints
 * and one more literal search.
 */
export function isCandidate(file: { path: string; kind: FileKind }, text: string, names: NameFilter, hints: number): boolean {
  const { path, kind } = file;
  // A lockfile is read by sdk-version alone, and only for a Supabase SDK package it names.
  if (kind === 'lockfile') return namesSupabaseSdk(text);
  if (kind === 'toml' || kind === 'config' || (kind === 'code' && isEdgeFunctionFile(path))) return true;
  if (hints & HINT.ignore) return true;
  // The names of --map need not name Supabase.
  if (kind !== 'text' && names.hint.test(text) && text.search(names.pattern) >= 0) return true;
  switch (kind) {
    case 'code':
    case 'markup':
      if (hints & HINT.authHelpers || (hints & HINT.functions && INVOCATION_HINT.test(text))) return true;
      break;
    case 'sql':
      // A caller by URL (pg_net's net.http_post from a migration, a cron job): the Edge Function model counts it.
      if (hints & HINT.functions && text.includes('/functions/v1/')) return true;
      break;
    case 'commands':
    case 'yaml':
    case 'dockerfile':
      // A deploy, or a caller by URL (curl in a workflow or a script): both feed the Edge Function model; so does a call of
      // a script file, whose arguments complete a deploy command that passes them on (issue 27 item 4).
      if ((hints & HINT.functions && (text.includes('functions deploy') || text.includes('/functions/v1/'))) || /\.(?:sh|bash|ps1)\b/.test(text)) return true;
      break;
    case 'python':
    case 'source':
      // A caller by URL or SDK (a Python script, a Go server, a Flutter app's functions.invoke): the Edge Function model counts it.
      if (hints & HINT.functions && INVOCATION_HINT.test(text)) return true;
      break;
  }
  // A read of a pydantic-settings field named after a key (`settings.service_role_key`) in a module that imports the
  // settings: it moves with the field (file-kinds/python.ts linkPythonFields), whether or not the module names Supabase.
  if (kind === 'python' && text.includes('_key') && FIELD_READ_HINT.test(text)) return true;
  // Another tool's JSON export that names Supabase or a key name (tool-export-key); the name first, before any text is searched.
  if (kind === 'text' && path.endsWith('.json') && (namesSupabase(hints) || names.hint.test(text)) && toolExportOf(path, text) !== undefined) return true;
  if (!namesSupabase(hints)) return false;
  if (hints & HINT.newKey) return true;
  // A Flutter app's manifest: the supabase_flutter release it allows, for sdk-key-parameter when no pubspec.lock says more.
  if (kind === 'yaml' && isPubspec(path) && text.includes('supabase_flutter')) return true;
  switch (kind) {
    case 'text':
      return false;
    case 'python':
      // A settings class with an env_prefix names its variables in two pieces (`env_prefix="SUPABASE_"`, `anon_key`).
      return LOWER_NAME_HINT.test(text) || text.includes('env_prefix');
    case 'source':
      // A Flutter app's `Supabase.initialize(anonKey: …)` (sdk-key-parameter).
      return KEY_NAME_HINT.test(text) || text.includes('anonKey');
    default:
      return KEY_NAME_HINT.test(text);
  }
}

// Text that only matters in a repository that uses Supabase: JWT-looking strings (plain or base64),
// Authorization and Bearer headers, the legacy JWT secret and its libraries, Realtime channels. With
// isCandidate's tests this covers every security rule's hint: the names of secrets, new keys and
// auth-helpers make a file a candidate already.
const GENERIC_HINT =
  HINT.jwt | HINT.wrapped | HINT.authorization | HINT.bearer | HINT.jwtSecret | HINT.jwtLibrary | HINT.realtime | HINT.channel;
// A key literal, plain or base64-wrapped (the test keys/literals.ts makes before it looks for one).
const KEY_LITERAL_HINT = HINT.jwt | HINT.newKey | HINT.wrapped;

// SQL that reads a legacy key by its name from a setting or the environment (sql-legacy-key):
// current_setting('app.settings.service_role_key'), getenv('SUPABASE_ANON_KEY').
const SQL_KEY_SETTING_HINT = /current_setting|getenv/;

/**
 * Whether a file that is not a candidate (isCandidate is false) becomes one in a repository that uses
 * Supabase. Only asked once the repository is known to use it or has a candidate: in any other
 * repository these tests never run and TypeScript is never loaded. `hints`: the text's, complete.
 */
export function hasGenericHint(kind: FileKind, text: string, hints: number): boolean {
  if (kind === 'text') return (hints & KEY_LITERAL_HINT) !== 0;
  if (kind === 'lockfile') return false;
  return (hints & GENERIC_HINT) !== 0 || (kind === 'sql' && SQL_KEY_SETTING_HINT.test(text));
}
