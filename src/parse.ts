// Parses scripts with TypeScript's parser (no type checker) and tells what syntax an offset sits in.
import type { ts as TS } from 'ts-morph';
import { namespacesOf, specifierRemoval, type Namespace } from './declarations.js';
import { readSite, type EnvRead } from './reads.js';
import { typescript } from './typescript.js';

export type ScriptDialect = 'ts' | 'tsx' | 'js' | 'jsx';

export function dialectOf(path: string): ScriptDialect {
  if (/\.tsx$/i.test(path)) return 'tsx';
  if (/\.jsx$/i.test(path)) return 'jsx';
  if (/\.[cm]?ts$/i.test(path)) return 'ts';
  return 'js';
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

export function parseScript(fileName: string, text: string, dialect: ScriptDialect): ParsedScript {
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
}

/** Finds the innermost node around `offset` and tells what kind of syntax it is. */
export function siteAt(sourceFile: TS.SourceFile, offset: number): SyntaxSite {
  const ts = typescript();
  const chain: TS.Node[] = [sourceFile];
  let node: TS.Node = sourceFile;
  for (;;) {
    let next: TS.Node | undefined;
    ts.forEachChild(node, (child) => {
      if (child.pos <= offset && offset < child.end) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) break;
    node = next;
    chain.push(next);
  }
  const none = { runtimeRead: false, namespaces: [] };
  if (offset < node.getStart(sourceFile)) return { context: 'comment', ...none };
  const { runtimeRead, read, staticImport } = readSite(chain, sourceFile);
  const namespaces = namespacesOf(chain, sourceFile);
  switch (node.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.PrivateIdentifier:
      return { context: 'identifier', runtimeRead, namespaces, retireSpan: specifierRemoval(node, sourceFile), read, staticImport };
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateHead:
    case ts.SyntaxKind.TemplateMiddle:
    case ts.SyntaxKind.TemplateTail:
    case ts.SyntaxKind.RegularExpressionLiteral:
      return { context: 'string', runtimeRead, namespaces, read };
    case ts.SyntaxKind.JsxText:
      return { context: 'jsx-text', ...none };
    default:
      // Inside a node but in none of its children: the trivia between tokens.
      return { context: 'comment', ...none };
  }
}
