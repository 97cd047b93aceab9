// File names and file text made inert for where they are shown: no control character reaches a terminal or a workflow log raw.

/** C0 (but tab), DEL, C1, the line and paragraph separators, and the bidirectional overrides that reorder what a reader sees (Trojan Source). */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\x1b': '\\x1b' };

/** `\u00XX`: readable in a terminal and a valid escape inside a JSON string. */
const unicodeEscape = (character: string): string => `\\u${(character.codePointAt(0) as number).toString(16).padStart(4, '0')}`;

/**
 * One line of text from a file (its name, a line of its content, a message quoting it) as it may be
 * printed: a newline can never start a line of its own, and ESC can never start a terminal sequence.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (character) => NAMED[character] ?? unicodeEscape(character));
}

/**
 * The last guard before a stream or a report file: every control character but the line breaks and
 * tabs is escaped, and ESC too unless the text carries our own colours (whose sources escaped
 * every ESC of a file's text with `printable`).
 */
export function guardControls(text: string, colors: boolean): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  const pattern = colors ? /[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g : /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
  return text.replace(pattern, unicodeEscape);
}
