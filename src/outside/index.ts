// The places outside the repository that hold a key and must be updated by hand (SPEC §6 `outside`).
import type { OutsideReference } from './reference.js';
import { envEntries } from '../file-kinds/env-entries.js';
import { isEnvTemplate } from '../file-kinds/env.js';
import { fileKind } from '../file-kinds/index.js';
import { cloudBuildSubstitutions } from './cloud-build.js';
import { dockerBuildArgs } from './docker.js';
import type { OutsideFile, OutsideFinder } from './finder.js';
import { githubSecrets } from './github.js';
import { describeName } from './finder.js';
import { detectHosts, environmentStep, hostingProviders, type HostingEvidence, type KeyName } from './hosting.js';
import { kubernetesSecrets } from './kubernetes.js';

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
  const names = keyNames(renamed, envKeyNames(files));
  const found = [...files.flatMap((file) => FINDERS.flatMap((find) => find(file))), ...hostingProviders(hosts, names)];
  // No host in sight: the app's environment is set somewhere all the same, and every renamed name no CI or deploy file
  // already places (a workflow secret, a build argument) must reach it.
  const placed = new Set(found.map((reference) => reference.name));
  if (hosts.length === 0) for (const { name, file, line } of renamed) if (!placed.has(name.name)) found.push(environmentStep(name, file, line));
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
