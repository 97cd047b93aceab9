// Applies text splices to the original text; every byte outside an edit stays as it was.
import type { Edit } from '../rules/rule.js';

/** An edit and the edits that land inside it: those within a span it keeps (Edit.keeps) are made in its copy. */
interface Placed {
  edit: Edit;
  inner: Placed[];
}

/**
 * The edits to make, in order, none overlapping another: an edit inside an earlier one's span goes with it
 * (made in what that edit keeps of the original, or gone with what it replaces); one that crosses an earlier
 * one's boundary is dropped, so a span is never edited twice. Of two edits of one span, the first given wins.
 */
export function orderedEdits(edits: readonly Edit[]): Edit[] {
  return placed(edits).map(composed);
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

/** Where an edit goes: before or after the others at its start, an insertion first, then the longest. */
function order(a: Edit, b: Edit): number {
  return a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || b.end - a.end;
}

function placed(edits: readonly Edit[]): Placed[] {
  const top: Placed[] = [];
  for (const edit of [...edits].sort(order)) {
    let level = top;
    for (;;) {
      const last = level[level.length - 1];
      if (!last || edit.start >= last.edit.end) {
        level.push({ edit, inner: [] });
        break;
      }
      // Inside `last` (an insertion at its start sorts before it, one at its end comes after it): one level
      // down; across its end: dropped.
      if (edit.end > last.edit.end) break;
      level = last.inner;
    }
  }
  return top;
}

/** The edit with the edits inside it made in the spans it keeps; the others inside it are replaced along with it. */
function composed({ edit, inner }: Placed): Edit {
  // The reason goes with the edit, or comes from an edit made inside it.
  const reason = edit.reason ?? inner.find((child) => child.edit.reason !== undefined)?.edit.reason;
  const why = reason === undefined ? {} : { reason };
  if (inner.length === 0 || !edit.keeps) return { start: edit.start, end: edit.end, text: edit.text, ...why };
  const moved: Edit[] = [];
  for (const child of inner.map(composed)) {
    const keep = edit.keeps.find((span) => span.start <= child.start && child.end <= span.end);
    if (keep) moved.push({ start: keep.at + child.start - keep.start, end: keep.at + child.end - keep.start, text: child.text });
  }
  let text = '';
  let cursor = 0;
  for (const child of moved.sort((a, b) => a.start - b.start)) {
    text += edit.text.slice(cursor, child.start) + child.text;
    cursor = child.end;
  }
  return { start: edit.start, end: edit.end, text: text + edit.text.slice(cursor), ...why };
}
