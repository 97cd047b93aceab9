// The python kind: names as text, and pydantic-settings fields, which name env variables in lower case.
import { decideName, type NameDecision, type NameMap } from '../keys/names.js';
import type { KindModule } from './kind.js';
import type { Occurrence } from './scanned-text.js';

export const pythonKind: KindModule<'python'> = {
  kind: 'python',
  matches: ({ extension }) => extension === '.py',
  searchesNames: true,
  scan(file, { pattern, map }) {
    file.occurrences.push(...lowerCaseNames(file.text, pattern, map));
  },
};

/**
 * pydantic-settings fields (`supabase_service_role_key: str`) read the env variable of the same name
 * in upper case: they, and every use of them, are renamed in lower case.
 */
function lowerCaseNames(text: string, pattern: RegExp, map: NameMap): Occurrence[] {
  // The same pattern without case, keeping only all-lower-case matches: the boundaries stay exact.
  const anyCase = new RegExp(pattern.source, 'gi');
  const found: Occurrence[] = [];
  for (const match of text.matchAll(anyCase)) {
    if (match[0] !== match[0].toLowerCase()) continue;
    const decision = decideName(match[0].toUpperCase(), map);
    if (!decision) continue;
    const start = match.index as number;
    const lowered: NameDecision =
      decision.kind === 'rename' ? { ...decision, name: match[0], newName: decision.newName.toLowerCase() } : { ...decision, name: match[0] };
    found.push({ start, end: start + match[0].length, decision: lowered, context: 'text', runtimeRead: false, namespaces: [] });
  }
  return found;
}
