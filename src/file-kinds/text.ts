// The text kind: every other text file git would commit (JSON, HTML, notebooks, scripts and sources of other languages,
// data, extension-less scripts…), read only for key literals (hardcoded-key). Binary content is skipped when read
// (core/read.ts: NUL bytes, invalid UTF-8, over 4 MiB); the extensions below are the binaries known by name, so that
// they are not even opened. Lockfiles are no kind's (file-kinds/index.ts).
import type { KindModule } from './kind.js';

const BINARY_EXTENSIONS = new Set([
  // Images, fonts, audio and video.
  ...['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.ico', '.icns', '.bmp', '.tif', '.tiff', '.heic', '.psd', '.ai', '.sketch', '.fig'],
  ...['.woff', '.woff2', '.ttf', '.otf', '.eot'],
  ...['.mp3', '.mp4', '.m4a', '.m4v', '.wav', '.ogg', '.oga', '.flac', '.aac', '.webm', '.mov', '.avi', '.mkv'],
  // Archives, packages, documents, databases.
  ...['.zip', '.gz', '.tgz', '.bz2', '.xz', '.zst', '.7z', '.rar', '.tar', '.jar', '.war', '.aar', '.apk', '.aab', '.ipa', '.dmg', '.deb', '.rpm', '.whl', '.nupkg'],
  ...['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.ods', '.key', '.numbers', '.pages'],
  ...['.sqlite', '.sqlite3', '.db', '.parquet', '.feather', '.npy', '.npz', '.pkl', '.pickle', '.h5', '.onnx', '.pt', '.bin', '.dat'],
  // Compiled code, and source maps (generated: a copy of sources the repository has already).
  ...['.exe', '.dll', '.so', '.dylib', '.o', '.a', '.lib', '.obj', '.class', '.pyc', '.pyo', '.wasm', '.node', '.map'],
  '.lockb',
]);

/** Files that list paths for a tool (`.gitignore`, `.dockerignore`, `.gitattributes`): never a value. */
const isPathList = (basename: string): boolean => (basename.startsWith('.') && basename.endsWith('ignore')) || basename === '.gitattributes';

export const textKind: KindModule<'text'> = {
  kind: 'text',
  docs: {
    files: 'every other text file: JSON, HTML, notebooks, scripts of other languages; Postman, Insomnia and n8n exports',
    changes: "nothing: key literals are reported by value (hardcoded-key); keys, Bearer-sent keys and names in other tools' exports with where to change them in the tool (tool-export-key)",
  },
  // Last in the registry: whatever no other kind claims.
  matches: ({ basename, extension }) => !BINARY_EXTENSIONS.has(extension) && !isPathList(basename),
  searchesNames: false,
};
