// Remix: loaders and actions in `.server` modules run on the server; no public env prefix, no entry convention
// beyond what a file says about itself (`.client` modules, components).
import type { FrameworkPlugin } from './plugin.js';

export const remix: FrameworkPlugin = {
  id: 'remix',
  title: 'Remix',
  enablers: ['@remix-run/react', '@remix-run/dev'],
  publicPrefixes: [],
  secretInClient: {
    says: 'Remix keeps env variables on the server and gives the browser only what a loader returns, so the browser does not get this one',
    sources: [
      {
        title: 'Remix docs: Environment Variables',
        url: 'https://remix.run/docs/en/main/guides/envvars',
        states:
          'Remix does not do anything directly with environment variables: they are values that live on the server, and the browser is given ' +
          'the ones it may see from a loader.',
      },
    ],
  },
  serverPlace: 'a loader or an action in a `.server` module',
};
