// Astro: the client `<script>` blocks of `.astro` files ship to the browser; their frontmatter and endpoints do not.
import { ASTRO_SCRIPT, type FrameworkPlugin } from './plugin.js';

export const astro: FrameworkPlugin = {
  id: 'astro',
  title: 'Astro',
  enablers: ['astro'],
  configFile: /^astro\.config\.[cm]?[jt]s$/,
  publicPrefixes: ['PUBLIC_'],
  secretInClient: {
    says: 'Astro makes only `PUBLIC_` variables available to client-side code, so the browser does not get this one',
    sources: [
      {
        title: 'Astro docs: Using environment variables',
        url: 'https://docs.astro.build/en/guides/environment-variables/',
        states: 'All environment variables are available in server-side code, but only those prefixed with PUBLIC_ are available in client-side code.',
      },
    ],
  },
  serverPlace: 'the frontmatter or an endpoint under `src/pages/`',
  entry: (_relative, markup) => (markup === 'astro' ? ASTRO_SCRIPT : undefined),
};
