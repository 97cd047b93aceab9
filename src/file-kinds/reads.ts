// Runtime env reads: which expression reads a name, and how a `NEW ?? LEGACY` fallback wraps it (SPEC §4).
import type { ts as TS } from 'ts-morph';
import { typescript } from '../core/typescript.js';
import { DYNAMIC_ENV_MODULES, STATIC_ENV_MODULES } from '../frameworks/index.js';
import { lastResortOf, previousArgumentOf } from './fallback-helpers.js';

/** The runtime's own env objects, as their text reads with blanks removed. */
const ENV_OBJECTS = new Set(['process.env', 'Deno.env.toObject()', 'import.meta.env']);

/**
 * Whether an expression's text (blanks removed) names an env object, broadly: the runtime's own or
 * any `….env` (`Bun.env`, `context.env`). For the security and Bearer rules, which look for key names
 * read anywhere; the runtime reads a rename wraps (readSite) keep to the runtime's own objects.
 */
export function looksLikeEnvObject(text: string): boolean {
  return ENV_OBJECTS.has(text) || text.endsWith('.env');
}

/** An expression that reads one env name at run time, and what a fallback needs around it. */
export interface EnvRead {
  start: number;
  end: number;
  text: string;
  /** `(NEW ?? LEGACY)` needs parentheses where it stands (`read || x`, `read.trim()`, `read!`). */
  needsParens: boolean;
  /** Set when the read is an operand of `a ?? b ?? …` or `a || b || …`: a final run drops an operand that reads what the one before it reads. */
  chain?: FallbackChain;
  /** Set when the read is the `else` branch of a conditional (`NEW ? NEW : LEGACY`): the texts of its condition and `then` branch, and its span. */
  ternary?: { condition: string; whenTrue: string; start: number; end: number };
  /**
   * Set when the read stands in the default of a destructured env name (`{ NEW: key = env.LEGACY ?? '' } = env`):
   * `read` is the read the destructuring makes (`env.NEW`), which the default stands in for only when it is undefined;
   * when the legacy read comes first in the default, a final run replaces `start`–`end` (from the binding's name to the
   * default's end) with `text` (` = ''`, or nothing).
   */
  defaultOf?: { read: string; drop?: { start: number; end: number; text: string } };
  /** Set when the expression is written, not read (`process.env.X = v`, `??=`, `delete`, `++`): no fallback can stand there. */
  assigned?: boolean;
  /** Set when the read is what a function returns: the function's text before it (fallback-helpers.ts). */
  lastResort?: { before: string };
  /** Set when the read is an argument or array element after another: that one's text and end (`first(env.NEW, env.LEGACY)`). */
  previousArgument?: { text: string; end: number };
}

/**
 * A name destructured from the runtime's env object (`const { X: key = '' } = import.meta.env`): what a transitional
 * fallback needs to read the new name first and the legacy one as the binding's default.
 */
export interface EnvDestructuring {
  /** The env object's text (`import.meta.env`). */
  object: string;
  /** `{ X }` or `{ X = d }`: the name is the key and the binding at once. */
  shorthand: boolean;
  /** Where the binding's name ends, where ` = default` goes when there is none. */
  nameEnd: number;
  /** The default, and whether `LEGACY ?? default` must parenthesise it (`a || b`). */
  initializer?: { start: number; end: number; text: string; needsParens: boolean };
}

/** A run of one operator, `??` or `||`, over operands (`NEW ?? LEGACY ?? ''`), flattened: what a final run collapses (SPEC §4). */
export interface FallbackChain {
  operator: '??' | '||';
  start: number;
  end: number;
  text: string;
  /** The span the chain takes when it collapses to one operand: with the parentheses only a fallback needs (`(NEW ?? LEGACY).trim()`). */
  outer: { start: number; end: number };
  /**
   * Each operand's span, in order; the text between two of them is their separator (` ?? `, a line break, a comment).
   * `read`: the operand is itself an env read, which reads the same value every time (`foo() ?? foo()` may not).
   */
  operands: readonly { start: number; end: number; read: boolean }[];
}

export interface ReadSite {
  /** `Deno.env.get('X')`, `process.env.X`, `process.env['X']`, `const { X } = Deno.env.toObject()`. */
  runtimeRead: boolean;
  /** The read a fallback can wrap; absent for declarations and reads a fallback cannot express. */
  read?: EnvRead;
  /** The specifier of a static env import (`import { X } from '$env/static/public'`). */
  staticImport?: { start: number };
  /** A name destructured from the runtime's env object, where a transitional run renames the key and reads the legacy name as the default. */
  destructured?: EnvDestructuring;
}

export function readSite(chain: readonly TS.Node[], sourceFile: TS.SourceFile): ReadSite {
  const ts = typescript();
  const node = chain.at(-1) as TS.Node;
  const [parent, grandparent, greatGrandparent] = [chain.at(-2), chain.at(-3), chain.at(-4)];
  if (!parent) return { runtimeRead: false };
  if (ts.isCallExpression(parent) && parent.arguments[0] === node && runtimePath(parent.expression.getText(sourceFile)) === 'Deno.env.get') {
    return { runtimeRead: true, read: describeRead(parent, sourceFile) };
  }
  if ((ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isElementAccessExpression(parent) && parent.argumentExpression === node)) {
    const object = parent.expression.getText(sourceFile);
    const runtimeRead = isEnvObject(object, sourceFile) || dynamicEnvBindings(sourceFile).has(compact(object));
    return runtimeRead ? { runtimeRead, read: describeRead(parent, sourceFile) } : { runtimeRead: false };
  }
  if (ts.isBindingElement(parent) && grandparent && ts.isObjectBindingPattern(grandparent)) {
    const initializer = greatGrandparent && ts.isVariableDeclaration(greatGrandparent) ? greatGrandparent.initializer : undefined;
    const runtimeRead = initializer !== undefined && isEnvObject(initializer.getText(sourceFile), sourceFile);
    const key = parent.propertyName ?? parent.name;
    if (!runtimeRead || key !== node || parent.dotDotDotToken || !ts.isIdentifier(parent.name)) return { runtimeRead };
    const destructured: EnvDestructuring = { object: initializer.getText(sourceFile), shorthand: !parent.propertyName, nameEnd: parent.name.end };
    const value = parent.initializer;
    if (value) destructured.initializer = { start: value.getStart(sourceFile), end: value.end, text: value.getText(sourceFile), needsParens: defaultNeedsParens(value) };
    return { runtimeRead, destructured };
  }
  if (ts.isImportSpecifier(parent) && parent.name === node && !parent.propertyName && isStaticEnvImport(parent)) {
    return { runtimeRead: false, staticImport: { start: parent.getStart(sourceFile) } };
  }
  if (ts.isIdentifier(node) && isReference(node) && staticEnvBindings(sourceFile).has(node.text)) {
    return { runtimeRead: false, read: describeRead(node, sourceFile) };
  }
  return { runtimeRead: false };
}

/**
 * The runtime's own env object, however it is reached: `process.env`, `Deno.env.toObject()` through
 * `globalThis` or optional chaining, or a local that holds one (`const env = Deno.env.toObject()`).
 */
function isEnvObject(text: string, sourceFile: TS.SourceFile): boolean {
  const path = runtimePath(text);
  return ENV_OBJECTS.has(path) || envObjectLocals(sourceFile).has(path);
}

/** An access path's text with blanks and optional chaining taken out, and a leading `globalThis.` or `(globalThis as …).`. */
function runtimePath(text: string): string {
  return compact(text)
    .replace(/\?\./g, '.')
    .replace(/^\(globalThisas[^()]*\)\./, '')
    .replace(/^globalThis\./, '');
}

const envLocalsCache = new WeakMap<TS.SourceFile, Set<string>>();

/** Names declared anywhere in the file as `const NAME = <the runtime's env object>`. */
function envObjectLocals(sourceFile: TS.SourceFile): Set<string> {
  let names = envLocalsCache.get(sourceFile);
  if (names) return names;
  names = new Set();
  envLocalsCache.set(sourceFile, names);
  // Cheap test first: most files never keep the env object in a local.
  if (!/=\s*(?:\(?\s*globalThis\b[^=]*)?(?:process\s*\??\.\s*env|import\s*\.\s*meta\s*\.\s*env|Deno\s*\??\.\s*env\s*\??\.\s*toObject\s*\(\s*\))(?!\w|[ \t]*[.?([])/.test(sourceFile.text)) return names;
  const ts = typescript();
  const found = names;
  const visit = (node: TS.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ENV_OBJECTS.has(runtimePath(node.initializer.getText(sourceFile)))) {
      found.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

function isStaticEnvImport(specifier: TS.ImportSpecifier): boolean {
  const declaration = specifier.parent.parent.parent;
  const ts = typescript();
  return ts.isStringLiteral(declaration.moduleSpecifier) && STATIC_ENV_MODULES.has(declaration.moduleSpecifier.text);
}

/** An identifier used as a value, not declared, not a property name. */
function isReference(node: TS.Identifier): boolean {
  const ts = typescript();
  const parent = node.parent;
  if ((parent as { name?: TS.Node }).name === node && !ts.isPropertyAccessExpression(parent)) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isShorthandPropertyAssignment(parent) || ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent)) return false;
  return true;
}

const staticCache = new WeakMap<TS.SourceFile, Set<string>>();
const dynamicCache = new WeakMap<TS.SourceFile, Set<string>>();

/** Local names bound by `import { X } from '$env/static/*'` or `'@env'`. */
function staticEnvBindings(sourceFile: TS.SourceFile): Set<string> {
  return importedNames(sourceFile, staticCache, STATIC_ENV_MODULES);
}

/** Local names of `import { env } from '$env/dynamic/*'`. */
function dynamicEnvBindings(sourceFile: TS.SourceFile): Set<string> {
  return importedNames(sourceFile, dynamicCache, DYNAMIC_ENV_MODULES);
}

function importedNames(sourceFile: TS.SourceFile, cache: WeakMap<TS.SourceFile, Set<string>>, modules: ReadonlySet<string>): Set<string> {
  let names = cache.get(sourceFile);
  if (names) return names;
  const ts = typescript();
  names = new Set();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!modules.has(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.add(element.name.text);
  }
  cache.set(sourceFile, names);
  return names;
}

/** An expression that reads one env name, described as a runtime read is: a helper's call that returns an env read (Edge Functions). */
export function describeEnvRead(read: TS.Expression, sourceFile: TS.SourceFile): EnvRead {
  return describeRead(read, sourceFile);
}

function describeRead(read: TS.Expression, sourceFile: TS.SourceFile): EnvRead {
  const described: EnvRead = {
    start: read.getStart(sourceFile),
    end: read.end,
    text: read.getText(sourceFile),
    needsParens: fallbackNeedsParens(read),
  };
  if (isWriteTarget(read)) described.assigned = true;
  const chain = fallbackChain(read, sourceFile);
  if (chain) described.chain = chain;
  const ts = typescript();
  const parent = read.parent;
  if (ts.isConditionalExpression(parent) && parent.whenFalse === read) {
    described.ternary = {
      condition: parent.condition.getText(sourceFile),
      whenTrue: parent.whenTrue.getText(sourceFile),
      start: parent.getStart(sourceFile),
      end: parent.end,
    };
  }
  const defaultOf = destructuredDefault(read, sourceFile);
  if (defaultOf) described.defaultOf = defaultOf;
  const lastResort = lastResortOf(read, sourceFile);
  if (lastResort) described.lastResort = lastResort;
  const previousArgument = previousArgumentOf(read, sourceFile);
  if (previousArgument) described.previousArgument = previousArgument;
  return described;
}

/** The target of an assignment (`=`, `??=`, `+=`, …), of `delete`, or of `++`/`--`. */
function isWriteTarget(node: TS.Expression): boolean {
  const ts = typescript();
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    return parent.left === node && operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment;
  }
  const increment = (operator: TS.SyntaxKind) => operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
  return ts.isDeleteExpression(parent) || ts.isPostfixUnaryExpression(parent) || (ts.isPrefixUnaryExpression(parent) && increment(parent.operator));
}

/** The read `env.NEW` a destructuring makes when `read` stands in its default (`{ NEW: key = env.LEGACY ?? '' } = env`). */
function destructuredDefault(read: TS.Expression, sourceFile: TS.SourceFile): EnvRead['defaultOf'] {
  const ts = typescript();
  let node: TS.Node = read;
  while (ts.isParenthesizedExpression(node.parent) || (ts.isBinaryExpression(node.parent) && fallbackOperator(node.parent))) node = node.parent;
  const element = node.parent;
  if (!ts.isBindingElement(element) || element.initializer !== node || !ts.isObjectBindingPattern(element.parent)) return undefined;
  const declaration = element.parent.parent;
  const key = element.propertyName ?? element.name;
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer || !(ts.isIdentifier(key) || ts.isStringLiteral(key))) return undefined;
  const object = declaration.initializer.getText(sourceFile);
  if (!isEnvObject(object, sourceFile)) return undefined;
  const defaultOf: NonNullable<EnvRead['defaultOf']> = { read: `${object}.${key.text}` };
  const span = { start: element.name.end, end: node.end };
  if (node === read) defaultOf.drop = { ...span, text: '' };
  else if (ts.isBinaryExpression(read.parent) && read.parent.left === read && read.parent.parent === element) {
    // `LEGACY ?? rest`: the default becomes the rest, without the parentheses a transitional write gave it.
    const rest = read.parent.right;
    const kept = ts.isParenthesizedExpression(rest) && defaultNeedsParens(rest.expression) ? rest.expression : rest;
    defaultOf.drop = { ...span, text: ` = ${kept.getText(sourceFile)}` };
  }
  return defaultOf;
}

function fallbackOperator(node: TS.BinaryExpression): boolean {
  const ts = typescript();
  return node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken;
}

/** Whether a binding's default must be parenthesised as the right operand of `??` (`a || b`, `c ? d : e`, an arrow). */
function defaultNeedsParens(value: TS.Expression): boolean {
  const ts = typescript();
  return ts.isBinaryExpression(value) || ts.isConditionalExpression(value) || ts.isArrowFunction(value) || ts.isYieldExpression(value);
}

/** The `??` or `||` chain `read` is an operand of, flattened (`a ?? b ?? c` parses as `(a ?? b) ?? c`). */
function fallbackChain(read: TS.Expression, sourceFile: TS.SourceFile): FallbackChain | undefined {
  const ts = typescript();
  const operatorOf = (node: TS.Node): FallbackChain['operator'] | undefined => {
    if (!ts.isBinaryExpression(node)) return undefined;
    if (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return '??';
    if (node.operatorToken.kind === ts.SyntaxKind.BarBarToken) return '||';
    return undefined;
  };
  const operator = operatorOf(read.parent);
  if (!operator) return undefined;
  let top = read.parent as TS.BinaryExpression;
  while (operatorOf(top.parent) === operator && (top.parent as TS.BinaryExpression).left === top) top = top.parent as TS.BinaryExpression;
  const operands: TS.Expression[] = [];
  const flatten = (node: TS.Expression): void => {
    if (operatorOf(node) === operator) {
      flatten((node as TS.BinaryExpression).left);
      operands.push((node as TS.BinaryExpression).right);
    } else operands.push(node);
  };
  flatten(top);
  // Parentheses a fallback needed are the fallback's own; a final run that leaves one operand removes them with it.
  const outer = ts.isParenthesizedExpression(top.parent) && fallbackNeedsParens(top.parent) ? top.parent : top;
  return {
    operator,
    start: top.getStart(sourceFile),
    end: top.end,
    text: top.getText(sourceFile),
    outer: { start: outer.getStart(sourceFile), end: outer.end },
    operands: operands.map((operand) => ({ start: operand.getStart(sourceFile), end: operand.end, read: isEnvRead(operand, sourceFile) })),
  };
}

/** `Deno.env.get('X')`, `process.env.X`, `process.env['X']`, `env.X` of `$env/dynamic/*`, a binding of `$env/static/*`. */
function isEnvRead(node: TS.Expression, sourceFile: TS.SourceFile): boolean {
  const ts = typescript();
  if (ts.isCallExpression(node)) {
    const [name] = node.arguments;
    return node.arguments.length === 1 && name !== undefined && ts.isStringLiteralLike(name) && compact(node.expression.getText(sourceFile)) === 'Deno.env.get';
  }
  const envObject = (object: TS.Expression) => {
    const text = compact(object.getText(sourceFile));
    return ENV_OBJECTS.has(text) || dynamicEnvBindings(sourceFile).has(text);
  };
  if (ts.isPropertyAccessExpression(node)) return envObject(node.expression);
  if (ts.isElementAccessExpression(node)) return ts.isStringLiteralLike(node.argumentExpression) && envObject(node.expression);
  return ts.isIdentifier(node) && staticEnvBindings(sourceFile).has(node.text);
}

/** Whether `NEW ?? LEGACY` standing where `node` stands must be parenthesised. */
function fallbackNeedsParens(node: TS.Node): boolean {
  const ts = typescript();
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.CommaToken) return false;
    return !(parent.right === node && op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment);
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const args: readonly TS.Node[] = parent.arguments ?? [];
    return !args.includes(node);
  }
  if (ts.isElementAccessExpression(parent)) return parent.argumentExpression !== node;
  return !(
    ts.isParenthesizedExpression(parent) ||
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isReturnStatement(parent) ||
    ts.isExpressionStatement(parent) ||
    ts.isJsxExpression(parent) ||
    ts.isTemplateSpan(parent) ||
    ts.isSpreadElement(parent) ||
    ts.isSpreadAssignment(parent) ||
    ts.isConditionalExpression(parent) ||
    ts.isArrowFunction(parent) ||
    ts.isParameter(parent) ||
    ts.isBindingElement(parent) ||
    ts.isExportAssignment(parent) ||
    ts.isPropertyDeclaration(parent)
  );
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
