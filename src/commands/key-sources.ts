// --from-project and --from-local: new key values for the .env policy, from the API or the local stack.
import { isPublicPrefix, type KeyRole } from '../keys/names.js';
import { isNewKeyOfRole } from '../keys/values.js';
import type { SuppliedKeys } from '../keys/supplied.js';
import { listApiKeys, type ApiKey } from '../supabase/management/api.js';
import { envFilesIn, type EnvValue } from '../supabase/management/env-scan.js';
import { ManagementError } from '../supabase/management/errors.js';
import { ManagementClient } from '../supabase/management/http.js';
import { isLocalEnvFile, readLocalStack } from '../supabase/management/local.js';
import { resolveProjectRef } from '../supabase/management/project-ref.js';

export interface KeySourceOptions {
  /** `--from-project [ref]`: true without a ref (discovered), the ref when given. */
  fromProject?: string | boolean;
  /** `--from-local`. */
  fromLocal?: boolean;
  root: string;
  /** The run's paths and ignore patterns: only the env files the run reads are checked. */
  paths: readonly string[];
  ignore: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Notes for stderr (masked by the caller). */
  note: (text: string) => void;
}

const ROLE_OF: Readonly<Record<string, KeyRole>> = { 'legacy-anon': 'publishable', 'legacy-service-role': 'secret' };
const OTHER_SOURCE: Readonly<Record<KeyRole, string>> = {
  publishable: 'MIGRATE_KEYS_PUBLISHABLE_KEY / --publishable-key-from',
  secret: 'MIGRATE_KEYS_SECRET_KEY / --secret-key-from',
};

/**
 * The supplied keys, completed from the project (`--from-project`) or the local stack
 * (`--from-local`). Refuses (throws) when the run would put those keys where they do not belong:
 * over a legacy JWT of another project, or, for the local stack's keys, outside local-development files.
 */
export async function withKeysFromSources(supplied: SuppliedKeys, options: KeySourceOptions): Promise<SuppliedKeys> {
  const { fromProject, fromLocal } = options;
  if (fromProject === undefined && !fromLocal) return supplied;
  const flag = fromLocal ? '--from-local' : '--from-project';
  if (fromProject !== undefined && fromLocal) {
    throw new ManagementError('--from-project and --from-local cannot be combined: run one on the hosted files and the other on the local ones');
  }
  for (const role of ['publishable', 'secret'] as const) {
    if (supplied[role] !== undefined) throw new ManagementError(`${flag} and ${OTHER_SOURCE[role]} both supply the ${role} key: use one`);
  }
  const files = await envFilesIn(options.root, options.paths, options.ignore);
  if (fromLocal) {
    const stack = await readLocalStack(options.root, options.env);
    const local = new Set(files.filter((file) => isLocalEnvFile(file, stack.apiUrl)).map((file) => file.path));
    refuseReplacing(files.flatMap((file) => file.values).filter((value) => !local.has(value.file)), ['publishable', 'secret'], (value) =>
      `${where(value)} is in a file not for local development (it points at a hosted project, or not at the local stack ${stack.apiUrl.origin})`,
    );
    options.note(`migrate-keys: new keys from the local stack (supabase status) for ${local.size === 0 ? 'no env file' : [...local].join(', ')}\n`);
    return { publishable: stack.publishable, secret: stack.secret, localStack: true };
  }

  const project = await resolveProjectRef(options.root, typeof fromProject === 'string' ? fromProject : undefined, '--from-project');
  const client = new ManagementClient({ env: options.env });
  const keys = await listApiKeys(client, project.ref, true);
  const result: SuppliedKeys = {};
  const picked: string[] = [];
  for (const role of ['publishable', 'secret'] as const) {
    const key = pick(keys, role, project.ref);
    if (!key) continue;
    result[role] = key.value;
    picked.push(`${role} "${key.name}"`);
  }
  if (picked.length === 0) {
    throw new ManagementError(`--from-project: project ${project.ref} has no publishable or secret key yet: create them with migrate-keys keys --create`);
  }
  const roles = Object.keys(result) as KeyRole[];
  refuseReplacing(files.flatMap((file) => file.values).filter((value) => value.ref !== project.ref), roles, (value) =>
    `${where(value)} belongs to ${value.ref ? `project ${value.ref}` : 'no hosted project'}`,
  );
  options.note(`migrate-keys: new keys from project ${project.ref} (${project.source}): ${picked.join(', ')}\n`);
  if (!result.secret) options.note(`migrate-keys: project ${project.ref} has no secret key: legacy service_role values stay as they are\n`);
  if (!result.publishable) options.note(`migrate-keys: project ${project.ref} has no publishable key: legacy anon values stay as they are\n`);
  return result;
}

/** The project's key of a role: the one named `default`, else the only one; its value checked for shape. */
function pick(keys: readonly ApiKey[], role: KeyRole, ref: string): { name: string; value: string } | undefined {
  const ofRole = keys.filter((key) => key.type === role);
  const key = ofRole.find((candidate) => candidate.name === 'default') ?? (ofRole.length === 1 ? ofRole[0] : undefined);
  if (!key) {
    if (ofRole.length === 0) return undefined;
    const names = ofRole.map((candidate) => `"${candidate.name}"`).join(', ');
    throw new ManagementError(
      `--from-project: project ${ref} has several ${role} keys (${names}) and none named "default": supply one with ${OTHER_SOURCE[role]}`,
    );
  }
  if (key.apiKey === null) throw new ManagementError(`--from-project: the Management API did not reveal the ${role} key "${key.name}" of project ${ref}`);
  const value = key.apiKey.trim();
  if (!isNewKeyOfRole(value, role)) {
    throw new ManagementError(`--from-project: the ${role} key "${key.name}" of project ${ref} is not a sb_${role}_… key; it was not used`);
  }
  return { name: key.name, value };
}

/** Throws when a legacy JWT that the supplied keys would replace is among the given values. */
function refuseReplacing(values: readonly EnvValue[], roles: readonly KeyRole[], why: (value: EnvValue) => string): void {
  const blocking = values.filter((value) => {
    const role = ROLE_OF[value.kind];
    // A service_role value behind a public name is reported, never replaced (secret-key-exposed).
    return role !== undefined && roles.includes(role) && !(role === 'secret' && isPublicPrefix(value.key));
  });
  if (blocking.length === 0) return;
  const listed = blocking.slice(0, 5).map(why).join('; ') + (blocking.length > 5 ? `; and ${blocking.length - 5} more` : '');
  throw new ManagementError(
    `refusing to put the new keys where they do not belong: ${listed}. Run on the right files only (migrate-keys <files> --write …) or skip the others with --ignore`,
  );
}

function where(value: EnvValue): string {
  const what = value.kind === 'legacy-anon' ? 'legacy anon JWT' : 'legacy service_role JWT';
  return `${value.file}:${value.line} (${value.key}, a ${what})`;
}
