// The plain data every stage of the pipeline shares, below every module that uses it: no imports.

export type Severity = 'error' | 'warning' | 'info';

/** A text splice on the file's original text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /**
   * Spans of the original text this edit's text carries unchanged: `text.slice(at, at + end - start)` is the
   * original `[start, end)`. Another rule's edit inside one of them lands in the moved copy (src/core/splice.ts),
   * so that a fix that moves code (`Authorization: Bearer ${KEY}` -> `apikey: KEY`) and a rename inside it compose.
   */
  keeps?: readonly { start: number; end: number; at: number }[];
  /** Why, for a rewrite that is not a plain rename (`<rule-id>: …`): the diff prints it above the hunk that holds it. */
  reason?: string;
}
