// Legacy names and their new names (SPEC §2): the mapping, the public prefixes, the name patterns.
import { PUBLIC_PREFIXES } from '../frameworks/index.js';

export type KeyRole = 'publishable' | 'secret';

/** What the migration does with one legacy name, wherever it appears. */
export type NameDecision =
  | { kind: 'rename'; name: string; newName: string; role: KeyRole }
  /** A secret behind a public prefix: never renamed into another public name (`secret-key-exposed`). */
  | { kind: 'exposed'; name: string; role: 'secret' };

/** Name overrides from `--map OLD=NEW` and the config file. */
export type NameMap = Readonly<Record<string, string>>;

const LEGACY_STEMS: Readonly<Record<string, KeyRole>> = {
  SUPABASE_ANON_KEY: 'publishable',
  SUPABASE_SERVICE_ROLE_KEY: 'secret',
  SUPABASE_SERVICE_KEY: 'secret',
};

/** The names a key was documented under (SPEC §2); `SUPABASE_SERVICE_KEY` is an alias of the service_role key. */
const CANONICAL_STEMS: ReadonlySet<string> = new Set(['SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY']);

const NEW_STEMS: Readonly<Record<KeyRole, string>> = {
  publishable: 'SUPABASE_PUBLISHABLE_KEY',
  secret: 'SUPABASE_SECRET_KEY',
};

// A legacy name is an optional prefix of upper-case words, each ending in `_` (a lone leading `_`
// too: Cloud Build substitutions), then a legacy stem; neither side may touch another identifier
// character (`VITE_SUPABASE_ANON_KEYS` is another name).
const PREFIX = '_?(?:[A-Z0-9]+_)*';
const STEMS = Object.keys(LEGACY_STEMS).join('|');
// A Gradle project property or a JVM system property given on a command line glues its name to its flag
// (`./gradlew assembleRelease -PSUPABASE_ANON_KEY=…`, `-DSUPABASE_ANON_KEY=…`): after a blank, a quote or `=`, the name
// starts after the flag (issue 23).
const FLAG = '(?:^|[\\s"\'=])-';
const BEFORE = `(?:(?<![A-Za-z0-9_])(?!(?<=${FLAG})[DP])|(?<=${FLAG}[DP]))`;
const AFTER = '(?![A-Za-z0-9_])';
const LEGACY_NAME_EXACT = new RegExp(`^(${PREFIX})(${STEMS})$`);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A name an object assignment would not store: `map["__proto__"] = …` sets the prototype, dropping the entry. */
const UNMAPPABLE = '__proto__';

/**
 * A legacy name under its canonical stem (`SUPABASE_SERVICE_ROLE_KEY`, `*_SUPABASE_ANON_KEY`): where it
 * shares a namespace with an alias of the same new name, it is the one renamed (SPEC §2).
 */
export function isCanonicalName(name: string): boolean {
  const stem = LEGACY_NAME_EXACT.exec(name)?.[2];
  return stem !== undefined && CANONICAL_STEMS.has(stem);
}

/** True for a prefix (or a whole name) that bundlers inline into browser code: a framework's public prefix, or any `…_PUBLIC_`. */
export function isPublicPrefix(prefix: string): boolean {
  return PUBLIC_PREFIXES.some((p) => prefix.startsWith(p)) || /(^|_)PUBLIC_/.test(prefix);
}

/**
 * Whether a name is a key name by its prefix alone: none, a framework's public prefix (`VITE_`, `NEXT_PUBLIC_`, …),
 * Cloud Build's `_`, or a --map entry. A longer name that merely ends in a legacy name (`MISSING_SUPABASE_ANON_KEY`,
 * an error code) is a key name only where the repository uses it as an env variable (rules/analysis/env-names.ts).
 */
export function hasKeyPrefix(name: string, map: NameMap = {}): boolean {
  if (Object.hasOwn(map, name)) return true;
  const prefix = LEGACY_NAME_EXACT.exec(name.toUpperCase())?.[1];
  return prefix === undefined || prefix === '' || prefix.startsWith('_') || PUBLIC_PREFIXES.some((p) => prefix.startsWith(p));
}

/** The decision for a name, or undefined when the name is not legacy and not mapped. */
export function decideName(name: string, map: NameMap = {}): NameDecision | undefined {
  const mapped = Object.hasOwn(map, name) ? map[name] : undefined;
  const match = LEGACY_NAME_EXACT.exec(name);
  const role: KeyRole | undefined = match ? LEGACY_STEMS[match[2] as string] : undefined;
  if (mapped !== undefined) return { kind: 'rename', name, newName: mapped, role: role ?? roleOfName(mapped) ?? 'publishable' };
  if (!match || !role) return undefined;
  const prefix = match[1] as string;
  if (role === 'secret' && isPublicPrefix(prefix)) return { kind: 'exposed', name, role };
  return { kind: 'rename', name, newName: prefix + NEW_STEMS[role], role };
}

/** The role a variable's name claims, when it claims one: legacy names by the table, others by their words. */
export function roleOfName(name: string, map: NameMap = {}): KeyRole | undefined {
  const decision = decideName(name, map);
  if (decision) return decision.role;
  if (/SECRET|SERVICE_ROLE|SERVICE_KEY/.test(name)) return 'secret';
  if (/PUBLISHABLE|ANON/.test(name)) return 'publishable';
  return undefined;
}

/**
 * One pattern that finds every name the migration cares about in any text: legacy names with any
 * prefix, plus the extra names of the map. Global and sticky-free, so callers can `matchAll`.
 */
export function namePattern(map: NameMap = {}): RegExp {
  const extra = Object.keys(map)
    .filter((name) => !LEGACY_NAME_EXACT.test(name))
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const alternatives = [`${PREFIX}(?:${STEMS})`, ...extra].join('|');
  return new RegExp(`${BEFORE}(?:${alternatives})${AFTER}`, 'g');
}

/**
 * What every match of `namePattern(map)` ends with, led by literals V8 searches for quickly: the
 * full pattern opens with a lookbehind and an optional prefix, so V8 tries it at every offset.
 */
export function nameHint(map: NameMap = {}): RegExp {
  const extra = Object.keys(map)
    .filter((name) => !LEGACY_NAME_EXACT.test(name))
    .map(escapeRegExp);
  return new RegExp(`(?:${[STEMS, ...extra].join('|')})${AFTER}`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parses `--map OLD=NEW` entries; throws a usage message on a malformed or looping entry. */
export function parseNameMap(entries: readonly string[], base: NameMap = {}): NameMap {
  const map: Record<string, string> = { ...base };
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const from = entry.slice(0, eq).trim();
    const to = entry.slice(eq + 1).trim();
    if (eq < 0 || !ENV_NAME.test(from) || !ENV_NAME.test(to)) {
      throw new Error(`--map expects OLD=NEW with two variable names, got "${entry}"`);
    }
    if (from === UNMAPPABLE || to === UNMAPPABLE) throw new Error(`--map: ${UNMAPPABLE} is not a variable name that can be mapped`);
    map[from] = to;
  }
  for (const [from, to] of Object.entries(map)) {
    // A base parsed from JSON may hold it as an own property, which the spread above keeps. The
    // entry is not quoted: `NAME_KEY=value` reads as a secret assignment to the masker.
    if (from === UNMAPPABLE || to === UNMAPPABLE) throw new Error(`--map: ${UNMAPPABLE} is not a variable name that can be mapped`);
    if (from === to) throw new Error(`--map ${from}=${to} maps a name to itself`);
    const next = decideName(to, map);
    if (next?.kind === 'rename') {
      throw new Error(`--map ${from}=${to}: ${to} would itself be renamed to ${next.newName}; map ${from} to the final name`);
    }
  }
  return map;
}
