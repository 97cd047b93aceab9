// The Supabase service a request with a Bearer key goes to, when its URL is in sight: what that service answers to a
// new key sent as Bearer differs (TARGET_SOURCES, cited by bearer-api-key and sql-legacy-key).
import { cite, PAGES } from '../../sources.js';

export type Target = { service: 'rest' | 'storage' | 'auth' } | { service: 'functions'; name: string };

const PATHS: readonly [Exclude<Target['service'], 'functions'>, RegExp][] = [
  ['rest', /\/rest\/v1\b/],
  ['storage', /\/storage\/v1\b/],
  ['auth', /\/auth\/v1\b/],
];
const FUNCTION = /\/functions\/v1\/([A-Za-z0-9_-]+)/;

/** The one target a request's text names; undefined when it names none, or several (then none is certain). */
export function targetIn(text: string): Target | undefined {
  const found: Target[] = PATHS.filter(([, path]) => path.test(text)).map(([service]) => ({ service }));
  const fn = FUNCTION.exec(text);
  if (fn) found.push({ service: 'functions', name: fn[1] as string });
  return found.length === 1 ? found[0] : undefined;
}

/** The target as the message names it: the service and its path. */
export function describeTarget(target: Target): string {
  switch (target.service) {
    case 'rest':
      return 'PostgREST (/rest/v1)';
    case 'storage':
      return 'Storage (/storage/v1)';
    case 'auth':
      return 'Auth (/auth/v1)';
    case 'functions':
      return `the Edge Function \`${target.name}\` (/functions/v1/${target.name})`;
  }
}

/** What the repository says of an Edge Function target (supabase/edge/model.ts): whether the platform checks the header. */
export interface TargetFunction {
  verifyJwt: boolean;
  /** Whether its code (or a module it imports) checks the caller: without one, nothing there reads Authorization. */
  checksCaller?: boolean;
}

/** What a new key sent as Bearer comes to with no target in sight (what each service answers: the rules' meta.description). */
export const NEW_KEY_REFUSED = ', where a new key (not a JWT) is refused unless apikey holds the same key';
/** What a legacy key sent as Bearer comes to, wherever it goes. */
export const LEGACY_STOPS = 'and a legacy key stops working once the legacy keys are deactivated';

/**
 * What the target does with a new key sent as Bearer without the same key in apikey, as the end of a sentence that says
 * what is sent (" to PostgREST (/rest/v1), which answers …"); `fn`, when the function is in the repository; `newKey`,
 * when the key sent is a publishable or secret one (then what a legacy key meets there is left out). The longer why
 * (verify_jwt's migration compatibility, which authenticates no one) is in the rules' meta.description.
 */
export function targetBreaks(target: Target, fn?: TargetFunction, newKey = false): string {
  const to = ` to ${describeTarget(target)}`;
  const legacy = newKey ? '' : `, ${LEGACY_STOPS}`;
  switch (target.service) {
    case 'rest':
      return `${to}, which answers PGRST301 to a new key there${legacy}`;
    case 'storage':
      return `${to}, which answers "Invalid Compact JWS" to a new key there${legacy}`;
    case 'auth':
      return `${to}, which answers 403 bad_jwt to a new key there${legacy}`;
    case 'functions':
      if (fn && !fn.verifyJwt && fn.checksCaller === false) {
        // Issue 27: the repository shows its code checking no caller, so neither the platform nor the function reads the
        // header: no key, legacy or new, is rejected there (and none is checked).
        return `${to}, which has verify_jwt off and does not read Authorization in its code: nothing there checks the key, and Authorization is for a user's session JWT`;
      }
      if (fn && !fn.verifyJwt) {
        return `${to}, which has verify_jwt off: a check there that reads Authorization as a user's JWT rejects a new key${legacy && `${legacy} if it checks one`}`;
      }
      return `${to}, where a check that reads Authorization as a user's JWT rejects a new key${legacy}`;
  }
}

/** The sources of what each target answers (targetBreaks), for the rules that name a target. */
export const TARGET_SOURCES = [
  cite(PAGES.supabasePyBearerIssue, 'With a new key in `Authorization`, PostgREST answers `PGRST301` ("Expected 3 parts in JWT; got 1").'),
  cite(
    PAGES.storageBearerIssue,
    'Storage (`/storage/v1`) rejected an `sb_secret_` key sent as `Authorization: Bearer` with `Invalid Compact JWS` (August 2026): ' +
      'the key is opaque, not a JWT.',
  ),
  cite(
    PAGES.authBearerIssue,
    'An admin client built with a secret key, which sent it as `Authorization: Bearer`, was answered `403` `bad_jwt` by Auth (`/auth/v1/admin`).',
  ),
  cite(
    PAGES.apiKeyDecisionPr,
    'For migration compatibility the `verify_jwt` check of Edge Functions (`/functions/v1/<name>`) accepts publishable and secret keys on ' +
      'either header, and that check does not authenticate the caller; keys belong on `apikey` (September 2026).',
  ),
];
