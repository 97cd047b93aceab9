// The commands kind: files that hold shell commands or requests (package.json scripts, Makefiles, shell scripts, .http and .bru files).
import type { KindModule } from './kind.js';

// .http/.rest: HTTP client files (REST Client, IntelliJ), requests written out like curl's; .bru: Bruno's requests and
// environments, plain text kept in git (`headers { Authorization: Bearer {{key}} }`, `{{process.env.NAME}}` from the
// collection's .env file, renamed with it: issue 23).
const COMMAND_EXTENSIONS = new Set(['.sh', '.bash', '.mk', '.http', '.rest', '.bru']);
const COMMAND_FILES = new Set(['package.json', 'Makefile', 'makefile', 'GNUmakefile']);

export const commandsKind: KindModule<'commands'> = {
  kind: 'commands',
  docs: {
    files: "`package.json` scripts, Makefiles, shell scripts, `.http`/`.rest` files, Bruno's `.bru` files",
    changes: 'names in commands, `--dart-define=X`, `{{$dotenv X}}`, `{{process.env.X}}`',
  },
  matches: ({ basename, extension }) => COMMAND_FILES.has(basename) || COMMAND_EXTENSIONS.has(extension),
  searchesNames: true,
  holdsCommands: true,
};
