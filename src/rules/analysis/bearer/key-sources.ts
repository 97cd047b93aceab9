// Which expressions hold a Supabase API key: env reads of key names, key literals, and the names and
// module exports bound to them, followed within a module and, through `resolveImport`, across modules.
import type { ts as TS } from 'ts-morph';
import { classifyValue } from '../../../keys/values.js';
import { looksLikeEnvObject } from '../../../file-kinds/reads.js';
import { typescript } from '../../../core/typescript.js';

export type KeyKind = 'publishable' | 'secret' | 'legacy anon' | 'legacy service_role' | 'API';

/** Env names that hold a key, legacy or new, with the kind their name claims. */
export function keyKindOfName(name: string): KeyKind | undefined {
  if (/SUPABASE_(SERVICE_ROLE|SERVICE)_KEY$/.test(name)) return 'legacy service_role';
  if (/SUPABASE_ANON_KEY$/.test(name)) return 'legacy anon';
  if (/SUPABASE_SECRET_KEYS?$/.test(name)) return 'secret';
  if (/SUPABASE_PUBLISHABLE(_DEFAULT|_OR_ANON)?_KEYS?$/.test(name)) return 'publishable';
  if (/(^|_)SUPABASE_KEY$/.test(name)) return 'API';
  return undefined;
}

export function keyKindOfLiteral(text: string): KeyKind | undefined {
  switch (classifyValue(text)) {
    case 'legacy-anon':
    case 'legacy-demo':
      return 'legacy anon';
    case 'legacy-service-role':
      return 'legacy service_role';
    case 'publishable':
      return 'publishable';
    case 'secret':
      return 'secret';
    default:
      return undefined;
  }
}

// The fields `supabase status` prints (-o json, -o env): the local stack's keys under names of their own.
export const STATUS_FIELDS: Readonly<Record<string, KeyKind>> = {
  ANON_KEY: 'legacy anon',
  SERVICE_ROLE_KEY: 'legacy service_role',
  PUBLISHABLE_KEY: 'publishable',
  SECRET_KEY: 'secret',
};
export const SUPABASE_STATUS = /\bsupabase\s+status\b/;

/** `(importing file, module specifier, imported name)` -> the kind of key that export holds. */
export type ImportResolver = (specifier: string, name: string) => KeyKind | undefined;

const PASS_THROUGH_CALLS = new Set(['String', 'JSON.parse', 'decodeURIComponent', 'encodeURIComponent', 'btoa', 'atob']);
const PASS_THROUGH_METHODS = new Set(['trim', 'toString', 'valueOf', 'replace', 'slice', 'concat']);

/** Key sources of one module: what its names hold and what it exports. */
export class KeySources {
  private readonly bindings = new Map<string, TS.Node>();
  /** Every declaration of each name, for the use site's own scope (a parameter shadows a module constant). */
  private readonly declarations = new Map<string, TS.Node[]>();
  private callsByName: Map<string, TS.CallExpression[]> | undefined;
  private readonly imports = new Map<string, { specifier: string; name: string }>();
  private readonly functions = new Map<string, TS.FunctionDeclaration[]>();
  private readonly resolving = new Set<TS.Node>();
  private readonly ts = typescript();

  constructor(
    readonly sourceFile: TS.SourceFile,
    private readonly resolveImport: ImportResolver,
  ) {
    this.collect(sourceFile);
  }

  /** The kind of key an expression holds, if any: the part of it that is a key decides. */
  kindOf(node: TS.Node | undefined): KeyKind | undefined {
    if (!node) return undefined;
    const ts = this.ts;
    if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isAwaitExpression(node) || ts.isTypeAssertionExpression(node)) {
      return this.kindOf(node.expression);
    }
    // A key literal, or one written inside the header value itself (`'Bearer sb_publishable_…'`).
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return keyKindOfLiteral(node.text.replace(/^\s*Bearer\s+/i, ''));
    if (ts.isTemplateExpression(node)) return first(node.templateSpans.map((span) => () => this.kindOf(span.expression)));
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
        return first([() => this.kindOf(node.left), () => this.kindOf(node.right)]);
      }
      return undefined;
    }
    if (ts.isConditionalExpression(node)) return first([() => this.kindOf(node.whenTrue), () => this.kindOf(node.whenFalse)]);
    if (ts.isIdentifier(node)) return this.kindOfName(node.text, node);
    if (ts.isPropertyAccessExpression(node)) return this.kindOfAccess(node.expression, node.name.text);
    if (ts.isElementAccessExpression(node) && (ts.isStringLiteral(node.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(node.argumentExpression))) {
      return this.kindOfAccess(node.expression, node.argumentExpression.text);
    }
    if (ts.isCallExpression(node)) return this.kindOfCall(node);
    return undefined;
  }

  /** Names this module exports that hold a key. */
  exports(): Map<string, KeyKind> {
    const ts = this.ts;
    const found = new Map<string, KeyKind>();
    for (const statement of this.sourceFile.statements) {
      const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (exported && ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declaration.name)) continue;
          const kind = this.kindOfName(declaration.name.text);
          if (kind) found.set(declaration.name.text, kind);
        }
      } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause) && !statement.moduleSpecifier) {
        for (const element of statement.exportClause.elements) {
          const kind = this.kindOfName((element.propertyName ?? element.name).getText(this.sourceFile));
          if (kind) found.set(element.name.text, kind);
        }
      } else if (ts.isExportAssignment(statement)) {
        const kind = this.kindOf(statement.expression);
        if (kind) found.set('default', kind);
      }
    }
    return found;
  }

  private kindOfName(name: string, at?: TS.Node): KeyKind | undefined {
    const binding = (at && this.declarationInScope(name, at)) ?? this.bindings.get(name);
    if (binding) return this.guarded(binding, () => this.kindOfBinding(binding, name));
    const imported = this.imports.get(name);
    if (imported) return this.resolveImport(imported.specifier, imported.name);
    return undefined;
  }

  private kindOfBinding(binding: TS.Node, name: string): KeyKind | undefined {
    const ts = this.ts;
    if (ts.isParameter(binding)) return first([() => this.kindOf(binding.initializer), () => first(this.arguments(binding).map((argument) => () => this.kindOf(argument)))]);
    if (ts.isVariableDeclaration(binding) || ts.isPropertyAssignment(binding)) return this.kindOf(binding.initializer);
    if (ts.isBindingElement(binding)) {
      // `const { X } = process.env`, `const { X: key = '' } = import.meta.env`, `{ key = process.env.X }`.
      const property = binding.propertyName?.getText(this.sourceFile).replace(/^['"`]|['"`]$/g, '') ?? name;
      const pattern = binding.parent;
      const declaration = pattern.parent;
      const source = ts.isVariableDeclaration(declaration) || ts.isParameter(declaration) ? declaration.initializer : undefined;
      // A destructured parameter: what its call sites pass, `invoke('x', { bearer: key })`.
      const passed = ts.isParameter(declaration) && ts.isObjectBindingPattern(pattern) ? this.arguments(declaration) : [];
      return first([
        () => (source ? this.kindOfAccess(source, property) : undefined),
        () => first(passed.map((argument) => () => this.kindOfAccess(argument, property))),
        () => this.kindOf(binding.initializer),
      ]);
    }
    return undefined;
  }

  /**
   * What the call sites in this module pass for a parameter of a named function (`function f(key)`,
   * `const f = (key) => …`), in order: a parameter fed a key somewhere sends that key.
   */
  private arguments(parameter: TS.ParameterDeclaration): TS.Expression[] {
    const ts = this.ts;
    const fn = parameter.parent;
    const index = fn.parameters.indexOf(parameter);
    if (index < 0 || parameter.dotDotDotToken) return [];
    let name: string | undefined;
    if (ts.isFunctionDeclaration(fn) && fn.name) name = fn.name.text;
    else if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
      let holder: TS.Node = fn.parent;
      while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) holder = holder.parent;
      if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) name = holder.name.text;
    }
    if (!name) return [];
    if (!this.callsByName) {
      const calls = new Map<string, TS.CallExpression[]>();
      const visit = (node: TS.Node) => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
          const list = calls.get(node.expression.text) ?? [];
          list.push(node);
          calls.set(node.expression.text, list);
        }
        node.forEachChild(visit);
      };
      visit(this.sourceFile);
      this.callsByName = calls;
    }
    const found: TS.Expression[] = [];
    for (const call of this.callsByName.get(name) ?? []) {
      // The call must reach this function, not another one of the same name in an inner scope.
      if (this.declarationInScope(name, call.expression) !== undefined && !this.declares(fn, name, call.expression)) continue;
      const argument = call.arguments[index];
      if (argument && !call.arguments.slice(0, index + 1).some((a) => ts.isSpreadElement(a))) found.push(argument);
    }
    return found;
  }

  /** Whether `fn` is what `name` means at `at`: its own declaration, or the variable it initializes. */
  private declares(fn: TS.SignatureDeclaration, name: string, at: TS.Node): boolean {
    const declaration = this.declarationInScope(name, at);
    if (!declaration) return true;
    let holder: TS.Node = fn.parent;
    while (this.ts.isParenthesizedExpression(holder) || this.ts.isAsExpression(holder) || this.ts.isSatisfiesExpression(holder)) holder = holder.parent;
    return declaration === holder;
  }

  /** The declaration of `name` whose scope is the innermost one holding `at`; undefined when none holds it. */
  private declarationInScope(name: string, at: TS.Node): TS.Node | undefined {
    let best: TS.Node | undefined;
    let bestScope: TS.Node | undefined;
    for (const declaration of this.declarations.get(name) ?? []) {
      const scope = this.scopeOf(declaration);
      if (!scope || at.pos < scope.pos || at.end > scope.end) continue;
      if (!bestScope || scope.end - scope.pos < bestScope.end - bestScope.pos) {
        best = declaration;
        bestScope = scope;
      }
    }
    return best;
  }

  /** Where a declared name is visible: a parameter's function, a variable's block (var is taken as block-scoped). */
  private scopeOf(declaration: TS.Node): TS.Node | undefined {
    const ts = this.ts;
    let node: TS.Node = declaration;
    while (ts.isBindingElement(node) || ts.isObjectBindingPattern(node) || ts.isArrayBindingPattern(node)) node = node.parent;
    if (ts.isParameter(node)) return node.parent;
    if (ts.isVariableDeclaration(node)) {
      const list = node.parent;
      if (ts.isCatchClause(list)) return list;
      const holder = list.parent;
      if (ts.isForStatement(holder) || ts.isForOfStatement(holder) || ts.isForInStatement(holder)) return holder;
      return holder.parent;
    }
    return undefined;
  }

  private kindOfAccess(object: TS.Expression, property: string): KeyKind | undefined {
    const ts = this.ts;
    const objectText = object.getText(this.sourceFile).replace(/\s+/g, '');
    // A bare `env` too, such as SvelteKit's `import { env } from '$env/dynamic/…'`.
    if (looksLikeEnvObject(objectText) || objectText === 'env') return keyKindOfName(property);
    // A test helper's `JSON.parse(execSync('supabase status -o json').toString()).SERVICE_ROLE_KEY`: the local stack's key.
    const field = Object.hasOwn(STATUS_FIELDS, property) ? STATUS_FIELDS[property] : undefined;
    if (field && this.isStatusOutput(object)) return field;
    // `JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default`, `keys['default']`.
    const holder = this.kindOf(object);
    if (holder) return holder;
    // Nuxt: `useRuntimeConfig().supabaseServiceKey`, `config.public.supabaseAnonKey`: the field is the env name in camelCase.
    if (this.isRuntimeConfig(object)) return keyKindOfName(snakeCase(property));
    // `config.supabaseKey` where `const config = { supabaseKey: … }`, or an object literal in place.
    let literal: TS.Expression | undefined = object;
    if (ts.isIdentifier(object)) {
      const binding = this.declarationInScope(object.text, object) ?? this.bindings.get(object.text);
      literal = binding && ts.isVariableDeclaration(binding) ? binding.initializer : undefined;
    }
    if (literal && ts.isObjectLiteralExpression(literal)) {
      const member = literal.properties.find((p) => p.name?.getText(this.sourceFile).replace(/^['"`]|['"`]$/g, '') === property);
      if (member && ts.isPropertyAssignment(member)) return this.guarded(member, () => this.kindOf(member.initializer));
      if (member && ts.isShorthandPropertyAssignment(member)) return this.kindOfName(member.name.text, member.name);
    }
    return undefined;
  }

  /**
   * What `supabase status` prints, or its parse: a call handed the command (`execSync('npx supabase status -o json')`,
   * `spawnSync('supabase', ['status', '-o', 'json'])`, zx's `$\`supabase status -o json\``), its `stdout`, `toString()`,
   * a call handed that output (`JSON.parse(out)`, `dotenv.parse(out)`), a name bound to one, or a call of a function
   * of this module that returns one.
   */
  private isStatusOutput(node: TS.Node, depth = 0): boolean {
    const ts = this.ts;
    if (depth > 8) return false;
    if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isAwaitExpression(node) || ts.isTypeAssertionExpression(node)) {
      return this.isStatusOutput(node.expression, depth + 1);
    }
    if (ts.isTaggedTemplateExpression(node)) return SUPABASE_STATUS.test(node.template.getText(this.sourceFile));
    if (ts.isPropertyAccessExpression(node)) return node.name.text === 'stdout' && this.isStatusOutput(node.expression, depth + 1);
    if (ts.isCallExpression(node)) {
      const words: string[] = [];
      for (const argument of node.arguments) {
        if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) words.push(argument.text);
        else if (ts.isArrayLiteralExpression(argument)) {
          for (const element of argument.elements) if (ts.isStringLiteral(element) || ts.isNoSubstitutionTemplateLiteral(element)) words.push(element.text);
        }
      }
      if (SUPABASE_STATUS.test(words.join(' '))) return true;
      if (node.arguments.some((argument) => this.isStatusOutput(argument, depth + 1))) return true;
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && PASS_THROUGH_METHODS.has(callee.name.text)) return this.isStatusOutput(callee.expression, depth + 1);
      if (ts.isIdentifier(callee)) return this.returned(callee).some((value) => this.isStatusOutput(value, depth + 1));
      return false;
    }
    if (ts.isIdentifier(node)) {
      const binding = this.declarationInScope(node.text, node) ?? this.bindings.get(node.text);
      if (!binding || this.resolving.has(binding)) return false;
      this.resolving.add(binding);
      try {
        if (ts.isVariableDeclaration(binding)) return binding.initializer !== undefined && this.isStatusOutput(binding.initializer, depth + 1);
        if (ts.isBindingElement(binding)) {
          // `const { stdout } = await $\`supabase status -o json\``
          const property = binding.propertyName?.getText(this.sourceFile) ?? node.text;
          const declaration = binding.parent.parent;
          return property === 'stdout' && ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined && this.isStatusOutput(declaration.initializer, depth + 1);
        }
      } finally {
        this.resolving.delete(binding);
      }
    }
    return false;
  }

  /** What a function of this module named by `callee` returns: its return statements, or an arrow's expression body. */
  private returned(callee: TS.Identifier): TS.Expression[] {
    const ts = this.ts;
    const binding = this.declarationInScope(callee.text, callee) ?? this.bindings.get(callee.text);
    const fn = binding && ts.isVariableDeclaration(binding) ? binding.initializer : this.functions.get(callee.text)?.[0];
    if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) || !fn.body) return [];
    if (!ts.isBlock(fn.body)) return [fn.body];
    const values: TS.Expression[] = [];
    const visit = (node: TS.Node) => {
      if (ts.isReturnStatement(node) && node.expression) values.push(node.expression);
      // The returns of a nested function are its own.
      else if (!ts.isFunctionLike(node)) node.forEachChild(visit);
    };
    fn.body.forEachChild(visit);
    return values;
  }

  /** `useRuntimeConfig()`, `useRuntimeConfig(event).public`, or a name bound to one. */
  private isRuntimeConfig(node: TS.Expression, depth = 0): boolean {
    const ts = this.ts;
    if (depth > 8) return false;
    if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node) || ts.isAwaitExpression(node)) {
      return this.isRuntimeConfig(node.expression, depth + 1);
    }
    if (ts.isCallExpression(node)) return ts.isIdentifier(node.expression) && node.expression.text === 'useRuntimeConfig';
    if (ts.isPropertyAccessExpression(node)) return node.name.text === 'public' && this.isRuntimeConfig(node.expression, depth + 1);
    if (ts.isIdentifier(node)) {
      const binding = this.declarationInScope(node.text, node) ?? this.bindings.get(node.text);
      return binding !== undefined && ts.isVariableDeclaration(binding) && binding.initializer !== undefined && this.isRuntimeConfig(binding.initializer, depth + 1);
    }
    return false;
  }

  private kindOfCall(call: TS.CallExpression): KeyKind | undefined {
    const ts = this.ts;
    const callee = call.expression.getText(this.sourceFile).replace(/\s+/g, '');
    const argument = call.arguments[0];
    if (/(^|\.)env\.get$/.test(callee) && argument && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument))) {
      return keyKindOfName(argument.text);
    }
    if (PASS_THROUGH_CALLS.has(callee)) return this.kindOf(argument);
    // A helper handed the key's name returns its value: `requireEnv('SUPABASE_SERVICE_ROLE_KEY')`, `getSecret('…', '')`.
    for (const candidate of call.arguments) {
      if ((ts.isStringLiteral(candidate) || ts.isNoSubstitutionTemplateLiteral(candidate)) && ENV_NAME.test(candidate.text)) {
        const kind = keyKindOfName(candidate.text);
        if (kind) return kind;
      }
    }
    if (ts.isPropertyAccessExpression(call.expression) && PASS_THROUGH_METHODS.has(call.expression.name.text)) {
      return this.kindOf(call.expression.expression);
    }
    return undefined;
  }

  private guarded(node: TS.Node, compute: () => KeyKind | undefined): KeyKind | undefined {
    if (this.resolving.has(node)) return undefined;
    this.resolving.add(node);
    try {
      return compute();
    } finally {
      this.resolving.delete(node);
    }
  }

  /** Every declared name with its declaration (shadowing is ignored: names that hold keys are rarely reused). */
  private collect(root: TS.Node): void {
    const ts = this.ts;
    const visit = (node: TS.Node) => {
      if (ts.isVariableDeclaration(node) || ts.isParameter(node)) {
        if (ts.isIdentifier(node.name)) this.bindOnce(node.name.text, node);
      } else if (ts.isBindingElement(node) && ts.isIdentifier(node.name)) {
        this.bindOnce(node.name.text, node);
      } else if (ts.isFunctionDeclaration(node) && node.name) {
        this.functions.set(node.name.text, [...(this.functions.get(node.name.text) ?? []), node]);
      } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const specifier = node.moduleSpecifier.text;
        const clause = node.importClause;
        if (clause?.name) this.imports.set(clause.name.text, { specifier, name: 'default' });
        const named = clause?.namedBindings;
        if (named && ts.isNamedImports(named)) {
          for (const element of named.elements) this.imports.set(element.name.text, { specifier, name: (element.propertyName ?? element.name).text });
        }
      }
      node.forEachChild(visit);
    };
    visit(root);
  }

  private bindOnce(name: string, node: TS.Node): void {
    const all = this.declarations.get(name) ?? [];
    all.push(node);
    this.declarations.set(name, all);
    // The first binding of a name wins; a later one with a key initializer wins over one without.
    const existing = this.bindings.get(name);
    if (!existing || (!(existing as { initializer?: TS.Node }).initializer && (node as { initializer?: TS.Node }).initializer)) {
      this.bindings.set(name, node);
    }
  }
}

/** A whole env-variable name, as a helper's argument carries it. */
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/** `supabaseServiceKey` -> `SUPABASE_SERVICE_KEY`. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function first(candidates: readonly (() => KeyKind | undefined)[]): KeyKind | undefined {
  for (const candidate of candidates) {
    const kind = candidate();
    if (kind) return kind;
  }
  return undefined;
}
