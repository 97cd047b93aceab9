// The database's callers of HTTP endpoints as the project's SQL leaves them (issue 21): every migration in order, then
// the seed, read with the real PostgreSQL parser (libpg-query). A cron job is known by its name (a later schedule of the
// name replaces it, unschedule removes it), a trigger by its table and name, a function by its name and argument types
// (create or replace replaces it, drop removes it). What stays is each one's current definition, with where it stands.
import { sqlTokens, type SqlToken } from './sql-tokens.js';

export interface SqlFile {
  path: string;
  text: string;
}

interface Definition {
  /** `cron:<name>`, `trigger:<schema>.<table>.<name>`, `function:<schema>.<name>(<types>)`. */
  id: string;
  file: string;
  /** The statement's text, from its first token to its end, without the `;`. */
  text: string;
  /** Its offset in the file (for a finding's line). */
  start: number;
}

interface CronJob extends Definition {
  kind: 'cron';
  name: string;
  /** The schedule and command literals as written (their tokens, with offsets in `text`). */
  schedule: SqlToken;
  command: SqlToken;
}

interface WebhookTrigger extends Definition {
  kind: 'trigger';
  name: string;
  table: string;
  /** The trigger function's arguments' tokens (supabase_functions.http_request's url, method, headers, params, timeout). */
  args: SqlToken[];
}

interface FunctionDefinition extends Definition {
  kind: 'function';
  name: string;
  /** The body literal (`as $$ … $$`), with offsets in `text`. */
  body: SqlToken;
}

export type Caller = CronJob | WebhookTrigger | FunctionDefinition;

/** A cron job the tool cannot name (`cron.schedule(schedule, command)`), so cannot re-create: where it stands. */
interface UnnamedJob {
  file: string;
  start: number;
}

/** Where one definition of a caller stands (every one, the replaced ones too): what --check reads as history. */
export interface DefinitionSite {
  id: string;
  file: string;
  start: number;
  end: number;
}

export interface DatabaseCallers {
  callers: Caller[];
  definitions: DefinitionSite[];
  unnamed: UnnamedJob[];
  /** Files the parser refused: their statements are unknown (the run says so). */
  unparsed: { path: string; message: string }[];
}

/** What a generated migration says it replaced (`-- migrate-keys-replaces: trigger:public.orders.order_created …`). */
const REPLACES = /^--\s*migrate-keys-replaces:\s*(.+)$/gm;

type Node = Record<string, unknown>;

/** The migrations in file-name order, then the seed: the order `supabase db reset` applies them in. */
export async function databaseCallers(files: readonly SqlFile[]): Promise<DatabaseCallers> {
  // The parser is WebAssembly, loaded on first use: a run without migrations never pays for it.
  const { parse } = await import('libpg-query');
  const current = new Map<string, Caller>();
  const definitions: DefinitionSite[] = [];
  const define = (caller: Caller) => {
    current.set(caller.id, caller);
    definitions.push({ id: caller.id, file: caller.file, start: caller.start, end: caller.start + caller.text.length });
  };
  const unnamed: UnnamedJob[] = [];
  const unparsed: { path: string; message: string }[] = [];
  for (const file of files) {
    let statements: { stmt: Node; stmt_location?: number; stmt_len?: number }[];
    try {
      statements = ((await parse(file.text)) as { stmts?: typeof statements }).stmts ?? [];
    } catch (error) {
      unparsed.push({ path: file.path, message: (error as Error).message });
      continue;
    }
    const offsets = byteToChar(file.text);
    for (const statement of statements) {
      const from = offsets(statement.stmt_location ?? 0);
      const to = statement.stmt_len ? offsets((statement.stmt_location ?? 0) + statement.stmt_len) : file.text.length;
      const raw = file.text.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const tokens = sqlTokens(raw);
      const first = tokens[0]?.start ?? lead;
      const start = from + first;
      const text = raw.slice(first).replace(/;\s*$/, '');
      const at = (token: SqlToken): SqlToken => ({ ...token, start: token.start - first, end: token.end - first });
      const [type, node] = Object.entries(statement.stmt)[0] as [string, Node];
      if (type === 'SelectStmt') {
        for (const call of cronCalls(node)) {
          if (call.fn === 'unschedule') {
            if (call.name !== undefined) current.delete(`cron:${call.name}`);
            continue;
          }
          if (call.name === undefined) {
            unnamed.push({ file: file.path, start });
            continue;
          }
          const schedule = tokenAt(tokens, call.scheduleAt, offsets, from);
          const command = tokenAt(tokens, call.commandAt, offsets, from);
          if (!schedule || !command || command.kind !== 'string') continue;
          define({ kind: 'cron', id: `cron:${call.name}`, name: call.name, file: file.path, text, start, schedule: at(schedule), command: at(command) });
        }
      } else if (type === 'CreateTrigStmt') {
        const fn = names(node.funcname).join('.');
        const relation = node.relation as Node;
        const table = `${(relation.schemaname as string | undefined) ?? 'public'}.${relation.relname as string}`;
        const id = `trigger:${table}.${node.trigname as string}`;
        if (fn !== 'supabase_functions.http_request') {
          current.delete(id);
          continue;
        }
        const open = tokens.findIndex((token, i) => token.kind === 'identifier' && token.value === 'http_request' && tokens[i + 1]?.value === '(');
        const args = open < 0 ? [] : tokens.slice(open + 2).filter((token) => token.kind === 'string').map(at);
        define({ kind: 'trigger', id, name: node.trigname as string, table, file: file.path, text, start, args });
      } else if (type === 'CreateFunctionStmt') {
        const name = qualified(names(node.funcname));
        const id = `function:${name}(${parameterTypes(node.parameters)})`;
        const as = tokens.findIndex((token, i) => token.kind === 'identifier' && token.value === 'as' && tokens[i + 1]?.kind === 'string');
        const body = as < 0 ? undefined : (tokens[as + 1] as SqlToken);
        if (!body) continue;
        define({ kind: 'function', id, name, file: file.path, text, start, body: at(body) });
      } else if (type === 'DropStmt') {
        for (const id of droppedIds(node)) current.delete(id);
      }
    }
    // A migration this tool wrote re-creates triggers through dynamic SQL, which the parser cannot see into: its header says which.
    for (const match of file.text.matchAll(REPLACES)) {
      for (const id of (match[1] as string).trim().split(/\s+/)) if (id.startsWith('trigger:')) current.delete(id);
    }
  }
  return { callers: [...current.values()], definitions, unnamed, unparsed };
}

interface CronCall {
  fn: 'schedule' | 'unschedule';
  name?: string;
  scheduleAt?: number;
  commandAt?: number;
}

/** The cron.schedule / cron.unschedule calls of a select's target list, with their argument literals' byte offsets. */
function cronCalls(select: Node): CronCall[] {
  const calls: CronCall[] = [];
  for (const target of (select.targetList as Node[] | undefined) ?? []) {
    const call = ((target.ResTarget as Node | undefined)?.val as Node | undefined)?.FuncCall as Node | undefined;
    if (!call) continue;
    const [schema, fn] = names(call.funcname);
    if (schema !== 'cron' || (fn !== 'schedule' && fn !== 'unschedule')) continue;
    const args = ((call.args as Node[] | undefined) ?? []).map((arg) => {
      const named = arg.NamedArgExpr as Node | undefined;
      const value = ((named?.arg as Node | undefined) ?? arg).A_Const as Node | undefined;
      return { name: named?.name as string | undefined, sval: ((value?.sval as Node | undefined)?.sval as string | undefined), at: value?.location as number | undefined };
    });
    const byName = (name: string, position: number) => args.find((arg) => arg.name === name) ?? (args.every((arg) => arg.name === undefined) ? args[position] : undefined);
    if (fn === 'unschedule') {
      calls.push({ fn, name: byName('job_name', 0)?.sval });
      continue;
    }
    const named = args.length >= 3 || args.some((arg) => arg.name === 'job_name');
    const job = named ? byName('job_name', 0) : undefined;
    calls.push({ fn, name: job?.sval, scheduleAt: byName('schedule', named ? 1 : 0)?.at, commandAt: byName('command', named ? 2 : 1)?.at });
  }
  return calls;
}

function tokenAt(tokens: readonly SqlToken[], byteAt: number | undefined, offsets: (byte: number) => number, from: number): SqlToken | undefined {
  if (byteAt === undefined) return undefined;
  const at = offsets(byteAt) - from;
  return tokens.find((token) => token.start === at);
}

function names(list: unknown): string[] {
  return ((list as Node[] | undefined) ?? []).map((item) => ((item.String as Node | undefined)?.sval as string | undefined) ?? '');
}

function qualified(parts: string[]): string {
  return parts.length === 1 ? `public.${parts[0] as string}` : parts.join('.');
}

/** The argument types of a function's signature (`int4,text`), modes that are not inputs left out, as drop names them. */
function parameterTypes(parameters: unknown): string {
  return ((parameters as Node[] | undefined) ?? [])
    .map((parameter) => parameter.FunctionParameter as Node)
    .filter((parameter) => parameter.mode !== 'FUNC_PARAM_OUT' && parameter.mode !== 'FUNC_PARAM_TABLE')
    .map((parameter) => names((parameter.argType as Node).names).filter((part) => part !== 'pg_catalog').join('.'))
    .join(',');
}

function droppedIds(drop: Node): string[] {
  const objects = (drop.objects as Node[] | undefined) ?? [];
  if (drop.removeType === 'OBJECT_TRIGGER') {
    return objects.map((object) => {
      const parts = names((object.List as Node).items);
      const trigger = parts.pop() as string;
      return `trigger:${qualified(parts)}.${trigger}`;
    });
  }
  if (drop.removeType === 'OBJECT_FUNCTION') {
    return objects.map((object) => {
      const withArgs = object.ObjectWithArgs as Node;
      const types = ((withArgs.objargs as Node[] | undefined) ?? []).map((arg) => names((arg.TypeName as Node).names).filter((part) => part !== 'pg_catalog').join('.'));
      return `function:${qualified(names(withArgs.objname))}(${types.join(',')})`;
    });
  }
  return [];
}

/** The parser's offsets are bytes of UTF-8; the text's are UTF-16 units. */
function byteToChar(text: string): (byte: number) => number {
  if (Buffer.byteLength(text) === text.length) return (byte) => byte;
  const bytes = Buffer.from(text, 'utf8');
  return (byte) => bytes.subarray(0, byte).toString('utf8').length;
}
