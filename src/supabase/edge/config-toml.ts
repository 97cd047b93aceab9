// A Supabase project's config.toml, read with toml-eslint-parser for its source ranges; edits are splices.
import type { parseTOML } from 'toml-eslint-parser';
import { loadTomlParser } from '../../core/libraries.js';
import type { Edit } from '../../core/types.js';

export interface FunctionConfig {
  /** `verify_jwt` as written, with the range of its value. */
  verifyJwt?: { value: unknown; start: number; end: number };
  entrypoint?: string;
  /** The `[functions.<slug>]` table, when the function has one: where it starts and where a new key goes. */
  table?: { start: number; headerEnd: number };
}

export interface ProjectConfig {
  functions: Map<string, FunctionConfig>;
  /** Set when the file is not valid TOML. */
  error?: { offset: number; message: string };
}

type Node = { type: string; range: [number, number] };
type KeyValue = Node & { key: { keys: { name?: string; value?: string }[] }; value: Node & { value?: unknown } };
type Table = Node & { resolvedKey: (string | number)[]; key: Node; body: KeyValue[] };

export function readProjectConfig(text: string): ProjectConfig {
  const functions = new Map<string, FunctionConfig>();
  let ast: ReturnType<typeof parseTOML>;
  try {
    ast = loadTomlParser().parseTOML(text);
  } catch (error) {
    const e = error as { index?: number; message?: string };
    return { functions, error: { offset: e.index ?? 0, message: e.message ?? String(error) } };
  }
  const top = ast.body[0] as unknown as { body: (KeyValue | Table)[] };
  const entry = (slug: string) => functions.get(slug) ?? (functions.set(slug, {}), functions.get(slug) as FunctionConfig);
  const visit = (path: readonly string[], keyValue: KeyValue) => {
    const full = [...path, ...keyValue.key.keys.map((k) => String(k.name ?? k.value))];
    if (full[0] !== 'functions' || full.length !== 3) return;
    const config = entry(full[1] as string);
    if (full[2] === 'verify_jwt') config.verifyJwt = { value: keyValue.value.value, start: keyValue.value.range[0], end: keyValue.value.range[1] };
    if (full[2] === 'entrypoint' && typeof keyValue.value.value === 'string') config.entrypoint = keyValue.value.value;
  };
  for (const node of top.body) {
    if (node.type === 'TOMLKeyValue') visit([], node as KeyValue);
    else if (node.type === 'TOMLTable') {
      const table = node as Table;
      const path = table.resolvedKey.map(String);
      if (path[0] === 'functions' && path.length === 2) {
        entry(path[1] as string).table = { start: table.range[0], headerEnd: lineEndAfter(text, table.key.range[1]) };
      }
      for (const keyValue of table.body) visit(path, keyValue);
    }
  }
  // Inline tables (`hello = { verify_jwt = false }`) are read for values, not located for edits.
  const value = loadTomlParser().getStaticTOMLValue(ast) as { functions?: Record<string, Record<string, unknown>> };
  for (const [slug, settings] of Object.entries(value.functions ?? {})) {
    const config = entry(slug);
    if (config.verifyJwt === undefined && settings.verify_jwt !== undefined) config.verifyJwt = { value: settings.verify_jwt, start: -1, end: -1 };
    if (config.entrypoint === undefined && typeof settings.entrypoint === 'string') config.entrypoint = settings.entrypoint;
  }
  return { functions };
}

function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/**
 * The splice that turns verify_jwt off for one function: the value replaced where it is written, a
 * key added under the function's table, or a new table appended; every other byte stays.
 */
export function verifyJwtOffEdit(text: string, slug: string, config: FunctionConfig | undefined): Edit | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (config?.verifyJwt) {
    if (config.verifyJwt.start < 0) return undefined;
    return { start: config.verifyJwt.start, end: config.verifyJwt.end, text: 'false' };
  }
  if (config?.table) {
    const at = config.table.headerEnd;
    const needsBreak = at === text.length && !text.endsWith('\n');
    return { start: at, end: at, text: `${needsBreak ? eol : ''}verify_jwt = false${eol}` };
  }
  const separator = text.length === 0 ? '' : text.endsWith('\n') ? eol : eol + eol;
  return { start: text.length, end: text.length, text: `${separator}[functions.${slug}]${eol}verify_jwt = false${eol}` };
}
