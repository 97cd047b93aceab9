// The registry of file kinds: which files the tool reads, and as what, decided by name alone before any byte is read.
import { codeKind } from './code.js';
import { commandsKind } from './commands.js';
import { configKind } from './config.js';
import { dockerfileKind } from './dockerfile.js';
import { envKind } from './env.js';
import type { KindModule } from './kind.js';
import { lockfileKind } from './lockfile.js';
import { markdownKind } from './markdown.js';
import { markupKind } from './markup.js';
import { pythonKind } from './python.js';
import { sourceKind } from './source.js';
import { sqlKind } from './sql.js';
import { textKind } from './text.js';
import { tomlKind } from './toml.js';
import { yamlKind } from './yaml.js';

/**
 * A file is of the first kind that matches its name, so the order is the precedence: code before env
 * (`.env.server.ts` is code); env before the kinds of its other extensions (`.env.vue`); commands
 * before dockerfile (`Dockerfile.sh`) and text (`package.json`); toml and config before text
 * (`supabase/config.toml`, `netlify.toml` and `vercel.json` have text's extensions). The lockfiles sdk-version reads come
 * first: `pnpm-lock.yaml` is no YAML config and `package-lock.json` no text to search for keys.
 */
const KINDS = [
  lockfileKind,
  codeKind,
  envKind,
  markupKind,
  markdownKind,
  tomlKind,
  commandsKind,
  yamlKind,
  dockerfileKind,
  configKind,
  pythonKind,
  sourceKind,
  sqlKind,
  textKind,
] as const;

export type FileKind = (typeof KINDS)[number]['kind'];

/** Each kind's files and what --write changes in them, in the registry's order: README's "what it changes" table. */
export function kindDocs(): { kind: FileKind; files: string; changes: string }[] {
  return KINDS.map((module) => ({ kind: module.kind, ...module.docs }));
}

const BY_KIND = new Map<FileKind, KindModule<FileKind>>(KINDS.map((module) => [module.kind, module]));

/** The module of a kind. */
export function kindModule(kind: FileKind): KindModule<FileKind> {
  return BY_KIND.get(kind) as KindModule<FileKind>;
}

/** Kinds whose text holds shell commands: deploy commands and curl-style Bearer headers are read there. */
export function holdsCommands(kind: FileKind): boolean {
  return kindModule(kind).holdsCommands === true;
}

/** Kinds whose files are renamed as text when they do not parse (KindModule.renamesAsText). */
export function renamesAsText(kind: FileKind): boolean {
  return kindModule(kind).renamesAsText === true;
}

/**
 * Lockfiles other than the lockfile kind's are no kind's: written by package managers, they hold no key name and no key, and their integrity hashes
 * (`sha512-ZXlK…`) look like base64-wrapped keys, so reading them would only cost. Each `.lock` file is one
 * (yarn, bun, Cargo, poetry, Gemfile, composer, Pipfile, uv, deno, Podfile, pubspec, flake…), and these.
 */
const LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'packages.lock.json', 'go.sum', 'go.work.sum', 'gradle.lockfile']);

/** The kind of a file from its path (`/`-separated), or undefined when the tool does not read it. */
export function fileKind(path: string): FileKind | undefined {
  const basename = path.slice(path.lastIndexOf('/') + 1);
  const dot = basename.lastIndexOf('.');
  const name = { path, basename, extension: dot <= 0 ? '' : basename.slice(dot).toLowerCase() };
  if (lockfileKind.matches(name)) return lockfileKind.kind;
  if (LOCKFILES.has(basename) || basename.endsWith('.lock')) return undefined;
  return KINDS.find((module) => module.matches(name))?.kind;
}
