// Generated files (committed bundles, minified code, what `.gitattributes` marks linguist-generated): reported, never
// edited, and decided before any parse, by name and by cheap text tests. Their source is what the migration edits.
import type { FileKind } from '../file-kinds/index.js';

/** A line longer than this is minified or generated code, not something a person wrote and edits. */
const LONGEST_WRITTEN_LINE = 1000;
const MINIFIED_NAME = /\.min\.[cm]?js$/i;
// The comment bundlers append (`//# sourceMappingURL=…`, the older `//@ …`, or the block form).
const SOURCE_MAP_COMMENT = /^[ \t]*(?:\/\/|\/\*)[#@][ \t]*sourceMappingURL=/m;

/**
 * Why a file read is generated, from its name and text, or undefined. Only code and markup are tested by their
 * text: a .env value or a YAML scalar may be long, and a sourceMappingURL in docs is an example.
 */
export function generatedByContent(file: { path: string; kind: FileKind }, text: string): string | undefined {
  if (file.kind !== 'code' && file.kind !== 'markup') return undefined;
  if (MINIFIED_NAME.test(file.path)) return 'a .min.js file';
  if (text.includes('sourceMappingURL=') && SOURCE_MAP_COMMENT.test(text)) return 'it has a sourceMappingURL comment';
  const line = longLine(text);
  return line === undefined ? undefined : `line ${line} is over 1,000 characters long`;
}

/** The 1-based number of the first line over LONGEST_WRITTEN_LINE characters, or undefined. */
function longLine(text: string): number | undefined {
  if (text.length <= LONGEST_WRITTEN_LINE) return undefined;
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > LONGEST_WRITTEN_LINE) return line;
    if (end < 0) return undefined;
    start = end + 1;
  }
  return undefined;
}

/** The reason given for a file `.gitattributes` marks generated. */
export const LINGUIST_GENERATED = 'linguist-generated in .gitattributes';
