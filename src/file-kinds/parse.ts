// Parses scripts with TypeScript's parser (no type checker) and tells what syntax an offset sits in.
import type { ts as TS } from 'ts-morph';
import { namespacesOf, rebindingOf, specifierRemoval, typeMemberOf, type Namespace, type Rebinding, type TypeMember } from './declarations.js';
import { readSite, type EnvDestructuring, type EnvRead } from './reads.js';
import { typescript } from '../core/typescript.js';

export type ScriptDialect = 'ts' | 'tsx' | 'js' | 'jsx';

export function dialectOf(path: string): ScriptDialect {
  if (/\.tsx$/i.test(path)) return 'tsx';
  if (/\.jsx$/i.test(path)) return 'jsx';
  if (/\.[cm]?ts$/i.test(path)) return 'ts';
  return 'js';
}

/** A code file's one script: its whole text. */
export function wholeScript(path: string, text: string): { start: number; end: number; dialect: ScriptDialect } {
  return { start: 0, end: text.length, dialect: dialectOf(path) };
}

/**
 * Strict-mode complaints TypeScript's parser makes about valid sloppy-mode JavaScript (legacy octal
 * literals and escapes, decimals with leading zeros): they change nothing about where names are.
 */
const LENIENT_DIAGNOSTICS = new Set([1085, 1121, 1487, 1489]);

export interface ParsedScript {
  sourceFile: TS.SourceFile;
  /** The first syntax error, with its offset in the parsed text. */
  error?: { offset: number; message: string };
}

/** Where a script sits in its file: the whole file for code, a block or the frontmatter of a component (src/file-kinds/markup.ts). */
interface ScriptSpan {
  start: number;
  end: number;
  dialect: ScriptDialect;
}

/** How often one file's scripts were parsed on one thread, for `--stats`. */
export interface ParseCount {
  /** Parses of all its scripts (a component's blocks each count). */
  parses: number;
  /** The most times any one script was parsed: 1 when none was parsed twice. */
  most: number;
}

/**
 * The scripts of one file, parsed here and nowhere else: the scan and every rule and analysis ask
 * the scanned file's Scripts for a script's syntax tree, parsed on first use and kept, so that each
 * script is parsed once per thread. A tree costs about 30 times its text in memory: once nothing
 * will read them again, release() drops them (src/core/plan.ts decides when).
 */
export class Scripts {
  readonly #path: string;
  readonly #text: string;
  /** Parses on this thread, by script. */
  readonly #parses = new Map<string, number>();
  #byWorker: ParseCount = { parses: 0, most: 0 };
  /** The trees kept, by script; undefined once released. */
  #trees: Map<string, ParsedScript> | undefined = new Map();
  #error: { offset: number; message: string } | undefined;

  constructor(path: string, text: string) {
    this.#path = path;
    this.#text = text;
  }

  /** The syntax tree of the script at `span`, parsed on first use. */
  parse(span: ScriptSpan): ParsedScript {
    const key = `${span.start}:${span.end}:${span.dialect}`;
    const kept = this.#trees?.get(key);
    if (kept) return kept;
    this.#parses.set(key, (this.#parses.get(key) ?? 0) + 1);
    const parsed = parseScript(this.#path, this.#text.slice(span.start, span.end), span.dialect);
    if (parsed.error && (!this.#error || span.start + parsed.error.offset < this.#error.offset)) {
      this.#error = { offset: span.start + parsed.error.offset, message: parsed.error.message };
    }
    this.#trees?.set(key, parsed);
    return parsed;
  }

  /**
   * The first syntax error (by its offset in the file) of the scripts parsed on this thread so far: a rule may parse
   * a file the scan did not (one without a legacy name), and the plan then applies no fix there.
   */
  get error(): { offset: number; message: string } | undefined {
    return this.#error;
  }

  /** Drops the trees, and keeps none parsed from now on: nothing reads them after their present reader. */
  release(): void {
    this.#trees = undefined;
  }

  /** Parses on this thread. */
  get parses(): ParseCount {
    const counts = [...this.#parses.values()];
    return { parses: counts.reduce((sum, n) => sum + n, 0), most: Math.max(0, ...counts) };
  }

  /** Parses a worker thread made to scan the file: its trees stayed there. */
  get parsesByWorker(): ParseCount {
    return this.#byWorker;
  }

  set parsesByWorker(count: ParseCount) {
    this.#byWorker = count;
  }
}

function parseScript(fileName: string, text: string, dialect: ScriptDialect): ParsedScript {
  const ts = typescript();
  const kind = {
    ts: ts.ScriptKind.TS,
    tsx: ts.ScriptKind.TSX,
    js: ts.ScriptKind.JS,
    jsx: ts.ScriptKind.JSX,
  }[dialect];
  let sourceFile: TS.SourceFile;
  try {
    sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  } catch (error) {
    // TypeScript's recursive-descent parser runs out of stack at about 600 levels of nesting.
    if (!(error instanceof RangeError)) throw error;
    return {
      sourceFile: ts.createSourceFile(fileName, '', ts.ScriptTarget.Latest, true, kind),
      error: { offset: 0, message: 'nested too deeply to parse' },
    };
  }
  // parseDiagnostics is internal but stable: the syntax errors, without running the type checker.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: TS.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics.find((diagnostic) => !LENIENT_DIAGNOSTICS.has(diagnostic.code));
  if (!first) return { sourceFile };
  return {
    sourceFile,
    error: { offset: first.start ?? 0, message: ts.flattenDiagnosticMessageText(first.messageText, ' ') },
  };
}

/** What syntax an offset falls in. `runtimeCall` names the env read it is the argument of. */
export interface SyntaxSite {
  context: 'identifier' | 'string' | 'comment' | 'jsx-text';
  /** `Deno.env.get` or `process.env` and friends, when the name is read from the runtime. */
  runtimeRead: boolean;
  /** The namespaces the name is declared into, when the site is a declaration. */
  namespaces: Namespace[];
  /** What to remove to retire the site when its new name already stands beside it (an import specifier). */
  retireSpan?: { start: number; end: number };
  /** The runtime read a transitional fallback wraps. */
  read?: EnvRead;
  /** The specifier of a static env import, where a transitional run adds the new name. */
  staticImport?: { start: number };
  /** A name destructured from the runtime's env object (reads.ts). */
  destructured?: EnvDestructuring;
  /** The type member the name declares (declarations.ts). */
  typeMember?: TypeMember;
  /** The binding of a renaming destructuring element (`{ KEY: NAME }`, declarations.ts). */
  rebinding?: Rebinding;
}

/** The children of a node in source order (ordered: each ends before the next starts), for nodes with many. */
const childLists = new WeakMap<TS.Node, { children: TS.Node[]; ordered: boolean }>();
/** Nodes with more children than this are listed once and bisected; smaller ones are walked, which allocates nothing. */
const WALK_LIMIT = 64;

/**
 * The first child (in forEachChild order) whose range holds `offset`. A minified bundle's source
 * file has tens of thousands of statements and as many names to place: a linear walk over them per
 * name made a 3 MB file take 40 s, so a node seen to have many children is searched by bisection.
 */
function childAt(node: TS.Node, offset: number): TS.Node | undefined {
  let list = childLists.get(node);
  if (!list) {
    let found: TS.Node | undefined;
    let seen = 0;
    const stopped = typescript().forEachChild(node, (child) => {
      if (child.pos <= offset && offset < child.end) {
        found = child;
        return true;
      }
      return ++seen > WALK_LIMIT ? true : undefined;
    });
    if (!stopped || found) return found;
    const children: TS.Node[] = [];
    typescript().forEachChild(node, (child) => void children.push(child));
    const ordered = children.every((child, i) => i === 0 || (children[i - 1] as TS.Node).end <= child.pos);
    list = { children, ordered };
    childLists.set(node, list);
  }
  const { children, ordered } = list;
  if (!ordered) return children.find((child) => child.pos <= offset && offset < child.end);
  // Ordered: only the first child ending after the offset can hold it.
  let low = 0;
  let high = children.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((children[middle] as TS.Node).end > offset) high = middle;
    else low = middle + 1;
  }
  const child = children[low];
  return child && child.pos <= offset ? child : undefined;
}

/** Finds the innermost node around `offset` and tells what kind of syntax it is. */
export function siteAt(sourceFile: TS.SourceFile, offset: number): SyntaxSite {
  const ts = typescript();
  const chain: TS.Node[] = [sourceFile];
  let node: TS.Node = sourceFile;
  for (;;) {
    const next = childAt(node, offset);
    if (!next) break;
    node = next;
    chain.push(next);
  }
  const none = { runtimeRead: false, namespaces: [] };
  if (offset < node.getStart(sourceFile)) return { context: 'comment', ...none };
  const { runtimeRead, read, staticImport, destructured } = readSite(chain, sourceFile);
  const namespaces = namespacesOf(chain, sourceFile);
  switch (node.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.PrivateIdentifier:
      return {
        context: 'identifier',
        runtimeRead,
        namespaces,
        retireSpan: specifierRemoval(node, sourceFile),
        read,
        staticImport,
        destructured,
        typeMember: typeMemberOf(chain, sourceFile),
        rebinding: rebindingOf(chain),
      };
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateHead:
    case ts.SyntaxKind.TemplateMiddle:
    case ts.SyntaxKind.TemplateTail:
    case ts.SyntaxKind.RegularExpressionLiteral:
      return { context: 'string', runtimeRead, namespaces, read, typeMember: typeMemberOf(chain, sourceFile) };
    case ts.SyntaxKind.JsxText:
      return { context: 'jsx-text', ...none };
    default:
      // Inside a node but in none of its children: the trivia between tokens.
      return { context: 'comment', ...none };
  }
}
