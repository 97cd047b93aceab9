// Gatsby: `src/` ships to the browser but Gatsby Functions (`src/api/`); gatsby-node/-config/-ssr run at build time.
import { appUnderSrc, type FrameworkPlugin } from './plugin.js';

export const gatsby: FrameworkPlugin = {
  id: 'gatsby',
  title: 'Gatsby',
  enablers: ['gatsby'],
  publicPrefixes: ['GATSBY_'],
  secretInClient: {
    says: 'Gatsby exposes only `GATSBY_` variables to browser code, so the browser does not get this one',
    sources: [
      {
        title: 'Gatsby docs: Environment Variables',
        url: 'https://www.gatsbyjs.com/docs/how-to/local-development/environment-variables/',
        states: 'By default environment variables are only available in Node.js code; only those prefixed with GATSBY_ are available in browser code.',
      },
    ],
  },
  serverPlace: 'a Gatsby Function (`src/api/`)',
  serverPaths: [/(^|\/)gatsby-(node|config|ssr)\.[cm]?[jt]s$/],
  enabledServerPaths: [/(^|\/)src\/api\//],
  entry: appUnderSrc('Gatsby'),
};
