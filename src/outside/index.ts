// The places outside the repository that hold a key and must be updated by hand (SPEC §6 `outside`).
import type { OutsideReference } from './reference.js';
import { envEntries } from '../file-kinds/env-entries.js';
import { isEnvTemplate } from '../file-kinds/env.js';
import { fileKind, type FileKind } from '../file-kinds/index.js';
import { cloudBuildSubstitutions } from './cloud-build.js';
import { dockerBuildArgs } from './docker.js';
import type { OutsideFile, OutsideFinder } from './finder.js';
import { githubSecrets } from './github.js';
import { describeName } from './finder.js';
import { detectHosts, environmentStep, hostingProviders, type HostingEvidence, type KeyName } from './hosting.js';
import { kubernetesSecrets } from './kubernetes.js';
import { lineAt } from '../core/positions.js';
import { isPublicPrefix } from '../keys/names.js';

const FINDERS: readonly OutsideFinder[] = [githubSecrets, dockerBuildArgs, kubernetesSecrets, cloudBuildSubstitutions];

/** A rename the plan makes, where (a finding with `rename`). */
interface RenameSite {
  file: string;
  line: number;
  ruleId: string;
  rename?: { from: string; to: string };
}

export interface OutsideContext extends Partial<HostingEvidence> {
  /** The plan's findings: their renames are the names a host must get. */
  renames?: readonly RenameSite[];
}

export function findOutside(files: readonly OutsideFile[], context: OutsideContext = {}): OutsideReference[] {
  const hosts = detectHosts({ paths: context.paths ?? [], manifests: context.manifests ?? [] }, files);
  const renamed = readRenames(context.renames ?? []);
  // A migrated tree has no renames left: the new names it reads are what its hosts must define all the same (issue 20 item 2).
  const read = readNewNames(files);
  const names = keyNames(renamed, [...envKeyNames(files), ...read.map(({ name }) => name)]);
  const found = [...files.flatMap((file) => FINDERS.flatMap((find) => find(file))), ...hostingProviders(hosts, names)];
  // No host in sight: the app's environment is set somewhere all the same, and every renamed (or new) name no CI or deploy
  // file already places (a workflow secret, a build argument) must reach it.
  const placed = new Set(found.flatMap((reference) => [reference.name, reference.newName ?? reference.name]));
  if (hosts.length === 0) {
    for (const { name, file, line } of renamed) if (!placed.has(name.name)) found.push(environmentStep(name, file, line));
    const covered = new Set([...placed, ...renamed.map(({ name }) => name.newName ?? name.name)]);
    for (const { name, file, line } of read) if (!covered.has(name.name)) found.push(environmentStep(name, file, line));
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** `<kind>:<name>` of a step, as the configuration's `outsideDone` records it: the name it ends with (the new one when renamed). */
function outsideKey(reference: OutsideReference): string {
  return `${reference.kind}:${reference.newName ?? reference.name}`;
}

/** The steps the configuration records as done (`outsideDone`: `<kind>:<name>`, or `<kind>:*` for every step of a place). */
export function markOutsideDone(outside: readonly OutsideReference[], done: readonly string[]): OutsideReference[] {
  if (done.length === 0) return [...outside];
  const recorded = new Set(done);
  return outside.map((reference) =>
    recorded.has(outsideKey(reference)) || recorded.has(`${reference.kind}:${reference.name}`) || recorded.has(`${reference.kind}:*`)
      ? { ...reference, done: true }
      : reference,
  );
}

/**
 * The renamed names a program reads at build or run time, once each, at their first site: not the Edge Functions'
 * own runtime names (Supabase sets those), nor names only in documentation.
 */
function readRenames(sites: readonly RenameSite[]): { name: KeyName; file: string; line: number }[] {
  const renamed = new Map<string, { name: KeyName; file: string; line: number }>();
  // A program's read first (code, config, CI), then an env file; a template (.env.example) only shows the name.
  const ordered = [...sites].sort((a, b) => Number(isEnvFile(a.file)) - Number(isEnvFile(b.file)));
  for (const { file, line, ruleId, rename } of ordered) {
    if (!rename || renamed.has(rename.from) || ruleId === 'edge-function-env' || DOCUMENT.test(file) || isEnvTemplate(file)) continue;
    if (!ENV_NAME.test(rename.to)) continue;
    renamed.set(rename.from, { name: { name: rename.from, newName: rename.to, role: roleOf(rename.from) }, file, line });
  }
  return [...renamed.values()].sort((a, b) => (a.name.name < b.name.name ? -1 : 1));
}

/** Which key a name holds, as a step says it: `publishable`, `secret`, or `new` when the name does not say. */
function roleOf(name: string): string {
  const role = describeName(name)?.role;
  return role === 'publishable' || role === 'secret' ? role : 'new';
}

function isEnvFile(path: string): boolean {
  return fileKind(path) === 'env';
}

const DOCUMENT = /\.(md|mdx|markdown|txt|rst|adoc)$/i;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The renamed names, then the env files' names the renames do not cover. */
function keyNames(renamed: readonly { name: KeyName }[], env: readonly KeyName[]): KeyName[] {
  const names = new Map(renamed.map(({ name }) => [name.name, name]));
  for (const name of env) if (!names.has(name.name) && ![...names.values()].some((n) => n.newName === name.name)) names.set(name.name, name);
  return [...names.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

// The new names (SPEC §2) end with these literals: a file is searched for them first, its names placed only then.
const NEW_STEMS = ['SUPABASE_PUBLISHABLE_KEY', 'SUPABASE_SECRET_KEY'] as const;
// Supabase's own places, which no host sets: the Edge Functions (their secrets are `supabase secrets set`) and config.toml.
const SUPABASE_OWN = /(^|\/)supabase\/(functions\/|config\.toml$)/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const NAME_PREFIX = /^(?:[A-Z0-9]+_)*$/;

/**
 * The new key names the repository reads at build or run time, once each, at their first site: a new stem under no prefix,
 * a public prefix (`VITE_`, `NEXT_PUBLIC_`, …) or Cloud Build's `_` (not yet a `--map` name's). Searched in the files the scan
 * has read already (code, env files and templates, workflows, Dockerfiles, configs; never docs, nor Supabase's own
 * places), by a literal first: no new pass over the tree.
 */
function readNewNames(files: readonly OutsideFile[]): { name: KeyName; file: string; line: number }[] {
  const found = new Map<string, { name: KeyName; file: string; line: number; rank: number }>();
  for (const file of files) {
    if (!READS_NAMES.has(file.kind) || DOCUMENT.test(file.path) || SUPABASE_OWN.test(file.path)) continue;
    // A program's read first, then an env file, then a template: the step points at the first.
    const rank = file.kind !== 'env' ? 0 : isEnvTemplate(file.path) ? 2 : 1;
    for (const literal of NEW_STEMS) {
      for (let at = file.text.indexOf(literal); at >= 0; at = file.text.indexOf(literal, at + literal.length)) {
        const name = newNameAt(file.text, at, literal);
        const known = name && found.get(name);
        if (!name || (known && known.rank <= rank)) continue;
        found.set(name, { name: { name, role: roleOf(name) }, file: file.path, line: lineAt(file.text, at), rank });
      }
    }
  }
  return [...found.values()].map(({ name, file, line }) => ({ name, file, line })).sort((a, b) => (a.name.name < b.name.name ? -1 : 1));
}

/** The whole name whose new stem stands at `at`, when it is a new key name. */
function newNameAt(text: string, at: number, literal: string): string | undefined {
  const end = at + literal.length;
  if (end < text.length && NAME_CHAR.test(text[end] as string)) return undefined;
  let start = at;
  while (start > 0 && NAME_CHAR.test(text[start - 1] as string)) start--;
  const prefix = text.slice(start, at);
  const bare = prefix.startsWith('_') ? prefix.slice(1) : prefix;
  // A secret under a public prefix is no name to set anywhere: secret-key-exposed says to move it.
  if (bare !== '' && literal === 'SUPABASE_SECRET_KEY') return undefined;
  return NAME_PREFIX.test(bare) && (bare === '' || isPublicPrefix(bare)) ? prefix + literal : undefined;
}

/** The kinds whose files a build or a program reads names from (not prose, SQL or lockfiles). */
const READS_NAMES: ReadonlySet<FileKind> = new Set<FileKind>(['code', 'markup', 'env', 'yaml', 'toml', 'config', 'commands', 'dockerfile', 'python', 'source']);

/** The key names the env files hold (deployed apps read the same names from their host). */
function envKeyNames(files: readonly OutsideFile[]): KeyName[] {
  const names = new Map<string, KeyName>();
  for (const file of files) {
    if (file.kind !== 'env' || isEnvTemplate(file.path)) continue;
    for (const { key } of file.env ?? envEntries(file.text)) {
      const described = describeName(key);
      if (described && !names.has(key)) names.set(key, { name: key, role: roleOf(key), ...(described.newName && { newName: described.newName }) });
    }
  }
  return [...names.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}
