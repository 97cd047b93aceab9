// Applies text splices to the original text; every byte outside an edit stays as it was.
import type { Edit } from '../rules/rule.js';

/** Sorts edits and drops any that overlaps an earlier one, so a span is never edited twice. */
export function orderedEdits(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  let end = -1;
  for (const edit of sorted) {
    if (edit.start < end) continue;
    kept.push(edit);
    end = edit.end;
  }
  return kept;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of orderedEdits(edits)) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
