// Whether a function's code checks its caller itself, as it must once verify_jwt is off.
import { matchesOutsideComments } from '../../file-kinds/comments.js';
import type { Scripts } from '../../file-kinds/parse.js';
import { comparesHeaderWithSecret } from './secret-compare.js';

// Supabase Auth, @supabase/server, a JWT verification, or a webhook signature check. A compare of a request header
// with a secret (SUPABASE_SECRET_KEYS, a shared secret) is read on the syntax tree (secret-compare.ts): a lone
// 'apikey' string or a compare with the public anon/publishable key checks no one.
const CALLER_CHECKS = [
  /\bauth\s*\.\s*getUser\s*\(/,
  /\bauth\s*\.\s*getClaims\s*\(/,
  /\bwithSupabase\s*\(/,
  /stripe-signature|x-hub-signature|x-signature|webhook-signature|svix-signature|x-webhook-secret|x-cron-secret/i,
  /\bconstructEvent(?:Async)?\s*\(/,
  /\bverify(?:Signature|Webhook|Token|Jwt)\s*\(/i,
  /\bjwtVerify\s*\(|\bcreateRemoteJWKSet\s*\(/,
];

/** A module of a function's code: its path, its text, and its parsed scripts when the scan kept them. */
export interface FunctionModule {
  path: string;
  text: string;
  scripts?: Scripts;
}

/** Whether any of the modules checks the caller in its code: a check named only in a comment (a TODO) is none. */
export function checksCaller(modules: readonly FunctionModule[]): boolean {
  const named = modules.some((module) =>
    CALLER_CHECKS.some((pattern) => pattern.test(module.text) && matchesOutsideComments(module.path, module.text, pattern, module.scripts)),
  );
  return named || comparesHeaderWithSecret(modules);
}

// A client made with the secret key (createClient with SUPABASE_SERVICE_ROLE_KEY or an entry of SUPABASE_SECRET_KEYS), and a
// call that writes or deletes through it: a row write, an RPC, or the Auth admin API.
const SECRET_CLIENT = /\bSUPABASE_(?:SERVICE_ROLE_KEY|SECRET_KEYS)\b/;
const CREATES_CLIENT = /\bcreateClient\s*(?:<[^>]*>)?\s*\(/;
const WRITES = /\.\s*(?:insert|update|upsert|delete|rpc)\s*\(|\bauth\s*\.\s*admin\s*\./;

/**
 * Whether the modules make a secret-key client and write or delete with it (issue 27 item 6): what verify_jwt alone
 * leaves open to anyone holding the public anon key. Names in comments do not count.
 */
export function writesWithSecretClient(modules: readonly FunctionModule[]): boolean {
  const found = (pattern: RegExp) => modules.some((module) => pattern.test(module.text) && matchesOutsideComments(module.path, module.text, pattern, module.scripts));
  return found(SECRET_CLIENT) && found(CREATES_CLIENT) && found(WRITES);
}

/**
 * The static imports of a module that may lead to code of the repository: relative ones (`./x.ts`,
 * `../_shared/cors.ts`) and bare ones an import map may alias (`@shared/auth.ts`); never a URL, `npm:`, `jsr:`
 * or `node:` specifier.
 */
export function localImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"\s]+)['"]/g)) {
    const specifier = match[1] as string;
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(specifier)) found.push(specifier);
  }
  return found;
}

/** Callers of a function in any code: `functions.invoke('slug')` and `…/functions/v1/slug` URLs. */
export function findInvocations(source: string): { slug: string; offset: number }[] {
  const found: { slug: string; offset: number }[] = [];
  for (const match of source.matchAll(/\bfunctions\s*\.\s*invoke\s*(?:<[^>]*>)?\s*\(\s*['"`]([A-Za-z0-9_-]+)['"`]|\/functions\/v1\/([A-Za-z0-9_-]+)/g)) {
    found.push({ slug: (match[1] ?? match[2]) as string, offset: match.index as number });
  }
  return found;
}
