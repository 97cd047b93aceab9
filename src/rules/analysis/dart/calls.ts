// Dart calls found lexically (Dart is not parsed): a callee's calls and their named arguments, strings and comments skipped.

interface NamedArgument {
  name: string;
  /** Where the argument's name starts. */
  offset: number;
}

export interface DartCall {
  /** Where the callee starts. */
  offset: number;
  /** The named arguments at the call's own level (`url:`, `anonKey:`), not those of calls nested in it. */
  named: NamedArgument[];
}

const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[A-Za-z0-9_$]/;

/** Every call of `callee` (`Supabase.initialize`) outside strings and comments, with its named arguments. */
export function dartCalls(text: string, callee: string): DartCall[] {
  if (!text.includes(callee)) return [];
  const calls: DartCall[] = [];
  const code = codeMask(text);
  for (let at = text.indexOf(callee); at >= 0; at = text.indexOf(callee, at + callee.length)) {
    if (!code[at] || (at > 0 && IDENTIFIER_PART.test(text[at - 1] as string))) continue;
    let open = at + callee.length;
    while (/\s/.test(text[open] ?? '')) open++;
    if (text[open] !== '(') continue;
    calls.push({ offset: at, named: namedArguments(text, code, open) });
  }
  return calls;
}

/** The named arguments of the argument list that opens at `open`. */
function namedArguments(text: string, code: readonly boolean[], open: number): NamedArgument[] {
  const named: NamedArgument[] = [];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (!code[i]) continue;
    const c = text[i] as string;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && IDENTIFIER_START.test(c) && !IDENTIFIER_PART.test(text[i - 1] as string)) {
      let end = i + 1;
      while (end < text.length && IDENTIFIER_PART.test(text[end] as string)) end++;
      let after = end;
      while (/\s/.test(text[after] ?? '')) after++;
      const before = previousCode(text, code, i);
      if (text[after] === ':' && text[after + 1] !== ':' && (before === '(' || before === ',')) named.push({ name: text.slice(i, end), offset: i });
      i = end - 1;
    }
  }
  return named;
}

/** The last character before `at` that is code and not blank. */
function previousCode(text: string, code: readonly boolean[], at: number): string | undefined {
  for (let i = at - 1; i >= 0; i--) if (code[i] && !/\s/.test(text[i] as string)) return text[i];
  return undefined;
}

/**
 * Which offsets are code: false inside comments (`//`, `/* *\/`, nested as Dart nests them) and string literals (single,
 * double, triple-quoted, raw). Interpolations inside strings count as string: a call there is not looked for.
 */
function codeMask(text: string): boolean[] {
  const code = new Array<boolean>(text.length).fill(true);
  const mark = (from: number, to: number) => code.fill(false, from, Math.min(to, text.length));
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      mark(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      let depth = 0;
      let j = i;
      while (j < text.length) {
        if (text.startsWith('/*', j)) {
          depth++;
          j += 2;
        } else if (text.startsWith('*/', j)) {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else j++;
      }
      mark(i, j);
      i = j;
    } else if (c === "'" || c === '"') {
      const raw = text[i - 1] === 'r';
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j) && (triple || text[j] !== '\n')) j += !raw && text[j] === '\\' ? 2 : 1;
      j = Math.min(text.length, j + quote.length);
      mark(raw ? i - 1 : i, j);
      i = j;
    } else i++;
  }
  return code;
}
