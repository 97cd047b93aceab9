// `migrate-keys undo`: restores the files of the last --write from its backups; returns the exit code.
import { undoLastRun } from '../core/apply.js';
import type { Io } from './io.js';
import type { Streams } from './streams.js';

export function undo(io: Io, { print, warn }: Streams, force: boolean): number {
  const result = undoLastRun(io.cwd, { force });
  if (result.refused !== undefined) {
    warn(`migrate-keys: refusing to undo: ${result.refused}; nothing was restored\n`);
    return 2;
  }
  if (!result.found) {
    warn('migrate-keys: nothing to undo (no .migrate-keys/last-run.json here)\n');
    return 2;
  }
  for (const path of result.restored) print(`restored ${path}\n`);
  for (const failure of result.failures) warn(`migrate-keys: ${failure.file}: ${failure.message}\n`);
  print(`${result.restored.length} file${result.restored.length === 1 ? '' : 's'} restored\n`);
  return result.failures.length > 0 ? 2 : 0;
}
