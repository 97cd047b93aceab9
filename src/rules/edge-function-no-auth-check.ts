// edge-function-no-auth-check: a function without verify_jwt that never checks who calls it.
import { isTestProjectDir, LOCAL_STACK_PAGES } from '../keys/local-stack.js';
import type { Report, Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

export const edgeFunctionNoAuthCheck: Rule = {
  meta: {
    id: 'edge-function-no-auth-check',
    severity: 'warning',
    fix: 'none',
    summary: 'a function with verify_jwt off that never checks its caller, or one that verify_jwt alone guards while it writes with a secret-key client',
    description:
      'With verify_jwt off the platform lets every request through. The function must check its caller: compare ' +
      'the apikey header with an entry of SUPABASE_SECRET_KEYS, verify the user (auth.getUser / auth.getClaims, a jose / ' +
      'JWKS verification, or withSupabase from @supabase/server), check a webhook signature, or compare a request header ' +
      '(such as x-job-token or Authorization) with a shared secret read from the environment. A compare with the anon or ' +
      'publishable key checks no one (anyone can read that key), and reading the apikey header without comparing it with ' +
      'a secret checks nothing. None of these was found in the ' +
      "function's code or the modules it imports (relative imports and import-map aliases such as @shared/auth.ts, " +
      'followed within supabase/functions); a check named only in a comment does not count. Recognised too: an allowlist from the ' +
      'environment (`ALLOWED.includes(token)`), a constant-time compare (timingSafeEqual, a safeEquals helper, or a helper shaped like one) ' +
      "of a header with a secret (also one a helper's caller passes or names), a call that validates what the caller sent and whose " +
      'failure answers 401/403, and the REST form of auth.getUser (a fetch of /auth/v1/user with the Authorization header, a failure ' +
      'answering 401/403). A function with verify_jwt on, no such check, and a secret-key client (SUPABASE_SERVICE_ROLE_KEY or ' +
      'SUPABASE_SECRET_KEYS) that writes or deletes (insert, update, upsert, delete, rpc, auth.admin) is reported too: verify_jwt accepts ' +
      'the public anon key, so it lets anyone through. A function of a Supabase project under ' +
      "a test, e2e, fixtures or examples folder serves the tests on the local stack (`supabase start` reads that folder's " +
      'config.toml), not production: an info there.',
    legacyUse: false,
    blocksRotation: false,
    example: "if (req.headers.get('apikey') !== expectedKey) return new Response('Unauthorized', { status: 401 })",
    sources: [
      cite(
        PAGES.authHeaders,
        'A request passes the platform-level verify_jwt check first; once it reaches the handler, the function decides what to do with the ' +
          'credentials the caller sent.',
      ),
      cite(
        PAGES.apiKeys,
        'The platform does not verify the `apikey` header for a function deployed with `--no-verify-jwt`: implement your own apikey-header ' +
          'authorization logic in the function.',
      ),
      cite(PAGES.functionDeploy, '`--no-verify-jwt` allows anyone to invoke the function without a valid JWT.'),
      cite(
        PAGES.apiKeyDecisionPr,
        'For migration compatibility the verify_jwt check accepts publishable and secret keys on either header, and passing it does not ' +
          'authenticate the caller: the anon and publishable keys ship in every client.',
      ),
      cite(LOCAL_STACK_PAGES.managingConfig, 'The Supabase CLI uses `supabase/config.toml` to manage local configuration.'),
      cite(
        PAGES.apiKeys,
        'The publishable key goes in anything you ship (browser, mobile app, CLI, script): anyone can read it, so it only reaches what Row ' +
          'Level Security allows. The secret key stays on what you control.',
      ),
    ],
    examples: [
      {
        title: 'A function deployed with verify_jwt = false',
        file: 'supabase/functions/send-report/index.ts',
        before: 'Deno.serve(async (req) => {\n' + '  const { to } = await req.json()\n' + '  return new Response(`sent to ${to}`)\n' + '})\n',
        after:
          'Deno.serve(async (req) => {\n' +
          "  const secretKeys = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}')\n" +
          "  if (req.headers.get('apikey') !== secretKeys.default) return new Response('Unauthorized', { status: 401 })\n" +
          '  const { to } = await req.json()\n' +
          '  return new Response(`sent to ${to}`)\n' +
          '})\n',
        context: { 'supabase/config.toml': '[functions.send-report]\nverify_jwt = false\n' },
      },
    ],
  },
  check(file, context) {
    const reports: Report[] = [];
    for (const fn of context.edge.functions) {
      if (fn.entrypoint !== file.path || fn.checksCaller) continue;
      // --unsafe turns verify_jwt off only for a function that checks its caller (edge-function-verify-jwt): one that does
      // not keeps it on, and that rule's warning asks for a check first. Issue 27 item 6: verify_jwt accepts the public
      // anon key, so a function it alone guards, which writes with a secret-key client, is open to anyone.
      if (fn.verifyJwt) {
        if (fn.writesWithSecretClient) {
          reports.push({
            offset: 0,
            message:
              `function \`${fn.slug}\` has only verify_jwt, which accepts the public anon key, and writes with a secret-key client: anyone can call it. ` +
              'Check the caller in the handler (auth.getClaims, the apikey header against SUPABASE_SECRET_KEYS, a webhook signature).',
          });
        }
        continue;
      }
      // Issue 27: a project under a test, e2e, fixtures or examples folder serves the tests on the local stack: an info.
      if (isTestProjectDir(fn.projectDir)) {
        reports.push({
          offset: 0,
          severity: 'info',
          message:
            `function \`${fn.slug}\` runs with verify_jwt off and never checks its caller, but it belongs to the Supabase project of a test folder ` +
            `(\`${fn.projectDir}\`), which runs on the local stack the tests start, not in production: if it is ever deployed, check the apikey ` +
            'header, the user (auth.getClaims), or a webhook signature first',
        });
        continue;
      }
      reports.push({
        offset: 0,
        message: `function \`${fn.slug}\` runs with verify_jwt off but never checks its caller: check the apikey header, the user (auth.getClaims), or a webhook signature`,
      });
    }
    return reports;
  },
};
