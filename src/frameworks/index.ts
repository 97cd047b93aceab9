// The framework registry: every plugin in detection order, and the facts derived from them (public prefixes,
// env modules, data functions, implicit readers, the framework of a package). Imports the plugins only, which
// are pure data: keys/ and file-kinds/ load it. What ships to the browser is browser.ts.
import { astro } from './astro.js';
import { cra } from './cra.js';
import { expo } from './expo.js';
import { gatsby } from './gatsby.js';
import { next } from './next.js';
import { nuxt } from './nuxt.js';
import { nx } from './nx.js';
import type { FrameworkPlugin, ImplicitReader } from './plugin.js';
import { remix } from './remix.js';
import { storybook } from './storybook.js';
import { sveltekit } from './sveltekit.js';
import { vite } from './vite.js';
import { vueCli } from './vue-cli.js';

// Most specific first: the first plugin a package's dependencies (then its config files) name is its
// framework, and SvelteKit, Nuxt and Astro all use Vite. Plugins without enablers only add public prefixes.
export const PLUGINS: readonly FrameworkPlugin[] = [next, sveltekit, nuxt, astro, remix, gatsby, expo, cra, vite, vueCli, nx, storybook];

/** Prefixes whose variables bundlers inline into browser code. */
export const PUBLIC_PREFIXES: readonly string[] = [...new Set(PLUGINS.flatMap((plugin) => plugin.publicPrefixes))];

/** Modules whose named exports are env variables, bound at build time (SvelteKit's `$env/static/*`, `@env`). */
export const STATIC_ENV_MODULES: ReadonlySet<string> = new Set(PLUGINS.flatMap((plugin) => plugin.envModules?.static ?? []));

/** Modules whose `env` export is the environment, read at run time (SvelteKit's `$env/dynamic/*`). */
export const DYNAMIC_ENV_MODULES: ReadonlySet<string> = new Set(PLUGINS.flatMap((plugin) => plugin.envModules?.dynamic ?? []));

/** Function bodies that a framework strips from the browser bundle of a page (Next.js's `getServerSideProps`, …). */
export const SERVER_DATA_FUNCTIONS: ReadonlySet<string> = new Set(PLUGINS.flatMap((plugin) => plugin.serverDataFunctions ?? []));

/** Packages that read a legacy name themselves when given no key (Next.js's auth-helpers). */
export const IMPLICIT_READERS: readonly ImplicitReader[] = PLUGINS.flatMap((plugin) => plugin.implicitReaders ?? []);

/** The framework a package uses: its dependencies first, then the config files beside its package.json. */
export function frameworkOf(dependencies: ReadonlySet<string>, filesInDir: readonly string[]): FrameworkPlugin | undefined {
  const found =
    PLUGINS.find((plugin) => plugin.enablers.some((name) => dependencies.has(name))) ??
    PLUGINS.find((plugin) => plugin.configFile !== undefined && filesInDir.some((file) => plugin.configFile?.test(file)));
  return found?.requires && !found.requires(filesInDir) ? undefined : found;
}
