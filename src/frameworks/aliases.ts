// Import aliases a repository configures: tsconfig/jsconfig `paths` and `baseUrl`, Vite `resolve.alias`.
// Read from the config files' text (no TypeScript, no evaluation), so that an import such as
// `@lib/keys` or `#shared/supabase` reaches the module it names (src/frameworks/browser.ts resolve).
import { posix } from 'node:path';
import { blankJsonc } from '../file-kinds/jsonc.js';

/** One alias: a specifier that equals `find`, or starts with it (`prefix`), maps to `targets` (paths from the root). */
export interface ImportAlias {
  /** The folder of the config that declares it ('' at the root): it applies to modules below it. */
  dir: string;
  find: string;
  /** `@lib/*` (tsconfig) or a Vite key, which also takes `key/…`: what follows `find` is appended to each target. */
  prefix: boolean;
  targets: string[];
  /** A tsconfig `baseUrl`: any bare specifier is tried below it (after the packages it could also name). */
  baseUrl?: boolean;
}

const TSCONFIG = /(^|\/)[tj]sconfig(\.[\w-]+)?\.json$/;
const VITE_CONFIG = /(^|\/)vite(st)?\.config\.[cm]?[jt]s$/;

/** Whether a file is one of the configs aliasesOf reads. */
export function declaresAliases(path: string): boolean {
  return TSCONFIG.test(path) || VITE_CONFIG.test(path);
}

export function aliasesOf(path: string, text: string): ImportAlias[] {
  const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
  if (TSCONFIG.test(path)) return tsconfigAliases(dir, text);
  if (VITE_CONFIG.test(path)) return viteAliases(dir, text);
  return [];
}

const join = (...parts: string[]) => {
  const joined = posix.normalize(posix.join(...parts));
  return joined === '.' ? '' : joined.replace(/^\.\//, '').replace(/\/$/, '');
};

function tsconfigAliases(dir: string, text: string): ImportAlias[] {
  let config: { compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
  try {
    config = JSON.parse(blankJsonc(text)) as typeof config;
  } catch {
    return [];
  }
  const options = config?.compilerOptions;
  if (!options || typeof options !== 'object') return [];
  const base = typeof options.baseUrl === 'string' ? join(dir, options.baseUrl) : dir;
  const aliases: ImportAlias[] = [];
  if (options.paths && typeof options.paths === 'object') {
    for (const [pattern, targets] of Object.entries(options.paths as Record<string, unknown>)) {
      if (!Array.isArray(targets)) continue;
      const prefix = pattern.endsWith('*');
      const list = targets.filter((t): t is string => typeof t === 'string').map((t) => join(base, prefix ? t.replace(/\*$/, '') : t));
      aliases.push({ dir, find: prefix ? pattern.slice(0, -1) : pattern, prefix, targets: list });
    }
  }
  if (typeof options.baseUrl === 'string') aliases.push({ dir, find: '', prefix: true, targets: [base], baseUrl: true });
  return aliases;
}

// `'@': path.resolve(__dirname, './src')`, `'#shared': fileURLToPath(new URL('./shared', import.meta.url))`,
// `{ find: '~', replacement: resolve(__dirname, 'src') }`, `'@x': '/src/x'`.
const VALUES = [
  /^(?:path\.)?(?:resolve|join)\(\s*(?:__dirname|process\.cwd\(\))\s*,\s*['"`]([^'"`]*)['"`]\s*\)/,
  /^fileURLToPath\(\s*new\s+URL\(\s*['"`]([^'"`]*)['"`]\s*,\s*import\.meta\.url\s*\)\s*\)/,
  /^['"`](\.{0,2}\/[^'"`]*)['"`]/,
];
const KEYED = /(['"`]?)([@#~$\w][\w@#~$/.-]*)\1\s*:\s*/g;
const FIND = /find\s*:\s*(['"`])([^'"`]+)\1\s*,\s*replacement\s*:\s*/g;

function pathValue(text: string): string | undefined {
  for (const pattern of VALUES) {
    const match = pattern.exec(text);
    if (match) return match[1];
  }
  return undefined;
}

function viteAliases(dir: string, text: string): ImportAlias[] {
  const at = text.search(/\balias\s*:/);
  if (at < 0) return [];
  const block = text.slice(at);
  const aliases: ImportAlias[] = [];
  const add = (find: string, target: string | undefined) => {
    if (target === undefined || find === 'find' || find === 'replacement' || find === 'alias') return;
    // `/src` is the project root's src folder in Vite, not the disk's.
    aliases.push({ dir, find, prefix: true, targets: [join(dir, target.replace(/^\//, ''))] });
  };
  for (const pattern of [KEYED, FIND]) {
    for (const match of block.matchAll(pattern)) add(match[2] as string, pathValue(block.slice((match.index as number) + match[0].length)));
  }
  return aliases;
}

/**
 * The paths an aliased specifier may name, nearest config first; [] when no alias applies. A `baseUrl`
 * applies only when no alias does: a bare specifier it would resolve may name a package as well.
 */
export function aliasedPaths(importer: string, specifier: string, aliases: readonly ImportAlias[]): string[] {
  const applicable = aliases.filter((alias) => alias.dir === '' || importer.startsWith(`${alias.dir}/`)).sort((a, b) => b.dir.length - a.dir.length);
  const paths: string[] = [];
  for (const alias of applicable) {
    if (alias.baseUrl) continue;
    let rest: string | undefined;
    if (specifier === alias.find) rest = '';
    else if (alias.prefix && specifier.startsWith(alias.find) && (alias.find.endsWith('/') || specifier[alias.find.length] === '/')) {
      rest = specifier.slice(alias.find.length).replace(/^\//, '');
    }
    if (rest === undefined) continue;
    for (const target of alias.targets) paths.push(rest ? join(target, rest) : target);
  }
  if (paths.length === 0 && !specifier.startsWith('.') && !specifier.startsWith('/')) {
    for (const alias of applicable) if (alias.baseUrl) for (const target of alias.targets) paths.push(join(target, specifier));
  }
  return paths;
}
