// The local stack (the CLI's `supabase start`): its keys and JWT secret are public constants of the CLI, and what only
// that stack loads is not a production secret (issue 27: quiet and right on migrated repositories). Rules that meet such
// a value or such a place ask here, so the classification is made once.
import { classifyJwt, isWholeJwt } from './values.js';

/**
 * The pages these facts come from (cited by the rules that use them; `rules/sources.ts` has the rest): supabase/cli's
 * `pkg/config/apikeys.go` holds the local JWT secret and signs the demo keys with `iss: supabase-demo`; the docs say
 * `config.toml` is the CLI's local configuration.
 */
export const LOCAL_STACK_PAGES = {
  cliApiKeys: {
    title: 'supabase/cli: pkg/config/apikeys.go (the local stack\'s default JWT secret and demo keys)',
    url: 'https://github.com/supabase/cli/blob/038cb984b613f20b9c697a6463130c0153d83d55/pkg/config/apikeys.go',
    date: '2026-12-07',
    checked: true,
  },
  cliSigningKeys: {
    title: 'supabase/cli: internal/gen/signingkeys/signingkeys.go (`supabase gen signing-key`)',
    url: 'https://github.com/supabase/cli/blob/038cb984b613f20b9c697a6463130c0153d83d55/internal/gen/signingkeys/signingkeys.go',
    date: '2026-12-07',
    checked: true,
  },
  managingConfig: {
    title: 'Supabase docs: Managing config and secrets (local development)',
    url: 'https://supabase.com/docs/guides/local-development/managing-config',
    date: '2026-12-07',
    checked: true,
  },
} as const;

/** The local CLI's default `[auth] jwt_secret` (supabase/cli pkg/config/apikeys.go, `defaultJwtSecret`). */
export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** The role of the local CLI's demo key a text is (`iss: supabase-demo`), or undefined when it is not one. */
export function localDemoRole(value: string): 'anon' | 'service_role' | undefined {
  const token = value.trim();
  if (!isWholeJwt(token) || classifyJwt(token) !== 'legacy-demo') return undefined;
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    return claims.role === 'service_role' ? 'service_role' : 'anon';
  } catch {
    return 'anon';
  }
}

// A folder of tests, end-to-end runs, fixtures or examples: what a Supabase project under it serves is those.
const TEST_SEGMENT = /^(?:test|tests|__tests__|e2e|fixtures|__fixtures__|examples?)$/;

/**
 * Whether a Supabase project folder (`<…>/supabase`) sits under a test, e2e, fixtures or examples folder: its
 * functions run only on the local stack the tests start, not in production.
 */
export function isTestProjectDir(projectDir: string): boolean {
  const segments = projectDir.split('/');
  return segments.slice(0, -1).some((segment) => TEST_SEGMENT.test(segment));
}

/**
 * The names a module binds to the local CLI's JWT secret alone (`const JWT_SECRET = 'super-secret-jwt-token-…'`,
 * `export const`, a TextEncoder around it). A name that reads the environment first (`process.env.X ?? '…'`) is not
 * one: the environment may hold the hosted project's secret.
 */
export function localJwtSecretNames(text: string): Set<string> {
  const names = new Set<string>();
  if (!text.includes(LOCAL_JWT_SECRET)) return names;
  const literal = `(['"\`])${LOCAL_JWT_SECRET}\\2`;
  const binding = new RegExp(
    `\\b(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*(?::[^=\\n]+)?=\\s*(?:${literal}|new\\s+TextEncoder\\(\\)\\.encode\\(\\s*(['"\`])${LOCAL_JWT_SECRET}\\3\\s*,?\\s*\\))`,
    'g',
  );
  for (const match of text.matchAll(binding)) names.add(match[1] as string);
  return names;
}

/**
 * Whether the call at `offset` (a sign or verify found by legacy-jwt-secret, `via` what showed the secret) uses the
 * local CLI's JWT secret alone: a name the module binds to it, or the literal itself among the call's arguments.
 */
export function usesLocalJwtSecret(text: string, offset: number, via: string): boolean {
  if (!text.includes(LOCAL_JWT_SECRET)) return false;
  const name = /^`([A-Za-z_$][\w$]*)`$/.exec(via)?.[1];
  if (name) return localJwtSecretNames(text).has(name);
  return callText(text, offset).includes(LOCAL_JWT_SECRET);
}

/** The text of the call starting at `offset`, up to its closing parenthesis (strings are not looked into for brackets). */
function callText(text: string, offset: number): string {
  const open = text.indexOf('(', offset);
  if (open < 0) return '';
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(offset, i + 1);
  }
  return text.slice(offset);
}

/**
 * legacy-jwt-secret's report for a use of the local CLI's JWT secret alone (an info: not the hosted project's secret), or
 * undefined for any other secret. `use` is what that rule found (analysis/security/jwt-secret.ts).
 */
export function localJwtSecretReport(
  text: string,
  use: { offset: number; action: 'verifies' | 'signs' | 'reads'; via: string },
): { offset: number; severity: 'info'; message: string } | undefined {
  if (!usesLocalJwtSecret(text, use.offset, use.via)) return undefined;
  const does = use.action === 'signs' ? 'tokens are signed with' : use.action === 'verifies' ? 'tokens are verified with' : 'reads';
  return {
    offset: use.offset,
    severity: 'info',
    message:
      `${does} the local CLI's default JWT secret (${use.via}): a public constant that only the local stack (\`supabase start\`) trusts, ` +
      "not the hosted project's legacy JWT secret: nothing to migrate here for the hosted project",
  };
}
