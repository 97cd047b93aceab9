// The namespaces a declared name shares with its siblings: object keys, type members, local bindings.
// Two legacy names that map to one new name must not be renamed into the same namespace.
import type { ts as TS } from 'ts-morph';
import { typescript } from '../core/typescript.js';

/**
 * The names declared side by side with a declaration site; `id` identifies the namespace in its file.
 * In a `strict` namespace two names must never become one. In a `merge` namespace (the keys of a
 * .env file, the specifiers of one import) a legacy name next to its own new name is retired instead.
 */
export interface Namespace {
  id: string;
  kind: 'strict' | 'merge';
  names: string[];
  /** The rest of the file refers to its names (bindings; env keys that `$X` expands): a name kept here is kept at its every use in the file. */
  binds?: true;
}

/**
 * The namespaces the name node at the end of `chain` declares into: none for a reference, one for a
 * key or a binding, two for a shorthand destructuring (`const { X } = env` is a key and a binding).
 */
export function namespacesOf(chain: readonly TS.Node[], sourceFile: TS.SourceFile): Namespace[] {
  const ts = typescript();
  const node = chain.at(-1);
  const parent = chain.at(-2);
  if (!node || !parent) return [];
  const namespaces: Namespace[] = [];
  const isName = (n: TS.Node) => (n as { name?: TS.Node }).name === node;

  if (ts.isImportSpecifier(parent) && parent.name === node && !parent.propertyName) {
    // `import { L, N } from '$env/static/public'`: the transitional pair, merged by the final run.
    namespaces.push(importNamespace(parent.parent));
  } else if (ts.isBindingElement(parent)) {
    if (parent.propertyName === node || (!parent.propertyName && parent.name === node)) {
      namespaces.push(memberNamespace(parent.parent, sourceFile));
    }
    if (parent.name === node) namespaces.push(scopeNamespace(chain, sourceFile));
  } else if (isMember(parent) && isName(parent) && parent.parent) {
    namespaces.push(memberNamespace(parent.parent, sourceFile));
  } else if (isBinding(parent) && isName(parent)) {
    namespaces.push(scopeNamespace(chain, sourceFile));
  }
  return namespaces;
}

function isMember(node: TS.Node): boolean {
  const ts = typescript();
  return (
    ts.isPropertySignature(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isShorthandPropertyAssignment(node) ||
    ts.isMethodSignature(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isEnumMember(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

function isBinding(node: TS.Node): boolean {
  const ts = typescript();
  return (
    ts.isVariableDeclaration(node) ||
    ts.isParameter(node) ||
    ts.isImportSpecifier(node) ||
    ts.isImportClause(node) ||
    ts.isNamespaceImport(node) ||
    ts.isImportEqualsDeclaration(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isEnumDeclaration(node)
  );
}

function nameText(name: TS.Node | undefined, sourceFile: TS.SourceFile): string | undefined {
  if (!name) return undefined;
  const ts = typescript();
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name)) {
    return name.text;
  }
  return name.getText(sourceFile);
}

function memberNamespace(container: TS.Node, sourceFile: TS.SourceFile): Namespace {
  const ts = typescript();
  const names: string[] = [];
  container.forEachChild((member) => {
    if (ts.isBindingElement(member)) {
      const key = member.propertyName ?? member.name;
      if (ts.isIdentifier(key) || ts.isStringLiteral(key)) names.push(key.text);
    } else if (isMember(member)) {
      const name = nameText((member as { name?: TS.Node }).name, sourceFile);
      if (name !== undefined) names.push(name);
    }
  });
  return { id: `members@${container.pos}`, kind: 'strict', names };
}

function importNamespace(imports: TS.NamedImports): Namespace {
  const names = imports.elements.map((element) => element.name.text);
  return { id: `imports@${imports.pos}`, kind: 'merge', names };
}

/** A type's member (`readonly X: string` of an interface or a type literal) whose name ends `chain`: where a transitional run adds the new member beside it. */
export interface TypeMember {
  start: number;
  end: number;
  text: string;
  /** What removes the member: its whole line when it has one to itself, else the member and the blanks after it. */
  removal: { start: number; end: number };
  /** The other members of its type, by name, as written, each with the span that removes it. */
  siblings: { name: string; text: string; removal: { start: number; end: number } }[];
}

export function typeMemberOf(chain: readonly TS.Node[], sourceFile: TS.SourceFile): TypeMember | undefined {
  const ts = typescript();
  const [node, member] = [chain.at(-1), chain.at(-2)];
  if (!node || !member || !ts.isPropertySignature(member) || member.name !== node) return undefined;
  if (!ts.isInterfaceDeclaration(member.parent) && !ts.isTypeLiteralNode(member.parent)) return undefined;
  const start = member.getStart(sourceFile);
  const siblings = member.parent.members.flatMap((other: TS.TypeElement) => {
    const name = other === member ? undefined : nameText((other as { name?: TS.Node }).name, sourceFile);
    return name === undefined ? [] : [{ name, text: other.getText(sourceFile), removal: memberRemoval(other, sourceFile) }];
  });
  return { start, end: member.end, text: member.getText(sourceFile), removal: memberRemoval(member, sourceFile), siblings };
}

/**
 * The binding of a destructuring element that renames (`{ KEY: NAME }`): `start`–`end` is `: NAME`, which a run that
 * renames NAME to KEY removes, leaving the shorthand `{ KEY }` (what a transitional write's `{ NEW: LEGACY = … }` becomes).
 */
export interface Rebinding {
  key: string;
  start: number;
  end: number;
}

export function rebindingOf(chain: readonly TS.Node[]): Rebinding | undefined {
  const ts = typescript();
  const [node, element] = [chain.at(-1), chain.at(-2)];
  if (!node || !element || !ts.isBindingElement(element) || element.name !== node || !element.propertyName) return undefined;
  if (!ts.isIdentifier(element.propertyName) || !ts.isIdentifier(node)) return undefined;
  return { key: element.propertyName.text, start: element.propertyName.end, end: node.end };
}

/** What removes a member: its whole line when it has one to itself, else the member and the blanks after it. */
function memberRemoval(member: TS.Node, sourceFile: TS.SourceFile): { start: number; end: number } {
  const start = member.getStart(sourceFile);
  const text = sourceFile.text;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const after = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(member.end));
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && after !== null) return { start: lineStart, end: member.end + after[0].length };
  return { start, end: member.end + (/^[ \t]*/.exec(text.slice(member.end))?.[0].length ?? 0) };
}

/** The span that removes an import specifier and one separator next to it. */
export function specifierRemoval(node: TS.Node, sourceFile: TS.SourceFile): { start: number; end: number } | undefined {
  const ts = typescript();
  const specifier = node.parent;
  if (!specifier || !ts.isImportSpecifier(specifier) || specifier.name !== node) return undefined;
  const elements = specifier.parent.elements;
  const index = elements.indexOf(specifier);
  const next = elements[index + 1];
  if (next) return { start: specifier.getStart(sourceFile), end: next.getStart(sourceFile) };
  const previous = elements[index - 1];
  if (previous) return { start: previous.end, end: specifier.end };
  return undefined;
}

function isScope(node: TS.Node): boolean {
  const ts = typescript();
  return ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node) || ts.isFunctionLike(node);
}

/** The nearest enclosing scope and every binding declared directly in it (nested scopes excluded). */
function scopeNamespace(chain: readonly TS.Node[], sourceFile: TS.SourceFile): Namespace {
  const ts = typescript();
  // A parameter belongs to its function; anything else to the nearest block-like ancestor.
  let scope: TS.Node = sourceFile;
  for (let i = chain.length - 2; i >= 0; i--) {
    const candidate = chain[i] as TS.Node;
    if (isScope(candidate)) {
      scope = candidate;
      break;
    }
  }
  const names: string[] = [];
  const addBindingNames = (name: TS.Node) => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
      for (const element of name.elements) if (ts.isBindingElement(element)) addBindingNames(element.name);
    }
  };
  const visit = (node: TS.Node) => {
    if (node !== scope && isScope(node)) {
      // A nested function or block: its name (if any) is declared here, its insides are not.
      if (ts.isFunctionDeclaration(node) && node.name) names.push(node.name.text);
      return;
    }
    if (ts.isVariableDeclaration(node) || (ts.isParameter(node) && node.parent === scope)) addBindingNames(node.name);
    else if (ts.isImportSpecifier(node) || ts.isNamespaceImport(node) || ts.isImportEqualsDeclaration(node)) names.push(node.name.text);
    else if (ts.isImportClause(node) && node.name) names.push(node.name.text);
    else if ((ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) && node.name) names.push(node.name.text);
    node.forEachChild(visit);
  };
  scope.forEachChild(visit);
  return { id: `scope@${scope.pos}`, kind: 'strict', names, binds: true };
}
