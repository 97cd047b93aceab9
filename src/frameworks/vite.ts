// Vite: an app (a package folder with the index.html Vite serves) ships `src/` and its components to the
// browser, with the VITE_ variables inlined.
import { appUnderSrc, type FrameworkPlugin } from './plugin.js';

export const vite: FrameworkPlugin = {
  id: 'vite',
  title: 'Vite',
  enablers: ['vite'],
  configFile: /^vite\.config\.[cm]?[jt]s$/,
  // Vite also builds libraries and runs tests: an app has the index.html that Vite serves as its entry.
  requires: (filesInDir) => filesInDir.includes('index.html'),
  publicPrefixes: ['VITE_'],
  secretInClient: {
    says: 'Vite exposes only `VITE_` variables to browser code, so the browser does not get this one',
    sources: [
      {
        title: 'Vite docs: Env Variables and Modes',
        url: 'https://vite.dev/guide/env-and-mode',
        states: 'Only variables prefixed with VITE_ are exposed to Vite-processed client code (import.meta.env.DB_PASSWORD is undefined there).',
      },
    ],
  },
  serverPlace: 'a server or an Edge Function',
  entry: appUnderSrc('Vite'),
};
