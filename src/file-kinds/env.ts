// The env kind (.env files, dotenv syntax): which files are env files, and whether each name is a key, a reference or text.
import type { Namespace } from './declarations.js';
import { envEntries } from './env-entries.js';
import type { KindModule } from './kind.js';
import { MARKDOWN_EXTENSIONS } from './markdown.js';
import type { ScannedText } from './scanned-text.js';

/** Env files by name: each name, and the name followed by `.<anything>` (`.env.local`, `.env.production`). */
const ENV_FILES = [
  '.env',
  // Cloudflare Workers' local secrets (`wrangler dev`, the Cloudflare Vite plugin), dotenv syntax; `.dev.vars.<environment>`
  // per environment: https://developers.cloudflare.com/workers/local-development/environment-variables/
  '.dev.vars',
];
// `.env.schema.json` and friends are data files named after env files, not env files.
const NOT_ENV_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.toml', '.sh', '.py', ...MARKDOWN_EXTENSIONS]);

export const envKind: KindModule<'env'> = {
  kind: 'env',
  matches: ({ basename, extension }) =>
    ENV_FILES.some((name) => basename === name || (basename.startsWith(`${name}.`) && !NOT_ENV_EXTENSIONS.has(extension))),
  searchesNames: true,
  // Parsed even with no name in it: the plan and the outside list read every env file's entries.
  scan: classifyEnv,
};

/**
 * Keys, `$VAR`/`${VAR}` references inside values, other text inside values, and comments. A name
 * that is only part of a key (`SUPABASE_ANON_KEY.bak`) is another name. References are what
 * dotenv-expand expands: not an escaped `\$`, and nothing inside a single-quoted value.
 */
function classifyEnv(file: ScannedText): void {
  const entries = envEntries(file.text);
  file.env = entries;
  const keys: Namespace = { id: 'env-keys', kind: 'merge', names: entries.map((entry) => entry.key), binds: true };
  file.occurrences = file.occurrences.filter((occurrence) => {
    const entry = entries.find((e) => occurrence.start >= e.lineStart && occurrence.start < e.lineEnd && occurrence.start < e.valueEnd);
    if (entry && occurrence.start >= entry.keyStart && occurrence.end <= entry.keyEnd) {
      if (occurrence.start !== entry.keyStart || occurrence.end !== entry.keyEnd) return false;
      occurrence.context = 'env-key';
      occurrence.namespaces = [keys];
      occurrence.retireSpan = { start: entry.lineStart, end: entry.lineEnd };
    } else if (entry && occurrence.start >= entry.valueStart) {
      const before = file.text.slice(Math.max(entry.valueStart, occurrence.start - 3), occurrence.start);
      const reference = /(?<!\\)\$\{?$/.test(before) && entry.quote !== "'";
      occurrence.context = reference ? 'env-ref' : 'env-value';
    } else {
      occurrence.context = 'comment';
    }
    return true;
  });
}
