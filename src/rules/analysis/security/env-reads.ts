// Env reads in one parsed module, new names and legacy ones alike: which name is read, and where.
import type { ts as TS } from 'ts-morph';
import { DYNAMIC_ENV_MODULES, SERVER_DATA_FUNCTIONS, STATIC_ENV_MODULES } from '../../../frameworks/index.js';
import { typescript } from '../../../core/typescript.js';
import { looksLikeEnvObject } from '../../../file-kinds/reads.js';

export interface EnvNameRead {
  name: string;
  /** Where the name is written, in the parsed text. */
  offset: number;
  /** The env module it is imported from (`$env/static/private`, `@env`), when it is. */
  module?: string;
}


/**
 * `process.env.X`, `import.meta.env['X']`, `Deno.env.get('X')`, `const { X } = process.env`, SvelteKit's
 * `$env/*` and `@env` imports (the plugins' env modules). Bodies of data functions (Next.js's
 * `getServerSideProps`, …) are skipped: they never reach the browser.
 */
export function envReads(sourceFile: TS.SourceFile): EnvNameRead[] {
  const ts = typescript();
  const reads: EnvNameRead[] = [];
  // Local names bound to a dynamic env module's `env`, and the module.
  const dynamicEnv = new Map<string, string>();
  const text = (node: TS.Node) => node.getText(sourceFile).replace(/\s+/g, '');
  const isEnvObject = (node: TS.Expression) => {
    const object = text(node);
    return looksLikeEnvObject(object) || dynamicEnv.has(object);
  };
  // A read of a dynamic env module's `env` names that module.
  const from = (object: TS.Expression, read: EnvNameRead): EnvNameRead => {
    const module = dynamicEnv.get(text(object));
    return module === undefined ? read : { ...read, module };
  };
  const stringAt = (node: TS.Node) =>
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? { name: node.text, offset: node.getStart(sourceFile) + 1 } : undefined;

  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const imported = element.propertyName ?? element.name;
      if (STATIC_ENV_MODULES.has(from)) reads.push({ name: imported.text, offset: imported.getStart(sourceFile), module: from });
      else if (DYNAMIC_ENV_MODULES.has(from)) dynamicEnv.set(element.name.text, from);
    }
  }

  const visit = (node: TS.Node): void => {
    if ((ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node)) && node.name && ts.isIdentifier(node.name) && SERVER_DATA_FUNCTIONS.has(node.name.text)) {
      return;
    }
    // A method of the env object (`Deno.env.get(…)`) is not a variable.
    const called = node.parent !== undefined && ts.isCallExpression(node.parent) && node.parent.expression === node;
    if (ts.isPropertyAccessExpression(node) && !called && isEnvObject(node.expression)) {
      reads.push(from(node.expression, { name: node.name.text, offset: node.name.getStart(sourceFile) }));
    } else if (ts.isElementAccessExpression(node) && isEnvObject(node.expression)) {
      const read = stringAt(node.argumentExpression);
      if (read) reads.push(from(node.expression, read));
    } else if (ts.isCallExpression(node) && /(^|\.)env\.get$/.test(text(node.expression)) && node.arguments[0]) {
      const read = stringAt(node.arguments[0]);
      if (read) reads.push(read);
    } else if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && isEnvObject(node.initializer)) {
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        if (ts.isIdentifier(key)) reads.push(from(node.initializer, { name: key.text, offset: key.getStart(sourceFile) }));
        else {
          const read = stringAt(key);
          if (read) reads.push(from(node.initializer, read));
        }
      }
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return reads;
}
