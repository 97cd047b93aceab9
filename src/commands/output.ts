// Output of the management commands: masked, token-free, stylish or JSON; every failure one line, exit 2.
import type { Io } from './io.js';
import { packageVersion } from '../core/version.js';
import { guardControls } from '../core/printable.js';
import { ManagementError, redact } from '../supabase/management/errors.js';

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
  return {
    format,
    out: (text) => void io.stdout.write(printableText(io, text)),
    err: (text) => void io.stderr.write(printableText(io, text)),
    json(document) {
      const header = { schemaVersion: 1, tool: { name: 'migrate-keys', version: packageVersion() } };
      io.stdout.write(printableText(io, `${JSON.stringify({ ...header, ...document }, null, 2)}\n`));
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
    io.stderr.write(printableText(io, `migrate-keys: ${message}\n`));
    return 2;
  }
}

/** A text as it may be printed: the access token removed, key values masked, and (an API's reply is a stranger's bytes too) no control character raw. */
function printableText(io: Io, text: string): string {
  return guardControls(redact(text, [io.env.SUPABASE_ACCESS_TOKEN?.trim()]), false);
}
