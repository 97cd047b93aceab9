// Astro: the client `<script>` blocks of `.astro` files ship to the browser; their frontmatter and endpoints do not.
import { ASTRO_SCRIPT, type FrameworkPlugin } from './plugin.js';

export const astro: FrameworkPlugin = {
  id: 'astro',
  title: 'Astro',
  enablers: ['astro'],
  configFile: /^astro\.config\.[cm]?[jt]s$/,
  publicPrefixes: ['PUBLIC_'],
  serverPlace: 'the frontmatter or an endpoint under `src/pages/`',
  entry: (_relative, markup) => (markup === 'astro' ? ASTRO_SCRIPT : undefined),
};
