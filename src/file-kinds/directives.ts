// Inline suppression comments: `migrate-keys-ignore [rule-id, …]` in any kind's comment syntax, found in the text.
import { isRuleId, type RuleId } from '../rules/ids.js';

export interface Directive {
  /** 1-based line of the comment. */
  line: number;
  offset: number;
  /** The rules it silences; empty means every rule. */
  rules: RuleId[];
  used: boolean;
}

// Any comment syntax the tool reads: //, /* */, #, -- and <!-- -->. `-file` is the whole-file form.
const DIRECTIVE = /(?:\/\/|\/\*|#|--|<!--)[ \t]*migrate-keys-ignore(?![-\w])([^\n\r]*)/g;
const FILE_DIRECTIVE = /(?:\/\/|\/\*|#|--|<!--)[ \t]*migrate-keys-ignore-file(?![-\w])/;

export function hasFileDirective(text: string): boolean {
  return text.includes('migrate-keys-ignore-file') && FILE_DIRECTIVE.test(text);
}

export function findDirectives(text: string, lineOf: (offset: number) => number): Directive[] {
  if (!text.includes('migrate-keys-ignore')) return [];
  const directives: Directive[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const words = (match[1] as string).split(/[\s,]+/).filter(Boolean);
    // Rule ids come first; anything after them (or a reason with no id) is commentary.
    const rules: RuleId[] = [];
    for (const word of words) {
      if (!isRuleId(word)) break;
      rules.push(word);
    }
    directives.push({ line: lineOf(match.index as number), offset: match.index as number, rules, used: false });
  }
  return directives;
}
