// What a framework plugin declares (shaped like knip's plugins): how a package is seen to use it, which env
// names its bundler inlines, which files ship to the browser and where secrets belong instead. Pure data and
// small functions of a path: the registry (index.ts) loads every plugin, and keys/ and file-kinds/ load it.

/** Why a module is a browser entry point; `follow` when the modules it imports ship with it. */
export interface BrowserEntry {
  reason: string;
  follow: boolean;
}

/** A package whose functions read a legacy env name themselves when the caller passes no key (SPEC §2). */
export interface ImplicitReader {
  package: string;
  /** The legacy name it reads. */
  name: string;
  /** Each function that reads it, with the index of its options argument (where `supabaseKey` would be). */
  helpers: Readonly<Record<string, number>>;
}

/** A page of a framework's docs and what it states that a message relies on. */
interface FrameworkSource {
  title: string;
  url: string;
  /** The fact, in one sentence, as the page states it. */
  states: string;
}

/** What becomes of a secret that the framework's browser code reads under a name without a public prefix. */
interface SecretInClient {
  /**
   * The framework's rule and its effect, as secret-key-exposed words it: "Vite exposes only `VITE_` variables to browser
   * code, so the browser does not get this one" (the rule adds that the first public prefix would publish it).
   */
  says: string;
  /** Env modules the framework refuses to build into browser code, and what it says then (`%module%` is the module). */
  refused?: { modules: readonly string[]; says: string };
  /** Where its docs state it. */
  sources: readonly FrameworkSource[];
}

export interface FrameworkPlugin {
  /** What a package's `framework` is set to (`packageOf(path).framework`). */
  id: string;
  /** The framework's name, as messages print it. */
  title: string;
  /**
   * Dependencies (any dependency field of package.json) that say a package uses the framework. Empty for
   * a tool known only by its public prefixes: nothing detects it, so nothing but `publicPrefixes` applies.
   */
  enablers: readonly string[];
  /** A config file beside package.json that says so when no dependency does. */
  configFile?: RegExp;
  /** What else the package folder must hold (its file names) to count as this framework; else it has none. */
  requires?: (filesInDir: readonly string[]) => boolean;
  /** Prefixes of the env variables its bundler inlines into browser code, in every package. */
  publicPrefixes: readonly string[];
  /** Modules whose imports are env variables, in every package: named exports bound at build time, or an `env` object read at run time. */
  envModules?: { static?: readonly string[]; dynamic?: readonly string[] };
  /** What becomes of a secret its browser code reads; absent, what a package without a framework is told. */
  secretInClient?: SecretInClient;
  /** Where code that needs a secret belongs instead; absent, the place of a package without a framework. */
  serverPlace?: string;
  /**
   * Files that never reach a browser bundle, by path relative to their package, in every package: names
   * this framework gave a meaning to, which count even where detection misses it (a hoisted dependency).
   */
  serverPaths?: readonly RegExp[];
  /** The same, only in a package of this framework (a folder name other tools use for other things). */
  enabledServerPaths?: readonly RegExp[];
  /**
   * Why a module of a package of this framework is a browser entry point, or undefined when it is not.
   * `relative` is its path relative to the package, `markup` its extension when it is a `.vue`, `.svelte`
   * or `.astro` file. Absent, only what a file says about itself counts (as in a package without a framework).
   * Server files, `'use client'` modules and `.client` modules are decided before this is asked.
   */
  entry?: (relative: string, markup: string | undefined) => BrowserEntry | undefined;
  /** Functions whose bodies the framework strips from the browser bundle of a page. */
  serverDataFunctions?: readonly string[];
  /** Packages of the framework's ecosystem that read a legacy name themselves. */
  implicitReaders?: readonly ImplicitReader[];
}

/** A component file, by its markup extension. */
export function component(markup: string): BrowserEntry {
  return { reason: `a \`.${markup}\` component`, follow: true };
}

/** The client `<script>` of an `.astro` file (its frontmatter runs on the server). */
export const ASTRO_SCRIPT: BrowserEntry = { reason: 'a client `<script>` of an `.astro` file', follow: true };

/** The entries of an app whose bundler builds `src/` for the browser (Gatsby, Create React App, Vite): components and `src/`. */
export function appUnderSrc(title: string): NonNullable<FrameworkPlugin['entry']> {
  return (relative, markup) => {
    if (markup) return component(markup);
    return relative.startsWith('src/') ? { reason: `${title} app code`, follow: true } : undefined;
  };
}
