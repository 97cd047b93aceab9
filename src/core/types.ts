// The plain data every stage of the pipeline shares, below every module that uses it: no imports.

export type Severity = 'error' | 'warning' | 'info';

/** A text splice on the file's original text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}
