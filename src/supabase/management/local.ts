// The local stack's new keys (`supabase status -o env`) and which env files are for local development.
import { execFile } from 'node:child_process';
import { parse } from 'dotenv';
import { isNewKeyOfRole } from '../../keys/values.js';
import { hostedRefs, isTemplate, type EnvFile } from './env-scan.js';
import { ManagementError, redactedLine } from './errors.js';

export interface LocalStack {
  publishable: string;
  secret: string;
  /** The local API URL (`API_URL`), e.g. http://127.0.0.1:54321. */
  apiUrl: URL;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_API_URL = 'http://127.0.0.1:54321';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '0.0.0.0', '[::1]', 'host.docker.internal']);
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'`#]+/g;

/** Runs `supabase status -o env` in the root and returns its PUBLISHABLE_KEY and SECRET_KEY, checked for shape. */
export async function readLocalStack(root: string, env: NodeJS.ProcessEnv): Promise<LocalStack> {
  const timeout = Number(env.MIGRATE_KEYS_SUPABASE_TIMEOUT_MS) > 0 ? Number(env.MIGRATE_KEYS_SUPABASE_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile('supabase', ['status', '-o', 'env'], { cwd: root, env, timeout, maxBuffer: 1024 * 1024, windowsHide: true }, (error, out, err) => {
      if (!error) return resolve(out);
      const failure = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
      if (failure.code === 'ENOENT') {
        return reject(new ManagementError('--from-local: the Supabase CLI (supabase) is not on PATH: install it, or supply the keys with MIGRATE_KEYS_PUBLISHABLE_KEY / MIGRATE_KEYS_SECRET_KEY'));
      }
      if (failure.killed || failure.signal) return reject(new ManagementError(`--from-local: supabase status did not answer within ${timeout} ms`));
      const said = String(err).split('\n').map((line) => line.trim()).find((line) => line !== '') ?? `exit code ${String(failure.code)}`;
      reject(new ManagementError(`--from-local: supabase status failed (is the local stack running? supabase start): ${redactedLine(said, 160)}`));
    });
  });
  const values = parse(stdout);
  const key = (name: 'PUBLISHABLE_KEY' | 'SECRET_KEY', role: 'publishable' | 'secret', prefix: string): string => {
    const value = values[name]?.trim();
    if (value === undefined || value === '') {
      throw new ManagementError(`--from-local: supabase status printed no ${name} (the local stack has new keys since Supabase CLI 2.45.0: update the CLI)`);
    }
    if (!isNewKeyOfRole(value, role)) throw new ManagementError(`--from-local: the ${name} of supabase status is not a ${prefix}… key; it was not used`);
    return value;
  };
  const publishable = key('PUBLISHABLE_KEY', 'publishable', 'sb_publishable_');
  const secret = key('SECRET_KEY', 'secret', 'sb_secret_');
  let apiUrl: URL;
  try {
    apiUrl = new URL(values.API_URL?.trim() || DEFAULT_API_URL);
  } catch {
    apiUrl = new URL(DEFAULT_API_URL);
  }
  return { publishable, secret, apiUrl };
}

/**
 * A local-development env file points at the local stack (a loopback URL on the local API's port,
 * or the local CLI's demo JWTs) and at no hosted project (no https://<ref>.supabase.co URL, no
 * legacy JWT with a `ref` claim). Decided by content, not by name: a `.env.local` often holds a
 * hosted project's keys. Templates (`.env.example`, …) are never local-development files.
 */
export function isLocalEnvFile(file: EnvFile, apiUrl: URL): boolean {
  if (isTemplate(file.path)) return false;
  if (hostedRefs(file.text).length > 0 || file.values.some((value) => value.ref !== undefined)) return false;
  if (file.values.some((value) => value.kind === 'legacy-demo')) return true;
  const port = apiUrl.port || (apiUrl.protocol === 'https:' ? '443' : '80');
  for (const match of file.text.matchAll(URL_IN_TEXT)) {
    let url: URL;
    try {
      url = new URL(match[0]);
    } catch {
      continue;
    }
    if (LOOPBACK_HOSTS.has(url.hostname) && (url.port || (url.protocol === 'https:' ? '443' : '80')) === port) return true;
  }
  return false;
}
