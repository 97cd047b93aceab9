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
  serverPlace: 'a `+page.server.ts`/`+server.ts` file or `$lib/server/`',
  serverPaths: [/(^|\/)\+server\.[jt]s$/, /(^|\/)hooks\.server\.[jt]s$/, /(^|\/)lib\/server\//],
  entry: (relative) => (relative.startsWith('src/') ? { reason: 'SvelteKit code outside `.server` files and `$lib/server`', follow: true } : undefined),
};
