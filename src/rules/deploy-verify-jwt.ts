// deploy-verify-jwt: a deploy command that leaves verify_jwt on: a warning where it is a function's only guard, an info
// where the function checks its caller in code (the model of edge-function-verify-jwt).
import type { EdgeFunction } from '../supabase/edge/model.js';
import { MUST_BE_OFF, REJECTS_EVERY_CALLER } from './edge-function-verify-jwt.js';
import type { Report, Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

export const deployVerifyJwt: Rule = {
  meta: {
    id: 'deploy-verify-jwt',
    severity: 'warning',
    fix: 'none',
    summary: 'a `supabase functions deploy` command (scripts, CI, Makefile) that leaves verify_jwt on for a function',
    description:
      'A deploy flag wins over config.toml. A `supabase functions deploy` without --no-verify-jwt deploys with ' +
      'the config value, which is on by default; a deploy without function names deploys them all. verify_jwt does not ' +
      'authenticate API-key callers (it accepts the new keys on either header for migration compatibility) and may reject every ' +
      'caller once the legacy keys are disabled. For a function whose only guard it is, this is a warning: add a check in the ' +
      'handler first, then --no-verify-jwt. For a function that checks its caller in code (as edge-function-verify-jwt finds), ' +
      'it is an info: add --no-verify-jwt, or set verify_jwt = false in config.toml. A command is read as the shell reads it: continuation ' +
      'lines (`\\`, a PowerShell backtick, a YAML `>` block) belong to it, and a script that passes its arguments on (`"$@"`) deploys ' +
      'what the npm scripts, workflows and Makefiles that call it give it.',
    legacyUse: false,
    blocksRotation: false,
    example: 'supabase functions deploy hello-world   ->   supabase functions deploy hello-world --no-verify-jwt',
    sources: [
      cite(
        PAGES.functionDeploy,
        '`supabase functions deploy` without a name deploys every function; `--no-verify-jwt` deploys a function without the JWT check, so ' +
          'anyone can invoke it without a valid JWT.',
      ),
      cite(PAGES.functionConfiguration, '`verify_jwt = false` under `[functions.<slug>]` in `supabase/config.toml` turns the check off for that function.'),
      cite(
        PAGES.apiKeyDecisionPr,
        'The API key docs now say that, for migration compatibility, the verify_jwt check accepts publishable and secret keys on either header, ' +
          'and that passing it does not authenticate the caller (review of 2026-09-01).',
      ),
      cite(
        {
          title: 'supabase/supabase#50301: fix(functions): prevent JWT verification when legacy keys are disabled (open)',
          url: 'https://github.com/supabase/supabase/pull/50301',
          date: '2026-09-12',
        },
        'An open pull request (2026-09-12) states that once the legacy keys are disabled verify_jwt can never be satisfied, so the function ' +
          'rejects every request.',
      ),
    ],
    examples: [
      {
        title: 'A deploy script, for a function that checks its caller (an info)',
        file: 'scripts/deploy.sh',
        before: '#!/bin/sh\nsupabase functions deploy send-report --project-ref "$PROJECT_REF"\n',
        after: '#!/bin/sh\nsupabase functions deploy send-report --no-verify-jwt --project-ref "$PROJECT_REF"\n',
        context: {
          'supabase/config.toml': 'project_id = "my-app"\n',
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
    for (const deploy of context.edge.deploys) {
      if (deploy.file !== file.path || deploy.command.noVerifyJwt) continue;
      const on = deploy.functions.filter((fn) => fn.configVerifyJwt);
      if (on.length === 0) continue;
      const what = deploy.command.names.length === 0 ? 'of every function ' : '';
      const names = (fns: readonly EdgeFunction[]) => fns.map((fn) => `\`${fn.slug}\``).join(', ');
      // Only a function that checks its caller may lose verify_jwt; for any other it is the only guard.
      const unguarded = on.filter((fn) => !fn.checksCaller);
      const guarded = on.filter((fn) => fn.checksCaller);
      if (unguarded.length > 0) {
        reports.push({
          offset: deploy.offset,
          message:
            `this deploy ${what}leaves verify_jwt on for ${names(unguarded)}, its only guard, ${REJECTS_EVERY_CALLER}. ` +
            'Add a check in the handler (auth.getClaims, the apikey header against SUPABASE_SECRET_KEYS, a webhook signature), then --no-verify-jwt.',
        });
      }
      if (guarded.length > 0) {
        reports.push({
          offset: deploy.offset,
          severity: 'info',
          message:
            `this deploy ${what}leaves verify_jwt on for ${names(guarded)}, which checks its caller in code, though ${MUST_BE_OFF}. ` +
            'Add --no-verify-jwt (or set verify_jwt = false in config.toml).',
        });
      }
    }
    return reports;
  },
};
