// The config kind: a hosting or build tool's file (turbo.json, vercel.json, app.json, netlify/wrangler/fly.toml); the keys of its JSON objects.
import type { Namespace } from './declarations.js';
import type { KindModule } from './kind.js';

const CONFIG_FILES = new Set(['turbo.json', 'vercel.json', 'app.json', 'netlify.toml', 'wrangler.toml', 'fly.toml']);

/** VS Code's launch configurations: a run's `env` and `args` (`--dart-define=NAME=…`) name the variables the code reads. */
const isLaunchConfig = (path: string): boolean => path === '.vscode/launch.json' || path.endsWith('/.vscode/launch.json');

export const configKind: KindModule<'config'> = {
  kind: 'config',
  docs: {
    files: "`vercel.json`, `turbo.json`, `app.json`, `netlify.toml`, `wrangler.toml`, `fly.toml`, VS Code's `launch.json`, JSON files of `--dart-define-from-file` defines",
    changes: 'the keys of their JSON objects and TOML tables, `--dart-define=X` arguments',
  },
  matches: ({ basename, path }) => CONFIG_FILES.has(basename) || isLaunchConfig(path),
  searchesNames: true,
  scan(file) {
    if (file.occurrences.length === 0 || !file.path.endsWith('.json')) return;
    for (const o of file.occurrences) o.namespaces = [jsonKeyNamespace(file.text, o.start, o.end)].filter((n) => n !== undefined);
  },
};

/**
 * The object a JSON key `"NAME":` belongs to, or undefined when the name is not a key there: renaming
 * two keys of one object into one name would write a duplicate key, so the collision check must see them.
 */
function jsonKeyNamespace(text: string, start: number, end: number): Namespace | undefined {
  if (text[start - 1] !== '"' || !/^"\s*:/.test(text.slice(end, end + 8))) return undefined;
  // Back to the brace that opens the enclosing object, skipping nested objects and arrays.
  let depth = 0;
  let open = -1;
  for (let i = start - 2; i >= 0; i--) {
    const c = text[i];
    if (c === '}' || c === ']') depth++;
    else if (c === '{' || c === '[') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return undefined;
  const names: string[] = [];
  depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) break;
      if (depth === 0 && /^\s*:/.test(text.slice(close + 1, close + 8))) names.push(text.slice(i + 1, close));
      i = close;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    }
  }
  return { id: `json@${open}`, kind: 'strict', names };
}

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * A JSON file of build-time defines, by its content (issue 23): one flat object whose keys are all env-style names and
 * whose values are all strings, numbers or booleans — what `flutter run --dart-define-from-file=config/dev.json` reads,
 * each key a `String.fromEnvironment` name. Its keys are renamed with the code that reads them, as a config file's are.
 * Asked only of a `.json` file that the text kind claimed and that holds a name the run renames.
 */
export function isDefinesFile(text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const entries = Object.entries(parsed);
  return entries.length > 0 && entries.every(([key, value]) => ENV_NAME.test(key) && ['string', 'number', 'boolean'].includes(typeof value));
}
