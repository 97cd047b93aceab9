// legacy-env-name: a legacy key name, renamed to its new name at every site that can be edited.
import { isEdgeFunctionFile, isMigrationFile, EDGE_RUNTIME_NAMES } from '../locations.js';
import type { Occurrence, ScannedFile } from '../scan.js';
import type { Report, Rule } from './rule.js';

export const legacyEnvName: Rule = {
  meta: {
    id: 'legacy-env-name',
    severity: 'error',
    fix: 'safe',
    summary: 'a legacy key name anywhere it can be renamed',
    description:
      'Names such as VITE_SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY belong to the legacy JWT keys. ' +
      'They are renamed to the publishable/secret names at every site at once: env reads, .env files, ' +
      'type declarations, schemas, imports, string lookups and docs, so no reader is left behind.',
  },
  check(file, context) {
    const migration = isMigrationFile(file.path);
    const reports: Report[] = [];
    for (const occurrence of file.occurrences) {
      const { decision } = occurrence;
      if (decision.kind !== 'rename' || isEdgeRuntimeName(file, occurrence)) continue;
      const rename = `\`${decision.name}\` is a legacy key name: rename it to \`${decision.newName}\``;
      const blocked = context.blocked.get(decision.name);
      if (blocked) {
        reports.push({ offset: occurrence.start, message: `\`${decision.name}\` is a legacy key name, not renamed: ${blocked}` });
      } else if (migration) {
        reports.push({ offset: occurrence.start, message: `${rename} in a new migration; applied migrations are history and are not edited` });
      } else if (file.parseError) {
        reports.push({ offset: occurrence.start, message: `${rename} (not renamed: the file could not be parsed)` });
      } else {
        reports.push({
          offset: occurrence.start,
          message: rename,
          fix: [{ start: occurrence.start, end: occurrence.end, text: decision.newName }],
        });
      }
    }
    return reports;
  },
};

/**
 * Inside Edge Function code the unprefixed legacy names are the runtime's own variables: a bare
 * rename reads a variable the platform never sets, so `edge-function-env` owns them.
 */
export function isEdgeRuntimeName(file: ScannedFile, occurrence: Occurrence): boolean {
  return (
    (file.kind === 'code' || file.kind === 'markup') &&
    isEdgeFunctionFile(file.path) &&
    Object.hasOwn(EDGE_RUNTIME_NAMES, occurrence.decision.name)
  );
}
