// Where an Edge Function authenticates a caller with an API key the wrong way: it compares a request value with
// SUPABASE_ANON_KEY / SUPABASE_SERVICE_ROLE_KEY (which may already hold the new sb_… keys), decodes them as JWTs, or
// reads the caller's key from Authorization to compare it with SUPABASE_SECRET_KEYS / SUPABASE_PUBLISHABLE_KEYS.
// edge-function-key-compare reports these checks; edge-function-env leaves the runtime reads that feed them unrewritten
// (a rewritten read would keep the check wrong and silence it), so both read them here.
import type { ts as TS } from 'ts-morph';
import { typescript, unwrapExpression } from '../../../core/typescript.js';
import { isEdgeRuntimeFile } from '../../../supabase/paths.js';
import type { SyntaxFile } from '../../rule.js';

const ANON = 'SUPABASE_ANON_KEY';
const SERVICE_ROLE = 'SUPABASE_SERVICE_ROLE_KEY';
const NAMES = [ANON, SERVICE_ROLE];
// The new keys' variables (JSON objects of named keys): comparing them with a key read from Authorization is the
// issue-19 §2 case, callers moved to `apikey` carry no key there.
const NEW_NAMES = ['SUPABASE_SECRET_KEYS', 'SUPABASE_PUBLISHABLE_KEYS'];

/** What to do instead, for the key the code uses. */
function instead(name: string): string {
  const [plural, mode] = name === ANON ? ['SUPABASE_PUBLISHABLE_KEYS', 'publishable'] : ['SUPABASE_SECRET_KEYS', 'secret'];
  // In constant time, and why the JSON: the rule's meta.description.
  return `Compare the \`apikey\` header with the entries of the \`${plural}\` JSON, or use \`withSupabase({ auth: '${mode}' }, …)\` from @supabase/server.`;
}

const readsAuthorization = (plural: string) =>
  `this check reads the caller's key from \`Authorization\` to compare with \`${plural}\`, but supabase-js's functions.invoke and ` +
  "migrated callers send it in `apikey`, so they are rejected. Compare `req.headers.get('apikey')` instead.";

const MAY_HOLD = 'may already hold a new `sb_…` key, not the legacy JWT';

/** Edge Function code (not its tests) that names one of the legacy runtime keys: read through its syntax tree. */
export function readsKeyCompareSyntax(file: SyntaxFile): boolean {
  if (file.kind !== 'code' || file.parseError || !isEdgeRuntimeFile(file.path)) return false;
  return NAMES.some((name) => file.text.includes(name)) || (/authorization/i.test(file.text) && NEW_NAMES.some((name) => file.text.includes(name)));
}

/**
 * What an expression holds: the key itself, or a `Bearer …` string built from it; `fresh` for the new keys' variables;
 * `reads`, the runtime reads of the key it comes from.
 */
interface Held {
  name: string;
  bearer: boolean;
  fresh?: boolean;
  reads: readonly TS.Node[];
}

/** A check of a caller reported by edge-function-key-compare; `reads`, the spans of the legacy runtime reads it uses. */
export interface KeyUse {
  offset: number;
  message: string;
  reads: readonly { start: number; end: number }[];
}

/**
 * The spans of the runtime reads of SUPABASE_ANON_KEY / SUPABASE_SERVICE_ROLE_KEY (`Deno.env.get(…)`, `process.env.…`)
 * that feed a compare or a JWT decode edge-function-key-compare reports, directly or through a name bound to them in
 * the module: rewritten alone to the new keys' JSON, such a read would keep the check comparing a request value with a key.
 */
export function keyCheckReads(sourceFile: TS.SourceFile): { start: number; end: number }[] {
  return keyUses(sourceFile).flatMap((use) => use.reads);
}

const EQUALITY = new Set(['===', '!==', '==', '!=']);
const MATCHERS = new Set(['includes', 'startsWith', 'endsWith', 'indexOf']);
const DECODERS = new Set(['jwtDecode', 'decodeJwt', 'decode', 'decodeJWT', 'jwt_decode']);

export function keyUses(sourceFile: TS.SourceFile): KeyUse[] {
  const ts = typescript();
  // Names bound to the key (or a Bearer string of it), anywhere in the module: a const's name is rarely reused.
  const bound = new Map<string, Held>();

  const unwrap = unwrapExpression;

  const literalName = (node: TS.Node | undefined): string | undefined =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && (NAMES.includes(node.text) || NEW_NAMES.includes(node.text))
      ? node.text
      : undefined;

  /** `Deno.env.get('NAME')`, `process.env.NAME`, `env['NAME']`. */
  const envRead = (node: TS.Expression): string | undefined => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get') {
      const target = node.expression.expression;
      if (ts.isPropertyAccessExpression(target) && target.name.text === 'env') return literalName(node.arguments[0]);
    }
    if (ts.isPropertyAccessExpression(node) && NAMES.includes(node.name.text) && /env$/i.test(node.expression.getText(sourceFile))) return node.name.text;
    if (ts.isElementAccessExpression(node) && /env$/i.test(node.expression.getText(sourceFile))) return literalName(node.argumentExpression);
    return undefined;
  };

  const held = (node: TS.Expression): Held | undefined => {
    const inner = unwrap(node);
    const name = envRead(inner);
    if (name) return NEW_NAMES.includes(name) ? { name, bearer: false, fresh: true, reads: [] } : { name, bearer: false, reads: [inner] };
    if (ts.isIdentifier(inner)) return bound.get(inner.text);
    // `JSON.parse(keys).default`, `keys['default']`, `Object.values(keys)[0]`: still one of the new keys.
    if (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) {
      const whole = held(inner.expression);
      return whole?.fresh ? whole : undefined;
    }
    // `String(key)`, `key.trim()`, `encoder.encode(key)`, `Buffer.from(key)`: still the key.
    if (ts.isCallExpression(inner)) {
      const callee = inner.expression;
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (['trim', 'toString'].includes(method) && ts.isPropertyAccessExpression(callee)) return held(callee.expression);
      if (['String', 'encode', 'from'].includes(method) && inner.arguments[0]) return held(inner.arguments[0]);
      if (['parse', 'values'].includes(method) && inner.arguments[0]) {
        const parsed = held(inner.arguments[0]);
        return parsed?.fresh ? parsed : undefined;
      }
      return undefined;
    }
    if (ts.isTemplateExpression(inner)) {
      for (const span of inner.templateSpans) {
        const part = held(span.expression);
        if (part) return { ...part, bearer: part.bearer || /bearer\s*$/i.test(inner.head.text) };
      }
      return undefined;
    }
    if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const right = held(inner.right);
      if (right) return { ...right, bearer: right.bearer || /bearer\s*['"]?$/i.test(inner.left.getText(sourceFile)) };
      return held(inner.left);
    }
    return undefined;
  };

  // Names bound to what the request's Authorization header holds, or a piece of it (`token`, `[, key]`).
  const authorized = new Set<string>();
  const CUTS = new Set(['replace', 'replaceAll', 'split', 'slice', 'substring', 'substr', 'trim', 'at', 'toString']);
  const fromAuthorization = (node: TS.Expression): boolean => {
    const inner = unwrap(node);
    if (ts.isIdentifier(inner)) return authorized.has(inner.text);
    // `header?.startsWith('Bearer ') ? header.split(' ')[1] : header`: either branch from Authorization.
    if (ts.isConditionalExpression(inner)) return fromAuthorization(inner.whenTrue) || fromAuthorization(inner.whenFalse);
    if (ts.isElementAccessExpression(inner)) return fromAuthorization(inner.expression);
    if (ts.isPropertyAccessExpression(inner)) return inner.name.text.toLowerCase() === 'authorization' && /headers$/i.test(inner.expression.getText(sourceFile));
    if (!ts.isCallExpression(inner)) return false;
    const callee = inner.expression;
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    const argument = inner.arguments[0];
    if (method === 'get' && ts.isPropertyAccessExpression(callee) && /headers$/i.test(callee.expression.getText(sourceFile))) {
      return argument !== undefined && ts.isStringLiteralLike(argument) && argument.text.toLowerCase() === 'authorization';
    }
    if (CUTS.has(method) && ts.isPropertyAccessExpression(callee)) return fromAuthorization(callee.expression);
    return ['String', 'encode', 'from'].includes(method) && argument !== undefined && fromAuthorization(argument);
  };

  // Bind names until nothing changes: `const key = Deno.env.get(…)`, then `const expected = \`Bearer ${key}\``; a
  // callback over the new keys (`secrets.some((s) => …)`) binds its parameter to them.
  const declarations: TS.VariableDeclaration[] = [];
  const callbacks: TS.CallExpression[] = [];
  const collect = (node: TS.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer) declarations.push(node);
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments.length > 0) callbacks.push(node);
    node.forEachChild(collect);
  };
  collect(sourceFile);
  const bind = (name: string, value: Held | undefined): boolean => {
    if (!value || bound.has(name)) return false;
    bound.set(name, value);
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const declaration of declarations) {
      const initializer = declaration.initializer as TS.Expression;
      if (ts.isIdentifier(declaration.name)) {
        changed = bind(declaration.name.text, held(initializer)) || changed;
        if (!authorized.has(declaration.name.text) && fromAuthorization(initializer)) {
          authorized.add(declaration.name.text);
          changed = true;
        }
      } else if (ts.isArrayBindingPattern(declaration.name) && fromAuthorization(initializer)) {
        for (const element of declaration.name.elements) {
          if (ts.isBindingElement(element) && ts.isIdentifier(element.name) && !authorized.has(element.name.text)) {
            authorized.add(element.name.text);
            changed = true;
          }
        }
      }
    }
    for (const call of callbacks) {
      const receiver = held((call.expression as TS.PropertyAccessExpression).expression);
      const callback = call.arguments[0];
      if (!receiver?.fresh || !callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) continue;
      const parameter = callback.parameters[0]?.name;
      if (parameter && ts.isIdentifier(parameter)) changed = bind(parameter.text, receiver) || changed;
    }
  }

  const uses: KeyUse[] = [];
  const spans = (reads: readonly TS.Node[]) => reads.map((read) => ({ start: read.getStart(sourceFile), end: read.end }));
  const compared = (node: TS.Node, value: Held, via: string, others: readonly TS.Expression[]): void => {
    // The new keys' variables are the right thing to compare with: only a key read from Authorization is wrong there.
    if (value.fresh) {
      if (others.some(fromAuthorization)) uses.push({ offset: node.getStart(sourceFile), message: readsAuthorization(value.name), reads: [] });
      return;
    }
    const message = value.bearer
      ? `this builds \`Bearer \${${value.name}}\` to compare with the Authorization header, but \`${value.name}\` ${MAY_HOLD}, and a new key belongs in \`apikey\`. ${instead(value.name)}`
      : `this compares a request value with \`${value.name}\` (${via}), which ${MAY_HOLD}. ${instead(value.name)}`;
    uses.push({ offset: node.getStart(sourceFile), message, reads: spans(value.reads) });
  };
  const decoded = (node: TS.Node, value: Held, via: string): void => {
    const name = value.name;
    const message = `this decodes \`${name}\` as a JWT (${via}), but it may already hold a new \`sb_…\` key, which is not a JWT and has no \`role\` claim. ${instead(name)}`;
    uses.push({ offset: node.getStart(sourceFile), message, reads: spans(value.reads) });
  };
  // A value a key is compared with that says nothing about a caller: `key === undefined`, `typeof key !== 'string'`, `key === ''`.
  const inert = (node: TS.Expression): boolean => {
    const inner = unwrap(node);
    return (
      inner.kind === ts.SyntaxKind.NullKeyword ||
      (ts.isIdentifier(inner) && inner.text === 'undefined') ||
      ts.isStringLiteral(inner) ||
      ts.isNoSubstitutionTemplateLiteral(inner) ||
      ts.isNumericLiteral(inner) ||
      ts.isTypeOfExpression(inner)
    );
  };

  const visit = (node: TS.Node): void => {
    if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.getText(sourceFile))) {
      const left = held(node.left);
      const right = held(node.right);
      const value = left ?? right;
      const other = left ? node.right : node.left;
      if (value && !(left && right) && !inert(other)) compared(node, value, `\`${node.operatorToken.getText(sourceFile)}\``, [other]);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (MATCHERS.has(method) && ts.isPropertyAccessExpression(callee)) {
        const value = node.arguments[0] ? held(node.arguments[0]) : undefined;
        const receiver = held(callee.expression);
        if (value && !receiver) compared(node, value, `\`${method}\``, [callee.expression]);
        else if (receiver && !value && node.arguments[0] && !inert(node.arguments[0])) compared(node, receiver, `\`${method}\``, [node.arguments[0]]);
      } else if (method === 'timingSafeEqual') {
        const value = node.arguments.map((argument) => held(argument)).find((found) => found !== undefined);
        if (value) compared(node, value, '`timingSafeEqual`', node.arguments.filter((argument) => held(argument) === undefined));
      } else if (DECODERS.has(method) && node.arguments[0]) {
        const value = held(node.arguments[0]);
        if (value && !value.bearer && !value.fresh) decoded(node, value, `\`${method}\``);
      } else if (method === 'split' && ts.isPropertyAccessExpression(callee) && node.arguments[0] && ts.isStringLiteral(node.arguments[0]) && node.arguments[0].text === '.') {
        const value = held(callee.expression);
        if (value && !value.bearer && !value.fresh) decoded(node, value, "`split('.')`");
      }
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return uses;
}
