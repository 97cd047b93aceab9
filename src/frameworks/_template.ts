// A framework plugin to copy (not registered): copy it to src/frameworks/<id>.ts, fill it in, add it to
// PLUGINS in index.ts (before any framework it builds on: before Vite for a Vite-based one) and a case to
// test/frameworks.test.ts. Every field but id, title, enablers and publicPrefixes may be left out.
import { appUnderSrc, type FrameworkPlugin } from './plugin.js';

export const template: FrameworkPlugin = {
  /** What `packageOf(path).framework` reads; lower case, unique. */
  id: 'example',
  /** The framework's name, as messages print it (appUnderSrc: "Example app code"). */
  title: 'Example',
  /**
   * Dependency names that mean a package uses it. Leave empty for a tool known only by its public prefix:
   * detecting it would change the entry points and server places of packages detected today.
   */
  enablers: ['example-framework'],
  /** Optional: a config file beside package.json that names it when no dependency does. */
  configFile: /^example\.config\.[cm]?[jt]s$/,
  /** Optional: what else the package folder must hold, by file name (Vite: the app's index.html). */
  requires: (filesInDir) => filesInDir.includes('index.html'),
  /** Env prefixes its bundler inlines into browser code (may be empty): a secret under one is exposed (secret-key-exposed). */
  publicPrefixes: ['EXAMPLE_PUBLIC_'],
  /** Optional: modules whose imports are env variables (`import { X } from '$env/static/private'`). */
  envModules: { static: ['example:env/static'], dynamic: ['example:env/dynamic'] },
  /** Optional: where a secret belongs instead, as secret-key-exposed words it. */
  /** Optional: what becomes of a secret its browser code reads, and where its docs say so (see vite.ts, sveltekit.ts). */
  secretInClient: {
    says: 'Example exposes only `EXAMPLE_PUBLIC_` variables to browser code, so the browser does not get this one',
    refused: { modules: ['example:env/private'], says: 'Example refuses to build an import of %module% into browser code' },
    sources: [{ title: 'Example docs: Environment variables', url: 'https://example.com/docs/env', states: 'Only EXAMPLE_PUBLIC_ variables reach the browser.' }],
  },
  serverPlace: 'a server route or an Edge Function',
  /** Optional: file names of its own that never reach a browser, in every package. */
  serverPaths: [/(^|\/)example-server\.[jt]s$/],
  /** Optional: the same, in packages of this framework only (a folder name others use otherwise). */
  enabledServerPaths: [/(^|\/)src\/api\//],
  /**
   * Why a file of its packages runs in the browser (`follow` when its imports ship too), or undefined.
   * `'use client'`, `.client` and server files are decided before this; leave it out to keep what a
   * file says about itself (components). Shared shapes: appUnderSrc, component, ASTRO_SCRIPT (plugin.ts).
   */
  entry: appUnderSrc('Example'),
  /** Optional: functions whose bodies its compiler strips from the browser bundle. */
  serverDataFunctions: ['getServerData'],
  /** Optional: packages of its ecosystem that read a legacy key name themselves (see next.ts). */
  implicitReaders: [],
};
