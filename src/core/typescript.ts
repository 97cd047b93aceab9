// ts-morph's bundled TypeScript, loaded on first use so that files without candidates never pay for
// it, through V8's code cache (src/core/compile-cache.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ts as TS } from 'ts-morph';
import { cacheFolder, requireCached } from './compile-cache.js';

const require = createRequire(import.meta.url);
let loaded: typeof TS | undefined;

export function typescript(): typeof TS {
  if (loaded) return loaded;
  // The file ts-morph's `ts` export wraps: `require('ts-morph').ts` uses this instance afterwards.
  const common = createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common');
  const path = join(dirname(common), 'typescript.js');
  loaded = requireCached(path, cacheFolder(), 'typescript') as typeof TS;
  return loaded;
}

/**
 * The value an expression stands for, through what does not change it: parentheses, `!`, `as`, `satisfies`, `<T>x`,
 * `await`, and the left side of `??` / `||` (the read a fallback chain starts with).
 */
export function unwrapExpression(node: TS.Expression): TS.Expression {
  const ts = typescript();
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) {
      current = current.expression;
    } else if (ts.isTypeAssertionExpression(current) || ts.isAwaitExpression(current)) current = current.expression;
    else if (ts.isBinaryExpression(current) && (current.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || current.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      current = current.left;
    } else return current;
  }
}
