// What the security rules know about the whole repository, built once per run beside the Edge Function
// model: packages and their frameworks, which modules ship to browsers, who signs users in, where
// auth-helpers read the legacy name themselves, and the signing keys file (from the facts src/core/repository-facts.ts
// gathers: the model reads no disk and no git).
import { isAbsolute, posix } from 'node:path';
import type { FileKind } from '../../../file-kinds/index.js';
import { buildFrameworks, manifestDependencies, moduleFacts, clientRegions, type Frameworks, type ModuleFacts } from '../../../frameworks/browser.js';
import type { Severity } from '../../../core/types.js';
import { HINT, textHints } from '../../../core/hints.js';
import type { ScannedFile } from '../../../file-kinds/scanned.js';
import { AUTH_HELPERS_PACKAGE, IMPLICITLY_READ_NAME, implicitReads, type ImplicitRead } from './auth-helpers.js';
import { signsIn } from './realtime.js';
import { isEdgeFunctionFile } from '../../../supabase/paths.js';
import { holdsPrivateKey, signingKeysProblems, signingKeysSetting } from './signing-keys.js';
import { aliasesOf, declaresAliases, type ImportAlias } from '../../../frameworks/aliases.js';

/** What every file read tells the model, gathered while the plan reads them: facts, never whole texts. */
export interface SecurityInput {
  paths: string[];
  manifests: { path: string; dependencies: ReadonlySet<string> }[];
  modules: ModuleFacts[];
  /** Import aliases of tsconfig/jsconfig and Vite configs (src/frameworks/aliases.ts). */
  aliases: ImportAlias[];
  /** Modules that sign a user in or guard a route with a session check (realtime.ts signsIn). */
  signIns: Set<string>;
  /** The names each env file defines (legacy-jwt-secret: whose JWT_SECRET it is). */
  envNames: { path: string; names: ReadonlySet<string> }[];
}

/**
 * What the disk and git say of a signing keys file that a config.toml names, gathered before the rules run
 * (src/core/repository-facts.ts): the model reads neither.
 */
export interface SigningKeysFileFacts {
  exists: boolean;
  /** Its text, when it is a file inside the root (links resolved) of at most 1 MiB. */
  text?: string;
  /**
   * When the text holds a private key, or the file does not exist: git tracks it, a .gitignore covers it, neither, or there
   * is no repository.
   */
  git?: 'tracked' | 'ignored' | 'neither' | 'no repository';
}

/** The repository beyond the files read. */
export interface RepositoryFacts {
  /** By path (POSIX, relative to the root): the signing keys files the config.toml files name inside the root. */
  signingKeysFiles: ReadonlyMap<string, SigningKeysFileFacts>;
  /** Env files that hold a legacy service_role JWT and that git tracks: the key has leaked with the repository. */
  trackedKeyFiles: ReadonlySet<string>;
}

/** A text planned on its own: no files on disk, no git. */
const NO_REPOSITORY: RepositoryFacts = { signingKeysFiles: new Map(), trackedKeyFiles: new Set() };

interface SecurityReport {
  offset: number;
  message: string;
  severity?: Severity;
}

export interface SecurityModel {
  frameworks: Frameworks;
  /** Why a legacy name is kept in the package of `path` (SPEC §2, implicit readers), or undefined. */
  keptInPackage(path: string, name: string): string | undefined;
  /**
   * Why a file in a folder above a package that keeps a legacy name, outside any such package (a monorepo's shared env
   * template, which that package's developers copy), serves it: `which serves the package …`; or undefined.
   */
  keptBelow(path: string, name: string): string | undefined;
  /** auth-helpers calls without a key, by file. */
  implicitReads: ReadonlyMap<string, readonly ImplicitRead[]>;
  /** Problems of the signing keys file a config.toml names, by config.toml path. */
  signingKeys: ReadonlyMap<string, readonly SecurityReport[]>;
  /**
   * Whether the app of a module has signed-in users: a module of its package (the nearest package.json) signs a
   * user in or guards a route with a session check, or the module imports one that does.
   */
  signsIn(path: string): boolean;
  /** Env files that hold a legacy service_role JWT and that git tracks (RepositoryFacts.trackedKeyFiles). */
  trackedKeyFiles: ReadonlySet<string>;
  /**
   * Whether an env file in the folder of `path` or above defines `name` in a Supabase project: the file defines a
   * SUPABASE_URL (any prefix) too, or a supabase/ folder lies beside it.
   */
  supabaseEnv(path: string, name: string): boolean;
}

export function createSecurityInput(paths: readonly string[]): SecurityInput {
  return { paths: [...paths], manifests: [], modules: [], aliases: [], signIns: new Set(), envNames: [] };
}

/** Records what one file read says; called for every file, candidate or not (an import graph needs them all). */
/** `hints`: the text's, complete (src/core/hints.ts); found here when not given. */
export function addToSecurityInput(input: SecurityInput, path: string, kind: FileKind, text: string, hints = textHints(text, true)): void {
  if (declaresAliases(path)) input.aliases.push(...aliasesOf(path, text));
  if (kind === 'code' || kind === 'markup') {
    input.modules.push(moduleFacts(path, kind, text, (hints & HINT.serverOnly) !== 0));
    // An Edge Function's sign-in is a server's, not the app's.
    if (hints & (HINT.auth | HINT.realtime) && !isEdgeFunctionFile(path) && signsIn(path, text)) input.signIns.add(path);
  } else if (kind === 'env') {
    input.envNames.push({ path, names: new Set(Array.from(text.matchAll(/^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=/gm), (match) => match[1] as string)) });
  } else if (path === 'package.json' || path.endsWith('/package.json')) {
    const dependencies = manifestDependencies(text);
    if (dependencies) input.manifests.push({ path, dependencies });
  }
}

/** Puts the facts back in the order of `input.paths`, for files examined out of order. */
export function sortSecurityInput(input: SecurityInput): void {
  const order = new Map(input.paths.map((path, index) => [path, index]));
  const byPath = (a: { path: string }, b: { path: string }) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0);
  input.manifests.sort(byPath);
  input.modules.sort(byPath);
  input.aliases.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : a.find < b.find ? -1 : a.find > b.find ? 1 : 0));
}

/** Whether the model reads the file's syntax trees (for auth-helpers calls without a key). */
export function readsSyntax(file: Pick<ScannedFile, 'kind' | 'text'>): boolean {
  return (file.kind === 'code' || file.kind === 'markup') && file.text.includes(AUTH_HELPERS_PACKAGE);
}

/** `frameworks`: buildFrameworks(input), when the caller needed them before the files were scanned. */
export function buildSecurityModel(
  input: SecurityInput,
  scanned: readonly ScannedFile[],
  repository: RepositoryFacts,
  frameworks = buildFrameworks(input),
): SecurityModel {
  const implicit = new Map<string, ImplicitRead[]>();
  const keptBy = new Map<string, string>();
  for (const file of scanned) {
    if (!readsSyntax(file)) continue;
    const reads: ImplicitRead[] = [];
    for (const region of clientRegions(file.path, file.text)) {
      const { sourceFile } = file.scripts.parse(region);
      for (const read of implicitReads(sourceFile)) reads.push({ ...read, offset: read.offset + region.start });
    }
    if (reads.length === 0) continue;
    implicit.set(file.path, reads);
    const dir = frameworks.packageOf(file.path)?.dir ?? '';
    const first = reads[0] as ImplicitRead;
    if (!keptBy.has(dir)) keptBy.set(dir, `\`${first.helper}()\` at ${file.path}:${file.locate(first.offset).line}`);
  }

  const signIn = new Map<string, boolean>();
  const modules = new Map(input.modules.map((facts) => [facts.path, facts]));
  const closureSignsIn = (path: string): boolean => {
    const known = signIn.get(path);
    if (known !== undefined) return known;
    const seen = new Set([path]);
    const queue = [path];
    let found = false;
    for (let current = queue.shift(); current !== undefined && !found; current = queue.shift()) {
      if (input.signIns.has(current)) found = true;
      for (const specifier of modules.get(current)?.imports ?? []) {
        const target = frameworks.resolve(current, specifier);
        if (target && !seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    signIn.set(path, found);
    return found;
  };

  const packageOf = (path: string) => frameworks.packageOf(path)?.dir ?? '';
  const packagesSigningIn = new Set([...input.signIns].map(packageOf));

  return {
    frameworks,
    keptInPackage(path, name) {
      if (name !== IMPLICITLY_READ_NAME) return undefined;
      const dir = frameworks.packageOf(path)?.dir ?? '';
      const where = keptBy.get(dir);
      if (!where) return undefined;
      return (
        `\`${AUTH_HELPERS_PACKAGE}\` reads it itself in ${dir ? `the package \`${dir}\`` : 'this package'} (${where}, called without supabaseKey), ` +
        'so renaming it there breaks auth; pass supabaseKey or move to @supabase/ssr first (implicit-legacy-env)'
      );
    },
    keptBelow(path, name) {
      if (name !== IMPLICITLY_READ_NAME || keptBy.has(frameworks.packageOf(path)?.dir ?? '')) return undefined;
      const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
      const below = [...keptBy.keys()].filter((kept) => kept !== '' && (dir === '' || kept.startsWith(`${dir}/`))).sort();
      const [first] = below;
      if (first === undefined) return undefined;
      const more = below.length > 1 ? ` (and ${below.length - 1} more)` : '';
      return `which serves the package \`${first}\`${more}: \`${AUTH_HELPERS_PACKAGE}\` reads it itself there (${keptBy.get(first)}, called without supabaseKey)`;
    },
    implicitReads: implicit,
    signingKeys: signingKeyReports(repository, scanned),
    signsIn: (path) => packagesSigningIn.has(packageOf(path)) || closureSignsIn(path),
    trackedKeyFiles: repository.trackedKeyFiles,
    supabaseEnv: (path, name) => supabaseEnv(input, path, name),
  };
}

function supabaseEnv(input: SecurityInput, path: string, name: string): boolean {
  return input.envNames.some((env) => {
    const dir = posix.dirname(env.path) === '.' ? '' : `${posix.dirname(env.path)}/`;
    if (!path.startsWith(dir) || !env.names.has(name)) return false;
    return [...env.names].some((defined) => /(^|_)SUPABASE_URL$/.test(defined)) || input.paths.some((other) => other.startsWith(`${dir}supabase/`));
  });
}

/** The model of one text planned on its own: its own facts only, no files on disk, no git. */
export function securityModelOf(files: readonly ScannedFile[]): SecurityModel {
  const input = createSecurityInput(files.map((file) => file.path));
  for (const file of files) addToSecurityInput(input, file.path, file.kind, file.text);
  return buildSecurityModel(input, files, NO_REPOSITORY);
}

/** The signing keys file a config.toml names: its path (POSIX, relative to the root) and the setting's offset; none outside the root. */
export function namedSigningKeysFile(file: Pick<ScannedFile, 'path' | 'kind' | 'text'>): { path: string; offset: number } | undefined {
  if (file.kind !== 'toml') return undefined;
  const setting = signingKeysSetting(file.text);
  if (!setting) return undefined;
  const path = posix.normalize(posix.join(posix.dirname(file.path), setting.value));
  // Outside the root nothing is read; the CLI would resolve it the same way.
  if (isAbsolute(setting.value) || path.startsWith('../') || path === '..') return undefined;
  return { path, offset: setting.offset };
}

function signingKeyReports(repository: RepositoryFacts, scanned: readonly ScannedFile[]): Map<string, SecurityReport[]> {
  const reports = new Map<string, SecurityReport[]>();
  for (const file of scanned) {
    const named = namedSigningKeysFile(file);
    const facts = named && repository.signingKeysFiles.get(named.path);
    if (!named || !facts) continue;
    const { path } = named;
    const at = (message: string, severity?: Severity): SecurityReport => ({ offset: named.offset, message, ...(severity && { severity }) });
    const found: SecurityReport[] = [];
    if (!facts.exists && facts.git === 'ignored') {
      // Issue 27: generated where the local stack starts (supabase-js's auth-js tests), so not missing from the repository.
      found.push(
        at(
          `\`signing_keys_path\` names \`${path}\`, which a .gitignore lists: generated, not in the repository. ` +
            'Wherever the local stack starts, generate it first (`supabase gen signing-key --algorithm ES256`, wrapped in a JSON array)',
          'info',
        ),
      );
    } else if (!facts.exists) {
      found.push(
        at(
          `\`signing_keys_path\` names \`${path}\`, which does not exist, so the local auth server will not start: ` +
            'create it with `supabase gen signing-key --algorithm ES256`, wrapped in a JSON array',
        ),
      );
    } else if (facts.text !== undefined) {
      for (const problem of signingKeysProblems(path, facts.text)) found.push(at(problem.message, problem.severity));
      if (holdsPrivateKey(facts.text)) {
        if (facts.git === 'tracked') {
          // Issue 27: only the local stack reads signing_keys_path (config.toml is local configuration; the hosted project
          // takes its keys from the dashboard): a published development key, not a production secret.
          found.push(
            at(
              `\`${path}\` holds a private key and git tracks it: only the local stack loads it (\`signing_keys_path\` in supabase/config.toml), ` +
                `so it is a published development key, not the hosted project's: remove it from git (\`git rm --cached ${path}\`) and list it ` +
                'in .gitignore; if this key was ever uploaded to the hosted project, rotate it there',
              'warning',
            ),
          );
        } else if (facts.git === 'neither') {
          found.push(at(`\`${path}\` holds a private key and no .gitignore covers it: add it to .gitignore before it is committed`));
        }
      }
    }
    reports.set(file.path, found);
  }
  return reports;
}
