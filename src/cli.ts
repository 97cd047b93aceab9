// The command line: flags -> options, the run, result -> output and exit code.
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { appendStepSummary, applyChangesAsync, undoLastRun, writeReport, type ApplyResult } from './core/apply.js';
import { checklist } from './core/checklist.js';
import { colorsFor } from './reporters/colors.js';
import { CONFIG_FILE, loadConfig, parseRuleSetting, type RuleSettings } from './core/config.js';
import { parseNameMap } from './keys/names.js';
import { maskSecrets } from './keys/mask.js';
import type { Io } from './commands/io.js';
import { guardControls } from './core/printable.js';
import { plan, type Plan } from './core/plan.js';
import { progressLine } from './commands/progress.js';
import { FORMATS, isFormat, reportFor } from './reporters/index.js';
import { stepSummary } from './reporters/github.js';
import { exitCode, withFixed, type Mode, type RunResult } from './core/result.js';
import { ruleExplanation, rulesCatalogue } from './commands/rules.js';
import { toPosix } from './core/discover.js';
import { readSuppliedKeys } from './keys/supplied.js';
import { registerManagementCommands } from './commands/management.js';
import { withKeysFromSources } from './commands/key-sources.js';
import { packageVersion } from './core/version.js';
import { WORKER_MIN_FILES } from './core/pool.js';


interface RunFlags {
  write?: boolean;
  check?: boolean;
  format?: string;
  report?: string;
  map: string[];
  ignore: string[];
  allowDirty?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  stats?: boolean;
  concurrency?: string;
  transitional?: boolean;
  unsafe?: boolean;
  config?: string;
  rule: string[];
  publishableKeyFrom?: string;
  secretKeyFrom?: string;
  fromProject?: string | boolean;
  fromLocal?: boolean;
  color: boolean;
}

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

class UsageError extends Error {}

const MAX_CONCURRENCY = 64;

/** One worker per core beside the main thread, which reads the files meanwhile; at most 4. */
function defaultConcurrency(): number {
  return Math.max(0, Math.min(availableParallelism() - 1, 4));
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const useColor = (flag: boolean, stream: NodeJS.WriteStream) =>
    flag && !('NO_COLOR' in io.env) && (Boolean(stream.isTTY) || 'FORCE_COLOR' in io.env);
  // Every text for a stream or a report passes both guards: no secret, and no control character but our colours.
  let colorsOn = false;
  const guarded = (text: string, colors = false) => guardControls(maskSecrets(text), colors);
  const print = (text: string) => io.stdout.write(guarded(text, colorsOn));
  const warn = (text: string) => io.stderr.write(guarded(text));

  const program = new Command('migrate-keys')
    .description("Migrate a repository from Supabase's legacy JWT API keys to publishable and secret keys.")
    .version(packageVersion(), '-v, --version')
    .argument('[paths...]', 'files, folders or globs to migrate, inside the current folder', [])
    .option('--write', 'apply the safe fixes (writes files; backups go to .migrate-keys/)')
    .option('--check', 'CI mode: report findings, never change a file')
    .addOption(new Option('-f, --format <format>', 'output format on stdout (github is the default under GitHub Actions)').choices(Object.keys(FORMATS)))
    .option('--report <file>', 'also write a report: .md (for a pull request), .json, .sarif or .html')
    .option('--map <OLD=NEW>', 'rename OLD to NEW, extending or overriding the built-in table (repeatable)', collect, [])
    .option('--ignore <pattern>', 'skip files matching a .gitignore-style pattern, relative to the root (repeatable)', collect, [])
    .option('--unsafe', 'with --write, also apply the unsafe fixes (verify_jwt = false in supabase/config.toml)')
    .option('--transitional', 'zero-downtime step: reads fall back to the legacy name, .env files keep the legacy line')
    .option('--publishable-key-from <file|->', 'the new publishable key, from a file or stdin (or MIGRATE_KEYS_PUBLISHABLE_KEY)')
    .option('--secret-key-from <file|->', 'the new secret key, from a file or stdin (or MIGRATE_KEYS_SECRET_KEY)')
    .option('--from-project [ref]', "the new keys from the project's API keys (SUPABASE_ACCESS_TOKEN; ref discovered when omitted)")
    .option('--from-local', 'the new keys from the local stack (supabase status), for local-development env files only')
    .option('--allow-dirty', 'let --write change files that have uncommitted changes')
    .option('--config <file>', `configuration file (default: ${CONFIG_FILE}, or "migrateKeys" in package.json)`)
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error (repeatable)', collect, [])
    .option('--max-warnings <n>', 'exit 1 when more than n warnings remain')
    .option('--quiet', 'report errors only; no diff, no progress')
    .option('--stats', 'print the time spent in each phase on stderr')
    .option('--concurrency <n>', `worker threads that scan files while the main thread reads, in repositories of ${WORKER_MIN_FILES.toLocaleString('en')} files or more (default: ${defaultConcurrency()}, cores - 1; 0: none)`)
    .option('--no-color', 'no colours (also NO_COLOR)')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run migrate-keys --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(guardControls(s, false)), writeErr: (s) => io.stderr.write(guardControls(s, false)) })
    .action(async (paths: string[], flags: RunFlags) => {
      code = await run(paths, flags);
    });

  program
    .command('undo')
    .description('restore the files of the last --write from its backups')
    .option('--force', 'restore files even if they changed after migrate-keys wrote them')
    .action((flags: { force?: boolean }) => {
      const result = undoLastRun(io.cwd, { force: Boolean(flags.force) });
      if (result.refused !== undefined) {
        warn(`migrate-keys: refusing to undo: ${result.refused}; nothing was restored\n`);
        code = 2;
        return;
      }
      if (!result.found) {
        warn('migrate-keys: nothing to undo (no .migrate-keys/last-run.json here)\n');
        code = 2;
        return;
      }
      for (const path of result.restored) print(`restored ${path}\n`);
      for (const failure of result.failures) warn(`migrate-keys: ${failure.file}: ${failure.message}\n`);
      print(`${result.restored.length} file${result.restored.length === 1 ? '' : 's'} restored\n`);
      code = result.failures.length > 0 ? 2 : 0;
    });

  program
    .command('rules [id]')
    .description('list the rule ids, severities, fixes and what each means; explain one with its id')
    .action((id: string | undefined) => {
      colorsOn = useColor(true, io.stdout);
      const colors = colorsFor(colorsOn);
      if (id === undefined) return void print(rulesCatalogue(colors));
      const explanation = ruleExplanation(id, colors);
      if (explanation === undefined) throw new UsageError(`unknown rule "${id}" (see migrate-keys rules)`);
      print(explanation);
    });

  registerManagementCommands(program, io, (exit) => {
    code = exit;
  });

  async function run(paths: string[], flags: RunFlags): Promise<number> {
    if (flags.write && flags.check) throw new UsageError('--write and --check cannot be used together');
    const format = flags.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish');
    if (!isFormat(format)) throw new UsageError(`unknown format "${format}"`);
    const report = flags.report === undefined ? undefined : { path: resolve(io.cwd, flags.report), render: reportFor(flags.report) };
    if (report && !report.render) throw new UsageError(`--report ${flags.report}: use a .md, .json, .sarif or .html file`);
    const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
    if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
      throw new UsageError(`--max-warnings expects a whole number, got "${flags.maxWarnings}"`);
    }
    const concurrency = flags.concurrency === undefined ? defaultConcurrency() : Number(flags.concurrency);
    if (!(/^\d+$/.test(flags.concurrency ?? '0') && concurrency <= MAX_CONCURRENCY)) {
      throw new UsageError(`--concurrency expects a whole number from 0 to ${MAX_CONCURRENCY}, got "${flags.concurrency}"`);
    }
    let map;
    let supplied;
    let config;
    let severities: RuleSettings;
    try {
      config = loadConfig(io.cwd, flags.config);
      map = parseNameMap(flags.map, config.map);
      severities = { ...config.rules, ...parseRuleFlags(flags.rule) };
      supplied = readSuppliedKeys({ publishableFrom: flags.publishableKeyFrom, secretFrom: flags.secretKeyFrom, env: io.env });
      supplied = await withKeysFromSources(supplied, {
        fromProject: flags.fromProject,
        fromLocal: flags.fromLocal,
        root: io.cwd,
        paths,
        ignore: [...config.ignore, ...flags.ignore],
        env: io.env,
        note: warn,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const mode: Mode = flags.write ? 'write' : flags.check ? 'check' : 'preview';
    const started = performance.now();
    const progress = progressLine(io.stderr, !flags.quiet);
    const planned = await plan({
      root: io.cwd,
      paths,
      ignore: [...config.ignore, ...flags.ignore],
      map,
      supplied,
      severities,
      transitional: Boolean(flags.transitional),
      unsafe: Boolean(flags.unsafe),
      exclude: report ? [toPosix(relative(io.cwd, report.path))] : [],
      concurrency,
      onProgress: progress.update,
    });
    progress.finish();
    for (const { path, reason } of planned.discovery.unmatched) warn(`migrate-keys: ${path} ${reason}\n`);

    const writeStarted = performance.now();
    const applied = mode === 'write' && planned.discovery.unmatched.length === 0
      ? await applyStoppable(planned.root, planned.changes, Boolean(flags.allowDirty))
      : undefined;
    if (flags.stats) warn(phaseTimes(planned, performance.now() - writeStarted));
    if (applied && applied.refusedDirty.length > 0) {
      warn(
        `migrate-keys: refusing to write: these files have uncommitted changes:\n` +
          applied.refusedDirty.map((path) => `  ${path}\n`).join('') +
          'Commit or stash them first, or pass --allow-dirty.\n',
      );
    }
    if (applied?.refused !== undefined) warn(`migrate-keys: refusing to write: ${applied.refused}; nothing was written\n`);
    for (const failure of applied?.failures ?? []) warn(`migrate-keys: ${failure.file}: ${failure.message}\n`);
    if (applied?.interrupted) {
      const { notWritten } = applied.interrupted;
      warn(
        `migrate-keys: interrupted: ${applied.written.length} file${applied.written.length === 1 ? '' : 's'} written, ` +
          `${notWritten.length} not written:\n` +
          notWritten.map((path) => `  ${path}\n`).join('') +
          'Run migrate-keys undo to restore the written files, or run --write again (with --allow-dirty) to finish.\n',
      );
    }

    const findings = withFixed(planned.findings, applied?.written ?? []);
    const result: RunResult = {
      mode,
      version: packageVersion(),
      displayRoot: relative(io.cwd, planned.root) || '.',
      plan: planned,
      findings,
      applied,
      outside: planned.outside,
      checklist: checklist({ findings, keyValues: planned.keyValues, supplied, outside: planned.outside.length }),
      durationMs: performance.now() - started,
    };
    colorsOn = useColor(flags.color, io.stdout);
    const colors = colorsFor(colorsOn);
    print(FORMATS[format](result, { colors, quiet: Boolean(flags.quiet) }));
    let exit = exitCode(result, maxWarnings);
    if (applied?.refused !== undefined) exit = 2;
    const outputs: [string, () => void][] = [];
    const render = report?.render;
    if (report && render) outputs.push([report.path, () => writeReport(report.path, guarded(render(result)))]);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (format === 'github' && summaryFile) outputs.push([summaryFile, () => appendStepSummary(summaryFile, guarded(stepSummary(result)))]);
    for (const [path, write] of outputs) {
      try {
        write();
      } catch (error) {
        warn(`migrate-keys: ${path}: could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
        exit = 2;
      }
    }
    return exit;
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
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
  return code;
}

/**
 * --write under SIGINT/SIGTERM: the first signal stops the run after the file in flight (the
 * default would kill it mid-run); a second one exits at once (still safe: every write is atomic).
 */
async function applyStoppable(root: string, changes: Parameters<typeof applyChangesAsync>[1], allowDirty: boolean): Promise<ApplyResult> {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    return await applyChangesAsync(root, changes, { allowDirty, signal: controller.signal });
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
}

function parseRuleFlags(entries: readonly string[]): RuleSettings {
  const settings: RuleSettings = {};
  for (const entry of entries) {
    const [id = '', setting = ''] = entry.split('=');
    const [ruleId, value] = parseRuleSetting(id, setting, (message) => {
      throw new UsageError(`--rule ${entry}: ${message}`);
    });
    settings[ruleId] = value;
  }
  return settings;
}

function phaseTimes({ times, filesScanned, filesReadAgain, parsing, parses }: Plan, write: number): string {
  const rows: [string, number][] = [
    ['discover', times.discover],
    ['read + prefilter', times.readAndPrefilter],
    ['scan + parse', times.scan],
    ['rules', times.rules],
    ['write', write],
  ];
  const stopped = parsing.stopped === undefined ? '' : ` (stopped early: ${parsing.stopped}; the main thread scanned the rest)`;
  const workers = parsing.workers === 0 ? 'none' : `${parsing.workers}, which scanned ${parsing.byWorkers} of ${parsing.files} candidate files${stopped}`;
  // A component's script blocks each count; a file a worker scanned is parsed again here when a rule needs its tree.
  const again = parses.again === 0 ? '' : `; ${parses.again} scanned by a worker were parsed again here`;
  return (
    `migrate-keys: ${filesScanned} files (${filesReadAgain} read twice)\n${rows.map(([phase, ms]) => `  ${phase.padEnd(17)}${ms.toFixed(0).padStart(7)} ms\n`).join('')}` +
    `  parse workers: ${workers}\n` +
    `  parses: ${parses.parses} of ${parses.files} files (at most ${parses.most} per file${parses.again === 0 ? '' : ' and thread'}${again})\n`
  );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
