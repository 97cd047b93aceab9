// New key values supplied by the user: from the environment or a file (or stdin), never from argv.
import { readFileSync } from 'node:fs';
import { type KeyRole } from './names.js';
import { classifyValue } from './values.js';

/**
 * New key values given by the user (environment or files, never argv), by role. `localStack`: they are the local
 * stack's (`--from-local`), so they also replace the local CLI's demo JWTs, which keys of a hosted project never do.
 */
export type SuppliedKeys = Partial<Record<KeyRole, string>> & { localStack?: true };

export interface SuppliedKeySources {
  publishableFrom?: string;
  secretFrom?: string;
  env: NodeJS.ProcessEnv;
  /** Reads a file, or standard input for `-`. */
  read?: (path: string) => string;
}

const SOURCES: Readonly<Record<KeyRole, { variable: string; flag: string; prefix: string }>> = {
  publishable: { variable: 'MIGRATE_KEYS_PUBLISHABLE_KEY', flag: '--publishable-key-from', prefix: 'sb_publishable_' },
  secret: { variable: 'MIGRATE_KEYS_SECRET_KEY', flag: '--secret-key-from', prefix: 'sb_secret_' },
};

/** The supplied keys, checked for shape; throws a message that names the source, never the value. */
export function readSuppliedKeys(sources: SuppliedKeySources): SuppliedKeys {
  if (sources.publishableFrom === '-' && sources.secretFrom === '-') {
    throw new Error('--publishable-key-from and --secret-key-from cannot both read standard input');
  }
  const read = sources.read ?? ((path: string) => readFileSync(path === '-' ? 0 : path, 'utf8'));
  const supplied: SuppliedKeys = {};
  for (const role of ['publishable', 'secret'] as const) {
    const { variable, flag, prefix } = SOURCES[role];
    const from = role === 'publishable' ? sources.publishableFrom : sources.secretFrom;
    let value: string | undefined;
    let source: string;
    if (from !== undefined) {
      source = `${flag} ${from === '-' ? '(standard input)' : from}`;
      try {
        value = read(from);
      } catch (error) {
        throw new Error(`${source}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
      }
    } else {
      source = variable;
      value = sources.env[variable];
      if (value === undefined || value === '') continue;
    }
    value = value.trim();
    const kind = classifyValue(value);
    if (kind !== role) {
      const offered = kind === 'secret' || kind === 'publishable' ? `a ${kind} key` : kind.startsWith('legacy') ? 'a legacy JWT' : 'not a key';
      throw new Error(`${source} must hold the new ${role} key (${prefix}…), but holds ${offered}`);
    }
    supplied[role] = value;
  }
  return supplied;
}
