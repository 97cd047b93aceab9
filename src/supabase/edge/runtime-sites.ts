// Which sites of the Edge runtime's own legacy names (SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY) stand for the
// variables the platform injects, and so become the JSON variables (`SUPABASE_SECRET_KEYS`, …) rather than a bare
// rename: the runtime reads in function code, the name alone in a string there (a read's argument, a helper's),
// and what a function's tests set in its env. Every other site (a local constant, a message) is renamed as anywhere.
import type { ts as TS } from 'ts-morph';
import { typescript } from '../../core/typescript.js';
import type { Edit } from '../../core/types.js';
import { Scripts, wholeScript } from '../../file-kinds/parse.js';
import { describeEnvRead, readSite, type EnvRead } from '../../file-kinds/reads.js';
import type { Occurrence } from '../../file-kinds/scanned-text.js';
import type { ScannedFile } from '../../file-kinds/scanned.js';
import { EDGE_RUNTIME_NAMES, isEdgeFunctionFile, isEdgeRuntimeFile } from '../paths.js';
import type { EdgeModel } from './model.js';

export type EdgeSite =
  /**
   * Read from the runtime in function code: `occurrence.read` is the read to rewrite, when it can be; `read` stands in for it
   * where the name is handed to a helper that returns the runtime's read of it (`requireEnv('NAME')`), declared in the module
   * or imported from another module of the functions folder.
   */
  | {
      kind: 'read';
      read?: EnvRead;
      /** A destructured env object (`const { NAME } = Deno.env.toObject()`): the edits that split the name out into its own JSON read. */
      split?: Edit[];
    }
  /** The name alone in a string of function code: it may name the variable a read or a helper reads. */
  | { kind: 'name' }
  /** A comment in function code: left as it is, unreported (a bare rename there would name a variable the function no longer reads). */
  | { kind: 'comment' }
  /** A function's test setting the variable for the function (`Deno.env.set`, a mocked env map); the edits give it the JSON variable. */
  | { kind: 'feed'; plural: string; edits?: Edit[] };

/**
 * The legacy names whose runtime reads in function code become a JSON variable, with that variable: the two the platform
 * injects, and the service_role key's alias `SUPABASE_SERVICE_KEY`, which it never injects and which no one can set for a
 * function (`supabase secrets set` skips SUPABASE_ names). A read of the alias means the service_role key; renamed to
 * `SUPABASE_SECRET_KEY` it would read a variable that is never set either, so it becomes the same JSON read.
 */
export const EDGE_KEY_NAMES: Readonly<Record<string, string>> = { ...EDGE_RUNTIME_NAMES, SUPABASE_SERVICE_KEY: 'SUPABASE_SECRET_KEYS' };

type EdgeFile = Pick<ScannedFile, 'path' | 'kind' | 'text' | 'scripts' | 'occurrences'>;

/** Files whose syntax trees edgeSiteOf reads: code under supabase/functions/ that names a runtime name. */
export function readsEdgeSyntax(file: Pick<ScannedFile, 'path' | 'kind' | 'text'>): boolean {
  return file.kind === 'code' && isEdgeFunctionFile(file.path) && [...Object.keys(EDGE_KEY_NAMES), ...SINGULAR_NAMES].some((name) => file.text.includes(name));
}

/** New names the platform never injects into functions, and that `supabase secrets set` refuses (the prefix is reserved). */
const SINGULAR_NAMES = ['SUPABASE_SECRET_KEY', 'SUPABASE_PUBLISHABLE_KEY'];

/** A runtime read of a never-set singular name in function code; `read` is absent where it cannot be rewritten (a destructuring). */
export interface SingularRead {
  start: number;
  name: string;
  plural: string;
  read?: EnvRead;
}

/** The runtime reads of `SUPABASE_SECRET_KEY` / `SUPABASE_PUBLISHABLE_KEY` in function code, whatever their shape. */
export function singularReadsOf(file: EdgeFile): SingularRead[] {
  if (file.kind !== 'code' || !isEdgeRuntimeFile(file.path) || !SINGULAR_NAMES.some((name) => file.text.includes(name))) return [];
  const ts = typescript();
  const sourceFile = file.scripts.parse(wholeScript(file.path, file.text)).sourceFile;
  const reads: SingularRead[] = [];
  const chain: TS.Node[] = [];
  const visit = (node: TS.Node): void => {
    chain.push(node);
    const text = ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
    if (text !== undefined && SINGULAR_NAMES.includes(text)) {
      const site = readSite(chain, sourceFile);
      if (site.runtimeRead) {
        const start = ts.isIdentifier(node) ? node.getStart(sourceFile) : node.getStart(sourceFile) + 1;
        reads.push({ start, name: text, plural: `${text}S`, ...(site.read && { read: site.read }) });
      }
    }
    ts.forEachChild(node, visit);
    chain.pop();
  };
  visit(sourceFile);
  return reads;
}

/**
 * Undefined: an ordinary site of the name, renamed like the name anywhere else (legacy-env-name). `edge`, the run's model,
 * gives the modules a helper is imported from; without it only a helper declared in the module is seen into.
 */
export function edgeSiteOf(file: EdgeFile, occurrence: Occurrence, edge?: Pick<EdgeModel, 'importedModule'>): EdgeSite | undefined {
  const name = occurrence.decision.name;
  if (!Object.hasOwn(EDGE_KEY_NAMES, name) || (file.kind !== 'code' && file.kind !== 'markup')) return undefined;
  const runtime = isEdgeRuntimeFile(file.path);
  if (occurrence.context === 'comment' || occurrence.context === 'jsx-text') return runtime ? { kind: 'comment' } : undefined;
  if (runtime && occurrence.runtimeRead) {
    if (occurrence.read || file.kind !== 'code') return { kind: 'read' };
    const sourceFile = file.scripts.parse(wholeScript(file.path, file.text)).sourceFile;
    const node = nodeAt(sourceFile, occurrence.start);
    const split = node && splitOut(node, file, sourceFile);
    return split ? { kind: 'read', split } : { kind: 'read' };
  }
  if (file.kind !== 'code' || !isEdgeFunctionFile(file.path)) return undefined;
  const sourceFile = file.scripts.parse(wholeScript(file.path, file.text)).sourceFile;
  const node = nodeAt(sourceFile, occurrence.start);
  if (!node) return undefined;
  if (runtime) {
    if (!isNameAlone(node, name)) return undefined;
    const call = readerCall(node, sourceFile, file.path, edge);
    return call ? { kind: 'read', read: describeEnvRead(call, sourceFile) } : { kind: 'name' };
  }
  return feedOf(file, occurrence, node, sourceFile);
}

/** A string holding exactly the name, not as an object's key nor a lookup in some object (those are renamed as keys are). */
function isNameAlone(node: TS.Node, name: string): boolean {
  const ts = typescript();
  if (!(ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) || node.text !== name) return false;
  const parent = node.parent;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return false;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return false;
  if (ts.isLiteralTypeNode(parent)) return false;
  return true;
}

/**
 * `const { NAME } = Deno.env.toObject()` (or `process.env`, or a local env object; `NAME: local` too) becomes its own
 * declaration of the same kind, `const <local> = JSON.parse(Deno.env.get('<PLURAL>') ?? '{}').default`, after the
 * statement, the other names staying destructured. A shorthand's local takes the key's new name, as its other uses are
 * renamed (legacy-env-name). Each key name of the pattern gives the same edit of the whole statement, so several compose.
 * A default (`NAME = ''`), a nested or rest pattern, or a statement declaring more than this: left to a person.
 */
function splitOut(node: TS.Node, file: EdgeFile, sourceFile: TS.SourceFile): Edit[] | undefined {
  const ts = typescript();
  const element = node.parent;
  if (!element || !ts.isBindingElement(element) || (element.propertyName ?? element.name) !== node) return undefined;
  const pattern = element.parent;
  const declaration = pattern.parent;
  if (!ts.isObjectBindingPattern(pattern) || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const list = declaration.parent;
  const statement = list.parent;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !ts.isVariableStatement(statement)) return undefined;
  if (pattern.elements.some((other) => other.dotDotDotToken)) return undefined;
  const object = declaration.initializer.getText(sourceFile);
  const keyword = list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : 'var';
  const split = new Map<TS.BindingElement, string>();
  for (const other of pattern.elements) {
    const key = other.propertyName ?? other.name;
    if (other.initializer || !ts.isIdentifier(other.name) || !(ts.isIdentifier(key) || ts.isStringLiteral(key))) continue;
    const occurrence = file.occurrences.find((o) => o.start === key.getStart(sourceFile) + (ts.isStringLiteral(key) ? 1 : 0) && o.decision.name === key.text);
    if (!occurrence || !Object.hasOwn(EDGE_KEY_NAMES, key.text)) continue;
    const decision = occurrence.decision;
    const local = other.propertyName ? other.name.text : decision.kind === 'rename' ? decision.newName : decision.name;
    const plural = EDGE_KEY_NAMES[key.text] as string;
    const read = denoPath(object) === 'Deno.env.toObject()' ? `Deno.env.get('${plural}')` : `${object}.${plural}`;
    split.set(other, `${local} = JSON.parse(${read} ?? '{}').default`);
  }
  if (!split.has(element)) return undefined;
  const text = file.text;
  const semicolon = text.slice(list.end, statement.end).trim() === ';' ? ';' : '';
  const lineStart = text.lastIndexOf('\n', statement.getStart(sourceFile)) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const kept = pattern.elements.filter((other) => !split.has(other)).map((other) => other.getText(sourceFile));
  const declarations = [...(kept.length > 0 ? [`{ ${kept.join(', ')} } = ${object}`] : []), ...split.values()];
  // `export const { … }`: each declaration keeps the statement's modifiers.
  const start = statement.getStart(sourceFile);
  const modifiers = text.slice(start, list.getStart(sourceFile));
  return [{ start, end: statement.end, text: declarations.map((d) => `${modifiers}${keyword} ${d}${semicolon}`).join(`\n${indent}`) }];
}

/**
 * `helper('NAME')` where `helper` is a function (or a const arrow or function expression) with one parameter that it hands
 * to the runtime's env read (`Deno.env.get(name)`, `process.env[name]`) and uses otherwise only in messages: the call
 * returns what the runtime holds under NAME, so it is read as the JSON as a read is, through the helper (which keeps its
 * own checks). The helper is declared in this module, or imported by name (`import { requireEnv } from '../_shared/env.ts'`)
 * from a module of the functions folder that the run read and that declares and exports it (`edge` resolves the import as
 * the model follows imports: relative, or aliased by an import map). One that does more with the name, or that cannot be
 * seen into (a module not read, a re-export, a second declaration), stays reported.
 */
function readerCall(node: TS.Node, sourceFile: TS.SourceFile, path: string, edge: Pick<EdgeModel, 'importedModule'> | undefined): TS.CallExpression | undefined {
  const ts = typescript();
  const call = node.parent;
  if (!ts.isCallExpression(call) || call.arguments.length !== 1 || call.arguments[0] !== node || !ts.isIdentifier(call.expression)) return undefined;
  let helper = helperNamed(sourceFile, call.expression.text);
  if (helper && !('parameters' in helper)) {
    // Imported: the helper as the other module declares and exports it, read from the run's files, never from disk.
    const module = edge?.importedModule(path, helper.from);
    const parsed = module && (module.scripts ?? new Scripts(module.path, module.text)).parse(wholeScript(module.path, module.text));
    if (!parsed || parsed.error) return undefined;
    const local = exportedLocal(parsed.sourceFile, helper.exported);
    helper = local === undefined ? undefined : helperNamed(parsed.sourceFile, local);
    if (!helper || !('parameters' in helper)) return undefined;
    return isPlainReader(helper, parsed.sourceFile) ? call : undefined;
  }
  return helper && isPlainReader(helper, sourceFile) ? call : undefined;
}

/** A named import of a value: the module's specifier and the name it exports. */
interface ImportedHelper {
  from: string;
  exported: string;
}

function helperNamed(sourceFile: TS.SourceFile, name: string): TS.FunctionLikeDeclaration | ImportedHelper | undefined {
  const ts = typescript();
  // Every declaration of the name; a binding that is not a function nor a named import counts as one we cannot see into.
  const found: (TS.FunctionLikeDeclaration | ImportedHelper | undefined)[] = [];
  const visit = (node: TS.Node): void => {
    if ((ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isImportSpecifier(node)) && node.name) {
      if (ts.isIdentifier(node.name) && node.name.text === name) {
        const value = ts.isVariableDeclaration(node) ? node.initializer : undefined;
        if (ts.isFunctionDeclaration(node) && node.body) found.push(node);
        else if (value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) found.push(value);
        else if (ts.isImportSpecifier(node)) found.push(importedHelper(node));
        else found.push(undefined);
      }
    }
    // A default or namespace import of the name: not seen into.
    if ((ts.isImportClause(node) && node.name?.text === name) || (ts.isNamespaceImport(node) && node.name.text === name)) found.push(undefined);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  // One declaration only: two (an overload, a shadowing local) would need scopes to tell which one is called.
  return found.length === 1 ? found[0] : undefined;
}

function importedHelper(specifier: TS.ImportSpecifier): ImportedHelper | undefined {
  const ts = typescript();
  const declaration = specifier.parent.parent.parent;
  const imported = specifier.propertyName ?? specifier.name;
  if (specifier.isTypeOnly || declaration.importClause?.isTypeOnly || !ts.isStringLiteral(declaration.moduleSpecifier) || !ts.isIdentifier(imported)) return undefined;
  return { from: declaration.moduleSpecifier.text, exported: imported.text };
}

/**
 * The local name the module exports as `exported`, where it declares it there: `export function NAME`, `export const NAME = …`,
 * or `export { local as NAME }` with no module specifier. A re-export from a third module is not followed.
 */
function exportedLocal(sourceFile: TS.SourceFile, exported: string): string | undefined {
  const ts = typescript();
  const exports = (node: TS.Node): boolean => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const found = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === exported && exports(statement)) found.add(exported);
    if (ts.isVariableStatement(statement) && exports(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name) && declaration.name.text === exported) found.add(exported);
    }
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        if (element.name.text === exported) found.add((element.propertyName ?? element.name).text);
      }
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** One parameter, handed to the runtime's env read, and otherwise only in a template, a `new Error(…)` or a `throw`. */
function isPlainReader(helper: TS.FunctionLikeDeclaration, sourceFile: TS.SourceFile): boolean {
  const ts = typescript();
  const [parameter, ...others] = helper.parameters;
  if (!parameter || others.length > 0 || !ts.isIdentifier(parameter.name) || parameter.dotDotDotToken || !helper.body) return false;
  const name = parameter.name.text;
  let reads = 0;
  let other = false;
  const visit = (node: TS.Node): void => {
    if (ts.isIdentifier(node) && node.text === name && node !== parameter.name) {
      const parent = node.parent;
      if (ts.isCallExpression(parent) && parent.arguments.length === 1 && parent.arguments[0] === node && denoPath(parent.expression.getText(sourceFile)) === 'Deno.env.get') reads++;
      else if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node && ENV_OBJECT_PATHS.has(denoPath(parent.expression.getText(sourceFile)))) reads++;
      else if (!inMessage(node)) other = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(helper.body);
  return reads > 0 && !other;
}

const ENV_OBJECT_PATHS = new Set(['process.env', 'Deno.env.toObject()']);

function inMessage(node: TS.Node): boolean {
  const ts = typescript();
  for (let at: TS.Node = node.parent; !ts.isSourceFile(at) && !ts.isBlock(at); at = at.parent) {
    if (ts.isTemplateSpan(at) || ts.isNewExpression(at) || ts.isThrowStatement(at)) return true;
  }
  return false;
}

/**
 * What a test under supabase/functions/ sets for the functions it runs: `Deno.env.set('NAME', value)`, and,
 * in a test that hands a map to the runtime's env (a loop of `Deno.env.set`, a stub of `Deno.env`), the map's
 * `NAME: value` entries, `{ NAME }` shorthands, `['NAME', value]` pairs and a stub's `case 'NAME': return value`. The function reads the JSON variable now, so the test sets
 * that, holding `{ default: value }`.
 */
function feedOf(file: EdgeFile, occurrence: Occurrence, node: TS.Node, sourceFile: TS.SourceFile): EdgeSite | undefined {
  const ts = typescript();
  const plural = EDGE_KEY_NAMES[occurrence.decision.name] as string;
  const parent = node.parent;
  const isString = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
  let value: TS.Expression | undefined;
  if (isString && ts.isCallExpression(parent) && parent.arguments[0] === node && parent.arguments.length >= 2 && isEnvSet(parent.expression, sourceFile)) {
    value = parent.arguments[1];
  } else if (handsMapToRuntime(file.text) && !readAsMember(file, occurrence, sourceFile)) {
    if ((isString || ts.isIdentifier(node)) && ts.isPropertyAssignment(parent) && parent.name === node && ts.isObjectLiteralExpression(parent.parent)) {
      value = parent.initializer;
    } else if (isString && ts.isArrayLiteralExpression(parent) && parent.elements.length === 2 && parent.elements[0] === node) {
      value = parent.elements[1];
    } else if (ts.isIdentifier(node) && ts.isShorthandPropertyAssignment(parent) && parent.name === node && !parent.objectAssignmentInitializer) {
      // `{ SUPABASE_SERVICE_ROLE_KEY }`: the key and a local of the same name, which legacy-env-name renames.
      const decision = occurrence.decision;
      const local = decision.kind === 'rename' ? decision.newName : decision.name;
      return { kind: 'feed', plural, edits: [{ start: occurrence.start, end: occurrence.end, text: `${plural}: JSON.stringify({ default: ${local} })` }] };
    } else if (isString && ts.isCaseClause(parent) && parent.expression === node) {
      // A stub answering by name: `case 'SUPABASE_ANON_KEY': return 'anon'`.
      const [first] = parent.statements;
      const statement = first && ts.isBlock(first) ? first.statements[0] : first;
      if (statement && ts.isReturnStatement(statement)) value = statement.expression;
    }
  }
  if (!value) return undefined;
  const at = value.getStart(sourceFile);
  return {
    kind: 'feed',
    plural,
    edits: [
      { start: occurrence.start, end: occurrence.end, text: plural },
      { start: at, end: at, text: 'JSON.stringify({ default: ' },
      { start: value.end, end: value.end, text: ' })' },
    ],
  };
}

/** `Deno.env.set`, also through `globalThis` or optional chaining. */
function isEnvSet(callee: TS.Expression, sourceFile: TS.SourceFile): boolean {
  return denoPath(callee.getText(sourceFile)) === 'Deno.env.set';
}

/** The text of a `Deno…` access with blanks, `?.`, `globalThis.` and `(globalThis as any).` taken out. */
function denoPath(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/\?\./g, '.')
    .replace(/^\(globalThisas[^)]*\)\./, '')
    .replace(/^globalThis\./, '');
}

// A test that puts a map into the runtime's env: `Deno.env.set(name, value)` in a loop, or a stub of Deno.env.
const HANDS_MAP_TO_RUNTIME = /\bDeno\.env\.set\(\s*[^\s'"`]|\b(?:stub|spy|spyOn)\(\s*Deno\.env\b|\bDeno\.env\.(?:get|set|toObject)\s*=[^=]/;

function handsMapToRuntime(text: string): boolean {
  return text.includes('Deno.env') && HANDS_MAP_TO_RUNTIME.test(text);
}

/** Whether the test also reads the name as a member of some object (`config.NAME`): then its map is its own, renamed plainly. */
function readAsMember(file: EdgeFile, occurrence: Occurrence, sourceFile: TS.SourceFile): boolean {
  const ts = typescript();
  return file.occurrences.some((other) => {
    if (other === occurrence || other.decision.name !== occurrence.decision.name || other.runtimeRead) return false;
    const node = nodeAt(sourceFile, other.start);
    const parent = node?.parent;
    if (!node || !parent) return false;
    return (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isElementAccessExpression(parent) && parent.argumentExpression === node);
  });
}

/** The innermost node whose text holds `offset`. Function files are small: a plain walk down. */
function nodeAt(sourceFile: TS.SourceFile, offset: number): TS.Node | undefined {
  const ts = typescript();
  let node: TS.Node = sourceFile;
  for (;;) {
    const next: TS.Node | undefined = ts.forEachChild(node, (child) => (child.getStart(sourceFile) <= offset && offset < child.end ? child : undefined));
    if (!next) return node === sourceFile ? undefined : node;
    node = next;
  }
}
