// deploy-verify-jwt: a deploy command that leaves verify_jwt on for functions API-key callers will reach.
import type { Report, Rule } from './rule.js';

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
