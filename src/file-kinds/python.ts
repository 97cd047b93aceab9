// The python kind: names as text, and pydantic-settings fields, which name env variables in lower case.
import { decideName, type NameDecision, type NameMap } from '../keys/names.js';
import type { KindModule } from './kind.js';
import type { Occurrence } from './scanned-text.js';

export const pythonKind: KindModule<'python'> = {
  kind: 'python',
  matches: ({ extension }) => extension === '.py',
  searchesNames: true,
  scan(file, { pattern, map }) {
    const lowerCase = lowerCaseNames(file.text, pattern, map);
    const taken = new Set(lowerCase.map((o) => o.start));
    file.occurrences.push(...lowerCase, ...prefixedFields(file.text, map).filter((o) => !taken.has(o.start)));
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

// A class statement (its indentation in group 1), and a class body's env_prefix in any of its spellings:
// `SettingsConfigDict(env_prefix="APP_")`, `model_config = {"env_prefix": "APP_"}`, v1's `class Config: env_prefix = "APP_"`.
const CLASS = /^([ \t]*)class[ \t]+\w+[^\n]*:[ \t]*(?:#[^\n]*)?$/gm;
const ENV_PREFIX = /["']?env_prefix["']?\s*[=:]\s*(["'])([A-Za-z0-9_]*)\1/;

/**
 * Fields of a pydantic-settings class with an `env_prefix` read `<PREFIX><FIELD>` (case-insensitive, pydantic's
 * default): with `env_prefix="SUPABASE_"`, `service_role_key: str` reads SUPABASE_SERVICE_ROLE_KEY. When that name
 * is renamed and the new one keeps the prefix, the field becomes the rest of the new name in lower case
 * (`secret_key`), at its declaration and at every `.field` use in the file, so the settings and the env file stay
 * in step. A field with an alias names its variable itself (the prefix does not apply); a class that declares the new
 * field already is left as it is; a field name that another class of the file declares and keeps, or renames
 * otherwise, is left as it is everywhere: its uses could be either's.
 */
function prefixedFields(text: string, map: NameMap): Occurrence[] {
  if (!text.includes('env_prefix')) return [];
  const renamed = new Map<string, { newName: string; decision: NameDecision; declarations: number[] }>();
  const kept = new Set<string>();
  for (const body of classBodies(text)) {
    const prefix = ENV_PREFIX.exec(body.text)?.[2]?.toUpperCase() ?? '';
    for (const field of body.fields) {
      const decision = prefix === '' || field.aliased ? undefined : decideName(`${prefix}${field.name.toUpperCase()}`, map);
      const newName = decision?.kind === 'rename' && decision.newName.startsWith(prefix) ? decision.newName.slice(prefix.length).toLowerCase() : undefined;
      // A class that declares the new field already reads both variables (a transitional class): it stays as it is.
      const declared = newName !== undefined && body.fields.some((other) => other.name === newName);
      if (!decision || newName === undefined || declared || !/^[a-z_][a-z0-9_]*$/.test(newName)) {
        kept.add(field.name);
        continue;
      }
      const known = renamed.get(field.name);
      if (known && known.newName !== newName) kept.add(field.name);
      else if (known) known.declarations.push(field.start);
      else renamed.set(field.name, { newName, decision: { ...decision, name: field.name, newName } as NameDecision, declarations: [field.start] });
    }
  }
  const found: Occurrence[] = [];
  for (const [name, { decision, declarations }] of renamed) {
    if (kept.has(name)) continue;
    const uses = [...text.matchAll(new RegExp(`\\.[ \\t]*(${name})(?![A-Za-z0-9_])`, 'g'))].map((m) => (m.index as number) + m[0].length - name.length);
    for (const start of [...declarations, ...uses]) found.push({ start, end: start + name.length, decision, context: 'text', runtimeRead: false, namespaces: [] });
  }
  return found.sort((a, b) => a.start - b.start);
}

interface ClassBody {
  text: string;
  /** Annotated names at the body's own indentation (`name: type`, `name: type = default`). */
  fields: { name: string; start: number; aliased: boolean }[];
}

/** Each class's body: the lines after its statement indented deeper than it (blank lines and comments included). */
function classBodies(text: string): ClassBody[] {
  const bodies: ClassBody[] = [];
  for (const match of text.matchAll(CLASS)) {
    const indent = (match[1] as string).length;
    let end = (match.index as number) + match[0].length;
    let fieldIndent: number | undefined;
    const fields: ClassBody['fields'] = [];
    while (end < text.length) {
      const lineEnd = text.indexOf('\n', end + 1) < 0 ? text.length : text.indexOf('\n', end + 1);
      const line = text.slice(end + 1, lineEnd);
      const lineIndent = line.length - line.trimStart().length;
      if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
        if (lineIndent <= indent) break;
        fieldIndent ??= lineIndent;
        const field = lineIndent === fieldIndent ? /^([a-z_][A-Za-z0-9_]*)[ \t]*:(?!=)/.exec(line.slice(lineIndent)) : null;
        if (field) fields.push({ name: field[1] as string, start: end + 1 + lineIndent, aliased: /\b(?:validation_)?alias\s*=|\benv\s*=/.test(line) });
      }
      end = lineEnd;
    }
    bodies.push({ text: text.slice(match.index as number, end), fields });
  }
  return bodies;
}
