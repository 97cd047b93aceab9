// The yaml kind (CI workflows, compose, Kubernetes, Cloud Build and hosting manifests): its parse error and its mappings' keys.
import { loadYaml } from '../core/libraries.js';
import type { Namespace } from './declarations.js';
import type { KindModule } from './kind.js';

export const yamlKind: KindModule<'yaml'> = {
  kind: 'yaml',
  matches: ({ extension }) => extension === '.yml' || extension === '.yaml',
  searchesNames: true,
  holdsCommands: true,
  // A name is a key or a scalar's text: renaming it never changes the document's structure, parsed or not.
  renamesAsText: true,
  scan(file) {
    if (file.occurrences.length === 0) return;
    const error = yamlError(file.text);
    if (error) file.parseError = error;
    for (const o of file.occurrences) o.namespaces = [yamlKeyNamespace(file.text, o.start, o.end)].filter((n) => n !== undefined);
  },
};

/** The first syntax error of a YAML text: reported; the names are renamed as text all the same (renamesAsText). */
function yamlError(text: string): { offset: number; message: string } | undefined {
  const { parseAllDocuments } = loadYaml();
  for (const document of parseAllDocuments(text)) {
    const [error] = 'errors' in document ? document.errors : [];
    if (error) return { offset: error.pos[0], message: error.message.split('\n')[0] as string };
  }
  return undefined;
}

const YAML_KEY_BEFORE = /^([ \t]*)(-[ \t]+)?(["']?)$/;

/**
 * The mapping a YAML key at `start..end` belongs to, or undefined when the name is not a key there:
 * renaming two keys of one mapping into one name would write a duplicate key, so the collision
 * check must see them (like .env keys and code members).
 */
function yamlKeyNamespace(text: string, start: number, end: number): Namespace | undefined {
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
