// The commands kind: files that hold shell commands or requests (package.json scripts, Makefiles, shell scripts, .http files).
import type { KindModule } from './kind.js';

// .http/.rest: HTTP client files (REST Client, IntelliJ), requests written out like curl's.
const COMMAND_EXTENSIONS = new Set(['.sh', '.bash', '.mk', '.http', '.rest']);
const COMMAND_FILES = new Set(['package.json', 'Makefile', 'makefile', 'GNUmakefile']);

export const commandsKind: KindModule<'commands'> = {
  kind: 'commands',
  matches: ({ basename, extension }) => COMMAND_FILES.has(basename) || COMMAND_EXTENSIONS.has(extension),
  searchesNames: true,
  holdsCommands: true,
};
