// npm, pnpm, yarn and Bun lockfiles: the packages they install, for sdk-version.
import { loadYaml, loadYarnLockfile } from '../../../core/libraries.js';
import { blankJsonc } from '../../../file-kinds/jsonc.js';
import { escapeRegExp } from '../../../keys/names.js';
import { isRecord, locate, type Locked, type Watched } from './types.js';

const npm = (name: string, version: string, offset: number): Locked => ({ ecosystem: 'npm', name, version, offset });

/** package-lock.json / npm-shrinkwrap.json: `packages` (v2, v3) by install path, else `dependencies` (v1), nested. */
export function npmLocked(text: string, watched: Watched): Locked[] {
  const lock: unknown = JSON.parse(text);
  if (!isRecord(lock)) return [];
  const found: Locked[] = [];
  if (isRecord(lock.packages)) {
    for (const [path, entry] of Object.entries(lock.packages)) {
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      if (!path.includes('node_modules/') || !watched('npm', name) || !isRecord(entry) || typeof entry.version !== 'string') continue;
      found.push(npm(name, entry.version, locate(text, JSON.stringify(path), entry.version)));
    }
    return found;
  }
  const walk = (dependencies: unknown): void => {
    if (!isRecord(dependencies)) return;
    for (const [name, entry] of Object.entries(dependencies)) {
      if (!isRecord(entry)) continue;
      if (watched('npm', name) && typeof entry.version === 'string') found.push(npm(name, entry.version, locate(text, `${JSON.stringify(name)}: {`, entry.version)));
      walk(entry.dependencies);
    }
  };
  walk(lock.dependencies);
  return found;
}

/** pnpm-lock.yaml: the keys of `packages`, `name@version` (v9), `/name@version` (v6), `/name/version` (v5), peers aside. */
export function pnpmLocked(text: string, watched: Watched): Locked[] {
  const lock: unknown = loadYaml().parse(text);
  if (!isRecord(lock) || !isRecord(lock.packages)) return [];
  const found: Locked[] = [];
  for (const key of Object.keys(lock.packages)) {
    const bare = key.replace(/^\//, '').replace(/\(.*$/, '').replace(/_.*$/, '');
    const split = /^((?:@[^/]+\/)?[^@/]+)[@/](.+)$/.exec(bare);
    if (!split || !watched('npm', split[1] as string)) continue;
    found.push(npm(split[1] as string, split[2] as string, locate(text, key, split[2] as string)));
  }
  return found;
}

/** yarn.lock: v1 through @yarnpkg/lockfile (loaded on first use, as yaml), berry (YAML with `__metadata`) through yaml; entries keyed by their ranges. */
export function yarnLocked(text: string, watched: Watched): Locked[] {
  const berry = /^__metadata:/m.test(text);
  const entries: unknown = berry ? loadYaml().parse(text) : loadYarnLockfile().parse(text).object;
  if (!isRecord(entries)) return [];
  const found: Locked[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    if (!isRecord(entry) || typeof entry.version !== 'string') continue;
    const name = /^((?:@[^/]+\/)?[^@]+)@/.exec(key.split(',')[0]?.trim() ?? '')?.[1];
    if (!name || !watched('npm', name)) continue;
    // The entry's line starts with its first range, quoted or not.
    const line = new RegExp(`^"?${escapeRegExp(key.split(',')[0]?.trim() ?? key)}`, 'm').exec(text);
    const at = line ? line.index : 0;
    // Its `version "x"` (v1) or `version: x` (berry) line.
    const field = new RegExp(`^[ \\t]+version:?[ \\t]+"?${escapeRegExp(entry.version)}`, 'm').exec(text.slice(at));
    found.push(npm(name, entry.version, field ? at + field.index + field[0].length - entry.version.length : at));
  }
  return found;
}

/** bun.lock (Bun ≥ 1.2, text): `packages` by install path, each a tuple whose first item is `name@version`. */
export function bunLocked(text: string, watched: Watched): Locked[] {
  const clean = blankJsonc(text);
  const lock: unknown = JSON.parse(clean);
  if (!isRecord(lock) || !isRecord(lock.packages)) return [];
  const found: Locked[] = [];
  const start = clean.search(/"packages"\s*:/);
  for (const entry of Object.values(lock.packages)) {
    const ident = Array.isArray(entry) ? entry[0] : undefined;
    if (typeof ident !== 'string') continue;
    const split = /^((?:@[^/@]+\/)?[^@]+)@(.+)$/.exec(ident);
    if (!split || !watched('npm', split[1] as string)) continue;
    const at = clean.indexOf(JSON.stringify(ident), start);
    found.push(npm(split[1] as string, split[2] as string, at < 0 ? 0 : at + 1 + (split[1] as string).length + 1));
  }
  return found;
}
