// sdk-version: a lockfile (npm, pnpm, yarn, bun) that locks a Supabase SDK release that mishandles the new keys.
import { loadYaml, loadYarnLockfile } from '../core/libraries.js';
import { blankJsonc } from '../file-kinds/jsonc.js';
import { escapeRegExp } from '../keys/names.js';
import type { Report, Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

/** A release range of an SDK that mishandles the new keys, and the first release that does not. */
interface Flaw {
  name: string;
  /** The first affected release, and the first fixed one. */
  from: string;
  fixed: string;
  /** What goes wrong, after "`<name>` <version> is locked here: ". */
  problem: string;
}

const FLAWS: readonly Flaw[] = [
  {
    name: '@supabase/supabase-js',
    from: '2.110.4',
    fixed: '2.110.6',
    problem: 'releases 2.110.4 and 2.110.5 throw in createClient() on an `sb_` key that is neither `sb_publishable_` nor `sb_secret_` (such as `sb_temp_`)',
  },
];

/** A package a lockfile locks: its name, version, and where the lockfile says so. */
interface Locked {
  name: string;
  version: string;
  offset: number;
}

type Triple = [number, number, number, boolean];

/** `x.y.z` with an optional pre-release (which sorts before its release); undefined for anything else. */
function semver(version: string): Triple | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] !== undefined] : undefined;
}

function compare(a: Triple, b: Triple): number {
  for (let index = 0; index < 3; index++) if (a[index] !== b[index]) return (a[index] as number) - (b[index] as number);
  return a[3] === b[3] ? 0 : a[3] ? -1 : 1;
}

function affected(flaw: Flaw, version: string): boolean {
  const at = semver(version);
  const from = semver(flaw.from) as Triple;
  const fixed = semver(flaw.fixed) as Triple;
  return at !== undefined && compare(at, from) >= 0 && compare(at, fixed) < 0;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where the lockfile states a version: the version after `anchor` when it comes soon after, else the anchor. */
function locate(text: string, anchor: string, version: string): number {
  const at = text.indexOf(anchor);
  if (at < 0) return 0;
  const within = anchor.indexOf(version);
  if (within >= 0) return at + within;
  const next = text.indexOf(version, at + anchor.length);
  return next >= 0 && next - at < 1000 ? next : at;
}

const WATCHED = new Set(FLAWS.map((flaw) => flaw.name));

/** package-lock.json / npm-shrinkwrap.json: `packages` (v2, v3) by install path, else `dependencies` (v1), nested. */
function npmLocked(text: string): Locked[] {
  const lock: unknown = JSON.parse(text);
  if (!isRecord(lock)) return [];
  const found: Locked[] = [];
  if (isRecord(lock.packages)) {
    for (const [path, entry] of Object.entries(lock.packages)) {
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      if (!path.includes('node_modules/') || !WATCHED.has(name) || !isRecord(entry) || typeof entry.version !== 'string') continue;
      found.push({ name, version: entry.version, offset: locate(text, JSON.stringify(path), entry.version) });
    }
    return found;
  }
  const walk = (dependencies: unknown): void => {
    if (!isRecord(dependencies)) return;
    for (const [name, entry] of Object.entries(dependencies)) {
      if (!isRecord(entry)) continue;
      if (WATCHED.has(name) && typeof entry.version === 'string') found.push({ name, version: entry.version, offset: locate(text, `${JSON.stringify(name)}: {`, entry.version) });
      walk(entry.dependencies);
    }
  };
  walk(lock.dependencies);
  return found;
}

/** pnpm-lock.yaml: the keys of `packages`, `name@version` (v9), `/name@version` (v6), `/name/version` (v5), peers aside. */
function pnpmLocked(text: string): Locked[] {
  const lock: unknown = loadYaml().parse(text);
  if (!isRecord(lock) || !isRecord(lock.packages)) return [];
  const found: Locked[] = [];
  for (const key of Object.keys(lock.packages)) {
    const bare = key.replace(/^\//, '').replace(/\(.*$/, '').replace(/_.*$/, '');
    const split = /^((?:@[^/]+\/)?[^@/]+)[@/](.+)$/.exec(bare);
    if (!split || !WATCHED.has(split[1] as string)) continue;
    found.push({ name: split[1] as string, version: split[2] as string, offset: locate(text, key, split[2] as string) });
  }
  return found;
}

/** yarn.lock: v1 through @yarnpkg/lockfile (loaded on first use, as yaml), berry (YAML with `__metadata`) through yaml; entries keyed by their ranges. */
function yarnLocked(text: string): Locked[] {
  const berry = /^__metadata:/m.test(text);
  const entries: unknown = berry ? loadYaml().parse(text) : loadYarnLockfile().parse(text).object;
  if (!isRecord(entries)) return [];
  const found: Locked[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    if (!isRecord(entry) || typeof entry.version !== 'string') continue;
    const name = /^((?:@[^/]+\/)?[^@]+)@/.exec(key.split(',')[0]?.trim() ?? '')?.[1];
    if (!name || !WATCHED.has(name)) continue;
    // The entry's line starts with its first range, quoted or not.
    const line = new RegExp(`^"?${escapeRegExp(key.split(',')[0]?.trim() ?? key)}`, 'm').exec(text);
    const at = line ? line.index : 0;
    // Its `version "x"` (v1) or `version: x` (berry) line.
    const field = new RegExp(`^[ \\t]+version:?[ \\t]+"?${escapeRegExp(entry.version)}`, 'm').exec(text.slice(at));
    found.push({ name, version: entry.version, offset: field ? at + field.index + field[0].length - entry.version.length : at });
  }
  return found;
}


/** bun.lock (Bun ≥ 1.2, text): `packages` by install path, each a tuple whose first item is `name@version`. */
function bunLocked(text: string): Locked[] {
  const clean = blankJsonc(text);
  const lock: unknown = JSON.parse(clean);
  if (!isRecord(lock) || !isRecord(lock.packages)) return [];
  const found: Locked[] = [];
  const start = clean.search(/"packages"\s*:/);
  for (const entry of Object.values(lock.packages)) {
    const ident = Array.isArray(entry) ? entry[0] : undefined;
    if (typeof ident !== 'string') continue;
    const split = /^((?:@[^/@]+\/)?[^@]+)@(.+)$/.exec(ident);
    if (!split || !WATCHED.has(split[1] as string)) continue;
    const version = split[2] as string;
    const at = clean.indexOf(JSON.stringify(ident), start);
    found.push({ name: split[1] as string, version, offset: at < 0 ? 0 : at + 1 + (split[1] as string).length + 1 });
  }
  return found;
}

function lockedPackages(path: string, text: string): Locked[] {
  const basename = path.slice(path.lastIndexOf('/') + 1);
  try {
    if (basename === 'pnpm-lock.yaml') return pnpmLocked(text);
    if (basename === 'yarn.lock') return yarnLocked(text);
    if (basename === 'bun.lock') return bunLocked(text);
    return npmLocked(text);
  } catch {
    // A lockfile its package manager would not read either: nothing is known of what it installs.
    return [];
  }
}

export const sdkVersion: Rule = {
  meta: {
    id: 'sdk-version',
    severity: 'warning',
    fix: 'none',
    summary: 'a lockfile locks a Supabase SDK release that mishandles the new keys',
    description:
      'Some Supabase SDK releases mishandle the new API keys. @supabase/supabase-js 2.110.4 and 2.110.5 throw in createClient() ' +
      'on an `sb_` key that is neither `sb_publishable_` nor `sb_secret_` (such as a temporary `sb_temp_` key); 2.110.6 warns ' +
      'instead. The rule reads package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock (v1 and berry) and bun.lock ' +
      "(Bun's text lockfile; the binary bun.lockb is not read) and names the release to update to. It changes no lockfile: " +
      'update the package with your package manager.',
    legacyUse: false,
    blocksRotation: false,
    example: '"node_modules/@supabase/supabase-js": { "version": "2.110.4" }  ->  npm install @supabase/supabase-js@^2.110.6',
    sources: [
      cite(
        PAGES.supabaseJsUnknownKeyPr,
        'createClient() threw for any `sb_` key other than `sb_publishable_…` / `sb_secret_…`; it now accepts `sb_temp_…` keys and ' +
          'warns once for other unrecognized subtypes instead of throwing (merged 2026-07-15).',
      ),
      cite(
        PAGES.supabaseJsInvokePr,
        'functions.invoke() stops sending a new-format key as `Authorization: Bearer` when no user is signed in (merged 2026-07-10).',
      ),
    ],
    examples: [
      {
        title: 'A package-lock.json that locks @supabase/supabase-js 2.110.4',
        file: 'package-lock.json',
        before:
          '{\n  "name": "web",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n' +
          '    "node_modules/@supabase/supabase-js": {\n      "version": "2.110.4"\n    }\n  }\n}\n',
        after:
          '{\n  "name": "web",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n' +
          '    "node_modules/@supabase/supabase-js": {\n      "version": "2.110.6"\n    }\n  }\n}\n',
      },
    ],
  },
  check(file) {
    if (file.kind !== 'lockfile') return [];
    const reports: Report[] = [];
    const seen = new Set<string>();
    for (const locked of lockedPackages(file.path, file.text)) {
      const flaw = FLAWS.find((candidate) => candidate.name === locked.name && affected(candidate, locked.version));
      const key = `${locked.name}@${locked.version}`;
      if (!flaw || seen.has(key)) continue;
      seen.add(key);
      reports.push({
        offset: locked.offset,
        message: `\`${locked.name}\` ${locked.version} is locked here: ${flaw.problem}; update \`${locked.name}\` to ${flaw.fixed} or later`,
      });
    }
    return reports;
  },
};
