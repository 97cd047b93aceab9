// edge-function-verify-jwt: a function whose verify_jwt is on, which API-key callers can no longer pass.
import { verifyJwtOffEdit } from '../supabase/edge/config-toml.js';
import type { EdgeFunction } from '../supabase/edge/model.js';
import type { Report, Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

export const edgeFunctionVerifyJwt: Rule = {
  meta: {
    id: 'edge-function-verify-jwt',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'a function with verify_jwt on (explicit or default) that API-key callers will reach',
    description:
      'The platform\'s verify_jwt check accepts only JWTs. Once callers send a publishable or secret key ' +
      '(anonymous functions.invoke, webhooks, cron, other services), they fail with "Invalid JWT"; signed-in ' +
      'users still pass with their session. The unsafe fix (--write --unsafe) sets verify_jwt = false in the ' +
      "function's [functions.<slug>] table of supabase/config.toml; the function must then check its caller itself.",
    legacyUse: false,
    blocksRotation: false,
    example: '[functions.hello-world]\nverify_jwt = false   # and check the apikey header or the user in the function',
    sources: [
      cite(
        PAGES.apiKeys,
        'Edge Functions only support JWT verification via the anon and service_role JWT-based keys: with publishable and secret keys, use ' +
          '`--no-verify-jwt` and implement your own apikey-header authorization logic in the function.',
      ),
      cite(
        PAGES.invalidJwtIssue,
        'A publishable key sent as `Authorization: Bearer` to a function with verify_jwt on was answered ' +
          '`{"code":"UNAUTHORIZED_INVALID_JWT_FORMAT","message":"Invalid JWT"}` (May 2026).',
      ),
      cite(
        PAGES.authHeaders,
        'verify_jwt is on by default and runs before the function; API keys belong in the `apikey` header and `Authorization` carries a signed-in ' +
          "user's JWT; past the check, the function decides what to do with the caller's credentials.",
      ),
      cite(
        PAGES.apiKeyDecisionPr,
        'The API key docs now say that, for migration compatibility, the verify_jwt check accepts publishable and secret keys on either header, ' +
          'and that passing it does not authenticate the caller.',
      ),
    ],
    examples: [
      {
        title: 'A function that checks its caller, with verify_jwt on by default (fixed by --write --unsafe)',
        file: 'supabase/config.toml',
        before: 'project_id = "my-app"\n',
        after: 'project_id = "my-app"\n\n[functions.send-report]\nverify_jwt = false\n',
        context: {
          'supabase/functions/send-report/index.ts':
            'Deno.serve(async (req) => {\n' +
            "  const secretKeys = JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}')\n" +
            "  if (req.headers.get('apikey') !== secretKeys.default) return new Response('Unauthorized', { status: 401 })\n" +
            "  return new Response('sent')\n" +
            '})\n',
        },
      },
    ],
  },
  check(file, context) {
    const reports: Report[] = [];
    for (const fn of context.edge.functions) {
      if (!fn.verifyJwt) continue;
      if (fn.configFile === file.path) {
        const config = context.edge.configs.get(file.path);
        if (config?.error) continue;
        const offset = fn.config?.verifyJwt && fn.config.verifyJwt.start >= 0 ? fn.config.verifyJwt.start : (fn.config?.table?.start ?? file.text.length);
        const edit = verifyJwtOffEdit(file.text, fn.slug, fn.config);
        reports.push({ offset, message: message(fn), ...(edit && { fix: [edit] }) });
      } else if (!fn.configFile && fn.entrypoint === file.path) {
        reports.push({ offset: 0, message: `${message(fn)}; there is no ${fn.projectDir}/config.toml to set it in` });
      }
    }
    return reports;
  },
};

function message(fn: EdgeFunction): string {
  const how = fn.config?.verifyJwt ? 'verify_jwt = true' : 'verify_jwt is on by default';
  const callers = fn.callers.length > 0 ? ` (called from ${fn.callers.slice(0, 3).map((c) => `${c.file}:${c.line}`).join(', ')}${fn.callers.length > 3 ? ', …' : ''})` : '';
  return (
    `function \`${fn.slug}\`: ${how}, so callers sending only a publishable or secret key${callers} fail with "Invalid JWT"; ` +
    'signed-in users still pass. Set verify_jwt = false (--write --unsafe does) and check the caller in the function'
  );
}
