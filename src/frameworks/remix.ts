// Remix: loaders and actions in `.server` modules run on the server; no public env prefix, no entry convention
// beyond what a file says about itself (`.client` modules, components).
import type { FrameworkPlugin } from './plugin.js';

export const remix: FrameworkPlugin = {
  id: 'remix',
  title: 'Remix',
  enablers: ['@remix-run/react', '@remix-run/dev'],
  publicPrefixes: [],
  serverPlace: 'a loader or an action in a `.server` module',
};
