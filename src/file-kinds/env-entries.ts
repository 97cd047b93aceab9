// A lossless view of a .env file: where each entry's key and value sit, by dotenv's own line grammar.
import { loadDotenv } from '../core/libraries.js';

export interface EnvEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** The value as written, quotes included, surrounding blanks excluded (empty: valueStart === valueEnd). */
  valueStart: number;
  valueEnd: number;
  /** The quote character, or '' for an unquoted value. */
  quote: string;
  /** The value between its quotes. */
  innerStart: number;
  innerEnd: number;
  /** The whole lines the entry spans, line ending included. */
  lineStart: number;
  lineEnd: number;
  /** The value as dotenv reads it. */
  value: string;
}

// dotenv 17's LINE pattern, with indices: the same grammar finds the same entries.
const LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;

/**
 * Every entry of a .env text. dotenv normalises CR and CRLF to LF before matching; this turns CRLF
 * into LF followed by a space (blank at the start of the next line, where dotenv's grammar skips
 * it; a CR would end a line for `$`) and a lone CR into LF: the same entries, every offset in place.
 */
export function envEntries(text: string): EnvEntry[] {
  const normalised = text.replace(/\r(\n?)/g, (_match, lf: string) => (lf ? '\n ' : '\n'));
  // A BOM is not part of the first line: removing or copying that line must leave it alone.
  const firstLine = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const entries: EnvEntry[] = [];
  LINE.lastIndex = 0;
  for (let match = LINE.exec(normalised); match; match = LINE.exec(normalised)) {
    const indices = match.indices as RegExpIndicesArray;
    const [keyStart, keyEnd] = indices[1] as [number, number];
    const rawSpan = indices[2];
    let valueStart = rawSpan ? rawSpan[0] : keyEnd;
    let valueEnd = rawSpan ? rawSpan[1] : keyEnd;
    while (valueStart < valueEnd && /\s/.test(normalised[valueStart] as string)) valueStart++;
    while (valueEnd > valueStart && /\s/.test(normalised[valueEnd - 1] as string)) valueEnd--;
    const first = normalised[valueStart];
    const quoted = valueEnd - valueStart >= 2 && (first === '"' || first === "'" || first === '`') && normalised[valueEnd - 1] === first;
    const quote = quoted ? (first as string) : '';
    const lineStart = Math.max(firstLine, text.lastIndexOf('\n', keyStart - 1) + 1);
    const newline = text.indexOf('\n', Math.max(valueEnd, keyEnd));
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const key = match[1] as string;
    entries.push({
      key,
      keyStart,
      keyEnd,
      valueStart,
      valueEnd,
      quote,
      innerStart: valueStart + (quoted ? 1 : 0),
      innerEnd: valueEnd - (quoted ? 1 : 0),
      lineStart,
      lineEnd,
      // Parsed under a plain key: dotenv's result is an object, where `__proto__` would be no entry of its own.
      value: loadDotenv().parse(`${text.slice(lineStart, keyStart)}K${text.slice(keyEnd, lineEnd)}`).K ?? '',
    });
  }
  return entries;
}
