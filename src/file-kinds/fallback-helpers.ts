// Fallbacks people write as helpers (SPEC §4): a function whose last resort is the legacy read, after it tried the new
// name, and a call that takes the first value that is set (`first(env.NEW, env.LEGACY)`).
import type { ts as TS } from 'ts-morph';
import { typescript } from '../core/typescript.js';

/**
 * Where a read is what a function returns (`return env.LEGACY`, an arrow's body, either through `!`, `as`, parentheses,
 * the `else` of a conditional or the right of `??`/`||`): the function's text before the read, in which a helper that
 * falls back names the new key first. Undefined for a read that is not a returned value.
 */
export function lastResortOf(read: TS.Expression, sourceFile: TS.SourceFile): { before: string } | undefined {
  const ts = typescript();
  let node: TS.Node = read;
  for (;;) {
    const parent = node.parent;
    const wraps =
      ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent);
    const elseBranch = ts.isConditionalExpression(parent) && parent.whenFalse === node;
    const rightOfFallback =
      ts.isBinaryExpression(parent) &&
      parent.right === node &&
      (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken);
    if (!wraps && !elseBranch && !rightOfFallback) break;
    node = parent;
  }
  const parent = node.parent;
  let owner: TS.Node | undefined;
  if (ts.isArrowFunction(parent) && parent.body === node) owner = parent;
  else if (ts.isReturnStatement(parent) && parent.expression === node) {
    owner = parent.parent;
    while (owner && !ts.isFunctionLike(owner)) owner = owner.parent;
  }
  const body = owner && (owner as { body?: TS.Node }).body;
  return body ? { before: sourceFile.text.slice(body.getStart(sourceFile), read.getStart(sourceFile)) } : undefined;
}

/** The argument (or array element) before the read, when the read is one: `first(env.NEW, env.LEGACY)`. */
export function previousArgumentOf(read: TS.Expression, sourceFile: TS.SourceFile): { text: string; end: number } | undefined {
  const ts = typescript();
  const parent = read.parent;
  const list = ts.isCallExpression(parent) ? parent.arguments : ts.isArrayLiteralExpression(parent) ? parent.elements : undefined;
  const previous = list ? list[list.indexOf(read) - 1] : undefined;
  return previous && { text: previous.getText(sourceFile), end: previous.end };
}
