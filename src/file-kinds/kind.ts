// What a file kind's module is: how a file of the kind is recognised by name, and how its text is scanned.
import type { NameMap } from '../keys/names.js';
import type { ScannedText } from './scanned-text.js';

/** A file's name, split once for every kind's test. */
interface FileName {
  /** Relative to the root, `/`-separated. */
  path: string;
  basename: string;
  /** Its last extension in lower case, dot included (`.ts`); '' when there is none. */
  extension: string;
}

/** The run's name search: `namePattern(map)` and the map it was made from. */
interface NameSearch {
  pattern: RegExp;
  map: NameMap;
}

/** One kind's module, listed in the registry (index.ts). */
export interface KindModule<Kind extends string> {
  kind: Kind;
  /** Whether a file is of this kind, by its name alone, before any byte is read; the registry asks in its order. */
  matches(name: FileName): boolean;
  /** Whether the scan searches the text for migrated names: a kind whose rules read the names themselves keeps them out. */
  searchesNames: boolean;
  /** README's "what it changes" table (`npm run docs`): the files of the kind, and what --write changes in them. */
  docs: { files: string; changes: string };
  /** What a name found in the text is until `scan` places it; 'text' when not said. */
  context?: 'identifier' | 'markup';
  /** The text holds shell commands: deploy commands and curl-style Bearer headers are read there. */
  holdsCommands?: true;
  /**
   * A key name is a token that never changes the structure of a text of this kind, so a file whose parse fails
   * (a Helm template, an unbalanced quote) is still renamed, as text; `scan` places the names without the parse.
   * Without it a parse error keeps the whole file as it is (code, markup: a name there may be an identifier the
   * parse must place). Kinds that set no parse error (dotenv, TOML, Dockerfile, shell) rename as text already.
   */
  renamesAsText?: true;
  /**
   * Parses the text (once) and places the names found: their syntax, namespaces, parse error. Called
   * for every scanned file of the kind, names found or not: a kind that parses only to place names
   * returns at once when there are none.
   */
  scan?(file: ScannedText, search: NameSearch): void;
}
