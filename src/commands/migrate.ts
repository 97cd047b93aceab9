// The main run: the plan, then preview, --write or --check; the result on stdout, the report file, the step summary; the exit code.
import { relative } from 'node:path';
import { appendStepSummary, applyChangesAsync, writeReport, type ApplyResult } from '../core/apply.js';
import { checklist } from '../core/checklist.js';
import { collectGarbage } from '../core/collect-garbage.js';
import { runTime } from '../core/database-plan.js';
import { markOutsideDone } from '../outside/index.js';
import { toPosix } from '../core/discover.js';
import { plan, type Plan } from '../core/plan.js';
import { exitCode, withFixed, type RunResult } from '../core/result.js';
import { packageVersion } from '../core/version.js';
import { colorsFor } from '../reporters/colors.js';
import { stepSummary } from '../reporters/github.js';
import { FORMATS } from '../reporters/index.js';
import type { Io } from './io.js';
import { runOptions, type RunFlags, type RunOptions } from './options.js';
import { progressLine } from './progress.js';
import { guarded, useColor, type Streams } from './streams.js';
import { beforeAnalysis, beforeWriting, failureOf, noSupabaseUse, subfolderNote, type Stop } from './fail-fast.js';
import { json as jsonDocument } from '../reporters/json.js';

const EMPTY = Buffer.alloc(0);

/** Throws a UsageError for a wrong flag or configuration (before anything is read). */
export async function migrate(paths: string[], flags: RunFlags, io: Io, { print, warn }: Streams): Promise<number> {
  const options = await runOptions(paths, flags, io, warn);
  const started = performance.now();
  const stop = await beforeAnalysis(options, io);
  if (stop !== undefined) return stopped(stop, options, io, { print, warn });
  const below = subfolderNote(io.cwd);
  if (below !== undefined) warn(below);
  const planned = await planRun(options, io);
  for (const { path, reason } of planned.discovery.unmatched) warn(`migrate-keys: ${path} ${reason}\n`);
  const dirty = beforeWriting(options, planned, io);
  if (dirty !== undefined) return stopped(dirty, options, io, { print, warn });

  const writeStarted = performance.now();
  const applied = options.mode === 'write' && planned.discovery.unmatched.length === 0
    ? await applyStoppable(planned.root, planned.changes, Boolean(flags.allowDirty))
    : undefined;
  if (flags.stats) warn(phaseTimes(planned, performance.now() - writeStarted));
  if (applied) warnApplied(applied, warn);

  const findings = withFixed(planned.findings, applied?.written ?? []);
  // What --write leaves is what a check of the written tree finds (a fix in one file can resolve another's finding).
  // The written texts are on disk now; nothing prints them after a write (the diff is preview's), so their copies go
  // before the re-check reads the tree again: a 50k-file --write otherwise held both runs' texts at its peak.
  if (applied !== undefined) planned.changes = planned.changes.map((change) => ({ ...change, original: EMPTY, before: '', after: '' }));
  const remaining = applied !== undefined && applied.written.length > 0 ? await recheck(options, io) : undefined;
  const outside = markOutsideDone(planned.outside, options.outsideDone);
  // SPEC §4: the phase the run speaks for, and what the transition still keeps beside the new (left after a --write).
  const phase = flags.transitional ? 'transitional' : 'final';
  const fallbacks = (remaining ?? findings.filter((finding) => !finding.fixed)).filter((finding) => finding.fallback).length;
  const result: RunResult = {
    mode: options.mode,
    version: packageVersion(),
    displayRoot: relative(io.cwd, planned.root) || '.',
    plan: planned,
    findings,
    applied,
    outside,
    phase,
    fallbacks,
    checklist: checklist({
      findings,
      keyValues: planned.keyValues,
      supplied: options.supplied,
      outside: outside.length,
      outsideDone: outside.filter((o) => o.done).length,
      outsideToConfirm: outside.filter((o) => !o.done && o.newName === undefined).length,
      fallbacks: phase === 'transitional' ? fallbacks : 0,
    }),
    durationMs: performance.now() - started,
    failure: failureOf(planned, applied),
    ...(remaining && { remaining }),
  };
  const colorsOn = useColor(io, flags.color, io.stdout);
  print(FORMATS[options.format](result, { colors: colorsFor(colorsOn), quiet: Boolean(flags.quiet) }), colorsOn);
  const exit = applied?.refused !== undefined ? 2 : exitCode(result, options.maxWarnings);
  const written = writeOutputs(result, options, io, warn);
  if (noSupabaseUse(result)) warn('migrate-keys: no Supabase use found: nothing to migrate\n');
  // The failure is the last line, where it cannot scroll away.
  if (result.failure !== undefined) warn(`migrate-keys: ${result.failure}\n`);
  return written ? exit : 2;
}

/**
 * The findings of the written tree. The first analysis's garbage is collected first, and the re-check parses on this
 * thread: a new worker is a second TypeScript in a second heap, while the first analysis's heap is still committed (at
 * 50k files, peak RSS ≈ 420 MB with both, ≈ 280 MB with neither, in the same time: issue 22).
 */
async function recheck(options: RunOptions, io: Io): Promise<RunResult['findings']> {
  collectGarbage();
  return (await planRun({ ...options, concurrency: 0 }, io)).findings;
}

/** A run stopped before the analysis: its explanation, the JSON document with `error` (-f json), and the failure as the last line; exit 2. */
function stopped({ details, failure }: Stop, options: RunOptions, io: Io, { print, warn }: Streams): number {
  if (details !== '') warn(details);
  if (options.format === 'json') print(jsonDocument({ mode: options.mode, version: packageVersion(), displayRoot: '.', failure }));
  warn(`migrate-keys: ${failure}\n`);
  return 2;
}

/** The plan of the run, with the progress line on stderr meanwhile. */
async function planRun(options: RunOptions, io: Io): Promise<Plan> {
  const { flags, reports } = options;
  const progress = progressLine(io.stderr, !flags.quiet);
  const planned = await plan({
    root: io.cwd,
    paths: options.paths,
    ignore: options.ignore,
    map: options.map,
    supplied: options.supplied,
    severities: options.severities,
    transitional: Boolean(flags.transitional),
    unsafe: Boolean(flags.unsafe),
    exclude: reports.map((report) => toPosix(relative(io.cwd, report.path))),
    concurrency: options.concurrency,
    onProgress: progress.update,
    now: runTime(io.env),
  });
  progress.finish();
  return planned;
}

/** What --write refused, could not write, or left when interrupted. */
function warnApplied(applied: ApplyResult, warn: (text: string) => void): void {
  // The refusal itself, and a lone failed file, are the run's last line (fail-fast.ts failureOf): here only the lists.
  if (applied.refusedDirty.length > 0) warn(`migrate-keys: these files have uncommitted changes:\n${applied.refusedDirty.map((path) => `  ${path}\n`).join('')}`);
  if (applied.failures.length > 1) for (const failure of applied.failures) warn(`migrate-keys: ${failure.file}: ${failure.message}\n`);
  if (applied.interrupted) {
    const { notWritten } = applied.interrupted;
    warn(
      `migrate-keys: interrupted: ${applied.written.length} file${applied.written.length === 1 ? '' : 's'} written, ` +
        `${notWritten.length} not written:\n` +
        notWritten.map((path) => `  ${path}\n`).join('') +
        'Run migrate-keys undo to restore the written files, or run --write again (with --allow-dirty) to finish.\n',
    );
  }
}

/** The --report file and, under GitHub Actions with the github format, the step summary; false when one could not be written. */
function writeOutputs(result: RunResult, { reports, format }: RunOptions, io: Io, warn: (text: string) => void): boolean {
  const outputs: [string, () => void][] = [];
  for (const report of reports) {
    outputs.push([
      report.path,
      () => {
        writeReport(report.path, guarded(report.render(result)));
        const shown = relative(io.cwd, report.path);
        warn(`migrate-keys: wrote ${shown.startsWith('..') ? report.path : toPosix(shown)}\n`);
      },
    ]);
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (format === 'github' && summaryFile) outputs.push([summaryFile, () => appendStepSummary(summaryFile, guarded(stepSummary(result)))]);
  let written = true;
  for (const [path, write] of outputs) {
    try {
      write();
    } catch (error) {
      warn(`migrate-keys: ${path}: could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
      written = false;
    }
  }
  return written;
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

/** `--stats`: the time of each phase, the parse workers, and how often files were parsed. */
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
