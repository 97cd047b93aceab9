// Where code verifies or signs tokens with the legacy JWT secret: jsonwebtoken, jose with a symmetric key,
// djwt, hono/jwt and PyJWT with HS256, and reads of SUPABASE_JWT_SECRET that feed something else.
import type { ts as TS } from 'ts-morph';
import { typescript } from '../../../core/typescript.js';
import { envReads } from './env-reads.js';

export interface JwtSecretUse {
  offset: number;
  action: 'verifies' | 'signs' | 'reads';
  /** What shows it is the shared secret: a name, HS256, a symmetric key. */
  via: string;
  /** The secret's name, when a name shows it (an env variable, a constant, an import). */
  name?: string;
  /** The name is read from the environment (process.env, Deno.env, os.environ, a destructuring of one). */
  env?: boolean;
}

type Library = 'jsonwebtoken' | 'jose' | 'djwt' | 'hono' | 'worker-jwt';

/** Per library: the functions that take a key, which argument it is, and what they do. */
const KEYED_CALLS: Readonly<Record<Library, Readonly<Record<string, { key: number; action: 'verifies' | 'signs' }>>>> = {
  jsonwebtoken: { verify: { key: 1, action: 'verifies' }, sign: { key: 1, action: 'signs' } },
  jose: { jwtVerify: { key: 1, action: 'verifies' } },
  djwt: { verify: { key: 1, action: 'verifies' }, create: { key: 2, action: 'signs' } },
  hono: { verify: { key: 1, action: 'verifies' }, sign: { key: 1, action: 'signs' } },
  'worker-jwt': { verify: { key: 1, action: 'verifies' }, sign: { key: 1, action: 'signs' } },
};

function libraryOf(specifier: string): Library | undefined {
  if (specifier === 'jsonwebtoken' || specifier.startsWith('npm:jsonwebtoken')) return 'jsonwebtoken';
  if (specifier === 'jose' || specifier.startsWith('npm:jose') || /\/jose@?[^/]*\//.test(specifier)) return 'jose';
  if (specifier.includes('djwt')) return 'djwt';
  if (specifier === 'hono/jwt' || specifier.endsWith('/hono/jwt') || specifier === 'hono/utils/jwt') return 'hono';
  if (specifier === '@tsndr/cloudflare-worker-jwt') return 'worker-jwt';
  return undefined;
}

const LEGACY_SECRET_NAME = /(^|_)SUPABASE_JWT_SECRET$/;
const SECRET_NAME = /jwt_?secret/i;

/** Uses of the legacy JWT secret in one parsed module (JS/TS or a component's script). */
export function jwtSecretUses(sourceFile: TS.SourceFile): JwtSecretUse[] {
  const ts = typescript();
  const text = sourceFile.text;
  if (!/JWT|jwt|HS256|SignJWT/.test(text)) return [];

  // Local names bound to a library: `import jwt from 'jsonwebtoken'`, `{ jwtVerify }`, `const jwt = require(…)`.
  const namespaces = new Map<string, Library>();
  const functions = new Map<string, { library: Library; name: string }>();
  const initializers = new Map<string, TS.Expression>();
  const visitDeclarations = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const library = libraryOf(node.moduleSpecifier.text);
      const clause = node.importClause;
      if (library && clause) {
        if (clause.name) namespaces.set(clause.name.text, library);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, library);
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) functions.set(element.name.text, { library, name: (element.propertyName ?? element.name).text });
        }
      }
    } else if (ts.isVariableDeclaration(node) && node.initializer) {
      const init = node.initializer;
      const required = ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments[0];
      const library = required && ts.isStringLiteral(required) ? libraryOf(required.text) : undefined;
      if (library && ts.isIdentifier(node.name)) namespaces.set(node.name.text, library);
      else if (library && ts.isObjectBindingPattern(node.name)) {
        for (const element of node.name.elements) {
          if (ts.isIdentifier(element.name)) functions.set(element.name.text, { library, name: (element.propertyName ?? element.name).getText(sourceFile) });
        }
      } else if (ts.isIdentifier(node.name) && !initializers.has(node.name.text)) initializers.set(node.name.text, init);
    }
    node.forEachChild(visitDeclarations);
  };
  visitDeclarations(sourceFile);

  const reads = envReads(sourceFile);
  const readAt = new Map(reads.map((read) => [read.offset, read.name]));
  const consumed = new Set<number>();

  /** A name that says the expression holds the JWT secret, following local names to their initializers. */
  const namedSecret = (node: TS.Node, seen = new Set<string>()): { name: string; env: boolean } | undefined => {
    let found: { name: string; env: boolean } | undefined;
    const visit = (n: TS.Node): void => {
      if (found) return;
      const at = ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.getStart(sourceFile) + 1 : n.getStart(sourceFile);
      const read = readAt.get(at);
      if (read && SECRET_NAME.test(read)) {
        consumed.add(at);
        found = { name: read, env: true };
        return;
      }
      if (ts.isIdentifier(n)) {
        const isPropertyName = ts.isPropertyAccessExpression(n.parent) && n.parent.name === n;
        const initializer = initializers.get(n.text);
        if (SECRET_NAME.test(n.text)) {
          // `const { SUPABASE_JWT_SECRET } = process.env` read elsewhere, used here.
          let env = false;
          for (const r of reads) {
            if (r.name !== n.text) continue;
            consumed.add(r.offset);
            env = true;
          }
          // `const jwtSecret = process.env.JWT_SECRET`: the name read; `const jwtSecret = nanoid(10)`: a secret of its own.
          const inner = !env && !isPropertyName && initializer && !seen.has(n.text) ? (seen.add(n.text), namedSecret(initializer, seen)) : undefined;
          found = inner?.env ? inner : { name: n.text, env };
          return;
        }
        if (!isPropertyName && initializer && !seen.has(n.text)) {
          seen.add(n.text);
          found = namedSecret(initializer, seen);
          if (found) return;
        }
      }
      n.forEachChild(visit);
    };
    visit(node);
    return found;
  };

  /** A symmetric key built in the expression or its local names: `new TextEncoder().encode(…)`, `createSecretKey`, an HMAC `importKey`. */
  const symmetricKey = (node: TS.Node, seen = new Set<string>()): string | undefined => {
    let found: string | undefined;
    const visit = (n: TS.Node): void => {
      if (found) return;
      if (ts.isCallExpression(n)) {
        const callee = n.expression.getText(sourceFile).replace(/\s+/g, '');
        if (/TextEncoder\(\)\.encode$|(^|\.)createSecretKey$/.test(callee)) found = 'a symmetric key';
        else if (/(^|\.)importKey$/.test(callee) && /['"]raw['"]/.test(n.getText(sourceFile)) && /HMAC/.test(n.getText(sourceFile))) found = 'an HMAC key';
        if (found) return;
      }
      if (ts.isIdentifier(n) && !seen.has(n.text) && initializers.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
        seen.add(n.text);
        found = symmetricKey(initializers.get(n.text) as TS.Expression, seen);
        if (found) return;
      }
      n.forEachChild(visit);
    };
    visit(node);
    return found;
  };

  const uses: JwtSecretUse[] = [];
  const visitCalls = (node: TS.Node): void => {
    if (ts.isCallExpression(node)) {
      const use = keyedCall(node);
      if (use) {
        const options = node.arguments[use.key + 1];
        const hs256 = options && /HS256/.test(options.getText(sourceFile)) ? 'HS256' : undefined;
        const key = node.arguments[use.key];
        // jsonwebtoken takes PEM public keys as strings too: only a name or HS256 tells the shared secret.
        const named = key && namedSecret(key);
        const via = named ? `\`${named.name}\`` : ((key && use.library !== 'jsonwebtoken' ? symmetricKey(key) : undefined) ?? hs256);
        if (via) uses.push({ offset: node.getStart(sourceFile), action: use.action, via, ...(named && named) });
      }
    }
    node.forEachChild(visitCalls);
  };

  const keyedCall = (call: TS.CallExpression): { key: number; action: 'verifies' | 'signs'; library: Library } | undefined => {
    const callee = call.expression;
    if (ts.isIdentifier(callee)) {
      const bound = functions.get(callee.text);
      const spec = bound && KEYED_CALLS[bound.library][bound.name];
      return spec && bound ? { ...spec, library: bound.library } : undefined;
    }
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    if (ts.isIdentifier(callee.expression)) {
      const library = namespaces.get(callee.expression.text);
      const spec = library && KEYED_CALLS[library][method];
      if (spec && library) return { ...spec, library };
    }
    // `await new SignJWT(claims).setProtectedHeader(…).sign(secret)`
    if (method === 'sign' && /\bnew\s+SignJWT\s*\(/.test(callee.expression.getText(sourceFile))) return { key: 0, action: 'signs', library: 'jose' };
    return undefined;
  };
  visitCalls(sourceFile);

  // The shared secret read for something else (a middleware option, a helper): still a use.
  for (const read of reads) {
    if (LEGACY_SECRET_NAME.test(read.name) && !consumed.has(read.offset)) {
      uses.push({ offset: read.offset, action: 'reads', via: `\`${read.name}\``, name: read.name, env: true });
    }
  }
  return uses.sort((a, b) => a.offset - b.offset);
}

// ---- Python --------------------------------------------------------------------------------------

const PY_CALL = /\bjwt\s*\.\s*(decode|encode)\s*\(/g;
const PY_ENV_READ = /(?:os\.environ(?:\.get)?\s*[([]\s*|os\.getenv\(\s*|getenv\(\s*|config\(\s*)["']([A-Za-z_]*SUPABASE_JWT_SECRET)["']/g;

/** PyJWT / python-jose: `jwt.decode(token, secret, algorithms=["HS256"])`, `jwt.encode(…, SUPABASE_JWT_SECRET)`. */
export function pythonJwtSecretUses(text: string): JwtSecretUse[] {
  const uses: JwtSecretUse[] = [];
  const spans: [number, number][] = [];
  for (const match of text.matchAll(PY_CALL)) {
    const start = match.index as number;
    if (/^\s*#/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))) continue;
    const end = closingParen(text, start + match[0].length);
    const args = text.slice(start + match[0].length, end);
    const name = /\b\w*jwt_?secret\w*/i.exec(args)?.[0];
    const via = name ? `\`${name}\`` : /HS256/.test(args) ? 'HS256' : undefined;
    if (!via) continue;
    spans.push([start, end]);
    // The name read from the environment: in the call (`os.environ['X']`) or anywhere in the module (`X = os.getenv('X')`).
    const env = name !== undefined && new RegExp(`(?:environ|getenv|config)\\W+["']${name}["']`, 'i').test(text);
    uses.push({ offset: start, action: match[1] === 'decode' ? 'verifies' : 'signs', via, ...(name !== undefined && { name, env }) });
  }
  for (const match of text.matchAll(PY_ENV_READ)) {
    const at = match.index as number;
    if (spans.some(([start, end]) => at >= start && at < end)) continue;
    if (/^\s*#/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at))) continue;
    uses.push({ offset: at, action: 'reads', via: `\`${match[1]}\``, name: match[1], env: true });
  }
  return uses.sort((a, b) => a.offset - b.offset);
}

function closingParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length && i < from + 2000; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return Math.min(text.length, from + 2000);
}
