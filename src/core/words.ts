// Small pieces of plain data handling every stage shares: no imports.

/** `1 file`, `2 files`: a count with its word. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A JSON object (not null, not an array): what parsed JSON must be before its fields are read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
