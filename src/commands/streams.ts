// The CLI's own output: every text for a stream or a report passes both guards, no secret and no control character but our colours.
import { maskSecrets } from '../keys/mask.js';
import { guardControls } from '../core/printable.js';
import type { Io } from './io.js';

export interface Streams {
  /** stdout; `colors`: our colour codes pass. */
  print(text: string, colors?: boolean): void;
  /** stderr, never in colour. */
  warn(text: string): void;
}

/** A text as it may leave the process: key values masked, control characters escaped (but our colours, when on). */
export function guarded(text: string, colors = false): string {
  return guardControls(maskSecrets(text), colors);
}

export function streams(io: Io): Streams {
  return {
    print: (text, colors = false) => void io.stdout.write(guarded(text, colors)),
    warn: (text) => void io.stderr.write(guarded(text)),
  };
}

/** Colours on a stream: the flag (`--no-color` clears it) unless NO_COLOR; a terminal, or FORCE_COLOR. */
export function useColor(io: Io, flag: boolean, stream: NodeJS.WriteStream): boolean {
  return flag && !('NO_COLOR' in io.env) && (Boolean(stream.isTTY) || 'FORCE_COLOR' in io.env);
}
