// The security rules' part of the prefilter: literal alternatives only (a pattern that starts with a
// frequent character such as `.` would slow every file down). The rest is src/prefilter.ts.

// `ZXlK` and `c2Jf` start base64-wrapped JWTs (`eyJ…`) and new keys (`sb_…`).
const LITERAL_HINT = /eyJ|sb_secret_|sb_publishable_|ZXlK|c2Jf/;

/** Whether a text may hold a key literal, plain or base64-wrapped. */
export function hasKeyLiteralHint(text: string): boolean {
  return LITERAL_HINT.test(text);
}
