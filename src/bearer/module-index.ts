// Key-holding exports across the repository's modules, resolved on demand for `import { key } from './x'`.
import { posix } from 'node:path';
import { dialectOf, parseScript } from '../parse.js';
import { STATIC_ENV_MODULES } from '../reads.js';
import { KeySources, keyKindOfName, type KeyKind } from './key-sources.js';

export interface SourceText {
  path: string;
  text: string;
}

/** `(importer, specifier, name)` -> the kind of key that export holds. */
export type KeyExports = (importer: string, specifier: string, name: string) => KeyKind | undefined;

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs', '/index.ts', '/index.tsx', '/index.js'];

export function createKeyExports(files: readonly SourceText[]): KeyExports {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const exportsOf = new Map<string, Map<string, KeyKind>>();
  const inProgress = new Set<string>();

  const moduleExports = (path: string): Map<string, KeyKind> => {
    const known = exportsOf.get(path);
    if (known) return known;
    if (inProgress.has(path)) return new Map();
    inProgress.add(path);
    const file = byPath.get(path) as SourceText;
    const { sourceFile } = parseScript(path, file.text, dialectOf(path));
    const sources = new KeySources(sourceFile, (specifier, name) => lookup(path, specifier, name));
    const found = sources.exports();
    inProgress.delete(path);
    exportsOf.set(path, found);
    return found;
  };

  const lookup: KeyExports = (importer, specifier, name) => {
    if (STATIC_ENV_MODULES.has(specifier)) return keyKindOfName(name);
    const target = resolveModule(importer, specifier, byPath);
    return target ? moduleExports(target).get(name) : undefined;
  };
  return lookup;
}

/** Relative specifiers and the common `@/` alias (to `src/` or the package folder), with TS/JS extensions. */
function resolveModule(importer: string, specifier: string, byPath: Map<string, SourceText>): string | undefined {
  const bases: string[] = [];
  if (specifier.startsWith('.')) bases.push(posix.normalize(posix.join(posix.dirname(importer), specifier)));
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

