// Vue CLI: known by its public prefix only. Not detected (no enablers): its packages keep the conventions of a
// package without a framework (entry points, where secrets belong).
import type { FrameworkPlugin } from './plugin.js';

export const vueCli: FrameworkPlugin = {
  id: 'vue-cli',
  title: 'Vue CLI',
  enablers: [],
  publicPrefixes: ['VUE_APP_'],
};
