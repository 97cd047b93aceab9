// A scanned file of one of the registered kinds: what the scan reads and hands the rules.
import type { FileKind } from './index.js';
import type { ScannedText } from './scanned-text.js';

export interface ScanInput {
  /** Relative to the root, `/`-separated. */
  path: string;
  kind: FileKind;
  text: string;
}

/** Its text as scanned (occurrences, env entries, parse error, directives, scripts), and its kind. */
export interface ScannedFile extends ScannedText {
  kind: FileKind;
}
