// Output of the management commands: masked, token-free, stylish or JSON; every failure one line, exit 2.
import type { Io } from '../cli.js';
import { packageVersion } from '../version.js';
import { ManagementError, redact } from './errors.js';

export type ManagementFormat = 'stylish' | 'json';

export interface Output {
  format: ManagementFormat;
  /** stdout, with key values masked and the access token removed. */
  out(text: string): void;
  /** stderr, likewise. */
  err(text: string): void;
  /** A JSON document on stdout (SPEC §6 style header). */
  json(document: Record<string, unknown>): void;
}

export function output(io: Io, format: ManagementFormat): Output {
  const secrets = [io.env.SUPABASE_ACCESS_TOKEN?.trim()];
  return {
    format,
    out: (text) => void io.stdout.write(redact(text, secrets)),
    err: (text) => void io.stderr.write(redact(text, secrets)),
    json(document) {
      const header = { schemaVersion: 1, tool: { name: 'migrate-keys', version: packageVersion() } };
      io.stdout.write(redact(`${JSON.stringify({ ...header, ...document }, null, 2)}\n`, secrets));
    },
  };
}

/** `--format` of the subcommand, or of the main command when commander gave it to the parent. */
export function formatOf(value: unknown): ManagementFormat {
  if (value === undefined) return 'stylish';
  if (value === 'stylish' || value === 'json') return value;
  throw new ManagementError(`--format ${String(value)}: this command writes stylish or json`);
}

/** Runs a command: a ManagementError (or anything else) becomes one masked line on stderr and exit 2. */
export async function guarded(io: Io, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (error) {
    const message = error instanceof ManagementError ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    io.stderr.write(redact(`migrate-keys: ${message}\n`, [io.env.SUPABASE_ACCESS_TOKEN?.trim()]));
    return 2;
  }
}
