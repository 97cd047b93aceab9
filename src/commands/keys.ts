// `migrate-keys keys`: the project's API keys by type and name, values masked; --create fills in the new ones.
import type { Io } from './io.js';
import { createApiKey, listApiKeys, type ApiKey } from '../supabase/management/api.js';
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
  const keys = await listApiKeys(client, project.ref, true);
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
  if (print.format === 'json') {
    print.json({
      project: project.ref,
      projectSource: project.source,
      keys: all.map((key) => ({ id: key.id, type: key.type, name: key.name, value: maskedValue(key.apiKey) })),
      created: created.map((key) => ({ type: key.type, name: key.name })),
    });
    return 0;
  }
  print.out(`API keys of project ${project.ref} (from ${project.source}):\n`);
  const rows = all.map((key) => [key.type ?? '(unknown)', key.name, maskedValue(key.apiKey)] as const);
  const typeWidth = Math.max(4, ...rows.map((row) => row[0].length));
  const nameWidth = Math.max(4, ...rows.map((row) => row[1].length));
  if (rows.length === 0) print.out('  (none)\n');
  for (const [type, name, value] of rows) print.out(`  ${type.padEnd(typeWidth)}  ${name.padEnd(nameWidth)}  ${value}\n`);
  if (created.length > 0) print.out(`Created: ${created.map((key) => `${key.type} "${key.name}"`).join(', ')}.\n`);
  else if (flags.create) print.out('Nothing created: the project already has a publishable and a secret key.\n');
  else if (!NEW_TYPES.every((type) => keys.some((key) => key.type === type))) {
    print.out('The project lacks a publishable or a secret key: migrate-keys keys --create makes them (named "default").\n');
  }
  return 0;
}
