// edge-function-verify-jwt: a function whose verify_jwt is on: a warning where it is the only guard, an info (and the
// --unsafe fix) where the handler checks its caller.
import { verifyJwtOffEdit } from '../supabase/edge/config-toml.js';
import type { Caller, CallerKind, EdgeFunction } from '../supabase/edge/model.js';
import type { Finding, Report, Rule, Severity } from './rule.js';
import { cite, PAGES } from './sources.js';

// Pages this rule alone cites (kept here, not in sources.ts).
const FUNCTIONS_AUTH = {
  title: 'Supabase docs: Securing Edge Functions',
  url: 'https://supabase.com/docs/guides/functions/auth',
  date: '2026-12-07',
  checked: true,
} as const;
const LEGACY_DISABLED_PR = {
  title: 'supabase/supabase#50301: fix(functions): prevent JWT verification when legacy keys are disabled (open)',
  url: 'https://github.com/supabase/supabase/pull/50301',
  date: '2026-09-12',
};

/** The words of the warning (a function whose only guard is verify_jwt) that the disable gate and the report's step 5 look for. */
export const ONLY_GUARD = 'is its only guard';
/** What makes verify_jwt as the only guard wrong (supabase/supabase#50301): the warning of this rule and deploy-verify-jwt; the longer why is in meta.description. */
export const REJECTS_EVERY_CALLER = 'which may reject every caller once the legacy keys are disabled';
/** What both rules say of verify_jwt on a function that checks its caller in code. */
export const MUST_BE_OFF = 'verify_jwt must be off before the move to asymmetric signing keys';

/** A remaining warning of this rule: a function whose only guard is verify_jwt, which may reject every caller once the legacy keys are off. */
export function isOnlyGuardFinding(finding: Pick<Finding, 'ruleId' | 'message' | 'fixed'>): boolean {
  return finding.ruleId === 'edge-function-verify-jwt' && !finding.fixed && finding.message.includes(ONLY_GUARD);
}

/**
 * What the gate and step 5 say of those functions (supabase/supabase#50301, open: once the legacy keys are disabled, verify_jwt
 * can never be satisfied and the function rejects every request).
 */
export function onlyGuardSentence(findings: readonly Pick<Finding, 'file' | 'line'>[]): string {
  const n = findings.length;
  const where = findings.slice(0, 3).map((f) => `${f.file}:${f.line}`).join(', ') + (n > 3 ? `, and ${n - 3} more` : '');
  return (
    `${n} Edge Function${n === 1 ? "'s" : "s'"} only guard is verify_jwt (${where}), which may reject every caller once the legacy keys are disabled: ` +
    'add a check in the handler, then set `verify_jwt = false` (edge-function-verify-jwt)'
  );
}

export const edgeFunctionVerifyJwt: Rule = {
  meta: {
    id: 'edge-function-verify-jwt',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'a function with verify_jwt on (explicit or default): a warning where it is the only guard, an info where the handler checks its caller',
    description:
      "The platform's verify_jwt check (flag > config.toml > default on) never authenticated a caller: the anon key is itself a valid " +
      'project JWT shipped in every client, and since mid-2026 the check accepts publishable and secret keys on either header for ' +
      'migration compatibility. Once the legacy keys are disabled it may reject every caller, and after the move to asymmetric signing ' +
      'keys it cannot verify user JWTs. For each function the rule looks for a check of the caller in its code and the modules it ' +
      'imports (auth.getUser / auth.getClaims, withSupabase from @supabase/server, a jose / JWKS verification, a webhook signature, a ' +
      'constant-time compare with a secret) and for its callers in the repository (app code, other Edge Functions, SQL such as pg_net or cron, scripts and CI; never a comment or the function\'s own files). ' +
      "A function whose only guard is verify_jwt is a warning: add a check in the handler for its callers (a signed-in user's claims when " +
      "the calling app signs users in, the publishable key when it does not, a secret key for SQL, scripts and other functions, each key compared in constant time with an " +
      "entry of SUPABASE_PUBLISHABLE_KEYS / SUPABASE_SECRET_KEYS), then set verify_jwt = false; it " +
      'is never fixed automatically. A function that checks its caller is an info: verify_jwt is safe to turn off, and the unsafe fix ' +
      "(--write --unsafe) sets verify_jwt = false in its [functions.<slug>] table of supabase/config.toml.",
    legacyUse: false,
    blocksRotation: false,
    example: '[functions.hello-world]\nverify_jwt = false   # once the function checks its caller (auth.getClaims, the apikey header, a signature)',
    sources: [
      cite(
        PAGES.apiKeyDecisionPr,
        'The API key docs now say that, for migration compatibility, the verify_jwt check accepts publishable and secret keys on either header, ' +
          'and that passing it does not authenticate the caller (review of 2026-09-01).',
      ),
      cite(
        PAGES.authHeaders,
        'verify_jwt is on by default and runs before the function; API keys belong in the `apikey` header and `Authorization` carries a signed-in ' +
          "user's JWT; past the check, the function decides what to do with the caller's credentials.",
      ),
      cite(
        FUNCTIONS_AUTH,
        'The verify_jwt flag is incompatible with the new JWT signing keys; Supabase no longer forces JWT verification implicitly and suggests ' +
          'checking the caller in the function (auth.getClaims, JWKS) and skipping the platform check.',
      ),
      cite(
        LEGACY_DISABLED_PR,
        'An open pull request (2026-09-12) states that once the legacy keys are disabled verify_jwt can never be satisfied, so the function ' +
          'rejects every request, and that an apikey header alone or a publishable/secret key never satisfies it.',
      ),
      cite(
        PAGES.invalidJwtIssue,
        'Before the compatibility change, a publishable key sent as `Authorization: Bearer` to a function with verify_jwt on was answered ' +
          '`{"code":"UNAUTHORIZED_INVALID_JWT_FORMAT","message":"Invalid JWT"}` (May 2026).',
      ),
    ],
    examples: [
      {
        title: 'A function that checks its caller, with verify_jwt on by default (an info, fixed by --write --unsafe)',
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
      // Only a function that checks its caller may have verify_jwt turned off: for any other it is the only guard.
      const fixable = fn.checksCaller;
      if (fn.configFile === file.path) {
        const config = context.edge.configs.get(file.path);
        if (config?.error) continue;
        const edit = fixable ? verifyJwtOffEdit(file.text, fn.slug, fn.config) : undefined;
        const own = ownPlace(fn);
        if (own !== undefined) reports.push({ offset: own, ...verdict(fn, context.security.signsIn), ...(edit && { fix: [edit] }) });
        // No place of its own here: only the table this run appends, where the fix lands (the end of the file).
        else if (edit && context.unsafe && !ignoredAtEntry(fn)) reports.push({ offset: file.text.length, ...verdict(fn, context.security.signsIn), fix: [edit] });
      }
      if (fn.entrypoint !== file.path) continue;
      if (!fn.configFile) {
        const { message, severity } = verdict(fn, context.security.signsIn);
        reports.push({ offset: 0, message: message.replace(/ \(--write --unsafe does\)\.$|\.$/, ` under \`[functions.${fn.slug}]\` in a new ${fn.projectDir}/config.toml.`), severity });
      } else if (ownPlace(fn) === undefined && !context.edge.configs.get(fn.configFile)?.error) {
        // config.toml has no line of this function: the finding is on its own entry file, not on another function's line.
        const applied = fixable && context.unsafe && !ignoredAtEntry(fn) && verifyJwtOffEdit('', fn.slug, fn.config) !== undefined;
        if (!applied) reports.push({ offset: 0, ...verdict(fn, context.security.signsIn) });
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

/** The warning for a function whose only guard is verify_jwt; the info for one that checks its caller in code. */
function verdict(fn: EdgeFunction, signsIn: (path: string) => boolean): { message: string; severity: Severity } {
  const how = fn.config?.verifyJwt ? 'verify_jwt = true' : 'verify_jwt is on by default';
  if (fn.checksCaller) {
    return {
      severity: 'info',
      message: `function \`${fn.slug}\`: ${how} though the function checks its caller in code, and ${MUST_BE_OFF}. Set \`verify_jwt = false\` (--write --unsafe does).`,
    };
  }
  const callers = fn.callers.length > 0 ? ` (called from ${fn.callers.slice(0, 3).map((c) => `${c.file}:${c.line}`).join(', ')}${fn.callers.length > 3 ? ', …' : ''})` : '';
  return {
    severity: 'warning',
    message:
      `function \`${fn.slug}\`: ${how} and ${ONLY_GUARD}${callers}, ${REJECTS_EVERY_CALLER}. ` +
      `Add a check in the handler (${handlerCheck(fn.callers, signsIn)}), then set \`verify_jwt = false\`.`,
  };
}

/**
 * The check to add for the kinds of callers the repository shows; every kind when it shows none (a third party's, say).
 * App code calls on a signed-in user's behalf when its package signs users in (the security model's signsIn), else with
 * the publishable key alone.
 */
function handlerCheck(callers: readonly Caller[], signsIn: (path: string) => boolean): string {
  const kinds = new Set<CallerKind>(callers.map((c) => c.kind));
  const any = kinds.size === 0;
  const apps = callers.filter((c) => c.kind === 'app');
  const user = any || apps.some((c) => signsIn(c.file));
  const anonymous = apps.some((c) => !signsIn(c.file));
  // Another Edge Function, SQL and scripts run on a server, which holds a secret key.
  const service = any || kinds.has('function') || kinds.has('sql') || kinds.has('script');
  const checks = [
    ...(user ? ['auth.getClaims(token) for signed-in users'] : []),
    ...(anonymous ? ['the apikey header against SUPABASE_PUBLISHABLE_KEYS for an app without sign-in'] : []),
    ...(service ? ['the apikey header against SUPABASE_SECRET_KEYS for services'] : []),
    ...(any ? ['a webhook signature for third parties'] : []),
  ];
  const modes = [...(user ? ["'user'"] : []), ...(anonymous ? ["'publishable'"] : []), ...(service ? ["'secret'"] : [])].join(' | ');
  return `${checks.join('; ')}; or withSupabase({ auth: ${modes} }) from @supabase/server`;
}
