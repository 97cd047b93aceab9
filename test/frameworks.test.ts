// The framework plugins: each registered one (and the template to copy) has the plugin shape, the registry
// detects in the order that keeps Vite-based frameworks apart from Vite, and one case per framework shows its
// detection, an entry point and a server file through the real browser model.
import { describe, expect, it } from 'vitest';
import { buildFrameworks, moduleFacts } from '../src/frameworks/browser.js';
import { DYNAMIC_ENV_MODULES, frameworkOf, IMPLICIT_READERS, PLUGINS, PUBLIC_PREFIXES, SERVER_DATA_FUNCTIONS, STATIC_ENV_MODULES } from '../src/frameworks/index.js';
import type { FrameworkPlugin } from '../src/frameworks/plugin.js';
import { template } from '../src/frameworks/_template.js';
import { fileKind } from '../src/file-kinds/index.js';

const strings = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0);
const regexps = (value: unknown) => Array.isArray(value) && value.every((item) => item instanceof RegExp);

/** What the type promises, checked at run time: plugins are data a test can hold to their shape. */
function problems(plugin: FrameworkPlugin): string[] {
  const found: string[] = [];
  const check = (ok: boolean, what: string) => ok || found.push(what);
  check(/^[a-z][a-z0-9-]*$/.test(plugin.id), 'id: lower case words');
  check(plugin.title.length > 0, 'title');
  check(strings(plugin.enablers), 'enablers: package names');
  check(strings(plugin.publicPrefixes) && plugin.publicPrefixes.every((prefix) => /^[A-Z][A-Z0-9_]*_$/.test(prefix)), 'publicPrefixes: upper case, ending in _');
  check(plugin.configFile === undefined || plugin.configFile instanceof RegExp, 'configFile');
  check(plugin.requires === undefined || typeof plugin.requires === 'function', 'requires');
  check(plugin.envModules === undefined || (strings(plugin.envModules.static ?? []) && strings(plugin.envModules.dynamic ?? [])), 'envModules');
  check(plugin.serverPlace === undefined || plugin.serverPlace.length > 0, 'serverPlace');
  // What becomes of a secret its browser code reads: every detected framework says it, with the page of its docs.
  const secret = plugin.secretInClient;
  check(plugin.enablers.length === 0 ? secret === undefined : secret !== undefined, 'secretInClient: a detected framework says what becomes of a secret in its browser code');
  check(
    secret === undefined ||
      (/ so the (browser|app) does not get this one$/.test(secret.says) &&
        secret.sources.length > 0 &&
        secret.sources.every((source) => /^https:\/\//.test(source.url) && source.title.length > 0 && source.states.length > 0) &&
        (secret.refused === undefined || (strings(secret.refused.modules) && secret.refused.says.includes('%module%')))),
    'secretInClient: a clause ending in what the browser does not get, a source, refused modules named in its sentence',
  );
  check(plugin.serverPaths === undefined || regexps(plugin.serverPaths), 'serverPaths');
  check(plugin.enabledServerPaths === undefined || regexps(plugin.enabledServerPaths), 'enabledServerPaths');
  check(plugin.entry === undefined || typeof plugin.entry === 'function', 'entry');
  check(plugin.serverDataFunctions === undefined || strings(plugin.serverDataFunctions), 'serverDataFunctions');
  for (const reader of plugin.implicitReaders ?? []) {
    check(reader.package.length > 0 && /^[A-Z][A-Z0-9_]*$/.test(reader.name), 'implicitReaders: a package and an env name');
    check(Object.values(reader.helpers).every((index) => Number.isInteger(index) && index >= 0), 'implicitReaders: argument indexes');
  }
  // A plugin nothing detects contributes its public prefixes only: its other conventions would never apply.
  if (plugin.enablers.length === 0) check(!plugin.configFile && !plugin.requires && !plugin.entry && !plugin.serverPlace && !plugin.enabledServerPaths, 'no enablers: prefixes only');
  return found;
}

describe('the plugin registry', () => {
  it('holds plugins of the plugin shape, the template too, with unique ids', () => {
    for (const plugin of [...PLUGINS, template]) expect(problems(plugin), plugin.id).toEqual([]);
    const ids = PLUGINS.map((plugin) => plugin.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(PLUGINS).not.toContain(template);
    expect(ids).not.toContain(template.id);
  });

  it('detects the frameworks that build on Vite before Vite', () => {
    const at = (id: string) => PLUGINS.findIndex((plugin) => plugin.id === id);
    for (const id of ['sveltekit', 'nuxt', 'astro']) expect(at(id), id).toBeLessThan(at('vite'));
    expect(frameworkOf(new Set(['@sveltejs/kit', 'vite']), ['index.html'])?.id).toBe('sveltekit');
    expect(frameworkOf(new Set(['nuxt', 'vite']), [])?.id).toBe('nuxt');
    expect(frameworkOf(new Set(['astro', 'vite']), [])?.id).toBe('astro');
    // A dependency names the framework before a config file does.
    expect(frameworkOf(new Set(['astro']), ['vite.config.ts', 'index.html'])?.id).toBe('astro');
    expect(frameworkOf(new Set(), ['svelte.config.js', 'vite.config.ts'])?.id).toBe('sveltekit');
  });

  it('derives the public prefixes, env modules, data functions and implicit readers from the plugins', () => {
    expect([...PUBLIC_PREFIXES].sort()).toEqual(
      ['VITE_', 'NEXT_PUBLIC_', 'EXPO_PUBLIC_', 'PUBLIC_', 'REACT_APP_', 'NUXT_PUBLIC_', 'GATSBY_', 'VUE_APP_', 'NX_PUBLIC_', 'STORYBOOK_'].sort(),
    );
    expect([...STATIC_ENV_MODULES].sort()).toEqual(['$env/static/private', '$env/static/public', '@env']);
    expect([...DYNAMIC_ENV_MODULES].sort()).toEqual(['$env/dynamic/private', '$env/dynamic/public']);
    expect([...SERVER_DATA_FUNCTIONS].sort()).toEqual(['getServerSideProps', 'getStaticPaths', 'getStaticProps']);
    // implicit-legacy-env and the security model name this one reader in their messages (auth-helpers.ts).
    expect(IMPLICIT_READERS.map((reader) => [reader.package, reader.name])).toEqual([['@supabase/auth-helpers-nextjs', 'NEXT_PUBLIC_SUPABASE_ANON_KEY']]);
  });
});

interface Case {
  /** The framework detected, or undefined for none. */
  framework: string | undefined;
  dependencies: string[];
  /** Files beside package.json that take part in detection (config files, index.html). */
  beside?: string[];
  /** Module paths (relative to the package) and why each runs in the browser, or undefined when it does not. */
  modules: Record<string, string | undefined>;
  serverPlace: string;
}

// One case per framework (a new plugin adds one): detection, an entry point and a file that stays on the server.
const CASES: Record<string, Case> = {
  next: {
    framework: 'next',
    dependencies: ['next', 'react'],
    modules: { 'pages/index.tsx': 'a Next.js pages-router page', 'pages/api/hello.ts': undefined, 'app/api/route.ts': undefined, 'app/page.tsx': undefined },
    serverPlace: 'a route handler, a server action or a server component',
  },
  sveltekit: {
    framework: 'sveltekit',
    dependencies: ['@sveltejs/kit', 'vite'],
    modules: { 'src/routes/+page.svelte': 'SvelteKit code outside `.server` files and `$lib/server`', 'src/routes/+server.ts': undefined, 'src/lib/server/db.ts': undefined },
    serverPlace: 'a `+page.server.ts`/`+server.ts` file or `$lib/server/`',
  },
  nuxt: {
    framework: 'nuxt',
    dependencies: ['nuxt'],
    modules: { 'app.vue': 'a Vue component', 'composables/useDb.ts': 'Nuxt app code', 'server/api/hello.ts': undefined },
    serverPlace: 'a `server/` API route',
  },
  astro: {
    framework: 'astro',
    dependencies: ['astro'],
    modules: { 'src/pages/index.astro': 'a client `<script>` of an `.astro` file', 'src/components/Card.svelte': undefined, 'src/pages/api.ts': undefined },
    serverPlace: 'the frontmatter or an endpoint under `src/pages/`',
  },
  remix: {
    framework: 'remix',
    dependencies: ['@remix-run/react', '@remix-run/dev'],
    modules: { 'app/root.tsx': undefined, 'app/theme.client.ts': 'a `.client` module', 'app/db.server.ts': undefined },
    serverPlace: 'a loader or an action in a `.server` module',
  },
  gatsby: {
    framework: 'gatsby',
    dependencies: ['gatsby'],
    modules: { 'src/pages/index.tsx': 'Gatsby app code', 'src/api/hello.ts': undefined, 'gatsby-node.ts': undefined },
    serverPlace: 'a Gatsby Function (`src/api/`)',
  },
  expo: {
    framework: 'expo',
    dependencies: ['expo', 'react-native'],
    modules: { 'app/index.tsx': 'Expo app code', 'app/hello+api.ts': undefined },
    serverPlace: 'an API route (`+api.ts`) or an Edge Function',
  },
  cra: {
    framework: 'cra',
    dependencies: ['react-scripts'],
    modules: { 'src/App.tsx': 'Create React App app code', 'scripts/seed.ts': undefined },
    serverPlace: 'a server or an Edge Function',
  },
  vite: {
    framework: 'vite',
    dependencies: ['vite'],
    beside: ['index.html'],
    modules: { 'src/main.ts': 'Vite app code', 'src/App.vue': 'a `.vue` component', 'vite.config.ts': undefined },
    serverPlace: 'a server or an Edge Function',
  },
  'vite without index.html (a library)': {
    framework: undefined,
    dependencies: ['vite'],
    modules: { 'src/main.ts': undefined, 'src/App.vue': 'a `.vue` component', 'src/Page.astro': 'a client `<script>` of an `.astro` file' },
    serverPlace: 'server code or an Edge Function',
  },
  'a config file only': {
    framework: 'nuxt',
    dependencies: [],
    beside: ['nuxt.config.ts'],
    modules: { 'pages/index.vue': 'a Vue component' },
    serverPlace: 'a `server/` API route',
  },
  'a tool known by its prefix only (Vue CLI)': {
    framework: undefined,
    dependencies: ['@vue/cli-service'],
    modules: { 'src/main.ts': undefined, 'src/App.vue': 'a `.vue` component' },
    serverPlace: 'server code or an Edge Function',
  },
};

describe('each framework', () => {
  it.each(Object.entries(CASES))('%s', (_name, c) => {
    const dir = 'apps/site';
    const paths = Object.keys(c.modules).map((path) => `${dir}/${path}`);
    const frameworks = buildFrameworks({
      paths: [...paths, `${dir}/package.json`, ...(c.beside ?? []).map((file) => `${dir}/${file}`)],
      manifests: [{ path: `${dir}/package.json`, dependencies: new Set(c.dependencies) }],
      modules: paths.map((path) => moduleFacts(path, fileKind(path) ?? 'code', 'export const a = 1\n')),
    });
    expect(frameworks.packageOf(paths[0] as string)?.framework).toBe(c.framework);
    for (const [path, reason] of Object.entries(c.modules)) expect(frameworks.browser(`${dir}/${path}`)?.reason, path).toBe(reason);
    expect(frameworks.serverPlace(paths[0] as string)).toBe(c.serverPlace);
  });
});
