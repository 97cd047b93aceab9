// Reads one file as the text the run edits, the fast way: Node's one-call UTF-8 read, and the bytes
// only for the rare file that may not be text (a NUL or a replacement character in it, or a size near
// the limit).
import { readFileSync } from 'node:fs';
import type { Report } from '../rules/rule.js';

/** Files larger than this are skipped: minified bundles and data dumps, not configuration. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const BINARY_SNIFF_BYTES = 8000;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Files read but not edited, by why. */
export interface Skipped {
  /** Files that opt out with a `migrate-keys-ignore-file` comment. */
  ignored: number;
  symlink: number;
  binary: number;
  large: number;
  encoding: number;
}

export interface ReadResult {
  /** The text, when the file is editable text: valid UTF-8 (a BOM kept), no NUL, at most 4 MiB. */
  text?: string;
  /** A legacy name in a file that is not editable text: reported (by parse-error), not silently skipped (SPEC §2). */
  finding?: Report;
}

/** Reads `file`; throws what the file system throws. `names` finds a name in a file that is not text. */
export function readSource(file: { path: string; absolutePath: string }, skipped: Skipped, names: { pattern: RegExp; literals: readonly string[] }): ReadResult {
  const text = readFileSync(file.absolutePath, 'utf8');
  // Decoding never fails: invalid bytes become U+FFFD, so a text without one (and without NUL) is valid.
  const maybeLarge = text.length * 3 > MAX_FILE_BYTES && Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES;
  if (!maybeLarge && !text.includes('\uFFFD') && !text.includes('\0')) return { text };

  const bytes = readFileSync(file.absolutePath);
  const checked = decode(bytes, skipped);
  if (checked !== undefined) return { text: checked };
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const name = utf16 || names.literals.some((literal) => bytes.includes(literal)) ? undecoded(bytes).match(names.pattern)?.[0] : undefined;
  return name === undefined ? {} : { finding: notText(name, bytes) };
}

function decode(bytes: Buffer, skipped: Skipped): string | undefined {
  if (bytes.length > MAX_FILE_BYTES) {
    skipped.large++;
    return undefined;
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    skipped.binary++;
    return undefined;
  }
  try {
    // Only valid UTF-8 is edited: decoding it and encoding it again gives back the same bytes.
    return utf8.decode(bytes);
  } catch {
    skipped.encoding++;
    return undefined;
  }
}

/** The text of a file that is not UTF-8, only to look for names: UTF-16 by its BOM, else byte per character. */
function undecoded(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return bytes.toString('latin1');
}

function notText(name: string, bytes: Buffer): Report {
  const why = bytes.length > MAX_FILE_BYTES ? 'larger than 4 MiB' : bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0) ? 'binary or UTF-16' : 'not UTF-8';
  return failureReport(`mentions ${name} but is ${why}, so it was not changed; rename it by hand`);
}

/** A file or folder that could not be read at all. */
export function unreadable(error: unknown): Report {
  return failureReport(`could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}), so it was not changed`);
}

/**
 * A file the run could not handle, as the parse-error rule reports it: at its first line. The plan turns it
 * into a finding as it does every rule's reports (src/core/file-plan.ts, planFailure), and the run exits 2.
 */
function failureReport(message: string): Report {
  return { offset: 0, message };
}
