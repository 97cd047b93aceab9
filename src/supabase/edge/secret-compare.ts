// Whether a function's code compares what the caller sent (a request header) with a secret it holds: a shared
// secret from the environment (`x-job-token` against INTERNAL_JOB_TOKEN, `Bearer ${CRON_SECRET}`) or an entry of
// SUPABASE_SECRET_KEYS against `apikey`. Read on the syntax tree, so comments and strings are not checks. The anon
// and publishable keys are public (anyone holding the app has them): a compare with them authenticates no one, and a
// compare with SUPABASE_SERVICE_ROLE_KEY is edge-function-key-compare's concern.
import type { ts as TS } from 'ts-morph';
import { typescript } from '../../core/typescript.js';
import { Scripts, wholeScript } from '../../file-kinds/parse.js';

/** A module of a function's code, as auth-check.ts receives it. */
interface Module {
  path: string;
  text: string;
  scripts?: Scripts;
}

/** An environment variable that holds a secret the caller must present: not a public key, a legacy key or a setting. */
function isSecretEnvName(name: string): boolean {
  if (name === 'SUPABASE_SECRET_KEYS') return true;
  if (/ANON|PUBLISHABLE|PUBLIC/i.test(name)) return false;
  // SUPABASE_* / SB_* are the platform's own (keys, URL, DB URL); the legacy service_role key is key-compare's case.
  if (/^(SUPABASE|SB)_/i.test(name)) return false;
  return !/(^|_)(URL|URI|HOST|PORT|REGION|ENV|MODE|DEBUG|LEVEL|NAME|ID|MODEL|TITLE|REFERER|ORIGIN|ORIGINS)$/i.test(name);
}

const EQUALITY = new Set(['===', '!==', '==', '!=']);
const MATCHERS = new Set(['includes', 'startsWith', 'endsWith', 'indexOf']);
const CALLBACKS = new Set(['some', 'find', 'findIndex', 'every', 'filter', 'map', 'forEach']);
// What leaves a value what it was: `x.trim()`, `x.replace('Bearer ', '')`, `String(x)`, `encoder.encode(x)`.
const CUTS = new Set(['replace', 'replaceAll', 'split', 'slice', 'substring', 'substr', 'trim', 'trimStart', 'trimEnd', 'at', 'toString', 'toLowerCase']);
const WRAPS = new Set(['String', 'encode', 'from', 'parse', 'values', 'digest']);
const COMPARERS = /timingSafeEqual|safeEqual|secureCompare|constantTime|compare|equals?$/i;

const isCode = (path: string) => /\.[cm]?[jt]sx?$/i.test(path);

/** Whether any module compares a request header with a secret; names bound to secrets are followed across the modules. */
export function comparesHeaderWithSecret(modules: readonly Module[]): boolean {
  const parsed = modules
    .filter((module) => isCode(module.path))
    .map((module) => (module.scripts ?? new Scripts(module.path, module.text)).parse(wholeScript(module.path, module.text)).sourceFile);
  // Names a module gives a secret that others may read: `{ internalJobToken: Deno.env.get('…') }`, `export const TOKEN = …`.
  const shared = new Set<string>();
  for (let round = 0; round < 2; round++) {
    for (const sourceFile of parsed) analyse(sourceFile, shared).exported.forEach((name) => shared.add(name));
  }
  return parsed.some((sourceFile) => analyse(sourceFile, shared).compares);
}

function analyse(sourceFile: TS.SourceFile, shared: ReadonlySet<string>): { compares: boolean; exported: string[] } {
  const ts = typescript();
  const secretNames = new Set<string>();
  const headerNames = new Set<string>();
  const parameters = new Set<string>();
  const imported = new Set<string>();

  const unwrap = (node: TS.Expression): TS.Expression => {
    let current = node;
    for (;;) {
      if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) {
        current = current.expression;
      } else if (ts.isTypeAssertionExpression(current) || ts.isAwaitExpression(current)) current = current.expression;
      else if (ts.isBinaryExpression(current) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(current.operatorToken.kind)) {
        current = current.left;
      } else return current;
    }
  };
  const methodOf = (call: TS.CallExpression): string =>
    ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : ts.isIdentifier(call.expression) ? call.expression.text : '';
  const endsWithEnv = (node: TS.Expression) => /env$/i.test(node.getText(sourceFile));

  /** `Deno.env.get('NAME')`, `process.env.NAME`, `env['NAME']`: the name read. */
  const envRead = (node: TS.Expression): string | undefined => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get' && endsWithEnv(node.expression.expression)) {
      const argument = node.arguments[0];
      return argument && ts.isStringLiteralLike(argument) ? argument.text : undefined;
    }
    if (ts.isPropertyAccessExpression(node) && endsWithEnv(node.expression)) return node.name.text;
    if (ts.isElementAccessExpression(node) && endsWithEnv(node.expression) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
    return undefined;
  };

  const secret = (node: TS.Expression): boolean => {
    const inner = unwrap(node);
    const name = envRead(inner);
    if (name !== undefined) return isSecretEnvName(name);
    if (ts.isIdentifier(inner)) return secretNames.has(inner.text) || (imported.has(inner.text) && shared.has(inner.text));
    if (ts.isPropertyAccessExpression(inner)) return shared.has(inner.name.text) || secret(inner.expression);
    if (ts.isElementAccessExpression(inner)) return secret(inner.expression);
    if (ts.isConditionalExpression(inner)) return secret(inner.whenTrue) || secret(inner.whenFalse);
    if (ts.isTemplateExpression(inner)) return inner.templateSpans.some((span) => secret(span.expression));
    if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) return secret(inner.left) || secret(inner.right);
    if (ts.isCallExpression(inner)) {
      const method = methodOf(inner);
      if (CUTS.has(method) && ts.isPropertyAccessExpression(inner.expression)) return secret(inner.expression.expression);
      return WRAPS.has(method) && inner.arguments[0] !== undefined && secret(inner.arguments[0]);
    }
    return false;
  };

  const header = (node: TS.Expression): boolean => {
    const inner = unwrap(node);
    if (ts.isIdentifier(inner)) return headerNames.has(inner.text) || (parameters.has(inner.text) && !secretNames.has(inner.text));
    if (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) {
      return /headers$/i.test(inner.expression.getText(sourceFile)) || (ts.isElementAccessExpression(inner) && header(inner.expression));
    }
    if (ts.isConditionalExpression(inner)) return header(inner.whenTrue) || header(inner.whenFalse);
    if (ts.isTemplateExpression(inner)) return inner.templateSpans.some((span) => header(span.expression));
    if (!ts.isCallExpression(inner)) return false;
    const method = methodOf(inner);
    if (method === 'get' && ts.isPropertyAccessExpression(inner.expression) && /headers$/i.test(inner.expression.expression.getText(sourceFile))) return true;
    if (CUTS.has(method) && ts.isPropertyAccessExpression(inner.expression)) return header(inner.expression.expression);
    return WRAPS.has(method) && inner.arguments[0] !== undefined && header(inner.arguments[0]);
  };

  const declarations: TS.VariableDeclaration[] = [];
  const callbacks: TS.CallExpression[] = [];
  const collect = (node: TS.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer) declarations.push(node);
    else if (ts.isCallExpression(node) && CALLBACKS.has(methodOf(node)) && ts.isPropertyAccessExpression(node.expression)) callbacks.push(node);
    else if (ts.isParameter(node) && ts.isIdentifier(node.name)) parameters.add(node.name.text);
    else if (ts.isImportSpecifier(node)) imported.add(node.name.text);
    node.forEachChild(collect);
  };
  collect(sourceFile);

  const bindNames = (name: TS.BindingName, into: Set<string>, only?: ReadonlySet<string>): boolean => {
    let changed = false;
    const add = (text: string) => {
      if ((!only || only.has(text)) && !into.has(text)) {
        into.add(text);
        changed = true;
      }
    };
    if (ts.isIdentifier(name)) add(name.text);
    else {
      for (const element of name.elements) {
        if (!ts.isBindingElement(element)) continue;
        const key = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : undefined;
        if (only && key !== undefined) {
          if (only.has(key) && ts.isIdentifier(element.name) && !into.has(element.name.text)) {
            into.add(element.name.text);
            changed = true;
          }
        } else changed = bindNames(element.name, into, only) || changed;
      }
    }
    return changed;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const declaration of declarations) {
      const initializer = declaration.initializer as TS.Expression;
      if (header(initializer)) changed = bindNames(declaration.name, headerNames) || changed;
      else if (secret(initializer)) changed = bindNames(declaration.name, secretNames) || changed;
      // `const { internalJobToken } = getConfig()`: a name another module gives a secret.
      else if (ts.isObjectBindingPattern(declaration.name)) changed = bindNames(declaration.name, secretNames, shared) || changed;
    }
    for (const call of callbacks) {
      const callback = call.arguments[0];
      const parameter = callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ? callback.parameters[0]?.name : undefined;
      if (!parameter || !ts.isIdentifier(parameter)) continue;
      const receiver = (call.expression as TS.PropertyAccessExpression).expression;
      if (secret(receiver) && !secretNames.has(parameter.text)) {
        secretNames.add(parameter.text);
        changed = true;
      }
    }
  }

  const exported: string[] = [];
  let compares = false;
  const pair = (a: TS.Expression, b: TS.Expression) => (secret(a) && !header(a) && header(b) && !secret(b)) || (secret(b) && !header(b) && header(a) && !secret(a));
  const visit = (node: TS.Node): void => {
    if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.getText(sourceFile))) compares ||= pair(node.left, node.right);
    else if (ts.isCallExpression(node)) {
      const method = methodOf(node);
      if (MATCHERS.has(method) && ts.isPropertyAccessExpression(node.expression) && node.arguments[0]) compares ||= pair(node.expression.expression, node.arguments[0]);
      else if (COMPARERS.test(method) && node.arguments.length >= 2) {
        compares ||= node.arguments.some((a) => node.arguments.some((b) => a !== b && pair(a, b)));
      }
    } else if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && secret(node.initializer)) {
      exported.push(node.name.text);
    } else if (ts.isShorthandPropertyAssignment(node) && secretNames.has(node.name.text)) exported.push(node.name.text);
    else if (ts.isVariableStatement(node) && node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const declaration of node.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && secretNames.has(declaration.name.text)) exported.push(declaration.name.text);
      }
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return { compares, exported };
}
