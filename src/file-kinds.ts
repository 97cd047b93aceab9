// Which files the tool reads, and as what: decided by name alone, before any byte is read.

export type FileKind = 'code' | 'markup' | 'env' | 'markdown';

const CODE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']);
const MARKUP_EXTENSIONS = new Set(['.vue', '.svelte', '.astro']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.mdx', '.markdown']);
// `.env.schema.json` and friends are data files named after env files, not env files.
const NOT_ENV_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.toml', '.sh', '.py', ...MARKDOWN_EXTENSIONS]);

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
  return undefined;
}
