// edge-function-verify-jwt: a function whose verify_jwt is on, which API-key callers can no longer pass.
import { verifyJwtOffEdit } from '../edge/config-toml.js';
import type { EdgeFunction } from '../edge/model.js';
import type { Report, Rule } from './rule.js';

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
