// Realtime subscriptions, and whether a module signs a user in (which gives the socket a user's JWT) or guards a
// route with a session check (which means the app's users are signed in when they get there).
import type { ts as TS } from 'ts-morph';
import { typescript } from '../../../core/typescript.js';
import { matchesOutsideComments } from '../../../file-kinds/comments.js';

// `supabase.auth.…`, `realtime.setAuth` or a Supabase Auth UI form: one quick test before the exact ones.
const SIGN_IN_HINT = /auth|realtime/;
const SIGN_IN = /\bauth\s*\.\s*(?:signIn\w*|signUp|setSession|verifyOtp|exchangeCodeForSession)\s*\(|\brealtime\s*\.\s*setAuth\s*\(|['"]@supabase\/auth-ui-\w+['"]/;
// A route guard: a session read, then a redirect (a call or a router component) to a sign-in page.
const SESSION_READ = /\bauth\s*\.\s*(?:getUser|getSession|getClaims|onAuthStateChange)\s*\(/;
const TO_SIGN_IN =
  /(?:\b(?:redirect|navigate|navigateTo|goto|push|replace|assign)\s*\(\s*(?:\{\s*(?:path|pathname)\s*:\s*)?|<(?:Navigate|Redirect)\b[^>]*?\bto\s*=\s*\{?\s*)['"`][^'"`]*(?:log-?in|sign-?in|auth)/i;

/**
 * Whether a module signs a user in — `auth.signIn…`, `auth.signUp`, `auth.setSession`, `auth.verifyOtp`,
 * `auth.exchangeCodeForSession`, `realtime.setAuth`, a Supabase Auth UI form — or guards a route (a session read and
 * a redirect to a sign-in page), in its code: a comment that names a sign-in is not one.
 */
export function signsIn(path: string, text: string): boolean {
  if (!SIGN_IN_HINT.test(text)) return false;
  if (SIGN_IN.test(text) && matchesOutsideComments(path, text, SIGN_IN)) return true;
  return SESSION_READ.test(text) && TO_SIGN_IN.test(text) && matchesOutsideComments(path, text, SESSION_READ) && matchesOutsideComments(path, text, TO_SIGN_IN);
}

/**
 * Channels that are subscribed: `supabase.channel('x').on(…).subscribe()`, a channel kept in a variable
 * and subscribed later, and explicit `realtime.connect()`. Offsets point at `channel` / `connect`.
 */
export function realtimeSubscriptions(sourceFile: TS.SourceFile): number[] {
  const ts = typescript();
  const initializers = new Map<string, TS.Expression>();
  const collect = (node: TS.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && !initializers.has(node.name.text)) {
      initializers.set(node.name.text, node.initializer);
    }
    node.forEachChild(collect);
  };
  collect(sourceFile);

  /** The `.channel(` call at the root of a method chain, following one variable back to its initializer. */
  const channelOf = (expression: TS.Expression, seen = new Set<string>()): number | undefined => {
    let node: TS.Expression = expression;
    for (;;) {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'channel') return callee.name.getStart(sourceFile);
        node = callee;
      } else if (ts.isPropertyAccessExpression(node) || ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAwaitExpression(node)) {
        node = node.expression;
      } else if (ts.isIdentifier(node) && initializers.has(node.text) && !seen.has(node.text)) {
        seen.add(node.text);
        node = initializers.get(node.text) as TS.Expression;
      } else {
        return undefined;
      }
    }
  };

  const found = new Set<number>();
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const { name, expression } = node.expression;
      if (name.text === 'subscribe') {
        const channel = channelOf(expression);
        if (channel !== undefined) found.add(channel);
      } else if (name.text === 'connect' && /(^|\.)realtime$/.test(expression.getText(sourceFile).replace(/\s+/g, ''))) {
        found.add(name.getStart(sourceFile));
      }
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return [...found].sort((a, b) => a - b);
}
