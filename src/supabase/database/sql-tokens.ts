// A SQL tokenizer for spans: the PostgreSQL parser (libpg-query) says what a statement is, but gives start offsets only;
// the edits of a new migration need where an argument ends. Strings ('…', E'…', $tag$…$tag$), quoted identifiers,
// comments and nesting are what make that hard by pattern.

export interface SqlToken {
  kind: 'string' | 'identifier' | 'number' | 'punctuation' | 'operator';
  start: number;
  end: number;
  /** A string's value (quotes removed, '' and E-escapes undone), an identifier's name (quoted ones as written, others lower case). */
  value: string;
  /** A dollar-quoted string's tag (`$$` → ''), undefined for other tokens. */
  dollarTag?: string;
}

const IDENTIFIER = /[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/y;
const NUMBER = /\d+(?:\.\d*)?(?:e[+-]?\d+)?/iy;
const DOLLAR = /\$([A-Za-z_][\w]*)?\$/y;
const OPERATOR = /[+\-*/<>=~!@#%^&|`?:.]+/y;

/** The tokens of `text`, comments and blanks dropped. Unterminated strings and comments run to the end. */
export function sqlTokens(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  const at = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(text);
  };
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && next === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "'" || ((c === 'E' || c === 'e') && next === "'")) {
      const escapes = c !== "'";
      const start = i;
      i += escapes ? 2 : 1;
      let value = '';
      while (i < text.length) {
        const d = text[i] as string;
        if (d === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else if (escapes && d === '\\' && i + 1 < text.length) {
          const e = text[i + 1] as string;
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
          i += 2;
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ kind: 'string', start, end: i, value });
    } else if (c === '$' && at(DOLLAR)) {
      const match = at(DOLLAR) as RegExpExecArray;
      const closing = text.indexOf(match[0], i + match[0].length);
      const end = closing < 0 ? text.length : closing + match[0].length;
      tokens.push({ kind: 'string', start: i, end, value: text.slice(i + match[0].length, closing < 0 ? text.length : closing), dollarTag: match[1] ?? '' });
      i = end;
    } else if (c === '"') {
      const start = i;
      i++;
      let value = '';
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
      tokens.push({ kind: 'identifier', start, end: i, value });
    } else if (at(IDENTIFIER)) {
      const match = at(IDENTIFIER) as RegExpExecArray;
      tokens.push({ kind: 'identifier', start: i, end: i + match[0].length, value: match[0].toLowerCase() });
      i += match[0].length;
    } else if (at(NUMBER)) {
      const match = at(NUMBER) as RegExpExecArray;
      tokens.push({ kind: 'number', start: i, end: i + match[0].length, value: match[0] });
      i += match[0].length;
    } else if ('(),;[]'.includes(c)) {
      tokens.push({ kind: 'punctuation', start: i, end: i + 1, value: c });
      i++;
    } else {
      const match = at(OPERATOR);
      const length = match ? match[0].length : 1;
      tokens.push({ kind: 'operator', start: i, end: i + length, value: text.slice(i, i + length) });
      i += length;
    }
  }
  return tokens;
}

/** The arguments of the call whose `(` is tokens[open], as token index ranges [first, last]; `close`: the `)`'s index. */
export function callArguments(tokens: readonly SqlToken[], open: number): { args: [number, number][]; close: number } | undefined {
  const args: [number, number][] = [];
  let depth = 0;
  let first = open + 1;
  for (let i = open + 1; i < tokens.length; i++) {
    const token = tokens[i] as SqlToken;
    if (token.kind !== 'punctuation') continue;
    if (token.value === '(' || token.value === '[') depth++;
    else if ((token.value === ')' || token.value === ']') && depth > 0) depth--;
    else if (token.value === ')') {
      if (i > first) args.push([first, i - 1]);
      return { args, close: i };
    } else if (token.value === ',' && depth === 0) {
      args.push([first, i - 1]);
      first = i + 1;
    } else if (token.value === ';') return undefined;
  }
  return undefined;
}

/** A SQL string literal holding `value`, in the quoting of `like` (a dollar quote whose tag `value` does not contain, else '…'). */
export function quoteLike(value: string, like: SqlToken | undefined): string {
  if (like?.dollarTag !== undefined) {
    let tag = like.dollarTag;
    while (value.includes(`$${tag}$`)) tag = `${tag}x`;
    return `$${tag}$${value}$${tag}$`;
  }
  return `'${value.replace(/'/g, "''")}'`;
}
