// Where code sets an `Authorization` header: object literal entries (headers objects, fetch/axios/ky
// options, createClient global headers), `headers.set/append(...)`, header tuples, assignments.
import type { ts as TS } from 'ts-morph';
import { typescript } from '../../../core/typescript.js';

export interface AuthorizationSite {
  /** Where the finding points: the `Authorization` name. */
  at: number;
  value: TS.Expression;
  /** The object literal entry, when the header is one: the only shape the unsafe fix rewrites. */
  entry?: TS.PropertyAssignment;
}

const AUTHORIZATION = /^authorization$/i;

export function authorizationSites(sourceFile: TS.SourceFile): AuthorizationSite[] {
  const ts = typescript();
  const sites: AuthorizationSite[] = [];
  const nameText = (name: TS.Node): string | undefined => {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
    if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNoSubstitutionTemplateLiteral(name.expression))) {
      return name.expression.text;
    }
    return undefined;
  };
  const isAuthorizationLiteral = (node: TS.Node | undefined): boolean =>
    node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && AUTHORIZATION.test(node.text);

  const visit = (node: TS.Node) => {
    if (ts.isPropertyAssignment(node) && AUTHORIZATION.test(nameText(node.name) ?? '')) {
      sites.push({ at: node.name.getStart(sourceFile), value: node.initializer, entry: node });
    } else if (ts.isShorthandPropertyAssignment(node) && AUTHORIZATION.test(node.name.text)) {
      sites.push({ at: node.name.getStart(sourceFile), value: node.name });
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(set|append)$/.test(node.expression.name.text)) {
      // headers.set('Authorization', value), headers.append('authorization', value)
      const [name, value] = node.arguments;
      if (isAuthorizationLiteral(name) && value) sites.push({ at: (name as TS.Node).getStart(sourceFile), value });
    } else if (ts.isArrayLiteralExpression(node) && node.elements.length === 2 && isAuthorizationLiteral(node.elements[0])) {
      // new Headers([['Authorization', value]])
      sites.push({ at: (node.elements[0] as TS.Node).getStart(sourceFile), value: node.elements[1] as TS.Expression });
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isElementAccessExpression(node.left) &&
      isAuthorizationLiteral(node.left.argumentExpression)
    ) {
      // axios.defaults.headers.common['Authorization'] = value
      sites.push({ at: node.left.argumentExpression.getStart(sourceFile), value: node.right });
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && AUTHORIZATION.test(node.left.name.text)) {
      // headers.Authorization = value
      sites.push({ at: node.left.name.getStart(sourceFile), value: node.right });
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return sites;
}

/**
 * The key inside a header value: `Bearer ${key}`, `'Bearer ' + key`, or a key literal without the
 * prefix; undefined when it cannot be taken out (a name may already hold `Bearer …`).
 */
export function bearerToken(value: TS.Expression): TS.Expression | undefined {
  const ts = typescript();
  let token: TS.Expression | undefined;
  if (ts.isTemplateExpression(value)) {
    const [span] = value.templateSpans;
    if (value.templateSpans.length === 1 && span && /^\s*Bearer\s+$/i.test(value.head.text) && span.literal.text === '') token = span.expression;
  } else if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.PlusToken && ts.isStringLiteral(value.left) && /^\s*Bearer\s+$/i.test(value.left.text)) {
    token = value.right;
  }
  // `session?.access_token ?? anonKey`: part of it is a user's token, which must not move to apikey.
  if (token) return ts.isBinaryExpression(token) || ts.isConditionalExpression(token) ? undefined : token;
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) {
    return /^\s*Bearer\s/i.test(value.text) ? undefined : value;
  }
  return undefined;
}
