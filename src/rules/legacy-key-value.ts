// legacy-key-value: a legacy JWT stored in a .env file, under a legacy or a new-looking name.
import { decideName, isPublicPrefix, roleOfName, type KeyRole } from '../keys/names.js';
import { demoKeyRole } from '../keys/literals.js';
import type { SuppliedKeys } from '../keys/supplied.js';
import { classifyValue } from '../keys/values.js';
import type { EnvEntry } from '../file-kinds/env-entries.js';
import { retiredEntries } from './analysis/collisions.js';
import { REVOKE_LEGACY_JWT, REVOKE_LEGACY_JWT_SOURCES } from './leaks.js';
import type { Report, Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

const ROLE_OF: Readonly<Record<string, KeyRole>> = { 'legacy-anon': 'publishable', 'legacy-service-role': 'secret' };

export const legacyKeyValue: Rule = {
  meta: {
    id: 'legacy-key-value',
    severity: 'warning',
    fix: 'safe',
    summary: 'a legacy JWT stored under a new name or kept after a rename',
    description:
      'A legacy anon or service_role JWT keeps working under the new name until the legacy keys are ' +
      'deactivated, and then stops. Values are classified by content, so a legacy JWT stored under a ' +
      'new-looking name (VITE_SUPABASE_PUBLISHABLE_KEY=eyJ…) is found too. Supply the new keys ' +
      '(MIGRATE_KEYS_PUBLISHABLE_KEY / MIGRATE_KEYS_SECRET_KEY, or --publishable-key-from / ' +
      '--secret-key-from) and --write replaces the legacy values of the matching role.',
    legacyUse: true,
    blocksRotation: true,
    example: 'VITE_SUPABASE_PUBLISHABLE_KEY=eyJhbGci…[legacy anon JWT]  ->  VITE_SUPABASE_PUBLISHABLE_KEY=sb_publishable_…',
    sources: [
      cite(
        PAGES.migrating,
        'The legacy keys will be deprecated by the end of 2026; deactivate them only after nothing depends on them.',
      ),
      cite(PAGES.changelog, 'The anon and service_role keys can be disabled and re-enabled during the migration period.'),
      cite(
        PAGES.apiKeys,
        "The anon and service_role keys are JWTs based on the project's JWT secret: they can only be changed by rotating that secret. Use the " +
          'publishable and secret keys instead.',
      ),
      ...REVOKE_LEGACY_JWT_SOURCES,
    ],
    examples: [
      {
        title: 'A legacy anon JWT under the new name, with the new key supplied (MIGRATE_KEYS_PUBLISHABLE_KEY=sb_publishable_… migrate-keys --write)',
        file: '.env.local',
        before: 'VITE_SUPABASE_PUBLISHABLE_KEY=eyJhbGci…[legacy anon JWT]\n',
        after: 'VITE_SUPABASE_PUBLISHABLE_KEY=sb_publishable_…\n',
      },
      {
        title: 'A legacy name and value: --write renames the name (legacy-env-name) and replaces the value',
        file: '.env.local',
        before: 'SUPABASE_SERVICE_ROLE_KEY=eyJhbGci…[legacy service_role JWT]\n',
        after: 'SUPABASE_SECRET_KEY=sb_secret_…\n',
      },
    ],
  },
  check(file, context) {
    if (!file.env) return [];
    const retired = retiredEntries(file, context);
    const leaked = context.security.trackedKeyFiles.has(file.path);
    const reports: Report[] = [];
    for (const entry of file.env) {
      const kind = classifyValue(entry.value);
      if (kind === 'legacy-demo') {
        const report = retired.has(entry) ? undefined : demoValue(file.path, entry, context.supplied);
        if (report) reports.push(report);
        continue;
      }
      const role = ROLE_OF[kind];
      if (!role || retired.has(entry)) continue;
      // A service_role key behind a public name is secret-key-exposed's; replacing it would still expose it.
      if (role === 'secret' && (decideName(entry.key)?.kind === 'exposed' || isPublicPrefix(entry.key))) continue;
      const supplied = context.supplied[role];
      const label = role === 'publishable' ? 'legacy anon JWT' : 'legacy service_role JWT';
      const flag = role === 'publishable' ? 'MIGRATE_KEYS_PUBLISHABLE_KEY' : 'MIGRATE_KEYS_SECRET_KEY';
      const base = `\`${entry.key}\` holds a ${label}, which stops working when the legacy keys are deactivated`;
      const offset = entry.keyStart;
      // A service_role JWT in a file git tracks has leaked with the repository (issue 18, item 9).
      const leak = role === 'secret' && leaked ? `. Git tracks this file, so the key has leaked: ${REVOKE_LEGACY_JWT}` : '';
      const nameRole = roleOfName(entry.key);
      if (nameRole && nameRole !== role) {
        // The name and the value disagree: which key belongs here is for a person to say.
        reports.push({ offset, message: `${base}, under a ${nameRole} name: check which key belongs here${leak}` });
      } else if (!supplied) {
        reports.push({ offset, message: `${base}: supply the new ${role} key (${flag}) to replace it${leak}` });
      } else if (context.transitional && decideName(entry.key)?.kind === 'rename') {
        // The new value goes on the line added beside this one; a plain run removes this line.
        reports.push({ offset, message: `${base}: kept for the rollout beside its new name; once it is over, run without --transitional to remove it${leak}` });
      } else {
        reports.push({
          offset,
          message: `${base}: replace it with the new ${role} key${leak}`,
          fix: [{ start: entry.innerStart, end: entry.innerEnd, text: supplied }],
        });
      }
    }
    return reports;
  },
};

/**
 * The local CLI's demo JWTs (iss supabase-demo) are the local stack's legacy keys: kept after a rename, they are an
 * info (issue 18, item 8) whose fix is the local stack's new key of the same role, supplied by --from-local only.
 */
function demoValue(path: string, entry: EnvEntry, supplied: SuppliedKeys): Report | undefined {
  const role = demoKeyRole(entry.value.trim());
  if (!role) return undefined;
  // A secret behind a public name stays where it is, as for a hosted key: never a secret key under that name.
  if (role === 'secret' && (decideName(entry.key)?.kind === 'exposed' || isPublicPrefix(entry.key))) return undefined;
  const claim = role === 'publishable' ? 'anon' : 'service_role';
  const base = `\`${entry.key}\` holds the local CLI's demo ${claim} JWT (iss supabase-demo), a legacy key of the local stack`;
  const info = { offset: entry.keyStart, severity: 'info' as const, legacyUse: false, blocksRotation: false };
  const nameRole = roleOfName(entry.key);
  if (nameRole && nameRole !== role) return { ...info, message: `${base}, under a ${nameRole} name: check which key belongs here` };
  const local = supplied.localStack ? supplied[role] : undefined;
  if (local) {
    return { ...info, message: `${base}: replace it with the local stack’s ${role} key`, fix: [{ start: entry.innerStart, end: entry.innerEnd, text: local }] };
  }
  const command = `migrate-keys ${/^[\w./@+-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`} --write --from-local`;
  return { ...info, message: `${base}: with the local stack running (supabase start), run \`${command}\` to replace it with the local stack’s ${role} key` };
}
