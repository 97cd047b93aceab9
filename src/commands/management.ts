// Registers the Management API subcommands (`keys`, `legacy-keys`) on the CLI program.
import { Option, type Command } from 'commander';
import type { Io } from './io.js';
import { keysCommand, type KeysFlags } from './keys.js';
import { legacyKeysCommand, type LegacyKeysFlags } from './legacy-keys.js';
import { guarded } from './output.js';

const FORMAT = () => new Option('-f, --format <format>', 'stylish or json (for scripts)').choices(['stylish', 'json']);
const TOKEN_HELP = `
The access token comes only from SUPABASE_ACCESS_TOKEN (https://supabase.com/dashboard/account/tokens); it is
never read from argv and never printed. SUPABASE_API_URL overrides https://api.supabase.com. Without
--project-ref the project is supabase/.temp/project-ref, else the one https://<ref>.supabase.co URL or legacy
key ref in the env files. Exit codes: 0 done; 1 --disable refused; 2 usage or API error.`;

/** `setCode` receives each command's exit code; commands never throw. */
export function registerManagementCommands(program: Command, io: Io, setCode: (code: number) => void): void {
  program
    .command('keys')
    .description("list the project's API keys by type and name, values masked; --create makes the missing new keys")
    .option('--project-ref <ref>', 'the project (default: discovered from the repository)')
    .option('--create', 'create a publishable and a secret key named "default" when the project has none')
    .addOption(FORMAT())
    .addHelpText('after', TOKEN_HELP)
    .action(async (_flags: KeysFlags, command: Command) => {
      setCode(await guarded(io, () => keysCommand(io, command.optsWithGlobals<KeysFlags>())));
    });

  program
    .command('legacy-keys')
    .description('show whether the legacy anon/service_role keys are enabled; --disable them once nothing here uses them')
    .option('--project-ref <ref>', 'the project (default: discovered from the repository)')
    .option('--disable', 'disable them: refused (exit 1) while migrate-keys --check finds legacy use here')
    .option('--enable', 'enable them again (the rollback)')
    .option('--force', 'with --disable: disable even though legacy use remains')
    .addOption(FORMAT())
    .addHelpText('after', `${TOKEN_HELP}\nThe gate uses the main command's --config and --rule.`)
    .action(async (_flags: LegacyKeysFlags, command: Command) => {
      setCode(await guarded(io, () => legacyKeysCommand(io, command.optsWithGlobals<LegacyKeysFlags>())));
    });
}
