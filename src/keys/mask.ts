// The one masking function: every text the tool prints or writes passes through `maskSecrets` (SPEC §3).
import { classifyJwt, isPlaceholder, isWholeJwt } from './values.js';

/**
 * A JWT, or a piece of one (a header or payload cut by string concatenation or by a shortened
 * message): base64url of a JSON object starts with `eyJ`. `eyJhbGci…[…]` (our own mask) is too
 * short to match again, so masking twice changes nothing.
 */
const JWT_PIECE = /eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,2}/g;
/** `sb_publishable_…`/`sb_secret_…`, also cut short; names such as `sb_secret_key` are too short. */
const NEW_KEY = /\bsb_(publishable|secret)_[A-Za-z0-9_-]{12,}/g;
const ACCESS_TOKEN = /\bsbp_(?:oauth_)?[a-f0-9]{12,}/g;
/** Standard base64 long enough to wrap a key (a Kubernetes Secret's `data:`); decoded before judging. */
const BASE64_RUN = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{24,65536}={0,2}/g;
/** What a decoded base64 run must hold to be masked: a JWT piece or a new key (anywhere: no word boundary in decoded bytes). */
const KEY_IN_DECODED = /eyJ[A-Za-z0-9_-]{8,}|sb_(?:publishable|secret)_[A-Za-z0-9_-]{12,}/;

/** A variable, property or key whose value is a secret by its name. */
const SECRET_WORD = /secret|service[_-]?role|private|password|passwd|token|credential/i;
/** `KEY` as a word of a name (`API_KEY`, `anon-key`, `apiKey`, `apikey`), not `keys`, `keyboard` or `migrate-keys`. */
const KEY_WORD = /(?:^|[_-])key(?:$|[_-])|^(?:api|anon|service)?key$/i;
const KEY_CAMEL = /[a-z0-9]Key(?:$|[A-Z_])/;
/** Cheap test first: a text with none of these words holds no secret-named assignment. */
const MAYBE_SECRET = /secret|role|key|private|passw|token|credential/i;

function isSecretName(name: string): boolean {
  return SECRET_WORD.test(name) || KEY_WORD.test(name) || KEY_CAMEL.test(name);
}
/** A name, then `=`, `:=` or `: ` (not `==`, `=>`, `::`, `://` or a shell's `:-`), optionally with the name quoted. */
const ASSIGNMENT = /(?<![\w$-])(["']?)([A-Za-z_$][\w$-]*)\1[ \t]*(:=|=(?![=>~])|:(?=[ \t"'`\n]|$))[ \t]*/g;
/** Dockerfile's older `ENV NAME value` form (no `=`). */
const DOCKER_ENV = /(?<![\w-])((?:ENV|ARG)[ \t]+([A-Za-z_][\w]*)[ \t]+)(?=[^\s=])/g;
/** A quoted fallback after a read: `?? 'x'`, `|| "x"`, `or "x"`, and a default argument `get("NAME", "x")`. */
const FALLBACK = /(\?\?|\|\||\bor\b|,)[ \t]*(["'`])/g;
/** A shell default: `${NAME:-value}` and `${NAME:=value}`. */
const SHELL_DEFAULT = /\$\{([A-Za-z_]\w*):?[-=]([^}\n]*)\}/g;

const MASKED = '…[redacted]';
/** A value that is a reference to a secret, not the secret itself: shown, so the diff stays readable. */
const REFERENCE = /^(?:\$|\{\{|%|env\(|process\.env|import\.meta|Deno\.env|os\.environ|secrets\.|vars\.)/;
const KEYWORD = new Set(['string', 'number', 'boolean', 'null', 'undefined', 'true', 'false', 'any', 'unknown', 'never', 'object', 'None', 'True', 'False', 'nil', 'required', 'optional']);
/** Objects whose members are settings, not values: `config.jwtSecret`, `env.SECRET`, `ctx.secrets.x`. */
const SETTINGS_OBJECTS = new Set(['process', 'import', 'Deno', 'Bun', 'os', 'env', 'config', 'settings', 'ctx', 'context', 'c', 'this', 'window', 'globalThis', 'secrets', 'vars', 'props', 'options', 'opts', 'args', 'req', 'request', 'event', 'locals', 'platform', 'runtimeConfig', 'app']);
// What follows a variable in code: punctuation, an operator, or ` = ` (a destructuring's default: `KEY: binding = ''`).
const CODE_TERMINATOR = /^[ \t]*(?:[,;)}\]]|\?\?|\|\||&&|\?|=(?![=>]))/;

const JWT_LABELS: Readonly<Record<string, string>> = {
  'legacy-anon': 'legacy anon JWT',
  'legacy-service-role': 'legacy service_role JWT',
  'legacy-demo': 'local CLI demo JWT',
  jwt: 'JWT',
};

/**
 * Masks every secret in a text, whatever its file kind: JWTs (whole or in pieces), new keys,
 * access tokens, base64 that wraps a key, and the value of anything whose name looks secret,
 * quoted or not (`JWT_SECRET=…`, `ENV JWT_SECRET …`, `password: '…'`, `?? '…'` after a secret
 * read). References (`${{ secrets.X }}`, `process.env.X`, `env(X)`) and placeholders stay, so a
 * diff still shows which name holds what. `known` are further values to mask wherever they appear
 * (the pieces of a JWT split across string concatenation, found by `secretFragments`).
 */
export function maskSecrets(text: string, known: readonly string[] = []): string {
  // Whole keys first: a known piece (a JWT's common header) must not cut a whole key apart.
  let out = maskKeyValues(text);
  for (const fragment of known) if (fragment.length >= 8 && out.includes(fragment)) out = out.split(fragment).join(MASKED);
  if (!MAYBE_SECRET.test(out)) return out;
  return maskNamedValues(out);
}

/** Key values only: JWTs, new keys, access tokens and base64-wrapped keys. */
function maskKeyValues(text: string): string {
  let out = text;
  if (out.includes('eyJ')) out = out.replace(JWT_PIECE, (piece) => `eyJhbGci…[${isWholeJwt(piece) ? JWT_LABELS[classifyJwt(piece)] : 'part of a JWT'}]`);
  if (out.includes('sb_')) out = out.replace(NEW_KEY, (_key, kind: string) => `sb_${kind}_…[redacted]`);
  if (out.includes('sbp_')) out = out.replace(ACCESS_TOKEN, 'sbp_…[redacted]');
  return out.replace(BASE64_RUN, (run) => (KEY_IN_DECODED.test(Buffer.from(run, 'base64').toString('latin1')) ? '…[base64 of a key]' : run));
}

function maskNamedValues(text: string): string {
  let out = replaceValues(text, ASSIGNMENT, assignedValueAt, (match) => (ENV_STYLE.test(match[2] as string) ? 'line' : match[3] === ':' ? 'word' : 'token'));
  out = replaceValues(out, DOCKER_ENV, (match) => (isSecretName(match[2] as string) ? (match[1] as string).length : undefined), () => 'line');
  out = replaceValues(out, FALLBACK, fallbackValueAt, () => 'token');
  return out.replace(SHELL_DEFAULT, (whole, name: string, value: string) =>
    isSecretName(name) && shouldMask(value, '') ? whole.replace(`${value}}`, `${MASKED}}`) : whole,
  );
}

const ENV_STYLE = /^[A-Z][A-Z0-9_]*$/;
/** What stands before a key: the start of a line (a YAML list item's `- ` too), `{`, `,` or `(`. */
const KEY_START = /(?:^|\n)[ \t]*(?:-[ \t]*)?$|[{,(][ \t]*$/;

/**
 * The offset (from the match) of an assignment's value when its name looks secret. A `name: value`
 * pair counts where a key starts (a line, an object, a list item): in prose, "the secret: it is"
 * is a sentence, while `JWT_SECRET: x` and `JWT_SECRET=x` are assignments anywhere.
 */
function assignedValueAt(match: RegExpExecArray, text: string): number | undefined {
  const name = match[2] as string;
  if (!isSecretName(name)) return undefined;
  if (match[3] === ':' && !ENV_STYLE.test(name) && !KEY_START.test(text.slice(Math.max(0, match.index - 80), match.index))) return undefined;
  return match[0].length;
}

/** The offset (from the match) of a fallback literal's opening quote when a secret read precedes it on its line. */
function fallbackValueAt(match: RegExpExecArray, text: string): number | undefined {
  const lineStart = text.lastIndexOf('\n', match.index) + 1;
  const before = text.slice(Math.max(lineStart, match.index - 200), match.index);
  if (match[1] === ',') {
    const name = /\(\s*(["'`])([A-Za-z_][\w-]*)\1\s*$/.exec(before)?.[2];
    return name !== undefined && isSecretName(name) ? match[0].length - 1 : undefined;
  }
  // The operand right before `??`/`||`/`or` reads a secret: `process.env.JWT_SECRET ?? '…'`, `getenv("X") or "…"`.
  const operand = /[\w$.[\]'"`()-]+\s*$/.exec(before)?.[0] ?? '';
  return (operand.match(/[A-Za-z_$][\w$-]*/g) ?? []).some(isSecretName) ? match[0].length - 1 : undefined;
}

/**
 * How far an unquoted value runs: to the end of the line (`NAME=value` in env files, shells and
 * Dockerfiles), one token (code), or one token that is not followed by more words (`name: value`,
 * which in prose is a sentence: "the secret: it is …").
 */
type Extent = 'line' | 'token' | 'word';

/**
 * For each match of `pattern` whose `valueAt` gives an offset, masks the value that starts there:
 * a quoted string's content, or an unquoted value as far as `extent` says, unless its first token
 * is a reference, a placeholder or elided (`…`).
 */
function replaceValues(
  text: string,
  pattern: RegExp,
  valueAt: (match: RegExpExecArray, text: string) => number | undefined,
  extent: (match: RegExpExecArray) => Extent,
): string {
  pattern.lastIndex = 0;
  let out = '';
  let copied = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const offset = valueAt(match, text);
    if (offset === undefined) continue;
    const start = match.index + offset;
    const runs = extent(match);
    const value = valueSpan(text, start, runs === 'line');
    if (value === undefined) continue;
    const [from, to] = value;
    const quoted = from > start;
    const token = quoted ? text.slice(from, to) : (/^\S+/.exec(text.slice(from, to))?.[0] ?? '');
    const after = text.slice(from + token.length, from + token.length + 8);
    if (!quoted && runs === 'word' && /^[ \t]+[^\s#]/.test(after)) continue;
    if (isPlaceholder(text.slice(from, to))) continue;
    if (!shouldMask(token, quoted ? '' : after)) continue;
    out += text.slice(copied, from) + MASKED;
    copied = to;
    pattern.lastIndex = Math.max(pattern.lastIndex, to);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The span of the value at `start`: inside its quotes, or an unquoted token. */
function valueSpan(text: string, start: number, restOfLine: boolean): [number, number] | undefined {
  const quote = text[start];
  if (quote === '"' || quote === "'" || quote === '`') {
    let end = start + 1;
    while (end < text.length && text[end] !== quote && text[end] !== '\n' && text[end] !== '\\') end++;
    return end > start + 1 ? [start + 1, end] : undefined;
  }
  // Unquoted: stops at quotes, backslashes (JSON escapes), control characters and, for code, at punctuation.
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  const stop = restOfLine ? /["'`\\\n\r\x00-\x1f]|\s+#/y : /[\s"'`\\,;)}\]\x00-\x1f]/y;
  let end = start;
  while (end < text.length) {
    stop.lastIndex = end;
    if (stop.test(text)) break;
    end++;
  }
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return end > start ? [start, end] : undefined;
}

/** Whether a value is worth masking: not a reference, a placeholder, a keyword, an expression or already masked. */
function shouldMask(value: string, after: string): boolean {
  const trimmed = value.trim();
  // No reference or stand-in is that long, and the tests below need not run over megabytes.
  if (trimmed.length > 4096) return true;
  if (trimmed === '' || trimmed.includes('…') || isPlaceholder(trimmed)) return false;
  if (REFERENCE.test(trimmed) || KEYWORD.has(trimmed) || /^[|>&*{[(!]/.test(trimmed)) return false;
  if (/^\d{1,6}$/.test(trimmed)) return false;
  // Stand-ins people put in templates and docs: `xxxx.xxxx.xxxx`, `YYY`, `ANONKEY`, `SERVICEROLEKEY`.
  if (/^(?:[xX*.]{3,}|([A-Za-z0-9])\1{2,}|[A-Z]{2,16})$/.test(trimmed)) return false;
  // A variable's name is a reference too (`key: SUPABASE_SERVICE_ROLE_KEY` in a secretKeyRef).
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(trimmed)) return false;
  // A call, an index, or a member of an object that holds settings is code reading the secret from
  // somewhere else; any other `a.b` may be a value (a dotted secret in YAML), so it is masked.
  if (/^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*[([]/.test(trimmed)) return false;
  const member = /^([A-Za-z_$][\w$]*)(?:\??\.[A-Za-z_$][\w$]*)+!?$/.exec(trimmed);
  if (member && (SETTINGS_OBJECTS.has(member[1] as string) || CODE_TERMINATOR.test(after))) return false;
  // A bare identifier followed by code punctuation is a variable (`apikey: key,`); at the end of a
  // line it may be a config value (`POSTGRES_PASSWORD: hunter2`), so it is masked.
  return !(/^[A-Za-z_$][\w$]*$/.test(trimmed) && CODE_TERMINATOR.test(after));
}

/**
 * The string pieces of a JWT split across concatenation (`'eyJ…' + '…' + '…'`, over lines too),
 * and the body lines of PEM private keys: values line-by-line masking cannot recognise alone.
 */
export function secretFragments(text: string): string[] {
  const fragments: string[] = [];
  if (text.includes('eyJ') && /["'`]\s*\+/.test(text)) {
    const chain = /(["'`])([A-Za-z0-9_.-]*)\1(?:\s*\+\s*(["'`])[A-Za-z0-9_.-]*\3)+/g;
    for (const match of text.matchAll(chain)) {
      const pieces = [...match[0].matchAll(/(["'`])([A-Za-z0-9_.-]*)\1/g)].map((piece) => piece[2] as string);
      if (/eyJ[A-Za-z0-9_-]{8,}/.test(pieces.join(''))) fragments.push(...pieces.filter((piece) => piece.length >= 8));
    }
  }
  for (const block of text.matchAll(/-----BEGIN [A-Z ]*PRIVATE KEY-----([\s\S]*?)-----END [A-Z ]*PRIVATE KEY-----/g)) {
    for (const line of (block[1] as string).split(/\\n|\r?\n/)) {
      const body = line.replace(/^[\s"'`+]+|[\s"'`+,]+$/g, '');
      if (body.length >= 8) fragments.push(body);
    }
  }
  return fragments;
}
