// Names that cannot be renamed because two names would become one in a shared namespace.
import { decideName, type NameMap } from '../keys/names.js';
import type { ScannedFile } from '../file-kinds/scanned.js';

/**
 * Legacy names whose rename would merge two different names into one declaration (`{ SUPABASE_SERVICE_ROLE_KEY,
 * SUPABASE_SERVICE_KEY }`, two legacy keys of one .env file), with the reason. A name is renamed at
 * every site or at none, so a collision anywhere keeps the name everywhere. A legacy name beside its
 * own new name in a `merge` namespace is not a collision: that site is retired instead.
 */
export function findCollisions(files: readonly ScannedFile[], map: NameMap): Map<string, string> {
  const blocked = new Map<string, string>();
  for (const file of files) {
    const seen = new Set<string>();
    for (const occurrence of file.occurrences) {
      for (const namespace of occurrence.namespaces) {
        if (seen.has(namespace.id)) continue;
        seen.add(namespace.id);
        const byFinalName = new Map<string, Set<string>>();
        for (const name of namespace.names) {
          const decision = decideName(name, map);
          const finalName = decision?.kind === 'rename' ? decision.newName : name;
          byFinalName.set(finalName, (byFinalName.get(finalName) ?? new Set()).add(name));
        }
        for (const [finalName, names] of byFinalName) {
          if (names.size < 2 || (namespace.kind === 'merge' && names.has(finalName))) continue;
          const { line } = file.locate(occurrence.start);
          const listed = [...names].sort().map((name) => `\`${name}\``).join(' and ');
          for (const name of names) {
            if (name === finalName || blocked.has(name)) continue;
            blocked.set(name, `${listed} would both become \`${finalName}\` in ${file.path}:${line}; keep only one of them there first`);
          }
        }
      }
    }
  }
  return blocked;
}
