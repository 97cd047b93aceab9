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
        const edit = verifyJwtOffEdit(file.text, fn.slug, fn.config);
        const own = ownPlace(fn);
        if (own !== undefined) reports.push({ offset: own, message: message(fn), ...(edit && { fix: [edit] }) });
        // No place of its own here: only the table this run appends, where the fix lands (the end of the file).
        else if (edit && context.unsafe && !ignoredAtEntry(fn)) reports.push({ offset: file.text.length, message: message(fn), fix: [edit] });
      }
      if (fn.entrypoint !== file.path) continue;
      if (!fn.configFile) {
        reports.push({ offset: 0, message: `${message(fn)}; there is no ${fn.projectDir}/config.toml to set it in` });
      } else if (ownPlace(fn) === undefined && !context.edge.configs.get(fn.configFile)?.error) {
        // config.toml has no line of this function: the finding is on its own entry file, not on another function's line.
        const applied = context.unsafe && !ignoredAtEntry(fn) && verifyJwtOffEdit('', fn.slug, fn.config) !== undefined;
        if (!applied) reports.push({ offset: 0, message: message(fn) });
      }
    }
    return reports;
  },
};

/** Where config.toml says something of the function: its verify_jwt value, else its [functions.<slug>] table. */
function ownPlace(fn: EdgeFunction): number | undefined {
  if (fn.config?.verifyJwt && fn.config.verifyJwt.start >= 0) return fn.config.verifyJwt.start;
  return fn.config?.table?.start;
}

/** A `migrate-keys-ignore` of this rule on the entry file's first line: --unsafe then leaves config.toml alone too. */
function ignoredAtEntry(fn: EdgeFunction): boolean {
  return fn.entryDirectives.some((d) => d.line <= 1 && (d.rules.length === 0 || d.rules.includes('edge-function-verify-jwt')));
}

function message(fn: EdgeFunction): string {
  const how = fn.config?.verifyJwt ? 'verify_jwt = true' : 'verify_jwt is on by default';
  const callers = fn.callers.length > 0 ? ` (called from ${fn.callers.slice(0, 3).map((c) => `${c.file}:${c.line}`).join(', ')}${fn.callers.length > 3 ? ', …' : ''})` : '';
  return (
    `function \`${fn.slug}\`: ${how}, so callers sending only a publishable or secret key${callers} fail with "Invalid JWT"; ` +
    'signed-in users still pass. Set verify_jwt = false (--write --unsafe does) and check the caller in the function'
  );
}
