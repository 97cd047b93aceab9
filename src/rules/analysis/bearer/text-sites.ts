// Bearer keys outside JS/TS, found by text: shell and CI commands, HTTP client files, Markdown code
// blocks, Python `requests`/`httpx` header dicts. The variable or literal after `Bearer` decides.
import { keyKindOfLiteral, keyKindOfName, STATUS_FIELDS, SUPABASE_STATUS, type KeyKind } from './key-sources.js';
import { targetIn, type Target } from './targets.js';

export interface TextSite {
  offset: number;
  kind: KeyKind;
  /** What carries the key, for the message: a variable name, or 'a key literal'. */
  via: string;
  /** The same value is sent in `apikey` too: the gateway lets the pair through (SPEC's rule table: a warning). */
  paired?: boolean;
  /** The Supabase service the request goes to, when its URL is in the command or the request's lines. */
  target?: Target;
}

// A user's session token, which may well travel in both headers of a request made for that user.
export const USER_TOKEN = /access_?token|session|jwt|user/i;

// ${{ secrets.X }} | $X | ${X} | $(X) and $${X} (Makefiles) | {{X}}, {{$dotenv X}}, {{$processEnv X}} (.http files) | a literal key
const VALUE = String.raw`(?:\$\{\{\s*(?:secrets|vars|env)\.([A-Za-z_]\w*)\s*\}\}|\$\$?\{?([A-Za-z_]\w*)\}?|\$\(([A-Za-z_]\w*)\)|\{\{\s*(?:\$(?:dotenv|processEnv)\s+%?)?\$?([A-Za-z_][\w.]*)\s*\}\}|(eyJ[\w-]+\.[\w-]+\.[\w-]*|sb_(?:publishable|secret)_[\w-]{20,}))`;
const HEADER = new RegExp(`Authorization:\\s*Bearer\\s+${VALUE}`, 'gi');
const APIKEY_HEADER = new RegExp(`apikey:\\s*${VALUE}`, 'gi');
const valueOf = (match: RegExpMatchArray): string => (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5]) as string;

/** True when the offset sits in a comment that starts its line (`#`, `//`, `--`): commented-out commands are not run. */
export function inLineComment(text: string, offset: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  return /^\s*(#|\/\/|--)/.test(line);
}

export function shellBearerSites(text: string): TextSite[] {
  const sites: TextSite[] = [];
  for (const match of text.matchAll(HEADER)) {
    if (inLineComment(text, match.index as number)) continue;
    const name = match[1] ?? match[2] ?? match[3] ?? match[4];
    const request = requestSpan(text, match.index as number);
    const paired = sentAsApikey(text.slice(request.start, request.end), valueOf(match));
    const target = targetIn(text.slice(request.start, request.end));
    // The same value in apikey is an API key whatever its origin, unless it reads as a user's token.
    const kind =
      (name ? shellKindOfName(name.split('.').pop() as string, text) : keyKindOfLiteral(match[5] as string)) ??
      (paired && name && !USER_TOKEN.test(name) ? 'API' : undefined);
    if (kind) sites.push({ offset: match.index as number, kind, via: name ? `\`${name}\`` : 'a key literal', ...(paired && { paired }), ...(target && { target }) });
  }
  return sites;
}

/**
 * The request whose Authorization header starts at `offset`: its command (its lines joined by a trailing backslash), or,
 * for a header on a line of its own (.http files), the request's lines (up to a blank line).
 */
function requestSpan(text: string, offset: number): { start: number; end: number } {
  const lineStartOf = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const lineEndOf = (at: number) => (text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at));
  let start = lineStartOf(offset);
  let end = lineEndOf(offset);
  if (/^[ \t]*$/.test(text.slice(start, offset))) {
    while (start > 0 && text.slice(lineStartOf(start - 1), start - 1).trim() !== '') start = lineStartOf(start - 1);
    while (end < text.length && text.slice(end + 1, lineEndOf(end + 1)).trim() !== '') end = lineEndOf(end + 1);
  } else {
    const continued = (lineStart: number, lineEnd: number) => /\\\r?$/.test(text.slice(lineStart, lineEnd));
    while (start > 0 && continued(lineStartOf(start - 1), start - 1)) start = lineStartOf(start - 1);
    while (end < text.length && continued(lineStartOf(end), end)) end = lineEndOf(end + 1);
  }
  return { start, end };
}

/** Whether the request's text sends `value` in `apikey` too. */
function sentAsApikey(request: string, value: string): boolean {
  for (const apikey of request.matchAll(APIKEY_HEADER)) {
    if (valueOf(apikey) === value) return true;
  }
  return false;
}

/**
 * The kind of key a shell variable holds: by its own name, a `supabase status` field in a script that runs it, or
 * what it was assigned (`KEY="${SUPABASE_ANON_KEY:-}"`, `SRK=$(supabase status -o json | jq -r .SERVICE_ROLE_KEY)`).
 */
function shellKindOfName(name: string, text: string, depth = 0): KeyKind | undefined {
  const own = keyKindOfName(name) ?? (SUPABASE_STATUS.test(text) ? STATUS_FIELDS[name] : undefined);
  if (own || depth > 4 || !/^[A-Za-z_]\w*$/.test(name)) return own;
  const assignment = new RegExp(`^[ \\t]*(?:export[ \\t]+|local[ \\t]+|readonly[ \\t]+|declare(?:[ \\t]+-\\w+)*[ \\t]+)?${name}=(.*)$`, 'gm');
  for (const match of text.matchAll(assignment)) {
    const value = match[1] as string;
    if (inLineComment(text, (match.index as number) + match[0].length - value.length)) continue;
    const status = SUPABASE_STATUS.test(value) ? /[.'"\s]([A-Z_]+_KEY)\b/.exec(value)?.[1] : undefined;
    if (status && STATUS_FIELDS[status]) return STATUS_FIELDS[status];
    // The first variable the value reads: `${SUPABASE_ANON_KEY:-}`, `$SUPABASE_SECRET_KEY`, `"${KEY}"`.
    const read = /\$\{?([A-Za-z_]\w*)/.exec(value)?.[1];
    if (read && read !== name) {
      const kind = shellKindOfName(read, text, depth + 1);
      if (kind) return kind;
    }
  }
  return undefined;
}

/** Fenced code blocks of a Markdown text, as [start, end) ranges. */
export function codeBlocks(text: string): [number, number][] {
  const blocks: [number, number][] = [];
  for (const match of text.matchAll(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\2[`~]*[ \t]*$/gm)) {
    blocks.push([match.index as number, (match.index as number) + match[0].length]);
  }
  return blocks;
}

// headers = {"Authorization": f"Bearer {key}"} | "Bearer " + key | "Bearer %s" % key | "Bearer {}".format(key)
// | "Bearer <literal>"
// A Bearer value: an f-string, a concatenation, `%` / `.format()`, or a literal (groups 1–4: the key's expression).
const PY_BEARER =
  /(?:f["']Bearer\s+\{([^}]+)\}|["']Bearer\s*["']\s*\+\s*([\w.()[\]'"]+)|["']Bearer\s*(?:%s|\{\})["']\s*(?:%|\.format\()\s*\(?\s*([\w.()[\]'"]+?)\)?(?=[\s,}])|["']Bearer\s+([^"'{}%\s]+)["'])/;
// The Authorization entry of a dict: a Bearer value, or a name (group 5) that was assigned one (`self.auth_token = f"Bearer {key}"`).
const PY_HEADER = new RegExp(`["']Authorization["']\\s*:\\s*(?:${PY_BEARER.source}|([A-Za-z_][\\w.]*)(?=\\s*[,}\\n]))`, 'g');
const PY_ENV_READ = /(?:os\.environ(?:\.get)?\s*[([]\s*|os\.getenv\(\s*|getenv\(\s*|config\(\s*)["']([A-Za-z_]\w*)["']/;

export function pythonBearerSites(text: string): TextSite[] {
  const sites: TextSite[] = [];
  let dicts: [number, number][] | undefined;
  for (const match of text.matchAll(PY_HEADER)) {
    if (inLineComment(text, match.index as number)) continue;
    const bearer = match[5] === undefined ? match : bearerAssignedTo(match[5], text);
    if (!bearer) continue;
    const expression = ((bearer[1] ?? bearer[2] ?? bearer[3] ?? bearer[4]) as string).trim();
    dicts ??= pythonDicts(text);
    const paired = pythonApikeyValues(text, match.index as number, dicts).some((value) => samePythonValue(value, bearer[4] ? `"${expression}"` : expression));
    // The same value in apikey is an API key whatever its origin, unless it reads as a user's token.
    const kind = pythonKind(expression, text) ?? (paired && !USER_TOKEN.test(expression) ? 'API' : undefined);
    // A literal is named as one: its value is never shown.
    const literal = keyKindOfLiteral(expression.replace(/^["']|["']$/g, '')) !== undefined;
    if (kind) sites.push({ offset: match.index as number, kind, via: literal ? 'a key literal' : `\`${expression}\``, ...(paired && { paired }) });
  }
  return sites;
}

/** The Bearer value a name was assigned in the module (`auth = f"Bearer {key}"`, `self.auth = "Bearer " + key`), if any. */
function bearerAssignedTo(name: string, text: string): RegExpExecArray | undefined {
  const last = name.split('.').pop() as string;
  const assignment = new RegExp(`^[ \\t]*(?:self\\.)?${last}\\s*(?::[^=\\n]*)?=\\s*(.+)$`, 'm').exec(text);
  return (assignment && PY_BEARER.exec(assignment[1] as string)) ?? undefined;
}

/** The `{…}` spans of a Python text, braces inside strings and comments aside (an f-string's `{key}` is not a dict). */
function pythonDicts(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j) && !(quote.length === 1 && text[j] === '\n')) j += text[j] === '\\' ? 2 : 1;
      i = j + quote.length - 1;
    } else if (c === '{') open.push(i);
    else if (c === '}' && open.length > 0) spans.push([open.pop() as number, i + 1]);
  }
  return spans;
}

/** The values of the `"apikey"` entries of the innermost dict holding `offset`. */
function pythonApikeyValues(text: string, offset: number, dicts: readonly [number, number][]): string[] {
  let inner: [number, number] | undefined;
  for (const span of dicts) if (span[0] < offset && offset < span[1] && (!inner || span[0] > inner[0])) inner = span;
  if (!inner) return [];
  const values: string[] = [];
  const body = text.slice(inner[0] + 1, inner[1] - 1);
  for (const entry of body.matchAll(/["']apikey["']\s*:\s*/gi)) values.push(pythonExpression(body, (entry.index as number) + entry[0].length));
  return values;
}

/** The expression starting at `start`, up to a comma, a closing bracket or a line end outside brackets and strings. */
function pythonExpression(text: string, start: number): string {
  let depth = 0;
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      i = close < 0 ? text.length : close;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (c === ',' || c === '\n')) break;
  }
  return text.slice(start, i).trim();
}

/** One value written twice, whatever the quotes and spacing: `os.environ["K"]` and `os.environ['K']`. */
function samePythonValue(a: string, b: string): boolean {
  const normal = (value: string) => value.replace(/\s+/g, '').replace(/'/g, '"');
  return normal(a) === normal(b);
}

function pythonKind(expression: string, text: string): KeyKind | undefined {
  const read = PY_ENV_READ.exec(expression);
  if (read) return keyKindOfName(read[1] as string);
  const literal = keyKindOfLiteral(expression.replace(/^["']|["']$/g, ''));
  if (literal) return literal;
  // A name: what it was assigned (`key = os.environ["SUPABASE_SERVICE_ROLE_KEY"]`, a settings field).
  const name = /^[A-Za-z_][\w.]*$/.exec(expression)?.[0];
  if (!name) return undefined;
  const last = name.split('.').pop() as string;
  const assignment = new RegExp(`^[ \\t]*(?:self\\.)?${last}\\s*(?::[^=\\n]*)?=\\s*(.+)$`, 'm').exec(text);
  if (assignment) {
    const value = assignment[1] as string;
    const env = PY_ENV_READ.exec(value);
    if (env) return keyKindOfName(env[1] as string);
    const literal = /["']([^"']+)["']/.exec(value);
    if (literal) return keyKindOfLiteral(literal[1] as string);
  }
  // pydantic settings fields name the env variable themselves.
  return keyKindOfName(last.toUpperCase());
}
