// implicit-legacy-env: auth-helpers called without a key read NEXT_PUBLIC_SUPABASE_ANON_KEY themselves.
import { AUTH_HELPERS_PACKAGE, IMPLICITLY_READ_NAME } from './analysis/security/auth-helpers.js';
import type { Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

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
      'other packages move on; an env file in a folder above it (a monorepo template its developers copy) keeps the line ' +
      'and gains one under the new name with the same value, for the packages that moved on. Move to @supabase/ssr (createBrowserClient / createServerClient with ' +
      'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY) or pass supabaseKey explicitly; a later run then renames the name. ' +
      'Until then the publishable key (sb_publishable_…) can be stored under the legacy name.',
    legacyUse: true,
    blocksRotation: false,
    example:
      'createClientComponentClient()  ->  createBrowserClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY!)',
    sources: [
      cite(PAGES.authHelpersClientComponent, '`createClientComponentClient` defaults `supabaseKey` to `process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY`.'),
      cite(PAGES.authHelpersToSsr, "The Auth Helpers are replaced by `@supabase/ssr`: `createBrowserClient` in the client, `createServerClient` on the server."),
      cite(PAGES.authHelpersToSsrSteps, "Supabase's migration steps create the `@supabase/ssr` clients with `NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY`."),
    ],
    examples: [
      {
        title: 'A client component client',
        file: 'lib/supabase/client.ts',
        before:
          "'use client'\n" +
          "import { createClientComponentClient } from '@supabase/auth-helpers-nextjs'\n\n" +
          'export const supabase = createClientComponentClient()\n',
        after:
          "'use client'\n" +
          "import { createBrowserClient } from '@supabase/ssr'\n\n" +
          'export const supabase = createBrowserClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY!)\n',
        context: { 'package.json': '{ "dependencies": { "@supabase/auth-helpers-nextjs": "^0.10.0", "@supabase/ssr": "^0.7.0", "next": "^15.0.0" } }\n' },
      },
    ],
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
