// Test helpers for the Management API commands: the fake API in a child process, fake keys, a fake `supabase`.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, tempDir } from './repo.js';

const SERVER = fileURLToPath(new URL('./fake-api-server.mjs', import.meta.url));

/** Not in sbp_ form on purpose: the CLI must remove it by value, not by a pattern it happens to know. */
export const TOKEN = 'fake-access-token-Q7wX9zK2mN4pR8tV';
/** The project of examples/vite-react. */
export const REF = 'qwhzkrtplmxvbnasdfgh';
export const OTHER_REF = 'zyxwvutsrqponmlkjihg';
export const PUBLISHABLE = 'sb_publishable_FakeApiPublishable0123_ab-CD';
export const SECRET = 'sb_secret_FakeApiSecret0123456789_ab-CDef';
export const LOCAL_PUBLISHABLE = 'sb_publishable_LocalStackPublishable_0123-ab';
export const LOCAL_SECRET = 'sb_secret_LocalStackSecret0123456789_xy-Z';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A legacy-key-shaped JWT with the given claims and a signature no one issued. */
export function jwt(claims: Record<string, unknown>): string {
  return [b64({ alg: 'HS256', typ: 'JWT' }), b64({ iat: 1700000000, exp: 2000000000, ...claims }), 'bm90LWEtcmVhbC1zaWduYXR1cmUtZm9yLXRlc3Rz'].join('.');
}

const envLine = (text: string, name: string) => new RegExp(`^${name}="?([^"\\n]+)"?$`, 'm').exec(text)?.[1] ?? '';
const EXAMPLE_ENV = readFileSync(join(REPO_ROOT, 'examples/vite-react/.env'), 'utf8');
const EXAMPLE_ENV_LOCAL = readFileSync(join(REPO_ROOT, 'examples/vite-react/.env.local'), 'utf8');
const EXAMPLE_ANON = envLine(EXAMPLE_ENV, 'VITE_SUPABASE_ANON_KEY');
const EXAMPLE_SERVICE_ROLE = envLine(EXAMPLE_ENV_LOCAL, 'SUPABASE_SERVICE_ROLE_KEY');

interface KeyRecord {
  id: string | null;
  name: string;
  type: string | null;
  api_key: string | null;
}

const key = (type: string, name: string, value: string): KeyRecord => ({ id: `${type}-${name}-id`, name, type, api_key: value });
export const LEGACY_KEYS = [key('legacy', 'anon', EXAMPLE_ANON), key('legacy', 'service_role', EXAMPLE_SERVICE_ROLE)];
export const NEW_KEYS = [key('publishable', 'default', PUBLISHABLE), key('secret', 'default', SECRET)];

export interface ProjectState {
  keys: KeyRecord[];
  legacyEnabled: boolean;
}

interface Fault {
  method?: 'GET' | 'POST' | 'PUT';
  /** A substring of the request path. */
  path?: string;
  status?: number;
  delayMs?: number;
  retryAfter?: number;
  /** The error body quotes the request's Authorization header back. */
  echo?: boolean;
  /** This exact text is the answer, with `status` (default 200). */
  body?: string;
  /** A JSON answer of this many bytes (an empty array padded with blanks), streamed with `status` (default 200). */
  bodyBytes?: number;
  /** With bodyBytes: announce the size in Content-Length (otherwise the answer is chunked). */
  declareLength?: boolean;
  times: number;
}

interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  authorized: boolean;
  /** For a bodyBytes answer: the bytes the server handed to the connection before the client hung up. */
  sent?: number;
}

export interface FakeApi {
  url: string;
  /** The environment a CLI run needs to reach this server (fast retries, short timeout). */
  env: Record<string, string>;
  reset(projects?: Record<string, ProjectState>): Promise<void>;
  fault(...faults: Fault[]): Promise<void>;
  log(): Promise<LoggedRequest[]>;
  state(): Promise<Record<string, ProjectState>>;
  stop(): Promise<void>;
}

/** The default world: the example's project, with legacy and new keys, legacy keys enabled. */
export const defaultProjects = (): Record<string, ProjectState> => ({ [REF]: { keys: [...LEGACY_KEYS, ...NEW_KEYS], legacyEnabled: true } });

export async function startFakeApi(): Promise<FakeApi> {
  const child: ChildProcessByStdio<Writable, Readable, null> = spawn(process.execPath, [SERVER], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, FAKE_API_TOKEN: TOKEN },
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve((JSON.parse(buffered.slice(0, newline)) as { port: number }).port);
    });
    child.on('exit', (code) => reject(new Error(`fake API server exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(url + path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return response.status === 204 ? undefined : ((await response.json()) as unknown);
  };
  return {
    url,
    env: { SUPABASE_API_URL: url, SUPABASE_ACCESS_TOKEN: TOKEN, MIGRATE_KEYS_HTTP_RETRY_DELAY_MS: '5', MIGRATE_KEYS_HTTP_TIMEOUT_MS: '5000' },
    reset: async (projects = defaultProjects()) => void (await call('PUT', '/__control/state', projects)),
    fault: async (...faults) => void (await call('POST', '/__control/faults', faults)),
    log: async () => (await call('GET', '/__control/log')) as LoggedRequest[],
    state: async () => (await call('GET', '/__control/state')) as Record<string, ProjectState>,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** A folder holding a fake `supabase` executable for `supabase status -o env`; put it first on PATH. */
export function fakeSupabaseBin(mode: 'ok' | 'down' | 'wrong-shape' | 'old' = 'ok'): string {
  const dir = tempDir('migrate-keys-bin-');
  const demo = jwt({ iss: 'supabase-demo', role: 'anon' });
  const publishable = mode === 'wrong-shape' ? jwt({ iss: 'supabase', ref: REF, role: 'anon' }) : LOCAL_PUBLISHABLE;
  const keys = mode === 'old' ? '' : `PUBLISHABLE_KEY="${publishable}"\nSECRET_KEY="${LOCAL_SECRET}"\n`;
  const script = `#!/bin/sh
if [ "$*" != "status -o env" ]; then echo "unexpected arguments: $*" >&2; exit 64; fi
${mode === 'down' ? 'echo "failed to inspect container health: supabase start is not running." >&2; exit 1' : ''}
cat <<'EOT'
ANON_KEY="${demo}"
API_URL="http://127.0.0.1:54321"
DB_URL="postgresql://postgres:postgres@127.0.0.1:54322/postgres"
${keys}EOT
`;
  writeFileSync(join(dir, 'supabase'), script);
  chmodSync(join(dir, 'supabase'), 0o755);
  return dir;
}

/** Every secret a test world holds: none may appear in any output. */
export function secretsOfTheWorld(extra: readonly string[] = []): string[] {
  return [TOKEN, PUBLISHABLE, SECRET, LOCAL_PUBLISHABLE, LOCAL_SECRET, EXAMPLE_ANON, EXAMPLE_SERVICE_ROLE, ...extra];
}
