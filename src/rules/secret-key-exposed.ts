// secret-key-exposed: a secret/service_role key behind a public prefix, which ships it to browsers.
import { classifyValue, isPublicPrefix } from '../keys.js';
import type { Report, Rule } from './rule.js';

const ADVICE = 'use it only in server code under a name without the prefix (SUPABASE_SECRET_KEY), and rotate the key';

export const secretKeyExposed: Rule = {
  meta: {
    id: 'secret-key-exposed',
    severity: 'error',
    fix: 'none',
    summary: 'a secret/service_role key in a public env name or in browser code',
    description:
      'Bundlers inline variables with public prefixes (VITE_, NEXT_PUBLIC_, EXPO_PUBLIC_, PUBLIC_, …) into ' +
      'browser code, and a secret key used from a browser is refused with HTTP 401. The tool never renames a ' +
      'secret into another public name: move the call server-side, read the key under a name without the ' +
      'public prefix (SUPABASE_SECRET_KEY), and rotate the key, since it has been public.',
    legacyUse: false,
    blocksRotation: false,
    example: 'NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=…  ->  SUPABASE_SECRET_KEY=… read only in server code, and the key rotated',
  },
  check(file) {
    const reports: Report[] = [];
    const reported = new Set<number>();
    for (const occurrence of file.occurrences) {
      if (occurrence.decision.kind !== 'exposed') continue;
      reported.add(occurrence.start);
      reports.push({
        offset: occurrence.start,
        message: `\`${occurrence.decision.name}\` puts the service_role key behind a public prefix, so it ships to browsers: ${ADVICE}`,
      });
    }
    // By value: whatever the name says, a service_role JWT or a secret key under a public name is exposed.
    for (const entry of file.env ?? []) {
      if (reported.has(entry.keyStart) || !isPublicPrefix(entry.key)) continue;
      const kind = classifyValue(entry.value);
      if (kind !== 'legacy-service-role' && kind !== 'secret') continue;
      const what = kind === 'secret' ? 'a secret key' : 'a legacy service_role JWT';
      reports.push({ offset: entry.keyStart, message: `\`${entry.key}\` holds ${what} under a public name, so it ships to browsers: ${ADVICE}` });
    }
    return reports;
  },
};
