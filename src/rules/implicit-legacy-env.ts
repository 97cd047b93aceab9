// implicit-legacy-env: auth-helpers called without a key read NEXT_PUBLIC_SUPABASE_ANON_KEY themselves.
import { AUTH_HELPERS_PACKAGE, IMPLICITLY_READ_NAME } from '../security/auth-helpers.js';
import type { Rule } from './rule.js';

export const implicitLegacyEnv: Rule = {
  meta: {
    id: 'implicit-legacy-env',
    severity: 'error',
    fix: 'none',
    summary: 'a dependency reads a legacy name itself; renaming it breaks the app',
    description:
      `${AUTH_HELPERS_PACKAGE} helpers (createClientComponentClient, createServerComponentClient, createRouteHandlerClient, ` +
      `createMiddlewareClient, createPagesBrowserClient, …) called without supabaseKey read ${IMPLICITLY_READ_NAME} ` +
      'themselves. In that package (nearest package.json, its env files included) the name is kept, not renamed, while ' +
      'other packages move on. Move to @supabase/ssr (createBrowserClient / createServerClient with ' +
      'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY) or pass supabaseKey explicitly; a later run then renames the name. ' +
      'Until then the publishable key (sb_publishable_…) can be stored under the legacy name.',
    legacyUse: true,
    blocksRotation: false,
    example:
      'createClientComponentClient()  ->  createBrowserClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY!)',
  },
  check(file, context) {
    const reads = context.security.implicitReads.get(file.path) ?? [];
    const pkg = context.security.frameworks.packageOf(file.path)?.dir;
    const where = pkg ? `the package \`${pkg}\`` : 'this package';
    return reads.map((read) => ({
      offset: read.offset,
      message:
        `\`${read.helper}()\` is called without supabaseKey, so ${AUTH_HELPERS_PACKAGE} reads \`${IMPLICITLY_READ_NAME}\` itself: ` +
        `the name is kept in ${where}. Move to @supabase/ssr (createBrowserClient/createServerClient with ` +
        '`NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY`) or pass supabaseKey explicitly; until then store the publishable key under the legacy name',
    }));
  },
};
