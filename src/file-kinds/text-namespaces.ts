// Keys of YAML mappings and JSON objects as namespaces: renaming two keys of one mapping into one name
// would write a duplicate key, so the collision check must see them (like .env keys and code members).
import type { Namespace } from './declarations.js';

const YAML_KEY_BEFORE = /^([ \t]*)(-[ \t]+)?(["']?)$/;

/** The mapping a YAML key at `start..end` belongs to, or undefined when the name is not a key there. */
export function yamlKeyNamespace(text: string, start: number, end: number): Namespace | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = YAML_KEY_BEFORE.exec(text.slice(lineStart, start));
  if (!before) return undefined;
  const quote = before[3] ?? '';
  if (!new RegExp(`^${quote}[ \\t]*:(\\s|$)`).test(text.slice(end, end + 4))) return undefined;
  const indent = (before[1] ?? '').length + (before[2] ?? '').length;
  const lines = text.split('\n');
  const lineIndex = text.slice(0, lineStart).split('\n').length - 1;
  const key = new RegExp(`^[ \\t]{${indent}}(?:-[ \\t]+)?(["']?)([^\\s"':#][^"':]*?)\\1[ \\t]*:(\\s|$)`);
  const names: string[] = [];
  let first = lineIndex;
  const indentOf = (line: string) => /^[ \t]*/.exec(line)?.[0].length ?? 0;
  const isContent = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');
  // Siblings: the lines around with the same indentation, up to a line indented less.
  while (first > 0 && !(isContent(lines[first - 1] as string) && indentOf(lines[first - 1] as string) < indent)) first--;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i] as string;
    if (i > lineIndex && isContent(line) && indentOf(line) < indent) break;
    const match = key.exec(line);
    if (match) names.push(match[2] as string);
  }
  return { id: `yaml@${first}:${indent}`, kind: 'strict', names };
}

/** The object a JSON key `"NAME":` belongs to, or undefined when the name is not a key there. */
export function jsonKeyNamespace(text: string, start: number, end: number): Namespace | undefined {
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
