// Which code ships to the browser: packages and their framework (the plugins of index.ts), server-only
// files, client entry points and the import graph that carries code into a bundle.
import { posix } from 'node:path';
import { aliasedPaths, type ImportAlias } from './aliases.js';
import type { FileKind } from '../file-kinds/index.js';
import { scriptRegions, type ScriptRegion } from '../file-kinds/markup.js';
import { dialectOf } from '../file-kinds/parse.js';
import { frameworkOf, PLUGINS } from './index.js';
import { ASTRO_SCRIPT, component, type BrowserEntry, type FrameworkPlugin } from './plugin.js';

/** A folder with a package.json: the unit a dependency, an env file and a framework belong to. */
interface Package {
  /** Relative to the root, `/`-separated; '' for the root. */
  dir: string;
  dependencies: ReadonlySet<string>;
  /** The id of its framework's plugin. */
  framework?: string;
}

/** What a module says about itself, read from its text without parsing. */
export interface ModuleFacts {
  path: string;
  /** Specifiers that may point into the repository (relative, `@/`, `~/`, `$lib`), from client code only. */
  imports: string[];
  /** A `'use client'` directive: a Next.js (React Server Components) client entry point. */
  useClient: boolean;
  /** A `'use server'` directive: server actions, which run on the server even when a client module imports them. */
  useServer: boolean;
  /** `import 'server-only'`: the build fails if a browser bundle includes the module. */
  serverOnly: boolean;
}

/** Why a module's code runs in the browser. */
interface BrowserCode {
  reason: string;
  framework?: string;
}

/**
 * Files whose code never reaches a browser bundle in any package, by path relative to their package:
 * server folders and `.server` modules, scripts, tests, type declarations, build configuration and the
 * Supabase folder; then the files each framework's plugin names (SvelteKit endpoints and hooks, `$lib/server`,
 * Next.js route handlers, API routes and middleware, Expo API routes, Gatsby's build files).
 */
const SERVER_PATHS: readonly RegExp[] = [
  /(^|\/)(server|scripts?|bin|supabase|netlify|e2e|cypress|playwright|__tests__|__mocks__|tests?)\//,
  /\.server\.([cm]?[jt]sx?|vue|svelte)$/,
  /\.(test|spec)\.[cm]?[jt]sx?$/,
  /\.d\.[cm]?ts$/,
  /(^|\/)[^/]+\.config\.[cm]?[jt]s$/,
  ...PLUGINS.flatMap((plugin) => plugin.serverPaths ?? []),
];

/** Where code that needs a secret belongs in a package without a framework (or whose plugin names no place). */
const SERVER_PLACE = 'server code or an Edge Function';

const PLUGIN_BY_ID: ReadonlyMap<string, FrameworkPlugin> = new Map(PLUGINS.map((plugin) => [plugin.id, plugin]));

const MARKUP = /\.(vue|svelte|astro)$/;

/** The dependency names of a package.json text (every dependency field), or undefined when it is not JSON. */
export function manifestDependencies(text: string): Set<string> | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return undefined;
  }
  const names = new Set<string>();
  if (!manifest || typeof manifest !== 'object') return names;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const entries = (manifest as Record<string, unknown>)[field];
    if (entries && typeof entries === 'object') for (const name of Object.keys(entries)) names.add(name);
  }
  return names;
}

// A directive prologue: blanks, comments and string statements before the first real statement.
const PROLOGUE_ITEM = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|(['"])([^'"\n]*)\1\s*;?)/;
const IMPORT_SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\r\n]+)\1/g;
const LOCAL_SPECIFIER = /^(\.{1,2}\/|\.{1,2}$|@\/|~\/|\$lib(\/|$))/;

/** The directives of a module's prologue (`'use client'`, `'use server'`, `'use strict'`). */
export function directivesOf(text: string): Set<string> {
  const found = new Set<string>();
  let rest = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let match = PROLOGUE_ITEM.exec(rest); match && match[0].length > 0; match = PROLOGUE_ITEM.exec(rest)) {
    if (match[2] !== undefined) found.add(match[2]);
    rest = rest.slice(match[0].length);
  }
  return found;
}

/** The facts of one code or markup module; markup contributes only what its client scripts import. */
/** `serverOnly`: whether the text holds `server-only` at all (src/core/hints.ts), before the exact test. */
export function moduleFacts(path: string, kind: FileKind, text: string, serverOnly = text.includes('server-only')): ModuleFacts {
  const client = kind === 'markup' ? clientRegions(path, text).map((r) => text.slice(r.start, r.end)).join('\n') : text;
  const directives = kind === 'code' ? directivesOf(text) : new Set<string>();
  const imports: string[] = [];
  if (client.includes('from') || client.includes('import') || client.includes('require')) {
    for (const match of client.matchAll(IMPORT_SPECIFIER)) if (LOCAL_SPECIFIER.test(match[2] as string)) imports.push(match[2] as string);
  }
  return {
    path,
    imports,
    useClient: directives.has('use client'),
    useServer: directives.has('use server'),
    serverOnly: serverOnly && /\bimport\s+['"]server-only['"]/.test(text),
  };
}

/**
 * The parts of a file that run in a browser when the file does: all of a code module; the `<script>`
 * blocks of `.vue`/`.svelte` components; the `<script>` blocks of an `.astro` file but not its
 * frontmatter, which runs on the server.
 */
export function clientRegions(path: string, text: string): ScriptRegion[] {
  if (!MARKUP.test(path)) return [{ start: 0, end: text.length, dialect: dialectOf(path) }];
  const regions = scriptRegions(path, text);
  if (!path.endsWith('.astro')) return regions;
  return regions.filter((region) => !/^\uFEFF?---[^\S\r\n]*\r?\n$/.test(text.slice(0, region.start)));
}

export interface Frameworks {
  packageOf(path: string): Package | undefined;
  /** Why a module runs in the browser, or undefined when it does not (or nothing says so). */
  browser(path: string): BrowserCode | undefined;
  /** The module an import specifier names, among the modules read. */
  resolve(importer: string, specifier: string): string | undefined;
  /** Where code that needs a secret belongs instead, in the framework of the file's package. */
  serverPlace(path: string): string;
  /** The plugin of the framework of the file's package, if it has one. */
  plugin(path: string): FrameworkPlugin | undefined;
}

export interface FrameworkInput {
  /** Every file discovered, relative to the root. */
  paths: readonly string[];
  /** package.json files: their path and dependency names. */
  manifests: readonly { path: string; dependencies: ReadonlySet<string> }[];
  modules: readonly ModuleFacts[];
  /** Import aliases the repository configures (tsconfig paths/baseUrl, Vite resolve.alias). */
  aliases?: readonly ImportAlias[];
}

export function buildFrameworks(input: FrameworkInput): Frameworks {
  const filesByDir = new Map<string, string[]>();
  for (const path of input.paths) {
    const dir = posix.dirname(path);
    const key = dir === '.' ? '' : dir;
    const files = filesByDir.get(key) ?? [];
    files.push(posix.basename(path));
    filesByDir.set(key, files);
  }
  const packages = new Map<string, Package>();
  for (const manifest of input.manifests) {
    const dir = posix.dirname(manifest.path) === '.' ? '' : posix.dirname(manifest.path);
    packages.set(dir, { dir, dependencies: manifest.dependencies, framework: frameworkOf(manifest.dependencies, filesByDir.get(dir) ?? [])?.id });
  }
  const packageCache = new Map<string, Package | undefined>();
  const packageOf = (path: string): Package | undefined => {
    let dir = posix.dirname(path);
    const start = dir;
    const cached = packageCache.get(start);
    if (cached || packageCache.has(start)) return cached;
    for (;;) {
      const key = dir === '.' ? '' : dir;
      const found = packages.get(key);
      // Paths are relative to the root, but a caller may pass an absolute one (jscodeshift): stop at `/` too.
      if (found || key === '' || posix.dirname(dir) === dir) {
        packageCache.set(start, found);
        return found;
      }
      dir = posix.dirname(dir);
    }
  };

  const modules = new Map(input.modules.map((facts) => [facts.path, facts]));
  const aliases = input.aliases ?? [];
  const resolve = (importer: string, specifier: string) => resolveModule(importer, specifier, modules, packageOf(importer), aliases);

  const isServer = (facts: ModuleFacts): boolean => {
    if (facts.serverOnly || facts.useServer) return true;
    const pkg = packageOf(facts.path);
    const relative = pkg?.dir ? facts.path.slice(pkg.dir.length + 1) : facts.path;
    const matches = (pattern: RegExp) => pattern.test(relative);
    return SERVER_PATHS.some(matches) || (pluginOf(pkg)?.enabledServerPaths?.some(matches) ?? false);
  };

  // Entry points, then everything they import that is not server-only.
  const verdicts = new Map<string, BrowserCode>();
  const queue: { path: string; root: string; rootReason: string }[] = [];
  for (const facts of input.modules) {
    if (isServer(facts)) continue;
    const pkg = packageOf(facts.path);
    const entry = entryReason(facts, pkg);
    if (!entry) continue;
    verdicts.set(facts.path, { reason: entry.reason, framework: pkg?.framework });
    if (entry.follow) queue.push({ path: facts.path, root: facts.path, rootReason: entry.reason });
  }
  for (let item = queue.shift(); item; item = queue.shift()) {
    for (const specifier of (modules.get(item.path) as ModuleFacts).imports) {
      const target = resolve(item.path, specifier);
      if (!target || verdicts.has(target)) continue;
      const facts = modules.get(target) as ModuleFacts;
      if (isServer(facts)) continue;
      const through = item.path === item.root ? '' : `, through \`${item.path}\``;
      verdicts.set(target, { reason: `imported by \`${item.root}\`, ${item.rootReason}${through}`, framework: packageOf(target)?.framework });
      queue.push({ path: target, root: item.root, rootReason: item.rootReason });
    }
  }

  return {
    packageOf,
    browser: (path) => verdicts.get(path),
    resolve,
    serverPlace: (path) => pluginOf(packageOf(path))?.serverPlace ?? SERVER_PLACE,
    plugin: (path) => pluginOf(packageOf(path)),
  };
}

function pluginOf(pkg: Package | undefined): FrameworkPlugin | undefined {
  return pkg?.framework === undefined ? undefined : PLUGIN_BY_ID.get(pkg.framework);
}

/** Why a module is a browser entry point in its package's framework; `follow` when its imports ship with it. */
function entryReason(facts: ModuleFacts, pkg: Package | undefined): BrowserEntry | undefined {
  const { path } = facts;
  const markup = MARKUP.exec(path)?.[1];
  if (facts.useClient) return { reason: "a 'use client' module", follow: true };
  if (/\.client\.[cm]?[jt]sx?$/.test(path)) return { reason: 'a `.client` module', follow: true };
  const plugin = pluginOf(pkg);
  if (plugin?.entry) return plugin.entry(pkg?.dir ? path.slice(pkg.dir.length + 1) : path, markup);
  // Nothing names the framework, or its plugin names no entry points: only what the file says about itself.
  if (markup === 'astro') return ASTRO_SCRIPT;
  return markup ? component(markup) : undefined;
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs', '.cjs', '.vue', '.svelte', '/index.ts', '/index.tsx', '/index.js', '/index.jsx'];

/**
 * Relative specifiers, the aliases the repository configures, root-absolute ones (`/utils/supabase/info`: the
 * package's folder, as Vite serves it), `$lib` (SvelteKit) and the `@/` and `~/` aliases (to `src/`, `app/` or a
 * package folder).
 */
function resolveModule(
  importer: string,
  specifier: string,
  modules: ReadonlyMap<string, unknown>,
  pkg: Package | undefined,
  aliases: readonly ImportAlias[] = [],
): string | undefined {
  const bases: string[] = [];
  if (specifier.startsWith('.')) bases.push(posix.normalize(posix.join(posix.dirname(importer), specifier)));
  else if (specifier.startsWith('/')) bases.push(posix.join(pkg?.dir ?? '', specifier.slice(1)), specifier.slice(1));
  else if (specifier.startsWith('$lib')) bases.push(posix.join(pkg?.dir ?? '', 'src/lib', specifier.slice('$lib'.length)));
  else {
    // A configured alias, nearest config first; then the common `@/` and `~/` layouts.
    bases.push(...aliasedPaths(importer, specifier, aliases));
    const rest = specifier.slice(2);
    for (let dir = posix.dirname(importer); ; dir = posix.dirname(dir)) {
      const root = dir === '.' ? '' : `${dir}/`;
      bases.push(`${root}src/${rest}`, `${root}${rest}`);
      if (specifier.startsWith('~/')) bases.push(`${root}app/${rest}`);
      if (dir === '.' || dir === '/') break;
    }
  }
  for (const base of bases) {
    const stem = base.replace(/\.(js|jsx|mjs)$/, '');
    for (const candidate of [base, ...EXTENSIONS.map((extension) => stem + extension)]) {
      if (modules.has(candidate)) return candidate;
    }
  }
  return undefined;
}
