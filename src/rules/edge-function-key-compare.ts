// edge-function-key-compare: an Edge Function compares a request value with SUPABASE_ANON_KEY /
// SUPABASE_SERVICE_ROLE_KEY, or decodes them as JWTs, though they may already hold the new sb_… keys.
import { wholeScript } from '../file-kinds/parse.js';
import { keyUses, readsKeyCompareSyntax } from './analysis/edge/key-compares.js';
import type { Report, Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

export const edgeFunctionKeyCompare: Rule = {
  meta: {
    id: 'edge-function-key-compare',
    severity: 'error',
    fix: 'none',
    summary:
      'an Edge Function compares a request header or token with SUPABASE_SERVICE_ROLE_KEY/SUPABASE_ANON_KEY, decodes them as JWTs, or reads an API key from Authorization',
    description:
      'Inside Edge Functions, `SUPABASE_ANON_KEY` and `SUPABASE_SERVICE_ROLE_KEY` may already hold the new `sb_publishable_…` / ' +
      '`sb_secret_…` values, or still the legacy JWTs: their format is not fixed. Code that authenticates a caller by comparing a request ' +
      'header or token with them (`===`, `!==`, `includes`, `startsWith`, `timingSafeEqual`, a `Bearer ${…}` string built from them) ' +
      'rejects callers that send the new keys, and code that decodes them as JWTs (`jwtDecode`, `atob(key.split(\'.\')[1])`, to read ' +
      'their `role` claim) breaks on a key that is not a JWT. Compare the `apikey` header in constant time with the entries of ' +
      "`SUPABASE_SECRET_KEYS` (or `SUPABASE_PUBLISHABLE_KEYS`), JSON objects of named keys, or use @supabase/server's " +
      "`withSupabase({ auth: 'secret' })`, which does that. A check that reads the caller's key from the `Authorization` header and " +
      'compares it with the entries of `SUPABASE_SECRET_KEYS` / `SUPABASE_PUBLISHABLE_KEYS` is reported too: supabase-js sends the key only ' +
      "in `apikey` to functions, and callers moved to `apikey` carry no key in Authorization. Reported only: the check has to be rewritten by hand. A user's claims " +
      '(`auth.getUser`, `auth.getClaims`), other secrets and code outside `supabase/functions/` (or its tests) are not concerned.',
    legacyUse: true,
    blocksRotation: false,
    example:
      "req.headers.get('Authorization') === `Bearer ${Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')}`  ->  " +
      "withSupabase({ auth: 'secret' }, handler)",
    sources: [
      cite(
        PAGES.functionSecrets,
        'Edge Functions get `SUPABASE_SECRET_KEYS` and `SUPABASE_PUBLISHABLE_KEYS`, JSON dictionaries of the secret and publishable keys, ' +
          'and the legacy `SUPABASE_ANON_KEY` and `SUPABASE_SERVICE_ROLE_KEY`.',
      ),
      cite(
        PAGES.edgeEnvAfterMigration,
        "A function's `SUPABASE_ANON_KEY` and `SUPABASE_SERVICE_ROLE_KEY` do not follow the project's move to the new keys: they held the " +
          'legacy JWTs after the project had switched to publishable and secret keys and disabled the legacy ones (reported 2025-08-03).',
      ),
      cite(
        PAGES.supabaseJsInvokePr,
        'supabase-js (from 2.110.4) no longer sends a new-format key as `Authorization: Bearer` on `functions.invoke`: the key goes only in `apikey`.',
      ),
      cite(
        PAGES.serverSecurity,
        "@supabase/server compares the `apikey` header with the stored secret (or publishable) keys in constant time (a double HMAC): a plain " +
          '`===` leaks the key through timing.',
      ),
      cite(
        PAGES.serverReadme,
        "@supabase/server v1's `withSupabase({ auth })` takes the modes 'user', 'publishable', 'secret' and 'none' and runs the handler only " +
          'when the request passes.',
      ),
      cite(
        PAGES.serverEnvironment,
        'On the Supabase platform and locally `SUPABASE_SECRET_KEYS` is a JSON object of named keys, `{"default":"sb_secret_..."}`.',
      ),
    ],
    examples: [
      {
        title: 'A function that lets in only callers holding the service_role key',
        file: 'supabase/functions/cron/index.ts',
        before:
          'Deno.serve(async (req) => {\n' +
          "  if (req.headers.get('Authorization') !== `Bearer ${Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')}`) {\n" +
          "    return new Response('Unauthorized', { status: 401 })\n" +
          '  }\n' +
          "  return new Response('ok')\n" +
          '})\n',
        after:
          "import { withSupabase } from 'npm:@supabase/server@1'\n\n" +
          'export default {\n' +
          "  fetch: withSupabase({ auth: 'secret' }, async () => new Response('ok')),\n" +
          '}\n',
      },
    ],
  },
  readsSyntax: readsKeyCompareSyntax,
  check(file) {
    if (file.parseError || !readsKeyCompareSyntax(file)) return [];
    const { sourceFile } = file.scripts.parse(wholeScript(file.path, file.text));
    return keyUses(sourceFile).map(({ offset, message }): Report => ({ offset, message }));
  },
};

