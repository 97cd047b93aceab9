// The command line: commander's wiring of the main command and its subcommands, and the exit code. The work is in src/commands/.
// Only the wiring loads at start: each command's module (and the pipeline, the reporters, the parsers behind it) is
// imported when that command runs, so `--version` and `--help` cost little more than starting Node (issue 22).
import { Command, CommanderError, Option } from 'commander';
import { CONFIG_FILE } from './core/config.js';
import { guardControls } from './core/printable.js';
import { packageVersion } from './core/version.js';
import { WORKER_MIN_FILES } from './core/worker-threshold.js';
import { FORMAT_NAMES } from './reporters/format-names.js';
import type { Io } from './commands/io.js';
import type { KeysFlags } from './commands/keys.js';
import type { LegacyKeysFlags } from './commands/legacy-keys.js';
import type { RunFlags } from './commands/options.js';
import { defaultConcurrency, UsageError } from './commands/usage.js';
import { streams, useColor, type Streams } from './commands/streams.js';

const EXAMPLES = `
Examples:
  $ migrate-keys                      preview the migration of this repository (diff + findings)
  $ migrate-keys apps/web --write     apply the safe fixes under apps/web
  $ migrate-keys --check              CI: exit 1 while anything legacy is left
  $ migrate-keys --format json        the plan as JSON (schemaVersion 1)
  $ MIGRATE_KEYS_PUBLISHABLE_KEY=sb_publishable_… migrate-keys --write
                                      also replace legacy anon JWTs in .env files
  $ migrate-keys --write --transitional
                                      zero downtime: read NEW ?? LEGACY until a plain run
  $ migrate-keys undo                 restore the files of the last --write

Exit codes: 0 nothing of severity error remains; 1 error findings remain (or too many warnings);
2 usage error, refused dirty tree, unmatched path, or a file that could not be read, parsed or written.`;

const MANAGEMENT_FORMAT = () => new Option('-f, --format <format>', 'stylish or json (for scripts)').choices(['stylish', 'json']);
const TOKEN_HELP = `
The access token comes only from SUPABASE_ACCESS_TOKEN (https://supabase.com/dashboard/account/tokens); it is
never read from argv and never printed. SUPABASE_API_URL overrides https://api.supabase.com. Without
--project-ref the project is supabase/.temp/project-ref, else the one https://<ref>.supabase.co URL or legacy
key ref in the env files. Exit codes: 0 done; 1 --disable refused; 2 usage or API error.`;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const setCode = (exit: number) => {
    code = exit;
  };
  const out = streams(io);
  const program = mainCommand(io, out, setCode);
  addLocalCommands(program, io, out, setCode);
  addManagementCommands(program, io, setCode);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    return exitCodeOf(error, out);
  }
  return code;
}

/** `migrate-keys [paths...]`: its flags, help and examples; the run is commands/migrate.ts. */
function mainCommand(io: Io, out: Streams, setCode: (code: number) => void): Command {
  return new Command('migrate-keys')
    .description("Migrate a repository from Supabase's legacy JWT API keys to publishable and secret keys.")
    .version(packageVersion(), '-v, --version')
    .argument('[paths...]', 'files, folders or globs to migrate, inside the current folder (default: .)')
    .option('--write', 'apply the safe fixes (writes files; backups go to .migrate-keys/)')
    .option('--check', 'CI mode: report findings, never change a file')
    .addOption(new Option('-f, --format <format>', 'output format on stdout (github is the default under GitHub Actions)').choices([...FORMAT_NAMES]))
    .option('--report <file>', 'also write a report: .md (for a pull request), .json, .sarif or .html (repeatable)', collect)
    .option('--map <OLD=NEW>', 'rename OLD to NEW, extending or overriding the built-in table (repeatable)', collect)
    .option('--ignore <pattern>', 'skip files matching a .gitignore-style pattern, relative to the root (repeatable)', collect)
    .option('--unsafe', 'with --write, also apply the unsafe fixes (verify_jwt = false in supabase/config.toml)')
    .option('--transitional', 'zero-downtime step: reads fall back to the legacy name, .env files keep the legacy line')
    .option('--publishable-key-from <file|->', 'the new publishable key, from a file or stdin (or MIGRATE_KEYS_PUBLISHABLE_KEY)')
    .option('--secret-key-from <file|->', 'the new secret key, from a file or stdin (or MIGRATE_KEYS_SECRET_KEY)')
    .option('--from-project [ref]', "the new keys from the project's API keys (SUPABASE_ACCESS_TOKEN; ref discovered when omitted)")
    .option('--from-local', 'the new keys from the local stack (supabase status), for local-development env files only')
    .option('--allow-dirty', 'let --write change files that have uncommitted changes')
    .option('--config <file>', `configuration file (default: ${CONFIG_FILE}, or "migrateKeys" in package.json)`)
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error (repeatable)', collect)
    .option('--max-warnings <n>', 'exit 1 when more than n warnings remain')
    .option('--quiet', 'report errors only; no diff, no progress')
    .option('--stats', 'print the time spent in each phase on stderr')
    .option('--concurrency <n>', `worker threads that scan files while the main thread reads, in repositories of ${WORKER_MIN_FILES.toLocaleString('en')} files or more (default: ${defaultConcurrency()}, cores - 1; 0: none)`)
    .option('--no-color', 'no colours (also NO_COLOR)')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run migrate-keys --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(guardControls(s, false)), writeErr: (s) => io.stderr.write(guardControls(s, false)) })
    // `help [command]`, which commander adds only to a program without an action of its own.
    .helpCommand('help [command]', 'show the usage of migrate-keys or of one command')
    .action(async (paths: string[] | undefined, flags: Partial<Pick<RunFlags, Repeatable>> & Omit<RunFlags, Repeatable>) => {
      // Repeatable flags have no default, so that --help does not print "(default: [])".
      const lists = { report: flags.report ?? [], map: flags.map ?? [], ignore: flags.ignore ?? [], rule: flags.rule ?? [] };
      const { migrate } = await import('./commands/migrate.js');
      setCode(await migrate(paths ?? [], { ...flags, ...lists }, io, out));
    });
}

/** The subcommands that work on this folder alone: `undo` and `rules`. */
function addLocalCommands(program: Command, io: Io, out: Streams, setCode: (code: number) => void): void {
  program
    .command('undo')
    .description('restore the files of the last --write from its backups')
    .option('--force', 'restore files even if they changed after migrate-keys wrote them')
    .action(async (flags: { force?: boolean }) => {
      const { undo } = await import('./commands/undo.js');
      setCode(undo(io, out, Boolean(flags.force)));
    });

  program
    .command('rules [id]')
    .description('list the rule ids, severities, fixes and what each means; explain one with its id')
    .action(async (id: string | undefined) => {
      const [{ ruleExplanation, rulesCatalogue }, { colorsFor }] = await Promise.all([import('./commands/rules.js'), import('./reporters/colors.js')]);
      const colorsOn = useColor(io, true, io.stdout);
      const colors = colorsFor(colorsOn);
      if (id === undefined) return void out.print(rulesCatalogue(colors), colorsOn);
      const explanation = ruleExplanation(id, colors);
      if (explanation === undefined) throw new UsageError(`unknown rule "${id}" (see migrate-keys rules)`);
      out.print(explanation, colorsOn);
    });
}

/** The Management API subcommands, `keys` and `legacy-keys`: they never throw, and print through commands/output.ts. */
function addManagementCommands(program: Command, io: Io, setCode: (code: number) => void): void {
  program
    .command('keys')
    .description("list the project's API keys by type and name, values masked; --create makes the missing new keys")
    .option('--project-ref <ref>', 'the project (default: discovered from the repository)')
    .option('--create', 'create a publishable and a secret key named "default" when the project has none')
    .addOption(MANAGEMENT_FORMAT())
    .addHelpText('after', TOKEN_HELP)
    .action(async (_flags: KeysFlags, command: Command) => {
      const [{ guarded }, { keysCommand }] = await Promise.all([import('./commands/output.js'), import('./commands/keys.js')]);
      setCode(await guarded(io, () => keysCommand(io, command.optsWithGlobals<KeysFlags>())));
    });

  program
    .command('legacy-keys')
    .description('show whether the legacy anon/service_role keys are enabled; --disable them once nothing here uses them')
    .option('--project-ref <ref>', 'the project (default: discovered from the repository)')
    .option('--disable', 'disable them: refused (exit 1) while migrate-keys --check finds legacy use here')
    .option('--enable', 'enable them again (the rollback)')
    .option('--force', 'with --disable: disable even though legacy use remains')
    .addOption(MANAGEMENT_FORMAT())
    .addHelpText('after', `${TOKEN_HELP}\nThe gate uses the main command's --config and --rule.`)
    .action(async (_flags: LegacyKeysFlags, command: Command) => {
      const [{ guarded }, { legacyKeysCommand }] = await Promise.all([import('./commands/output.js'), import('./commands/legacy-keys.js')]);
      setCode(await guarded(io, () => legacyKeysCommand(io, command.optsWithGlobals<LegacyKeysFlags>())));
    });
}

/** Help and version exit 0; a usage error is one line and exit 2; anything else, its stack and exit 2. */
function exitCodeOf(error: unknown, { warn }: Streams): number {
  if (error instanceof CommanderError) {
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    warn(`migrate-keys: ${error.message}\n`);
    return 2;
  }
  warn(`migrate-keys: ${(error as Error).stack ?? String(error)}\n`);
  return 2;
}

type Repeatable = 'report' | 'map' | 'ignore' | 'rule';

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
