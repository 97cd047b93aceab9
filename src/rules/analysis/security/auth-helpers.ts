// @supabase/auth-helpers-nextjs helpers called without `supabaseKey`: they read NEXT_PUBLIC_SUPABASE_ANON_KEY themselves.
// The package, the name and the helpers are the next plugin's (frameworks/next.ts); the syntax walk stays here,
// beside the other analyses, so that the framework registry stays data that keys/ and file-kinds/ can load.
import type { ts as TS } from 'ts-morph';
import { typescript } from '../../../core/typescript.js';
import { IMPLICIT_READERS } from '../../../frameworks/index.js';
import type { ImplicitReader } from '../../../frameworks/plugin.js';

// The one implicit reader the plugins declare: the rule implicit-legacy-env and the security model name it in
// their messages (test/frameworks.test.ts holds the registry to one).
const [AUTH_HELPERS] = IMPLICIT_READERS as readonly [ImplicitReader];

/** The legacy name the helpers read when no key is passed. */
export const IMPLICITLY_READ_NAME = AUTH_HELPERS.name;
export const AUTH_HELPERS_PACKAGE = AUTH_HELPERS.package;

/** Each helper with the index of its options argument (where `supabaseKey` would be). */
const HELPERS = AUTH_HELPERS.helpers;

export interface ImplicitRead {
  /** Where the call starts, in the parsed text. */
  offset: number;
  helper: string;
}

/** Calls of the helpers whose options (as far as this module shows them) give no `supabaseKey`. */
export function implicitReads(sourceFile: TS.SourceFile): ImplicitRead[] {
  const ts = typescript();
  const helpers = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== AUTH_HELPERS_PACKAGE || statement.importClause?.isTypeOnly) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        if (Object.hasOwn(HELPERS, imported)) helpers.set(element.name.text, imported);
      }
    }
  }
  if (helpers.size === 0 && namespaces.size === 0) return [];
  const initializers = new Map<string, TS.Expression>();
  const collect = (node: TS.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) initializers.set(node.name.text, node.initializer);
    node.forEachChild(collect);
  };
  collect(sourceFile);
  const reads: ImplicitRead[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const helper = ts.isIdentifier(callee)
        ? helpers.get(callee.text)
        : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && namespaces.has(callee.expression.text) && Object.hasOwn(HELPERS, callee.name.text)
          ? callee.name.text
          : undefined;
      if (helper && !givesKey(node.arguments[HELPERS[helper] as number])) reads.push({ offset: node.getStart(sourceFile), helper });
    }
    node.forEachChild(visit);
  };
  // A key passed through a local variable counts (`const options = { supabaseKey }`); anything unseen does not.
  const givesKey = (options: TS.Expression | undefined): boolean => {
    if (!options) return false;
    const text = options.getText(sourceFile);
    if (/\bsupabaseKey\b/.test(text)) return true;
    const initializer = ts.isIdentifier(options) ? initializers.get(options.text) : undefined;
    return initializer !== undefined && /\bsupabaseKey\b/.test(initializer.getText(sourceFile));
  };
  visit(sourceFile);
  return reads;
}
