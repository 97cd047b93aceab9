// Nuxt: Vue components and the app folders (components, pages, plugins, …) ship to the browser; `server/` does not.
import type { FrameworkPlugin } from './plugin.js';

export const nuxt: FrameworkPlugin = {
  id: 'nuxt',
  title: 'Nuxt',
  enablers: ['nuxt', 'nuxt3'],
  configFile: /^nuxt\.config\.[cm]?[jt]s$/,
  publicPrefixes: ['NUXT_PUBLIC_'],
  serverPlace: 'a `server/` API route',
  entry: (relative, markup) => {
    if (markup === 'vue') return { reason: 'a Vue component', follow: true };
    return /^(app\/)?(components|composables|pages|layouts|plugins|middleware|utils|stores)\//.test(relative)
      ? { reason: 'Nuxt app code', follow: true }
      : undefined;
  },
};
