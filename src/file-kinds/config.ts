// The config kind: a hosting or build tool's file (turbo.json, vercel.json, app.json, netlify/wrangler/fly.toml); the keys of its JSON objects.
import type { Namespace } from './declarations.js';
import type { KindModule } from './kind.js';

const CONFIG_FILES = new Set(['turbo.json', 'vercel.json', 'app.json', 'netlify.toml', 'wrangler.toml', 'fly.toml']);

export const configKind: KindModule<'config'> = {
  kind: 'config',
  matches: ({ basename }) => CONFIG_FILES.has(basename),
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
