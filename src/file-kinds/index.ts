// Which files the tool reads, and as what: decided by name alone, before any byte is read.

/**
 * `toml` is a Supabase project's `supabase/config.toml`; `commands` are files that hold shell
 * commands or requests (package.json scripts, Makefiles, shell scripts, .http files); `yaml` covers
 * CI workflows, compose, Kubernetes, Cloud Build and hosting manifests; `dockerfile`; `config` is
 * a hosting or build tool's file (turbo.json, vercel.json, app.json, netlify/wrangler/fly.toml);
 * `python`, `source` (Go, Dart) and `sql` are other languages.
 */
export type FileKind =
  | 'code'
  | 'markup'
  | 'env'
  | 'markdown'
  | 'toml'
  | 'commands'
  | 'yaml'
  | 'dockerfile'
  | 'config'
  | 'python'
  | 'source'
  | 'sql'
  /** Any other text file (JSON, HTML, notebooks, …), read only for key literals (`hardcoded-key`). */
  | 'text';

/** Kinds whose text holds shell commands: deploy commands and curl-style Bearer headers are read there. */
export function holdsCommands(kind: FileKind): boolean {
  return kind === 'commands' || kind === 'yaml';
}

const CONFIG_FILES = new Set(['turbo.json', 'vercel.json', 'app.json', 'netlify.toml', 'wrangler.toml', 'fly.toml']);

const CODE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']);
const MARKUP_EXTENSIONS = new Set(['.vue', '.svelte', '.astro']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.mdx', '.markdown']);
// `.env.schema.json` and friends are data files named after env files, not env files.
const NOT_ENV_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.toml', '.sh', '.py', ...MARKDOWN_EXTENSIONS]);
const TEXT_EXTENSIONS = new Set(['.json', '.jsonc', '.json5', '.ipynb', '.html', '.htm', '.xml', '.plist', '.txt', '.toml', '.ini', '.cfg', '.conf', '.properties', '.tf', '.tfvars', '.swift', '.kt', '.kts', '.java', '.rb', '.php', '.cs', '.rs', '.gradle']);
const LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json']);

/** Folders never walked: dependencies, VCS data, our own backups and common build outputs. */
export const SKIPPED_DIRECTORIES = [
  'node_modules',
  '.git',
  '.migrate-keys',
  'dist',
  'build',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.vercel',
  '.netlify',
  '.turbo',
  '.expo',
  '.cache',
  '.parcel-cache',
  'coverage',
] as const;

function extensionOf(basename: string): string {
  const dot = basename.lastIndexOf('.');
  return dot <= 0 ? '' : basename.slice(dot).toLowerCase();
}

/** The kind of a file from its path (`/`-separated), or undefined when the tool does not read it. */
export function fileKind(path: string): FileKind | undefined {
  const basename = path.slice(path.lastIndexOf('/') + 1);
  const extension = extensionOf(basename);
  // `.env.server.ts` is code, not an env file.
  if (CODE_EXTENSIONS.has(extension)) return 'code';
  if (basename === '.env' || (basename.startsWith('.env.') && !NOT_ENV_EXTENSIONS.has(extension))) return 'env';
  if (MARKUP_EXTENSIONS.has(extension)) return 'markup';
  if (MARKDOWN_EXTENSIONS.has(extension)) return 'markdown';
  // Only a config.toml inside a `supabase/` folder is a project's configuration.
  if (basename === 'config.toml' && /(^|\/)supabase\/config\.toml$/.test(path)) return 'toml';
  if (isCommandFile(basename, extension)) return 'commands';
  if (extension === '.yml' || extension === '.yaml') return 'yaml';
  if (basename === 'Dockerfile' || basename.startsWith('Dockerfile.') || extension === '.dockerfile') return 'dockerfile';
  if (CONFIG_FILES.has(basename)) return 'config';
  if (extension === '.py') return 'python';
  if (extension === '.go' || extension === '.dart') return 'source';
  if (extension === '.sql') return 'sql';
  if (TEXT_EXTENSIONS.has(extension) && !LOCKFILES.has(basename)) return 'text';
  return undefined;
}

function isCommandFile(basename: string, extension: string): boolean {
  // .http/.rest: HTTP client files (REST Client, IntelliJ), requests written out like curl's.
  if (basename === 'package.json' || ['.sh', '.bash', '.mk', '.http', '.rest'].includes(extension)) return true;
  return basename === 'Makefile' || basename === 'makefile' || basename === 'GNUmakefile';
}
