// Offsets to 1-based lines and columns, as findings report them.

export interface Position {
  line: number;
  column: number;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: readonly number[], offset: number, hasBom: boolean): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  // A BOM is not a column a user can see.
  const column = offset - (starts[low] as number) + (low === 0 && hasBom ? 0 : 1);
  return { line: low + 1, column };
}

/** The 1-based line of an offset, for a one-off lookup where building line starts would not pay. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
