// The Supabase service a request with a Bearer key goes to, when its URL is in sight: what that service answers to a
// new key sent as Bearer differs (cited in bearer-api-key's meta.sources).

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

/** What the target does with a new key sent as Bearer without the same key in apikey. */
export function targetBreaks(target: Target): string {
  const legacy = 'and a legacy key there stops working once the legacy keys are deactivated';
  switch (target.service) {
    case 'rest':
      return `${describeTarget(target)} answers a new key there with PGRST301 ("Expected 3 parts in JWT; got 1"), ${legacy}`;
    case 'storage':
      return `${describeTarget(target)} answers a new key there with "Invalid Compact JWS", ${legacy}`;
    case 'auth':
      return `${describeTarget(target)} answers a new key there with 403 bad_jwt, ${legacy}`;
    case 'functions':
      return (
        `${describeTarget(target)}: verify_jwt lets a new key there through only for migration compatibility and authenticates no one, ` +
        `a check in the function that reads Authorization as a user's JWT rejects it, ${legacy}`
      );
  }
}
