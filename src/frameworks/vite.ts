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
  serverPlace: 'a server or an Edge Function',
  entry: appUnderSrc('Vite'),
};
