// What the scan finds in a file's text, whatever its kind: where migrated names stand, and what the kind's parse found.
// (scanned.ts adds the kind: the kinds' modules below the registry fill this in, and cannot name FileKind.)
import { lineStarts, positionAt, type Position } from '../core/positions.js';
import type { NameDecision } from '../keys/names.js';
import type { Namespace, Rebinding, TypeMember } from './declarations.js';
import type { Directive } from './directives.js';
import type { EnvEntry } from './env-entries.js';
import type { Scripts, SyntaxSite } from './parse.js';
import type { EnvDestructuring, EnvRead } from './reads.js';

type OccurrenceContext = SyntaxSite['context'] | 'markup' | 'env-key' | 'env-ref' | 'env-value' | 'text';

/** One place a migrated name appears: the unit every rule reasons about. */
export interface Occurrence {
  start: number;
  end: number;
  decision: NameDecision;
  context: OccurrenceContext;
  /** Read from the runtime's environment (`Deno.env.get('X')`, `process.env.X`, …). */
  runtimeRead: boolean;
  /** The namespaces the name is declared into here (keys, members, bindings), for collision checks. */
  namespaces: Namespace[];
  /** What to remove when the site's new name already stands beside it in a `merge` namespace. */
  retireSpan?: { start: number; end: number };
  /** The runtime read a transitional fallback wraps (code only). */
  read?: EnvRead;
  /** The specifier of a static env import, where a transitional run adds the new name. */
  staticImport?: { start: number };
  /** A name destructured from the runtime's env object, where a transitional run renames the key and reads the legacy name as the default. */
  destructured?: EnvDestructuring;
  /** The type member the name declares, beside which a transitional run adds the new one. */
  typeMember?: TypeMember;
  /** The binding of a renaming destructuring element (`{ KEY: NAME }`): renamed to KEY, it becomes the shorthand. */
  rebinding?: Rebinding;
  /**
   * Who reads the name itself here, so it keeps it (yaml: a self-hosted Supabase container's environment key, or a
   * `$NAME` of Kong's declarative config): e.g. "the `studio` service (supabase/studio)".
   */
  readBy?: string;
}

export interface ScannedText {
  /** Relative to the root, `/`-separated. */
  path: string;
  text: string;
  occurrences: Occurrence[];
  /** The entries of a .env file. */
  env?: EnvEntry[];
  /**
   * Set when the file (or one of its script blocks) has a syntax error: nothing in it is edited, unless its kind
   * renames as text (KindModule.renamesAsText: YAML), where the names are renamed all the same.
   */
  parseError?: { offset: number; message: string };
  /** Why the file is generated (a bundle, minified, linguist-generated): its names are reported, nothing in it is edited or parsed. */
  generated?: string;
  /** `migrate-keys-ignore` comments; the plan marks the ones that silence a finding. */
  directives: Directive[];
  locate(offset: number): Position;
  /** Its scripts' syntax trees: the scan and the rules parse them through here. */
  scripts: Scripts;
}

/** Line and column of an offset in `text`; the line starts are found on first use. */
export function locator(text: string): (offset: number) => Position {
  let starts: number[] | undefined;
  const hasBom = text.charCodeAt(0) === 0xfeff;
  return (offset) => positionAt((starts ??= lineStarts(text)), offset, hasBom);
}
