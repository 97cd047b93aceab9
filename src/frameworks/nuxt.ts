// Nuxt: Vue components and the app folders (components, pages, plugins, …) ship to the browser; `server/` does not.
import type { FrameworkPlugin } from './plugin.js';

export const nuxt: FrameworkPlugin = {
  id: 'nuxt',
  title: 'Nuxt',
  enablers: ['nuxt', 'nuxt3'],
  configFile: /^nuxt\.config\.[cm]?[jt]s$/,
  publicPrefixes: ['NUXT_PUBLIC_'],
  secretInClient: {
    says: 'Nuxt gives browser code only the `public` keys of its runtime config, so the browser does not get this one',
    sources: [
      {
        title: 'Nuxt docs: Runtime Config',
        url: 'https://nuxt.com/docs/guide/going-further/runtime-config',
        states: 'The private keys of runtimeConfig are only available on the server; keys within public are also exposed to the client.',
      },
    ],
  },
  serverPlace: 'a `server/` API route',
  entry: (relative, markup) => {
    if (markup === 'vue') return { reason: 'a Vue component', follow: true };
    return /^(app\/)?(components|composables|pages|layouts|plugins|middleware|utils|stores)\//.test(relative)
      ? { reason: 'Nuxt app code', follow: true }
      : undefined;
  },
};
