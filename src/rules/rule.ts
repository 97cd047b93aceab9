// What a rule is: its metadata (read by the CLI, the reporters and the docs) beside its check.
import type { ScannedFile } from '../scan.js';

export type Severity = 'error' | 'warning' | 'info';
export type FixKind = 'safe' | 'unsafe' | 'none';

export interface RuleMeta {
  id: string;
  severity: Severity;
  fix: FixKind;
  /** One line, as `migrate-keys rules` lists it. */
  summary: string;
  /** What goes wrong, and what to do, for docs and SARIF `help`. */
  description: string;
}

/** A text splice on the file's original text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** What a rule says about one place; the plan turns it into a finding with a position. */
export interface Report {
  offset: number;
  message: string;
  /** The edits that fix it; absent when the finding needs a person. */
  fix?: Edit[];
}

/** What the whole run knows that one file cannot: names that must keep their name everywhere. */
export interface RuleContext {
  /** Legacy name -> why it is not renamed anywhere. */
  blocked: ReadonlyMap<string, string>;
}

export interface Rule {
  meta: RuleMeta;
  check(file: ScannedFile, context: RuleContext): Report[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  fixable: boolean;
  fixed: boolean;
}
