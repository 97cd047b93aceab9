// The text kind: any other text file (JSON, HTML, notebooks, other languages' configs…), read only for key literals (hardcoded-key).
import type { KindModule } from './kind.js';

const TEXT_EXTENSIONS = new Set(['.json', '.jsonc', '.json5', '.ipynb', '.html', '.htm', '.xml', '.plist', '.txt', '.toml', '.ini', '.cfg', '.conf', '.properties', '.tf', '.tfvars', '.swift', '.kt', '.kts', '.java', '.rb', '.php', '.cs', '.rs', '.gradle']);
const LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json']);

export const textKind: KindModule<'text'> = {
  kind: 'text',
  matches: ({ basename, extension }) => TEXT_EXTENSIONS.has(extension) && !LOCKFILES.has(basename),
  searchesNames: false,
};
