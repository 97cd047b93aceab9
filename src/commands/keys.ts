// `migrate-keys keys`: the project's API keys by type and name, values masked; --create fills in the new ones.
// It fills no value in anywhere, so it never asks the API to reveal one (--from-project does, key-sources.ts).
import type { Io } from './io.js';
import { createApiKey, legacyKeysEnabled, listApiKeys, type ApiKey } from '../supabase/management/api.js';
import { maskedValue } from '../keys/display.js';
import { ManagementError } from '../supabase/management/errors.js';
import { ManagementClient } from '../supabase/management/http.js';
import { formatOf, output } from './output.js';
import { resolveProjectRef } from '../supabase/management/project-ref.js';

export interface KeysFlags {
  projectRef?: string;
  create?: boolean;
  format?: unknown;
}

const NEW_TYPES = ['publishable', 'secret'] as const;

export async function keysCommand(io: Io, flags: KeysFlags): Promise<number> {
  const print = output(io, formatOf(flags.format));
  const client = new ManagementClient({ env: io.env });
  const project = await resolveProjectRef(io.cwd, flags.projectRef);
  const keys = await listApiKeys(client, project.ref, false);
  const legacy = await legacyStatus(client, project.ref);
  const created: ApiKey[] = [];
  if (flags.create) {
    for (const type of NEW_TYPES) {
      if (keys.some((key) => key.type === type)) continue;
      const key = await createApiKey(client, project.ref, type, 'default');
      if (key.type !== type) throw new ManagementError(`the Management API created a key of type ${String(key.type)} instead of ${type}`);
      created.push(key);
    }
  }
  const all = [...keys, ...created];
  // The list keeps the legacy keys once they are disabled: those are shown as such, with no value.
  const disabled = (key: ApiKey) => key.type === 'legacy' && legacy.enabled === false;
  if (print.format === 'json') {
    print.json({
      project: project.ref,
      projectSource: project.source,
      legacyKeysEnabled: legacy.enabled,
      keys: all.map((key) =>
        disabled(key)
          ? { id: key.id, type: key.type, name: key.name, value: '(not revealed)', disabled: true }
          : { id: key.id, type: key.type, name: key.name, value: shownValue(key.apiKey) },
      ),
      created: created.map((key) => ({ type: key.type, name: key.name })),
    });
    return 0;
  }
  print.out(`API keys of project ${project.ref} (from ${project.source}):\n`);
  const rows = all.map((key) => [key.type ?? '(unknown)', key.name, disabled(key) ? '(disabled)' : shownValue(key.apiKey)] as const);
  const typeWidth = Math.max(4, ...rows.map((row) => row[0].length));
  const nameWidth = Math.max(4, ...rows.map((row) => row[1].length));
  if (rows.length === 0) print.out('  (none)\n');
  for (const [type, name, value] of rows) print.out(`  ${type.padEnd(typeWidth)}  ${name.padEnd(nameWidth)}  ${value}\n`);
  print.out(`Legacy API keys (anon and service_role): ${legacy.enabled === null ? `status unknown (${legacy.why})` : legacy.enabled ? 'enabled' : 'disabled'}\n`);
  if (created.length > 0) print.out(`Created: ${created.map((key) => `${key.type} "${key.name}"`).join(', ')}.\n`);
  else if (flags.create) print.out('Nothing created: the project already has a publishable and a secret key.\n');
  else if (!NEW_TYPES.every((type) => keys.some((key) => key.type === type))) {
    print.out('The project lacks a publishable or a secret key: migrate-keys keys --create makes them (named "default").\n');
  }
  return 0;
}

/** The legacy keys' status, from `GET …/api-keys/legacy` only (the key list shows them either way); unknown when that fails. */
async function legacyStatus(client: ManagementClient, ref: string): Promise<{ enabled: boolean | null; why?: string }> {
  try {
    return { enabled: await legacyKeysEnabled(client, ref) };
  } catch (error) {
    if (!(error instanceof ManagementError)) throw error;
    return { enabled: null, why: error.message };
  }
}

/** A masked value; one the API masked itself (not revealed) is `(not revealed)`. */
function shownValue(value: string | null): string {
  const shown = maskedValue(value);
  return shown === '…[hidden]' ? '(not revealed)' : shown;
}
