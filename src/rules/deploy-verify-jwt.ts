// deploy-verify-jwt: a deploy command that leaves verify_jwt on for functions API-key callers will reach.
import type { Report, Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

export const deployVerifyJwt: Rule = {
  meta: {
    id: 'deploy-verify-jwt',
    severity: 'warning',
    fix: 'none',
    summary: 'a `supabase functions deploy` command (scripts, CI, Makefile) that leaves verify_jwt on for such a function',
    description:
      'A deploy flag wins over config.toml. A `supabase functions deploy` without --no-verify-jwt deploys with ' +
      'the config value, which is on by default; a deploy without function names deploys them all. Add ' +
      '--no-verify-jwt for functions that API-key callers reach, or set verify_jwt = false in config.toml.',
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
        PAGES.invalidJwtIssue,
        'A publishable key sent as `Authorization: Bearer` to a function with verify_jwt on was answered ' +
          '`{"code":"UNAUTHORIZED_INVALID_JWT_FORMAT","message":"Invalid JWT"}` (May 2026).',
      ),
    ],
    examples: [
      {
        title: 'A deploy script',
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
      reports.push({
        offset: deploy.offset,
        message:
          `this deploy ${what}leaves verify_jwt on for ${on.map((fn) => `\`${fn.slug}\``).join(', ')}: callers sending only a ` +
          'publishable or secret key fail with "Invalid JWT"; add --no-verify-jwt (or set verify_jwt = false in config.toml)',
      });
    }
    return reports;
  },
};
