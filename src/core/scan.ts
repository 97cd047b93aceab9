// Finds every occurrence of a migrated name in one file's text; the file's kind module (file-kinds/) tells what syntax each sits in.
import { findDirectives } from '../file-kinds/directives.js';
import { kindModule } from '../file-kinds/index.js';
import { isHistoryFile, isMigrationMention } from '../file-kinds/mentions.js';
import { Scripts } from '../file-kinds/parse.js';
import { locator, type Occurrence } from '../file-kinds/scanned-text.js';
import type { ScanInput, ScannedFile } from '../file-kinds/scanned.js';
import { decideName, nameHint, type NameMap } from '../keys/names.js';

const hints = new WeakMap<NameMap, RegExp>();

/** nameHint(map), made once per map (a run has one). */
function hintOf(map: NameMap): RegExp {
  let hint = hints.get(map);
  if (!hint) hints.set(map, (hint = nameHint(map)));
  return hint;
}

/**
 * Scans a text; `pattern` comes from `namePattern(map)` and is shared by the whole run. The trees the
 * scan parses stay in `scripts` for the rules, unless the caller has released them.
 */
export function scanFile(input: ScanInput, pattern: RegExp, map: NameMap, scripts = new Scripts(input.path, input.text)): ScannedFile {
  const { path, kind, text, generated } = input;
  const module = kindModule(kind);
  const locate = locator(text);

  const occurrences: Occurrence[] = [];
  // nameHint, led by literals, decides before the pattern runs: the pattern has no literal to search for.
  const names = module.searchesNames && hintOf(map).test(text) ? text.matchAll(pattern) : [];
  const context = module.context ?? 'text';
  for (const match of names) {
    const decision = decideName(match[0], map);
    if (!decision) continue;
    const start = match.index as number;
    occurrences.push({ start, end: start + match[0].length, decision, context, runtimeRead: false, namespaces: [] });
  }
  const directives = findDirectives(text, (offset) => locate(offset).line);
  const scanned: ScannedFile = { path, kind, text, occurrences, directives, locate, scripts, ...(generated && { generated }) };
  // A generated file is not parsed: its names are reported where they stand, and nothing in it is edited.
  if (!generated) module.scan?.(scanned, { pattern, map });
  // In code, `$` is an identifier character: `foo$SUPABASE_ANON_KEY` is another name.
  scanned.occurrences = scanned.occurrences.filter(
    (o) => o.context !== 'identifier' || (text[o.start - 1] !== '$' && text[o.end] !== '$'),
  );
  // Text about the migration (a name beside its new name, a search, an assertion of absence, history): no rule edits it.
  if (scanned.occurrences.length > 0) {
    const history = isHistoryFile(path, kind);
    scanned.occurrences = scanned.occurrences.filter((o) => !isMigrationMention(scanned, o, history));
  }
  return scanned;
}
