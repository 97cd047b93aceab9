// The Management API endpoints migrate-keys uses, with their answers checked for shape (research §5).
import { ManagementError } from './errors.js';
import type { ManagementClient } from './http.js';

type ApiKeyType = 'legacy' | 'publishable' | 'secret';

/** One `ApiKeyResponse`: the value stays in memory only, and is masked wherever it is shown. */
export interface ApiKey {
  id: string | null;
  name: string;
  type: ApiKeyType | null;
  apiKey: string | null;
}

const TYPES: readonly string[] = ['legacy', 'publishable', 'secret'];

const keysPath = (ref: string) => `/v1/projects/${encodeURIComponent(ref)}/api-keys`;
const notFound = (ref: string) => `project ${ref} was not found (HTTP 404): check the project ref and that the token's account can see it`;
const legacyNotFound = (ref: string) =>
  `project ${ref} or the legacy-keys endpoint was not found (HTTP 404): check the project ref; Supabase has announced that this endpoint will be removed`;

/**
 * `GET /v1/projects/{ref}/api-keys`, with `reveal=true` only when asked: that is what puts the
 * secret values in the answer (supabase/supabase#49797), so only a caller that fills a value in
 * asks for it. Without it the API masks the secret values, and they are shown as `(not revealed)`.
 * The list also holds the legacy keys when they are disabled: their status is `legacyKeysEnabled`'s.
 */
export async function listApiKeys(client: ManagementClient, ref: string, reveal: boolean): Promise<ApiKey[]> {
  const action = `list the API keys of project ${ref}`;
  const query = reveal ? { query: { reveal: 'true' } } : {};
  const body = await client.request({ method: 'GET', path: keysPath(ref), ...query, action, notFound: notFound(ref) });
  if (!Array.isArray(body)) throw unexpected(action);
  return body.map((item) => toApiKey(item, action));
}

/** `POST /v1/projects/{ref}/api-keys` with `{"type", "name"}`. */
export async function createApiKey(client: ManagementClient, ref: string, type: 'publishable' | 'secret', name: string): Promise<ApiKey> {
  const action = `create a ${type} key named "${name}" in project ${ref}`;
  const body = await client.request({ method: 'POST', path: keysPath(ref), body: { type, name }, action, notFound: notFound(ref) });
  return toApiKey(body, action);
}

/** `GET /v1/projects/{ref}/api-keys/legacy`: whether the legacy anon and service_role keys are enabled. */
export async function legacyKeysEnabled(client: ManagementClient, ref: string): Promise<boolean> {
  const action = `read whether the legacy API keys of project ${ref} are enabled`;
  const body = await client.request({ method: 'GET', path: `${keysPath(ref)}/legacy`, action, notFound: legacyNotFound(ref) });
  return enabledOf(body, action);
}

/** `PUT /v1/projects/{ref}/api-keys/legacy?enabled=…`; the state the API reports afterwards. */
export async function setLegacyKeysEnabled(client: ManagementClient, ref: string, enabled: boolean): Promise<boolean> {
  const action = `${enabled ? 'enable' : 'disable'} the legacy API keys of project ${ref}`;
  const body = await client.request({
    method: 'PUT',
    path: `${keysPath(ref)}/legacy`,
    query: { enabled: String(enabled) },
    action,
    notFound: legacyNotFound(ref),
  });
  // An empty answer is taken as done; one that says otherwise is reported.
  if (body === undefined) return enabled;
  const now = enabledOf(body, action);
  if (now !== enabled) throw new ManagementError(`cannot ${action}: the Management API reports them still ${now ? 'enabled' : 'disabled'}`);
  return now;
}

function enabledOf(body: unknown, action: string): boolean {
  const enabled = (body as { enabled?: unknown } | null)?.enabled;
  if (typeof enabled !== 'boolean') throw unexpected(action);
  return enabled;
}

function toApiKey(item: unknown, action: string): ApiKey {
  if (typeof item !== 'object' || item === null) throw unexpected(action);
  const { id, name, type, api_key: apiKey } = item as Record<string, unknown>;
  if (typeof name !== 'string') throw unexpected(action);
  if (type !== null && type !== undefined && !(typeof type === 'string' && TYPES.includes(type))) throw unexpected(action);
  if (apiKey !== null && apiKey !== undefined && typeof apiKey !== 'string') throw unexpected(action);
  return {
    id: typeof id === 'string' ? id : null,
    name,
    type: (type ?? null) as ApiKeyType | null,
    apiKey: (apiKey ?? null) as string | null,
  };
}

function unexpected(action: string): ManagementError {
  return new ManagementError(`cannot ${action}: the Management API answered in an unexpected shape`);
}
