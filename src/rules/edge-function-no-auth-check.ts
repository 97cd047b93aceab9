// edge-function-no-auth-check: a function without verify_jwt that never checks who calls it.
import type { Report, Rule } from './rule.js';

export const edgeFunctionNoAuthCheck: Rule = {
  meta: {
    id: 'edge-function-no-auth-check',
    severity: 'warning',
    fix: 'none',
    summary: 'a function with verify_jwt off (or to be turned off) that never checks its caller',
    description:
      'With verify_jwt off the platform lets every request through. The function must check its caller: compare ' +
      'the apikey header with the key it expects, verify the user (auth.getUser / auth.getClaims, or withSupabase ' +
      'from @supabase/server), or check a webhook signature or shared secret. None of these was found in the ' +
      'function or the modules it imports.',
    legacyUse: false,
    blocksRotation: false,
    example: "if (req.headers.get('apikey') !== expectedKey) return new Response('Unauthorized', { status: 401 })",
  },
  check(file, context) {
    const reports: Report[] = [];
    for (const fn of context.edge.functions) {
      if (fn.entrypoint !== file.path || fn.checksCaller) continue;
      // Off already, or about to be turned off by --unsafe.
      const off = !fn.verifyJwt || (context.unsafe && fn.configFile !== undefined);
      if (!off) continue;
      const state = fn.verifyJwt ? 'will have verify_jwt turned off' : 'runs with verify_jwt off';
      reports.push({
        offset: 0,
        message: `function \`${fn.slug}\` ${state} but never checks its caller: check the apikey header, the user (auth.getClaims), or a webhook signature`,
      });
    }
    return reports;
  },
};
