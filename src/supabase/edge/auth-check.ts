// Whether a function's code checks its caller itself, as it must once verify_jwt is off.

// An apikey comparison, Supabase Auth, @supabase/server, or a webhook signature / shared-secret check.
const CALLER_CHECKS = [
  /['"`]apikey['"`]/i,
  /\bauth\s*\.\s*getUser\s*\(/,
  /\bauth\s*\.\s*getClaims\s*\(/,
  /\bwithSupabase\s*\(/,
  /stripe-signature|x-hub-signature|x-signature|webhook-signature|svix-signature|x-webhook-secret|x-cron-secret/i,
  /\bconstructEvent(?:Async)?\s*\(/,
  /\bverify(?:Signature|Webhook|Token|Jwt)\s*\(/i,
  /\bjwtVerify\s*\(|\bcreateRemoteJWKSet\s*\(/,
  /timingSafeEqual\s*\(/,
];

export function checksCaller(sources: readonly string[]): boolean {
  return sources.some((source) => CALLER_CHECKS.some((pattern) => pattern.test(source)));
}

/** Relative imports of a module (`./x.ts`, `../_shared/cors.ts`), to follow a function into its code. */
export function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(match[1] as string);
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
