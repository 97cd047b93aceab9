// SvelteKit: everything under `src/` ships to the browser but `.server` files, endpoints, hooks and `$lib/server`;
// env variables come from the `$env/*` modules.
import type { FrameworkPlugin } from './plugin.js';

export const sveltekit: FrameworkPlugin = {
  id: 'sveltekit',
  title: 'SvelteKit',
  enablers: ['@sveltejs/kit'],
  configFile: /^svelte\.config\.[cm]?js$/,
  publicPrefixes: ['PUBLIC_'],
  envModules: { static: ['$env/static/public', '$env/static/private'], dynamic: ['$env/dynamic/public', '$env/dynamic/private'] },
  secretInClient: {
    says: 'SvelteKit gives browser code only `PUBLIC_` variables (`$env/static/public`, `$env/dynamic/public`), so the browser does not get this one',
    refused: {
      modules: ['$env/static/private', '$env/dynamic/private'],
      says: 'SvelteKit refuses to build it ("Cannot import %module% into code that runs in the browser"), since its private env modules can be imported only into server-only modules',
    },
    sources: [
      {
        title: 'SvelteKit docs: Server-only modules',
        url: 'https://svelte.dev/docs/kit/server-only-modules',
        states:
          '$env/static/private and $env/dynamic/private can only be imported into modules that only run on the server; public-facing code that ' +
          'imports server-only code makes SvelteKit error with "Cannot import … into code that runs in the browser".',
      },
      {
        title: 'SvelteKit docs: $env/dynamic/public',
        url: 'https://svelte.dev/docs/kit/$env-dynamic-public',
        states: 'Only variables that begin with config.kit.env.publicPrefix (PUBLIC_ by default) can safely be exposed to client-side code.',
      },
    ],
  },
  serverPlace: 'a `+page.server.ts`/`+server.ts` file or `$lib/server/`',
  serverPaths: [/(^|\/)\+server\.[jt]s$/, /(^|\/)hooks\.server\.[jt]s$/, /(^|\/)lib\/server\//],
  entry: (relative) => (relative.startsWith('src/') ? { reason: 'SvelteKit code outside `.server` files and `$lib/server`', follow: true } : undefined),
};
