// The python kind: names as text, and pydantic-settings fields, which name env variables in lower case.
import { decideName, isCanonicalName, type NameDecision, type NameMap } from '../keys/names.js';
import type { KindModule } from './kind.js';
import type { Occurrence } from './scanned-text.js';

export const pythonKind: KindModule<'python'> = {
  kind: 'python',
  docs: {
    files: 'Python',
    changes: '`os.environ[…]`, `os.getenv(…)`, pydantic-settings fields (lower case, `env_prefix`), `st.secrets[…]`',
  },
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

/** A field of a pydantic-settings class that its env_prefix ties to a renamed variable. */
interface PrefixedField {
  name: string;
  newName: string;
  /** The variable it reads (`SUPABASE_SERVICE_ROLE_KEY`). */
  variable: string;
  decision: NameDecision;
  declarations: number[];
  /** Why it keeps its name (another field of its class takes the new name): reported at every site of the field. */
  kept?: string;
}

/** What a file's classes declare: the prefixed fields that move, and every field name any class keeps. */
interface DeclaredFields {
  renamed: Map<string, PrefixedField>;
  /** Field names declared and kept (no prefix, a prefix that makes no legacy name, an alias), with a declaration. */
  kept: Map<string, number>;
}

/**
 * Fields of a pydantic-settings class with an `env_prefix` read `<PREFIX><FIELD>` (case-insensitive, pydantic's
 * default): with `env_prefix="SUPABASE_"`, `service_role_key: str` reads SUPABASE_SERVICE_ROLE_KEY. When that name
 * is renamed and the new one keeps the prefix, the field becomes the rest of the new name in lower case
 * (`secret_key`), at its declaration and at every `.field` use in the file, so the settings and the env file stay
 * in step (the uses in other modules: linkPythonFields). A field with an alias names its variable itself (the prefix
 * does not apply); a class that declares the new field already is left as it is; a field name that another class of
 * the file declares and keeps, or renames otherwise, is left as it is everywhere: its uses could be either's. Two
 * fields of one class that would both become the new field (`service_key`, `service_role_key`): the canonical one
 * moves, the alias keeps its name with a finding (SPEC §2, one namespace).
 */
function prefixedFields(text: string, map: NameMap): Occurrence[] {
  if (!text.includes('env_prefix')) return [];
  const { renamed } = declaredFields(text, map);
  const found: Occurrence[] = [];
  for (const [name, { decision, declarations }] of renamed) {
    for (const start of [...declarations, ...attributeUses(text, name)]) found.push(fieldOccurrence(start, decision));
  }
  return found.sort((a, b) => a.start - b.start);
}

function fieldOccurrence(start: number, decision: NameDecision): Occurrence {
  return { start, end: start + decision.name.length, decision, context: 'text', runtimeRead: false, namespaces: [] };
}

/** Where `.name` is read as an attribute. */
function attributeUses(text: string, name: string): number[] {
  return [...text.matchAll(new RegExp(`\\.[ \\t]*(${name})(?![A-Za-z0-9_])`, 'g'))].map((m) => (m.index as number) + m[0].length - name.length);
}

function declaredFields(text: string, map: NameMap): DeclaredFields {
  const renamed = new Map<string, PrefixedField>();
  const kept = new Map<string, number>();
  for (const body of classBodies(text)) {
    const prefix = ENV_PREFIX.exec(body.text)?.[2]?.toUpperCase() ?? '';
    const moving: PrefixedField[] = [];
    for (const field of body.fields) {
      const variable = `${prefix}${field.name.toUpperCase()}`;
      const decision = prefix === '' || field.aliased ? undefined : decideName(variable, map);
      const newName = decision?.kind === 'rename' && decision.newName.startsWith(prefix) ? decision.newName.slice(prefix.length).toLowerCase() : undefined;
      // A class that declares the new field already reads both variables (a transitional class): it stays as it is.
      const declared = newName !== undefined && body.fields.some((other) => other.name === newName);
      if (!decision || newName === undefined || declared || !/^[a-z_][a-z0-9_]*$/.test(newName)) {
        if (!kept.has(field.name)) kept.set(field.name, field.start);
        continue;
      }
      moving.push({ name: field.name, newName, variable, decision: { ...decision, name: field.name, newName } as NameDecision, declarations: [field.start] });
    }
    // Two fields of this class that would become one: the canonical name moves, the other keeps its name.
    for (const field of moving) {
      const rivals = moving.filter((other) => other.newName === field.newName && other !== field);
      const canonical = isCanonicalName(field.variable) && rivals.every((other) => !isCanonicalName(other.variable));
      if (rivals.length > 0 && !canonical) {
        const keeper = rivals.find((other) => isCanonicalName(other.variable))?.name ?? rivals[0]?.name;
        field.kept =
          `this class also declares \`${keeper}\`, which becomes \`${field.newName}\`, and one class cannot declare \`${field.newName}\` twice: ` +
          `merge \`${field.name}\` into \`${field.newName}\` by hand (one field reading ${field.variable.slice(0, -field.name.length)}${field.newName.toUpperCase()}) and read \`${field.newName}\` where \`${field.name}\` was read`;
      }
    }
    for (const field of moving) {
      const known = renamed.get(field.name);
      if (!known) renamed.set(field.name, field);
      else if (known.newName !== field.newName) kept.set(field.name, field.declarations[0] as number);
      else {
        known.declarations.push(...field.declarations);
        known.kept ??= field.kept;
      }
    }
  }
  for (const name of kept.keys()) renamed.delete(name);
  return { renamed, kept };
}

/** A scanned file as linkPythonFields reads and extends it. */
interface PythonModule {
  path: string;
  kind: string;
  text: string;
  occurrences: Occurrence[];
  locate(offset: number): { line: number };
}

/** Why a site keeps its name, when it is a prefixed field that cannot move; undefined otherwise. */
export type KeptField = (file: { path: string }, occurrence: Occurrence) => string | undefined;

/**
 * The whole run's prefixed fields (SPEC §2: a name moves at every site or at none). A field renamed in its own module
 * is read as `settings.service_role_key` in others, where the rename would otherwise leave an AttributeError. A
 * module that imports the settings module (`from app.config import settings`, `from ..config import Settings`,
 * `import app.config as cfg`) has its every `.field` read renamed too, as the settings module's own are: the field
 * names are Supabase's key names (`service_role_key`, `anon_key`), and the settings object reaches its readers in too
 * many shapes (a getter, a dependency, a nested model) to follow it. A `.field` read in a module that does not import
 * it, or a class of another module that declares the same field and keeps it, could be anyone's: then the field keeps
 * its name at every site, with a finding that names the other site and what to rename by hand.
 *
 * Adds the occurrences of the importing modules' reads to those modules, and answers which sites keep their name.
 */
export function linkPythonFields(files: readonly PythonModule[], map: NameMap): KeptField {
  const modules = files.filter((file) => file.kind === 'python');
  const declared = new Map<PythonModule, DeclaredFields>();
  for (const module of modules) declared.set(module, declaredFields(module.text, map));
  const kept = new Map<string, Map<number, string>>();
  const keep = (module: PythonModule, starts: readonly number[], reason: string) => {
    const byStart = kept.get(module.path) ?? new Map<number, string>();
    kept.set(module.path, byStart);
    for (const start of starts) if (!byStart.has(start)) byStart.set(start, reason);
  };
  // Each field name with the modules whose settings classes rename it.
  const owners = new Map<string, PythonModule[]>();
  for (const [module, { renamed }] of declared) {
    for (const [name, field] of renamed) {
      if (field.kept) keep(module, [...field.declarations, ...attributeUses(module.text, name)], field.kept);
      else owners.set(name, [...(owners.get(name) ?? []), module]);
    }
  }
  for (const [name, owning] of owners) {
    const fields = owning.map((module) => declared.get(module)?.renamed.get(name) as PrefixedField);
    const first = fields[0] as PrefixedField;
    const links: { module: PythonModule; starts: number[] }[] = [];
    let other: string | undefined;
    if (fields.some((field) => field.newName !== first.newName)) other = `${owning[1]?.path} renames it otherwise`;
    for (const module of modules) {
      if (other) break;
      if (owning.includes(module)) continue;
      const declaration = declared.get(module)?.kept.get(name);
      if (declaration !== undefined) {
        other = `${module.path}:${module.locate(declaration).line} declares a field \`${name}\` of its own`;
        break;
      }
      const uses = attributeUses(module.text, name);
      if (uses.length === 0) continue;
      if (owning.some((owner) => importsModule(module.path, module.text, owner.path))) links.push({ module, starts: uses });
      else other = `${module.path}:${module.locate(uses[0] as number).line} reads \`.${name}\` on an object not imported from ${owning.map((o) => o.path).join(' or ')}`;
    }
    if (other) {
      const reason =
        `this pydantic-settings field reads ${first.variable} (its class's env_prefix), which the env files now name ${first.variable.slice(0, -name.length)}${first.newName.toUpperCase()}, ` +
        `and ${other}: rename the field to \`${first.newName}\` and every read of it (there too, when it is this field) by hand`;
      for (const module of owning) {
        const field = declared.get(module)?.renamed.get(name) as PrefixedField;
        keep(module, [...field.declarations, ...attributeUses(module.text, name)], reason);
      }
      continue;
    }
    for (const { module, starts } of links) {
      const taken = new Set(module.occurrences.map((o) => o.start));
      module.occurrences.push(...starts.filter((start) => !taken.has(start)).map((start) => fieldOccurrence(start, first.decision)));
      module.occurrences.sort((a, b) => a.start - b.start);
    }
  }
  return (file, occurrence) => kept.get(file.path)?.get(occurrence.start);
}

// `from .config import a, b` / `from app.config import (a, b)` and `import app.config as cfg, os`.
const FROM_IMPORT = /^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)/gm;
const IMPORT = /^[ \t]*import[ \t]+([^\n#]+)/gm;

/** Whether the module at `path` imports the module at `target` (absolute from any source root, or relative). */
function importsModule(path: string, text: string, target: string): boolean {
  const dotted = target.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').join('.');
  const names: string[] = [];
  for (const match of text.matchAll(FROM_IMPORT)) {
    const dots = (match[1] as string).length;
    let base = match[2] as string;
    if (dots > 0) {
      const folders = path.split('/').slice(0, -1);
      if (dots - 1 > folders.length) continue;
      base = [...folders.slice(0, folders.length - (dots - 1)), ...(base ? [base] : [])].join('.');
    }
    names.push(base);
    for (const imported of (match[3] as string).replace(/[()]/g, '').split(',')) {
      const name = imported.trim().split(/\s+/)[0];
      if (name) names.push(base ? `${base}.${name}` : name);
    }
  }
  for (const match of text.matchAll(IMPORT)) {
    for (const imported of (match[1] as string).split(',')) {
      const name = imported.trim().split(/\s+/)[0];
      if (name) names.push(name);
    }
  }
  return names.some((name) => name !== '' && (dotted === name || dotted.endsWith(`.${name}`)));
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
