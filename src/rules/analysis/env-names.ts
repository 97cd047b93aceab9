// Which legacy-looking names are key names in this run (SPEC §2; issue 18, item 3). A name with no prefix, a
// framework's public prefix, Cloud Build's `_` or a --map entry is one wherever it stands. A longer name that merely
// ends in a legacy name (`MISSING_SUPABASE_ANON_KEY`, an error code) is one only where the repository uses it as an
// env variable somewhere: then it is renamed at every site, as any key name is; else at none, with no finding.
import type { Occurrence } from '../../file-kinds/scanned-text.js';
import type { ScannedFile } from '../../file-kinds/scanned.js';
import { hasKeyPrefix, type NameMap } from '../../keys/names.js';

/** How far before a name the text is read for what introduces it. */
const WINDOW = 80;

/** A string-keyed env lookup: `getEnv('X')`, `process.env['X']`, `os.environ.get("X")`, `os.Getenv("X")`, `env(X)` in config.toml. */
const ENV_LOOKUP = /(?:env|Env|ENV|environ)\w*(?:\s*(?:\.|::)\s*(?:[gG]et|var)\w*)?\s*[([]\s*['"`]?$/;
/** A member of an env object: `c.env.X` (Cloudflare), `Bun.env.X`. */
const ENV_MEMBER = /(?:env|Env|ENV)\s*\??\.\s*$/;
/** Shell, CI and Docker references and definitions: `$X`, `${X}`, `$(X)`, `$env:X`, `%X%`, `secrets.X`, `export X`, `ARG X`, `-e X`, `- name: X`. */
const ENV_REFERENCE =
  /(?:\$[({]?|\$env:|%|\b(?:secrets|vars|env)\.|\bexport\s+|(?:^|\n)[ \t]*(?:ENV|ARG)[ \t]+|--build-arg[ \t=]+|[ \t]-e[ \t]+|--env[ \t=]+|\bname:[ \t]*['"]?)$/;
/** `X=value`: a shell or compose-list assignment, a Docker `ENV X=…`, a TOML `[vars]` entry. */
const ASSIGNED = /^[ \t]*=/;
/** A word that names an environment: `ImportMetaEnv`, `ProcessEnv`, `createEnv(`, `envSchema`, `env: {`, `'$env/static/public'`. */
const ENV_WORD = /(?:\b|[a-z_$])(?:env|Env|ENV)(?:\b|[A-Z_$]|ironment)/;
/** The keys of a YAML mapping under one of these hold env variables (compose, workflows, Cloud Build, k8s Secrets). */
const YAML_ENV_PARENT = /^(?:env|environment|variables|vars|secrets|secretEnv|args|build_args|substitutions|data|stringData)$/i;

/**
 * The run's answer to RuleContext.keyName: whether a legacy-looking name names a key, by its prefix or by a use of
 * it as an env variable in one of `files`.
 */
export function keyNamesOf(files: readonly ScannedFile[], map: NameMap): (name: string) => boolean {
  const used = new Set<string>();
  for (const file of files) {
    for (const occurrence of file.occurrences) {
      const name = occurrence.decision.name.toUpperCase();
      if (used.has(name) || hasKeyPrefix(occurrence.decision.name, map)) continue;
      if (isEnvUse(file, occurrence)) used.add(name);
    }
  }
  return (name) => hasKeyPrefix(name, map) || used.has(name.toUpperCase());
}

/** Whether this site uses the name as an env variable: reads, defines, declares or references it. */
function isEnvUse(file: ScannedFile, occurrence: Occurrence): boolean {
  const { context, start, end } = occurrence;
  if (context === 'comment' || context === 'env-value') return false;
  const { text } = file;
  const before = text.slice(Math.max(0, start - WINDOW), start);
  switch (file.kind) {
    case 'env':
      return context === 'env-key' || context === 'env-ref';
    case 'config':
      // A hosting or build tool's file (turbo.json, vercel.json, wrangler.toml): its names are env variables.
      return true;
    case 'code':
    case 'markup':
      if (occurrence.runtimeRead || occurrence.read || occurrence.staticImport) return true;
      if (context === 'identifier' && ENV_MEMBER.test(before)) return true;
      if ((context === 'string' || context === 'markup') && ENV_LOOKUP.test(before)) return true;
      // A member of an env type or schema: `interface ProcessEnv { X?: string }`, `createEnv({ server: { X: … } })`.
      return occurrence.namespaces.length > 0 && inEnvObject(text, start);
    default:
      if (file.kind === 'yaml' && occurrence.namespaces.length > 0 && YAML_ENV_PARENT.test(yamlParentKey(text, start) ?? '')) return true;
      return ENV_LOOKUP.test(before) || ENV_REFERENCE.test(before) || ASSIGNED.test(text.slice(end, end + WINDOW));
  }
}

/**
 * Whether the object or type that encloses `offset` is an env's: the text before its `{` (back to the statement's
 * start) names an env (`interface ProcessEnv {`, `envSchema = z.object({`), or it is the value of a key of one
 * (`createEnv({ server: {`).
 */
function inEnvObject(text: string, offset: number): boolean {
  let at = offset;
  for (let level = 0; level < 2; level++) {
    const brace = enclosingBrace(text, at);
    if (brace === undefined) return false;
    const before = text.slice(Math.max(0, brace - WINDOW), brace).split(/[;{}\n]/).pop() as string;
    if (ENV_WORD.test(before)) return true;
    if (!/^\s*['"]?[\w$]+['"]?\s*:\s*$/.test(before)) return false;
    at = brace;
  }
  return false;
}

/** The offset of the `{` that encloses `offset`, looked for in the 4,000 characters before it. */
function enclosingBrace(text: string, offset: number): number | undefined {
  let depth = 0;
  for (let i = offset - 1; i >= 0 && offset - i < 4000; i--) {
    const char = text[i];
    if (char === '}') depth++;
    else if (char === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** The key of the mapping a YAML key at `offset` belongs to: the nearest line above indented less. */
function yamlParentKey(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*(?:-[ \t]+)?/.exec(text.slice(lineStart, offset))?.[0].length ?? 0;
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const key = /^([ \t]*)(?:-[ \t]+)?["']?([\w.-]+)["']?[ \t]*:/.exec(line);
    if ((/^[ \t]*/.exec(line)?.[0].length ?? 0) < indent) return key?.[2];
  }
  return undefined;
}
