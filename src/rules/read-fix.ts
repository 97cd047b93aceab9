// The edit for a runtime env read: replaced outright, wrapped in a transitional `NEW ?? LEGACY`, or,
// when it already is such a fallback, collapsed to NEW by the final run (SPEC §4).
import type { Occurrence } from '../file-kinds/scanned-text.js';
import type { Edit } from './rule.js';

/** The read's source text with its name replaced, e.g. `process.env['X']` -> `process.env['Y']`. */
export function renamedRead(occurrence: Occurrence, newName: string): string {
  const read = occurrence.read as NonNullable<Occurrence['read']>;
  const at = occurrence.start - read.start;
  return read.text.slice(0, at) + newName + read.text.slice(at + (occurrence.end - occurrence.start));
}

/** Undefined when there is nothing to do: a transitional run meeting its own fallback. */
export function readFix(occurrence: Occurrence, newRead: string, transitional: boolean): Edit[] | undefined {
  const read = occurrence.read as NonNullable<Occurrence['read']>;
  const isOwnFallback = read.fallback?.left === newRead;
  if (transitional) {
    if (isOwnFallback) return undefined;
    const fallback = `${newRead} ?? ${read.text}`;
    return [{ start: read.start, end: read.end, text: read.needsParens ? `(${fallback})` : fallback }];
  }
  if (isOwnFallback && read.fallback) return [{ start: read.fallback.start, end: read.fallback.end, text: newRead }];
  return [{ start: read.start, end: read.end, text: newRead }];
}
