// What stops a run before the analysis (an unmatched path, a refused --write), why a finished run failed, and the notes beside it.
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { uncommittedChanges } from '../core/apply.js';
import { discover, toPosix, type Discovery } from '../core/discover.js';
import { repositoryTop } from '../core/git.js';
import type { ApplyResult } from '../core/apply.js';
import type { Plan } from '../core/plan.js';
import type { RunResult } from '../core/result.js';
import type { Io } from './io.js';
import type { RunOptions } from './options.js';
import { plural } from '../core/words.js';

/** A run stopped before the analysis: the lines that explain it (stderr), and the failure, its last line. */
export interface Stop {
  details: string;
  failure: string;
}


/**
 * Before any file is analysed: every given path matches a file migrate-keys reads. Needs only a walk of the paths, so
 * a wrong path is told at once, not after a long analysis.
 */
export async function beforeAnalysis(options: RunOptions, io: Io): Promise<Stop | undefined> {
  if (options.paths.length === 0) return undefined;
  return unmatchedStop(await discover({ root: io.cwd, paths: options.paths, ignore: options.ignore }));
}

/**
 * Before --write writes (without --allow-dirty): no file it would change has uncommitted changes (SPEC §5), what its
 * own earlier --write left unchanged aside. Checked once the plan knows those files, before anything is printed, so
 * the refusal is all the run says and its last line.
 */
export function beforeWriting(options: RunOptions, planned: Plan, io: Io): Stop | undefined {
  if (options.mode !== 'write' || options.flags.allowDirty || planned.changes.length === 0) return undefined;
  const dirty = uncommittedChanges(io.cwd, planned.changes.map((change) => toPosix(relative(io.cwd, change.absolutePath))));
  if (dirty.length === 0) return undefined;
  return {
    details: `migrate-keys: these files, which --write would change, have uncommitted changes:\n${dirty.map((path) => `  ${path}\n`).join('')}`,
    failure: dirtyFailure(dirty.length),
  };
}

function unmatchedStop({ unmatched }: Discovery): Stop | undefined {
  if (unmatched.length === 0) return undefined;
  const [first] = unmatched;
  if (unmatched.length === 1 && first) return { details: '', failure: `${first.path} ${first.reason}; nothing was migrated` };
  return {
    details: unmatched.map(({ path, reason }) => `migrate-keys: ${path} ${reason}\n`).join(''),
    failure: `${plural(unmatched.length, 'path')} match nothing to migrate (above); nothing was migrated`,
  };
}

function dirtyFailure(count: number): string {
  return `refusing to write: ${plural(count, 'file')} ${count === 1 ? 'has' : 'have'} uncommitted changes (commit or stash them first, or pass --allow-dirty); nothing was written`;
}

/** Why a finished run failed (exit 2), in one line; undefined when it did not. */
export function failureOf(planned: Plan, applied: ApplyResult | undefined): string | undefined {
  const reasons: string[] = [];
  const { unmatched } = planned.discovery;
  if (unmatched.length > 0) reasons.push(`${unmatched.map(({ path, reason }) => `${path} ${reason}`).join(', ')}; nothing was written`);
  const accepted = new Set(planned.accepted);
  const failed = planned.failed.filter((path) => !accepted.has(path)).length;
  if (failed > 0) reasons.push(`${plural(failed, 'file')} could not be read or parsed (see parse-error); the other files were processed`);
  if (applied?.refusedDirty.length) reasons.push(dirtyFailure(applied.refusedDirty.length));
  if (applied?.refused !== undefined) reasons.push(`refusing to write: ${applied.refused}; nothing was written`);
  const [lone] = applied?.failures ?? [];
  if (applied?.failures.length === 1 && lone) reasons.push(`${lone.file}: ${lone.message}`);
  else if (applied?.failures.length) reasons.push(`${plural(applied.failures.length, 'file')} could not be written (above); the other files were written`);
  if (applied?.interrupted) reasons.push(`interrupted: ${plural(applied.interrupted.notWritten.length, 'file')} not written (above)`);
  return reasons.length === 0 ? undefined : reasons.join('; ');
}

/** A note when the run's folder is below the top of its git repository: the rest of the repository is not migrated. */
export function subfolderNote(cwd: string): string | undefined {
  const top = repositoryTop(cwd);
  if (top === undefined) return undefined;
  try {
    if (realpathSync(top) === realpathSync(cwd)) return undefined;
  } catch {
    return undefined;
  }
  return `migrate-keys: running in a subfolder of the git repository at ${top}: files outside it are not migrated\n`;
}


/**
 * Whether the run found nothing at all and no file it read even mentions Supabase (the prefilter's test): then there is
 * nothing to migrate, which is worth saying rather than a bare "no problems". A migrated repository still mentions it.
 */
export function noSupabaseUse(result: RunResult): boolean {
  const { plan: planned } = result;
  const found =
    result.findings.length > 0 ||
    planned.suppressed.length > 0 ||
    planned.changes.length > 0 ||
    result.outside.length > 0 ||
    planned.failed.length > 0 ||
    (planned.functions?.length ?? 0) > 0 ||
    planned.keyValues.publishable + planned.keyValues.secret + planned.keyValues.legacy > 0;
  // The read phase has already asked every file it read (the prefilter's test), so nothing is read again here.
  return !found && !planned.mentionsSupabase;
}
