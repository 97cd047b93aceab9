// The JSON outputs against their published schemas (schema/*.schema.json, docs/json-format.md): the CLI
// helpers check every run that asks for JSON, and every JSON report it writes.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

// A CommonJS module whose types say `export default`: under NodeNext the class is `.default` (set at runtime too).
const Ajv2020 = Ajv2020Module.default;

/** The documents migrate-keys prints: the main command's (and its --report .json), and the management commands'. */
export type JsonOutputKind = 'output' | 'keys' | 'legacy-keys';

const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));
export const SCHEMA_FILES: Readonly<Record<JsonOutputKind, string>> = {
  output: 'output.schema.json',
  keys: 'keys.schema.json',
  'legacy-keys': 'legacy-keys.schema.json',
};

export function readSchema(kind: JsonOutputKind): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(SCHEMA_DIR, SCHEMA_FILES[kind]), 'utf8')) as Record<string, unknown>;
}

/**
 * The schema with every `additionalProperties: true` made false. The published schema lets objects gain
 * fields (the contract allows it to older readers); the tests hold the output to what the schema names,
 * so a field is documented before it is emitted.
 */
export function closedSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closedSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === 'additionalProperties' && value === true ? false : closedSchema(value)]),
  );
}

/** An Ajv for these schemas: draft 2020-12, every error, strict (an unknown keyword or a loose type is a schema bug) but for `type: [a, b]`. */
export function schemaAjv() {
  return new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
}

const validators = new Map<JsonOutputKind, ValidateFunction>();

function closedValidator(kind: JsonOutputKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    validate = schemaAjv().compile(closedSchema(readSchema(kind)) as object);
    validators.set(kind, validate);
  }
  return validate;
}

export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `  ${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n');
}

/**
 * Parses a JSON output and checks it against its schema (closed: no field the schema does not name);
 * throws with every schema error otherwise. Returns the parsed document.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the document freely, as JSON.parse gives it
export function validateOutputJson(text: string, kind: JsonOutputKind = 'output', where = 'JSON output'): any {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not JSON (${(error as Error).message}): ${JSON.stringify(text.slice(0, 200))}`, { cause: error });
  }
  const validate = closedValidator(kind);
  if (!validate(document)) throw new Error(`${where} does not match schema/${SCHEMA_FILES[kind]}:\n${describeErrors(validate.errors)}`);
  return document;
}

/** Options of the main command and the management commands that take a value (so their value is no subcommand). */
const VALUE_OPTIONS = new Set([
  '-f',
  '--format',
  '--report',
  '--map',
  '--ignore',
  '--publishable-key-from',
  '--secret-key-from',
  '--config',
  '--rule',
  '--max-warnings',
  '--concurrency',
  '--project-ref',
]);

/** The subcommand of an invocation (keys, legacy-keys, undo, rules), or undefined for the main command. */
function subcommandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') return undefined;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return ['keys', 'legacy-keys', 'undo', 'rules'].includes(arg) ? arg : undefined;
  }
  return undefined;
}

/** What a CLI invocation prints as JSON on stdout: the kind of document, or undefined when it prints none. */
export function jsonKindOf(args: readonly string[]): JsonOutputKind | undefined {
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  const options = args.slice(0, end);
  if (options.some((arg) => ['-h', '--help', '-v', '--version'].includes(arg))) return undefined;
  const json = options.some((arg, i) => ((arg === '-f' || arg === '--format') && options[i + 1] === 'json') || arg === '--format=json' || arg === '-fjson');
  if (!json) return undefined;
  const command = subcommandOf(args);
  if (command === undefined) return 'output';
  return command === 'keys' || command === 'legacy-keys' ? command : undefined;
}

/** The `--report <file>.json` of an invocation, resolved against its working directory. */
export function jsonReportOf(cwd: string, args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const path = arg === '--report' ? args[i + 1] : arg.startsWith('--report=') ? arg.slice('--report='.length) : undefined;
    if (path !== undefined && path.toLowerCase().endsWith('.json')) return resolve(cwd, path);
  }
  return undefined;
}

/**
 * The hook of the CLI helpers: a run that exited on its own (0, 1 or 2) and asked for JSON printed a
 * valid document (exit 2 may print none: a usage error stops before the run), and the JSON report it
 * was asked for is valid. A run killed or stopped by a signal is not held to it.
 */
export function checkJsonOutputs(cwd: string, args: readonly string[], status: number | null, stdout: string): void {
  if (status !== 0 && status !== 1 && status !== 2) return;
  const where = `migrate-keys ${args.join(' ')} (exit ${status})`;
  const kind = jsonKindOf(args);
  if (kind !== undefined && (status !== 2 || stdout !== '')) validateOutputJson(stdout, kind, `${where}: stdout`);
  const report = jsonReportOf(cwd, args);
  if (report !== undefined && subcommandOf(args) === undefined && existsSync(report)) {
    validateOutputJson(readFileSync(report, 'utf8'), 'output', `${where}: ${report}`);
  }
}
