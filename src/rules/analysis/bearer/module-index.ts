// Key-holding exports across the repository's modules, resolved on demand for `import { key } from '../../../bearer/x'`.
import { posix } from 'node:path';
import { wholeScript, type Scripts } from '../../../file-kinds/parse.js';
import { STATIC_ENV_MODULES } from '../../../frameworks/index.js';
import { hasLegacyKeyJwt } from '../../../keys/values.js';
import { KeySources, keyKindOfName, type KeyKind } from './key-sources.js';

export interface SourceText {
  path: string;
  text: string;
  /** Where its syntax tree comes from (src/file-kinds/parse.ts). */
  scripts: Scripts;
}

/** `(importer, specifier, name)` -> the kind of key that export holds. */
export interface KeyExports {
  (importer: string, specifier: string, name: string): KeyKind | undefined;
  /**
   * Whether any expression of a module can hold a key: it has key text of its own (a key name or a
   * key literal, the only sources KeySources knows) or imports a module that can. False spares the
   * parse of a file whose only hint was an Authorization header.
   */
  mayHoldKey(path: string, text: string): boolean;
  /**
   * The modules reached through imports (as mayHoldKey follows them) from `files`: the ones whose key
   * exports a check of those files may ask for, and so whose syntax trees it may parse.
   */
  reachedFrom(files: readonly { path: string; text: string }[]): Set<string>;
}

// Every name keyKindOfName knows ends with one of these; new keys start with one of these.
const KEY_TEXT = /SUPABASE_(?:ANON_KEY|SERVICE_ROLE_KEY|SERVICE_KEY|SECRET_KEYS?|PUBLISHABLE(?:_DEFAULT|_OR_ANON)?_KEYS?|KEY)(?![A-Za-z0-9_])|sb_(?:publishable|secret)_/;
// Nuxt runtime config fields name the env variable in camelCase (`supabaseServiceKey`).
const CAMEL_KEY_TEXT = /\bsupabase(?:ServiceRole|Service|Anon|Secret|Publishable(?:Default|OrAnon)?)?Keys?\b/;
// A module that runs `supabase status` (`supabase status`, or `'supabase', ['status'`) and reads one of the keys it prints.
const STATUS_TEXT = /supabase\b['"`]?(?:\s|,\s*\[\s*['"`])*status\b/;
const STATUS_FIELD_TEXT = /\b(?:ANON|SERVICE_ROLE|PUBLISHABLE|SECRET)_KEY\b/;
const hasKeyText = (text: string) =>
  KEY_TEXT.test(text) || CAMEL_KEY_TEXT.test(text) || hasLegacyKeyJwt(text) || (STATUS_FIELD_TEXT.test(text) && STATUS_TEXT.test(text));
const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\r\n]+)\1/g;

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs', '/index.ts', '/index.tsx', '/index.js'];

/** `(importer, specifier)` -> the module's path: the run's own resolver (src/frameworks/browser.ts), which knows the repository's aliases. */
export type ModuleResolver = (importer: string, specifier: string) => string | undefined;

export function createKeyExports(files: readonly SourceText[], resolver?: ModuleResolver): KeyExports {
  const byPath = new Map(files.map((file) => [file.path, file]));
  // Only the modules given here can be parsed: a path the run's resolver finds among the others holds no key text.
  const resolveModule = (importer: string, specifier: string, modules: Map<string, SourceText>): string | undefined => {
    const found = resolver?.(importer, specifier);
    if (found !== undefined) return modules.has(found) ? found : undefined;
    return resolveLocally(importer, specifier, modules);
  };
  const exportsOf = new Map<string, Map<string, KeyKind>>();
  const inProgress = new Set<string>();

  const moduleExports = (path: string): Map<string, KeyKind> => {
    const known = exportsOf.get(path);
    if (known) return known;
    if (inProgress.has(path)) return new Map();
    inProgress.add(path);
    const file = byPath.get(path) as SourceText;
    const { sourceFile } = file.scripts.parse(wholeScript(path, file.text));
    const sources = new KeySources(sourceFile, (specifier, name) => lookup(path, specifier, name));
    const found = sources.exports();
    inProgress.delete(path);
    exportsOf.set(path, found);
    return found;
  };

  const lookup = (importer: string, specifier: string, name: string) => {
    if (STATIC_ENV_MODULES.has(specifier)) return keyKindOfName(name);
    const target = resolveModule(importer, specifier, byPath);
    return target ? moduleExports(target).get(name) : undefined;
  };

  const imports = new Map<string, string[]>();
  const importsOf = (path: string, text: string): string[] => {
    let targets = imports.get(path);
    if (!targets) {
      targets = [];
      for (const [, , specifier] of text.matchAll(SPECIFIER)) {
        const target = resolveModule(path, specifier as string, byPath);
        if (target) targets.push(target);
      }
      imports.set(path, targets);
    }
    return targets;
  };
  const mayHoldKey = (path: string, text: string): boolean => {
    // The modules it reaches through imports, itself first, until one has key text.
    const seen = new Set([path]);
    const queue: [string, string][] = [[path, text]];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [current, currentText] = next;
      if (hasKeyText(currentText)) return true;
      for (const target of importsOf(current, currentText)) {
        if (seen.has(target)) continue;
        seen.add(target);
        queue.push([target, (byPath.get(target) as SourceText).text]);
      }
    }
    return false;
  };
  const reachedFrom = (roots: readonly { path: string; text: string }[]): Set<string> => {
    const reached = new Set<string>();
    const queue = roots.map((root): [string, string] => [root.path, root.text]);
    for (let i = 0; i < queue.length; i++) {
      const [current, currentText] = queue[i] as [string, string];
      for (const target of importsOf(current, currentText)) {
        if (reached.has(target)) continue;
        reached.add(target);
        queue.push([target, (byPath.get(target) as SourceText).text]);
      }
    }
    return reached;
  };
  return Object.assign(lookup, { mayHoldKey, reachedFrom });
}

/**
 * Without the run's resolver (a file planned alone): relative specifiers, root-absolute ones (`/utils/supabase/info`)
 * and the common `@/` alias (to `src/` or the package folder), with TS/JS extensions.
 */
function resolveLocally(importer: string, specifier: string, byPath: Map<string, SourceText>): string | undefined {
  const bases: string[] = [];
  if (specifier.startsWith('.')) bases.push(posix.normalize(posix.join(posix.dirname(importer), specifier)));
  else if (specifier.startsWith('/')) bases.push(specifier.slice(1));
  else if (specifier.startsWith('@/') || specifier.startsWith('~/')) {
    for (let dir = posix.dirname(importer); ; dir = posix.dirname(dir)) {
      const root = dir === '.' ? '' : `${dir}/`;
      bases.push(`${root}src/${specifier.slice(2)}`, `${root}${specifier.slice(2)}`);
      if (dir === '.' || dir === '/') break;
    }
  } else return undefined;
  for (const base of bases) {
    const stem = base.replace(/\.(js|jsx|mjs)$/, '');
    for (const candidate of [base, ...EXTENSIONS.map((extension) => stem + extension)]) {
      if (byPath.has(candidate)) return candidate;
    }
  }
  return undefined;
}

