// Next.js: pages-router pages and 'use client' modules ship to the browser; route handlers, API routes and
// middleware do not; data functions are stripped from pages; auth-helpers read the legacy anon name themselves.
import type { FrameworkPlugin } from './plugin.js';

export const next: FrameworkPlugin = {
  id: 'next',
  title: 'Next.js',
  enablers: ['next'],
  configFile: /^next\.config\.[cm]?[jt]s$/,
  publicPrefixes: ['NEXT_PUBLIC_'],
  secretInClient: {
    says: 'Next.js makes variables without `NEXT_PUBLIC_` available only in Node.js, so the browser does not get this one',
    sources: [
      {
        title: 'Next.js docs: Environment variables',
        url: 'https://nextjs.org/docs/app/guides/environment-variables',
        states:
          "Non-NEXT_PUBLIC_ environment variables are only available in the Node.js environment, meaning they aren't accessible to the browser; " +
          'NEXT_PUBLIC_ ones are inlined into the JavaScript bundle at build time.',
      },
    ],
  },
  serverPlace: 'a route handler, a server action or a server component',
  serverPaths: [/(^|\/)pages\/api\//, /(^|\/)app\/(.+\/)?route\.[jt]sx?$/, /(^|\/)(middleware|instrumentation)\.[jt]s$/],
  // Pages-router pages ship to the browser, except their data functions; what they import may be for those only.
  // App-router modules are server components unless a 'use client' module imports them.
  entry: (relative) => (/^(src\/)?pages\/(?!_document\.)/.test(relative) ? { reason: 'a Next.js pages-router page', follow: false } : undefined),
  serverDataFunctions: ['getServerSideProps', 'getStaticProps', 'getStaticPaths'],
  implicitReaders: [
    {
      package: '@supabase/auth-helpers-nextjs',
      name: 'NEXT_PUBLIC_SUPABASE_ANON_KEY',
      helpers: {
        createClientComponentClient: 0,
        createPagesBrowserClient: 0,
        createBrowserSupabaseClient: 0,
        createServerComponentSupabaseClient: 0,
        createRouteHandlerSupabaseClient: 0,
        createServerComponentClient: 1,
        createServerActionClient: 1,
        createRouteHandlerClient: 1,
        createMiddlewareClient: 1,
        createPagesServerClient: 1,
        createServerSupabaseClient: 1,
        createMiddlewareSupabaseClient: 1,
      },
    },
  ],
};
