// Gatsby: `src/` ships to the browser but Gatsby Functions (`src/api/`); gatsby-node/-config/-ssr run at build time.
import { appUnderSrc, type FrameworkPlugin } from './plugin.js';

export const gatsby: FrameworkPlugin = {
  id: 'gatsby',
  title: 'Gatsby',
  enablers: ['gatsby'],
  publicPrefixes: ['GATSBY_'],
  serverPlace: 'a Gatsby Function (`src/api/`)',
  serverPaths: [/(^|\/)gatsby-(node|config|ssr)\.[cm]?[jt]s$/],
  enabledServerPaths: [/(^|\/)src\/api\//],
  entry: appUnderSrc('Gatsby'),
};
