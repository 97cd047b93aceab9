// What the command line's wiring needs before any command runs: the usage error and the defaults its help shows.
// Kept apart from the commands, so that `--version` and `--help` load nothing else (issue 22: start-up).
import { availableParallelism } from 'node:os';

/** A mistake in the command line or the configuration: one line on stderr, exit 2. */
export class UsageError extends Error {}

/** One worker per core beside the main thread, which reads the files meanwhile; at most 4. */
export function defaultConcurrency(): number {
  return Math.max(0, Math.min(availableParallelism() - 1, 4));
}
