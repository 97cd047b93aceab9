// Bearer keys outside JS/TS, found by text: shell and CI commands, HTTP client files, Markdown code
// blocks, Python `requests`/`httpx` header dicts. The variable or literal after `Bearer` decides.
import { keyKindOfLiteral, keyKindOfName, type KeyKind } from './key-sources.js';

export interface TextSite {
  offset: number;
  kind: KeyKind;
  /** What carries the key, for the message: a variable name, or 'a key literal'. */
  via: string;
}

// Authorization: Bearer ${{ secrets.X }} | $X | ${X} | $(X) and $${X} (Makefiles) | {{X}},
// {{$dotenv X}}, {{$processEnv X}} (.http files) | a literal key
const HEADER =
  /Authorization:\s*Bearer\s+(?:\$\{\{\s*(?:secrets|vars|env)\.([A-Za-z_]\w*)\s*\}\}|\$\$?\{?([A-Za-z_]\w*)\}?|\$\(([A-Za-z_]\w*)\)|\{\{\s*(?:\$(?:dotenv|processEnv)\s+%?)?\$?([A-Za-z_][\w.]*)\s*\}\}|(eyJ[\w-]+\.[\w-]+\.[\w-]*|sb_(?:publishable|secret)_[\w-]{20,}))/gi;

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
    const kind = name ? shellKindOfName(name.split('.').pop() as string, text) : keyKindOfLiteral(match[5] as string);
    if (kind) sites.push({ offset: match.index as number, kind, via: name ? `\`${name}\`` : 'a key literal' });
  }
  return sites;
}

// The fields `supabase status` prints (-o json, -o env): the local stack's keys under names of their own.
const STATUS_FIELDS: Readonly<Record<string, KeyKind>> = {
  ANON_KEY: 'legacy anon',
  SERVICE_ROLE_KEY: 'legacy service_role',
  PUBLISHABLE_KEY: 'publishable',
  SECRET_KEY: 'secret',
};
const SUPABASE_STATUS = /\bsupabase\s+status\b/;

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
const PY_HEADER =
  /["']Authorization["']\s*:\s*(?:f["']Bearer\s+\{([^}]+)\}|["']Bearer\s*["']\s*\+\s*([\w.()[\]'"]+)|["']Bearer\s*(?:%s|\{\})["']\s*(?:%|\.format\()\s*\(?\s*([\w.()[\]'"]+?)\)?(?=[\s,}])|["']Bearer\s+([^"'{}%\s]+)["'])/g;
const PY_ENV_READ = /(?:os\.environ(?:\.get)?\s*[([]\s*|os\.getenv\(\s*|getenv\(\s*|config\(\s*)["']([A-Za-z_]\w*)["']/;

export function pythonBearerSites(text: string): TextSite[] {
  const sites: TextSite[] = [];
  for (const match of text.matchAll(PY_HEADER)) {
    if (inLineComment(text, match.index as number)) continue;
    const expression = ((match[1] ?? match[2] ?? match[3] ?? match[4]) as string).trim();
    const kind = pythonKind(expression, text);
    // A literal is named as one: its value is never shown.
    const literal = keyKindOfLiteral(expression.replace(/^["']|["']$/g, '')) !== undefined;
    if (kind) sites.push({ offset: match.index as number, kind, via: literal ? 'a key literal' : `\`${expression}\`` });
  }
  return sites;
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
