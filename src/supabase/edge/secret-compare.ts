// Whether a function's code compares what the caller sent (a request header) with a secret it holds: a shared
// secret from the environment (`x-job-token` against INTERNAL_JOB_TOKEN, `Bearer ${CRON_SECRET}`) or an entry of
// SUPABASE_SECRET_KEYS against `apikey`. Read on the syntax tree, so comments and strings are not checks. The anon
// and publishable keys are public (anyone holding the app has them): a compare with them authenticates no one, and a
// compare with SUPABASE_SERVICE_ROLE_KEY is edge-function-key-compare's concern.
import type { ts as TS } from 'ts-morph';
import { typescript, unwrapExpression } from '../../core/typescript.js';
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

// The name an env read by a parameter stands for: a secret's, whichever the caller names.
const SECRET_BY_PARAMETER = 'SECRET_NAMED_BY_CALLER';

const isCode = (path: string) => /\.[cm]?[jt]sx?$/i.test(path);

/**
 * Each code module's analysis, with the names bound to secrets followed across the modules: names a module gives a
 * secret that others may read (`{ internalJobToken: Deno.env.get('…') }`, `export const TOKEN = …`), and the parameters
 * that callers fill with a secret (`isKeyAuthorized(req, Deno.env.get('KEY'))`: `isKeyAuthorized#1`).
 */
function analysed(modules: readonly Module[]): ReturnType<typeof analyse>[] {
  const parsed = modules
    .filter((module) => isCode(module.path))
    .map((module) => (module.scripts ?? new Scripts(module.path, module.text)).parse(wholeScript(module.path, module.text)).sourceFile);
  const shared = new Set<string>();
  for (let round = 0; round < 3; round++) {
    for (const sourceFile of parsed) analyse(sourceFile, shared).exported.forEach((name) => shared.add(name));
  }
  return parsed.map((sourceFile) => analyse(sourceFile, shared));
}

/** Whether any module compares a request header with a secret. */
export function comparesHeaderWithSecret(modules: readonly Module[]): boolean {
  const results = analysed(modules);
  // The REST form of auth.getUser (a fetch of /auth/v1/user with the caller's Authorization) checks the caller when a
  // failure answers 401/403 somewhere in the function's code (the helper returns `response.ok`, its caller the 401).
  return results.some((result) => result.compares || result.validates) || (results.some((result) => result.fetchesUser) && results.some((result) => result.refuses));
}

/**
 * Whether any module compares the Authorization header (its Bearer) with a secret of its own, not a Supabase key
 * (`Bearer ${CRON_SECRET}`): a caller that sends that secret there must keep sending it there (issue 27 item 8).
 */
export function comparesBearerWithOwnSecret(modules: readonly Module[]): boolean {
  return analysed(modules).some((result) => result.comparesBearer);
}

/** Whether a function's body has the shape of a constant-time compare: a length compare or a loop, and `^` (XOR) folded with `|`. */
function constantTimeShape(body: TS.Node, ts: typeof TS): boolean {
  let xor = false;
  let or = false;
  const visit = (node: TS.Node): void => {
    if (ts.isBinaryExpression(node)) {
      if (node.operatorToken.kind === ts.SyntaxKind.CaretToken || node.operatorToken.kind === ts.SyntaxKind.CaretEqualsToken) xor = true;
      if (node.operatorToken.kind === ts.SyntaxKind.BarEqualsToken || node.operatorToken.kind === ts.SyntaxKind.BarToken) or = true;
    }
    node.forEachChild(visit);
  };
  visit(body);
  return xor && or;
}

const STATUS_REFUSED = /^40[13]$/;
const USER_ENDPOINT = /\/auth\/v1\/user\b/;
/** Whether a statement answers 401 or 403 (`new Response(…, { status: 401 })`, `json(401, …)`) or throws. */
function refuses(node: TS.Node, ts: typeof TS): boolean {
  let found = false;
  const visit = (child: TS.Node): void => {
    if (found) return;
    if (ts.isNumericLiteral(child) && STATUS_REFUSED.test(child.text)) found = true;
    else child.forEachChild(visit);
  };
  visit(node);
  return found;
}

interface Analysis {
  compares: boolean;
  exported: string[];
  /** A call that validates what the caller sent, whose failure answers 401/403. */
  validates: boolean;
  /** A fetch of `/auth/v1/user` with the caller's Authorization header. */
  fetchesUser: boolean;
  /** A 401 or 403 answered somewhere. */
  refuses: boolean;
  /** A compare of the Authorization header with a secret other than SUPABASE_SECRET_KEYS. */
  comparesBearer: boolean;
}

function analyse(sourceFile: TS.SourceFile, shared: ReadonlySet<string>): Analysis {
  const ts = typescript();
  const secretNames = new Set<string>();
  const headerNames = new Set<string>();
  const parameters = new Set<string>();
  const imported = new Set<string>();

  const unwrap = unwrapExpression;
  const methodOf = (call: TS.CallExpression): string =>
    ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : ts.isIdentifier(call.expression) ? call.expression.text : '';
  const endsWithEnv = (node: TS.Expression) => /env$/i.test(node.getText(sourceFile));

  /** `Deno.env.get('NAME')`, `process.env.NAME`, `env['NAME']`: the name read. */
  const envRead = (node: TS.Expression): string | undefined => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get' && endsWithEnv(node.expression.expression)) {
      const argument = node.arguments[0];
      // `Deno.env.get(envName)` in a helper whose caller names the variable (`verifySharedSecret(req, 'x-device-secret', 'DEVICE_SECRET')`).
      if (argument && ts.isIdentifier(argument) && parameters.has(argument.text)) return SECRET_BY_PARAMETER;
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
  // Functions by name (`function f(…)`, `const f = (…) => …`), and those shaped like a constant-time compare.
  const functions = new Map<string, TS.SignatureDeclaration>();
  const comparers = new Set<string>();
  const collect = (node: TS.Node): void => {
    const named = ts.isFunctionDeclaration(node) && node.name ? node.name.text : undefined;
    const bound =
      ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
        ? node.initializer
        : undefined;
    const fn = named !== undefined ? (node as TS.FunctionDeclaration) : bound;
    const fnName = named ?? (bound ? ((node as TS.VariableDeclaration).name as TS.Identifier).text : undefined);
    if (fn && fnName !== undefined) {
      functions.set(fnName, fn);
      if (fn.parameters.length === 2 && fn.body && constantTimeShape(fn.body, ts)) comparers.add(fnName);
    }
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
  for (const [fnName, fn] of functions) {
    fn.parameters.forEach((parameter, index) => {
      if (shared.has(`${fnName}#${index}`)) bindNames(parameter.name, secretNames);
    });
  }
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
  let validates = false;
  let fetchesUser = false;
  let refused = false;
  // `const ok = await validateSession(token)`: names bound to a call that takes what the caller sent.
  const validationCall = (node: TS.Expression): boolean => {
    const inner = unwrap(node);
    if (ts.isIdentifier(inner)) {
      const declaration = declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === inner.text);
      return declaration !== undefined && declaration.initializer !== undefined && validationCall(declaration.initializer);
    }
    if (!ts.isCallExpression(inner)) return false;
    const method = methodOf(inner);
    // An origin (CORS) check answers 403 to a browser, not to a caller without credentials.
    if (method === '' || /origin|cors/i.test(method) || CUTS.has(method) || method === 'get') return false;
    return inner.arguments.some((argument) => header(argument) && !/origin/i.test(argument.getText(sourceFile)));
  };
  // A URL's text, through a name bound to it (`const authUrl = new URL('/auth/v1/user', …)`).
  const urlText = (url: TS.Expression): string => {
    const inner = unwrap(url);
    if (!ts.isIdentifier(inner)) return inner.getText(sourceFile);
    const declaration = declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === inner.text);
    return declaration?.initializer ? declaration.initializer.getText(sourceFile) : '';
  };
  // `{ headers: { Authorization: authHeader } }` where the value is the request's header (or `req.headers` itself).
  const sendsAuthorization = (options: TS.Expression): boolean => {
    let found = false;
    const look = (node: TS.Node): void => {
      if (found) return;
      if (ts.isPropertyAssignment(node) && /^["']?authorization["']?$/i.test(node.name.getText(sourceFile))) found = header(node.initializer);
      else if (ts.isShorthandPropertyAssignment(node) && /^authorization$/i.test(node.name.text)) found = header(node.name);
      else if (ts.isPropertyAssignment(node) && node.name.getText(sourceFile) === 'headers' && header(node.initializer)) found = true;
      else node.forEachChild(look);
    };
    look(options);
    return found;
  };
  // `!x`, `x === false`, `x == null`: the condition holds when the validation failed.
  const failed = (condition: TS.Expression): boolean => {
    const inner = ts.isParenthesizedExpression(condition) ? condition.expression : condition;
    if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken) return validationCall(inner.operand);
    if (ts.isBinaryExpression(inner) && EQUALITY.has(inner.operatorToken.getText(sourceFile)) && /^(false|null|undefined)$/.test(inner.right.getText(sourceFile))) {
      return validationCall(inner.left);
    }
    if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.BarBarToken) return failed(inner.left) || failed(inner.right);
    return false;
  };
  let comparesBearer = false;
  // The Authorization header, read directly or through a name bound to it.
  const bearerNames = new Set(
    declarations.filter((d) => ts.isIdentifier(d.name) && headerNames.has(d.name.text) && /authorization/i.test((d.initializer as TS.Expression).getText(sourceFile))).map((d) => (d.name as TS.Identifier).text),
  );
  for (let grown = true; grown; ) {
    grown = false;
    for (const d of declarations) {
      if (!ts.isIdentifier(d.name) || bearerNames.has(d.name.text) || !headerNames.has(d.name.text)) continue;
      const text = (d.initializer as TS.Expression).getText(sourceFile);
      if ([...bearerNames].some((name) => new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(text))) {
        bearerNames.add(d.name.text);
        grown = true;
      }
    }
  }
  const bearer = (node: TS.Expression) => {
    const text = node.getText(sourceFile);
    return /authorization/i.test(text) || [...bearerNames].some((name) => new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(text));
  };
  const ownSecret = (node: TS.Expression) => !/SUPABASE_SECRET_KEYS/.test(node.getText(sourceFile));
  const pair = (a: TS.Expression, b: TS.Expression) => {
    const [held, sent] = secret(a) && !header(a) && header(b) && !secret(b) ? [a, b] : secret(b) && !header(b) && header(a) && !secret(a) ? [b, a] : [];
    if (!held || !sent) return false;
    if (bearer(sent) && ownSecret(held)) comparesBearer = true;
    return true;
  };
  const visit = (node: TS.Node): void => {
    if (ts.isNumericLiteral(node) && STATUS_REFUSED.test(node.text)) refused = true;
    if (ts.isIfStatement(node) && failed(node.expression) && refuses(node.thenStatement, ts)) validates = true;
    if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.getText(sourceFile))) compares = pair(node.left, node.right) || compares;
    else if (ts.isCallExpression(node)) {
      const method = methodOf(node);
      if (MATCHERS.has(method) && ts.isPropertyAccessExpression(node.expression) && node.arguments[0]) compares = pair(node.expression.expression, node.arguments[0]) || compares;
      else if ((COMPARERS.test(method) || comparers.has(method)) && node.arguments.length >= 2) {
        compares = node.arguments.some((a) => node.arguments.some((b) => a !== b && pair(a, b))) || compares;
      }
      // A helper called with a secret: its parameter holds one (followed across modules by name).
      if (ts.isIdentifier(node.expression)) node.arguments.forEach((argument, index) => secret(argument) && exported.push(`${method}#${index}`));
      if (method === 'fetch' && node.arguments.length >= 2 && USER_ENDPOINT.test(urlText(node.arguments[0] as TS.Expression))) {
        fetchesUser ||= sendsAuthorization(node.arguments[1] as TS.Expression);
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
  return { compares, exported, validates, fetchesUser, refuses: refused, comparesBearer };
}
