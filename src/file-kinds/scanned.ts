// A scanned file of one of the registered kinds: what the scan reads and hands the rules.
import type { FileKind } from './index.js';
import type { ScannedText } from './scanned-text.js';

export interface ScanInput {
  /** Relative to the root, `/`-separated. */
  path: string;
  kind: FileKind;
  text: string;
  /** Why the file is generated (src/core/generated.ts): the scan finds its names but does not parse it. */
  generated?: string;
}

/** Its text as scanned (occurrences, env entries, parse error, directives, scripts), and its kind. */
export interface ScannedFile extends ScannedText {
  kind: FileKind;
}
