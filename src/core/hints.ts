// The literals the read phase asks about in every file, found in one pass (issue 22). A search for one
// lowercase literal costs V8 about as much as a search for an alternation of ten (each scans the text once,
// trying the common first letters at every offset), so every file is scanned once for all of them and the
// later tests (isCandidate, the generic hints, the security facts) read the bits instead of the text. Only the
// exact tests behind a bit read the text again, in the few files that have it.

import { escapeRegExp } from '../keys/names.js';

/** One bit per fact; a file's hints are their union. */
export const HINT = {
  /** `supabase`, `Supabase`, `SUPABASE`. */
  supabase: 1 << 0,
  /** `sb_publishable_`, `sb_secret_`. */
  newKey: 1 << 1,
  /** `eyJ`: the start of a JWT. */
  jwt: 1 << 2,
  /** `ZXlK` (`eyJ` in base64), `c2Jf` (`sb_`). */
  wrapped: 1 << 3,
  /** `migrate-keys-ignore`. */
  ignore: 1 << 4,
  /** `auth-helpers`. */
  authHelpers: 1 << 5,
  /** `functions` (`functions.invoke`, `/functions/v1/`, `functions deploy`). */
  functions: 1 << 6,
  /** `Authorization`, `authorization`. */
  authorization: 1 << 7,
  bearer: 1 << 8,
  /** `JWT_SECRET`. */
  jwtSecret: 1 << 9,
  /** `jsonwebtoken`, `jose`, `djwt`, `HS256`: the legacy JWT secret's libraries. */
  jwtLibrary: 1 << 10,
  realtime: 1 << 11,
  channel: 1 << 12,
  /** `auth` in lower case (`supabase.auth.…`). */
  auth: 1 << 13,
  /** `server-only`. */
  serverOnly: 1 << 14,
  /** Set when every literal below was looked for, not only the first ones. */
  complete: 1 << 15,
} as const;

// What a file is asked before the repository is known to use Supabase: whether it does, and whether the file is a
// candidate whatever the rest holds. `auth-helpers` is also an `auth`, so it sets both bits.
const FIRST: readonly (readonly [string, number])[] = [
  ['upabase', HINT.supabase],
  ['UPABASE', HINT.supabase],
  ['sb_publishable_', HINT.newKey],
  ['sb_secret_', HINT.newKey],
  ['eyJ', HINT.jwt],
  ['ZXlK', HINT.wrapped],
  ['c2Jf', HINT.wrapped],
  ['migrate-keys-ignore', HINT.ignore],
  ['auth-helpers', HINT.authHelpers | HINT.auth],
  ['functions', HINT.functions],
];

// What matters once it does: the generic hints and the security facts. An alternation takes the first literal that
// matches at an offset, so a literal that starts with another comes before it and sets its bits too.
const REST: readonly (readonly [string, number])[] = [
  ['Authorization', HINT.authorization],
  ['authorization', HINT.authorization | HINT.auth],
  ['Bearer', HINT.bearer],
  ['JWT_SECRET', HINT.jwtSecret],
  ['jsonwebtoken', HINT.jwtLibrary],
  ['jose', HINT.jwtLibrary],
  ['djwt', HINT.jwtLibrary],
  ['HS256', HINT.jwtLibrary],
  ['realtime', HINT.realtime],
  ['channel', HINT.channel],
  ['auth', HINT.auth],
  ['server-only', HINT.serverOnly],
];

/** Every literal the hints look for, with its bits, in the order the alternation tries them. */
export const HINT_LITERALS: readonly (readonly [string, number])[] = [...FIRST, ...REST];

const searchFor = (literals: readonly (readonly [string, number])[]): { pattern: RegExp; bits: Map<string, number> } => ({
  pattern: new RegExp(literals.map(([literal]) => escapeRegExp(literal)).join('|'), 'g'),
  bits: new Map(literals),
});

const FIRST_SEARCH = searchFor(FIRST);
const EVERY_SEARCH = searchFor(HINT_LITERALS);
const union = (literals: readonly (readonly [string, number])[]): number => literals.reduce((bits, [, more]) => bits | more, 0);
const FIRST_BITS = union(FIRST);
const ALL_BITS = union(HINT_LITERALS);

/**
 * The hints of a text: one scan for the first literals, or for all of them (`every`: the repository uses Supabase,
 * or has a candidate). The scan stops once every bit it can set is set.
 */
export function textHints(text: string, every: boolean): number {
  const { pattern, bits } = every ? EVERY_SEARCH : FIRST_SEARCH;
  const full = every ? ALL_BITS : FIRST_BITS;
  let hints = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    hints |= bits.get(match[0]) as number;
    if (hints === full) break;
    // Literals overlap (`upabase` ends where `eyJ` starts): the next search starts inside this match.
    pattern.lastIndex = match.index + 1;
  }
  return every ? hints | HINT.complete : hints;
}

/** The hints of a text, completed with every literal when they were found with the first ones only. */
export function completeHints(text: string, hints: number): number {
  return hints & HINT.complete ? hints : textHints(text, true);
}

/** Whether a text names Supabase (`supabase`, `Supabase`, `SUPABASE`) or holds a new key, by its hints. */
export function namesSupabase(hints: number): boolean {
  return (hints & (HINT.supabase | HINT.newKey)) !== 0;
}
