// edge-function-env: an Edge Function reads SUPABASE_ANON_KEY / SUPABASE_SERVICE_ROLE_KEY from the runtime.
import { EDGE_RUNTIME_NAMES } from '../locations.js';
import type { Report, Rule } from './rule.js';
import { isEdgeRuntimeName } from './legacy-env-name.js';

export const edgeFunctionEnv: Rule = {
  meta: {
    id: 'edge-function-env',
    severity: 'error',
    fix: 'none',
    summary: 'an Edge Function reads SUPABASE_ANON_KEY/SUPABASE_SERVICE_ROLE_KEY from the runtime',
    description:
      'Edge Functions receive the new keys as JSON objects keyed by key name in SUPABASE_PUBLISHABLE_KEYS and ' +
      'SUPABASE_SECRET_KEYS. There is no injected SUPABASE_SECRET_KEY, so a bare rename breaks the function: ' +
      "read JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default instead.",
    legacyUse: true,
    blocksRotation: false,
    example: "Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!  ->  JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default",
  },
  check(file) {
    const reports: Report[] = [];
    for (const occurrence of file.occurrences) {
      if (!isEdgeRuntimeName(file, occurrence)) continue;
      if (occurrence.context === 'comment' || occurrence.context === 'jsx-text') continue;
      const name = occurrence.decision.name;
      const plural = EDGE_RUNTIME_NAMES[name] as string;
      reports.push({
        offset: occurrence.start,
        message:
          `Edge Functions get the new keys as JSON in \`${plural}\`: read ` +
          `\`JSON.parse(Deno.env.get('${plural}') ?? '{}').default\` instead of \`${name}\` (a bare rename reads a variable the platform does not set)`,
      });
    }
    return reports;
  },
};
