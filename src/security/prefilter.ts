// The security rules' part of the prefilter: one cheap test per kind, literal alternatives only (a
// pattern that starts with a frequent character such as `.` would slow every file down).
import type { FileKind } from '../file-kinds.js';

// `ZXlK` and `c2Jf` start base64-wrapped JWTs (`eyJ…`) and new keys (`sb_…`).
const LITERAL_HINT = /eyJ|sb_secret_|sb_publishable_|ZXlK|c2Jf/;
// Key literals, and the names of secrets (public-prefixed ones, and the JWT secret read anywhere).
const TEXT_HINT = /eyJ|sb_secret_|sb_publishable_|ZXlK|c2Jf|SUPABASE_SECRET_KEY|SUPABASE_SERVICE_ROLE_KEY|SUPABASE_SERVICE_KEY|SUPABASE_JWT_SECRET/;
// Also the legacy JWT secret and its libraries (jsonwebtoken's verify takes a name or HS256), auth-helpers, Realtime.
const CODE_HINT = /eyJ|sb_secret_|sb_publishable_|ZXlK|c2Jf|SUPABASE_SECRET_KEY|SUPABASE_SERVICE_ROLE_KEY|SUPABASE_SERVICE_KEY|JWT_SECRET|jsonwebtoken|jose|djwt|HS256|auth-helpers|realtime|channel/;
const PYTHON_HINT = /eyJ|sb_secret_|sb_publishable_|ZXlK|c2Jf|JWT_SECRET|HS256/;

/** Whether a text may hold a key literal, plain or base64-wrapped. */
export function hasKeyLiteralHint(text: string): boolean {
  return LITERAL_HINT.test(text);
}

/**
 * Whether a file is worth scanning for the security rules: key literals in any kind; names of secrets
 * in the others; in code also the legacy JWT secret, auth-helpers and Realtime channels.
 */
export function isSecurityCandidate(kind: FileKind, text: string): boolean {
  switch (kind) {
    case 'text':
      return LITERAL_HINT.test(text);
    case 'code':
    case 'markup':
      return CODE_HINT.test(text);
    case 'python':
      return PYTHON_HINT.test(text);
    default:
      return TEXT_HINT.test(text);
  }
}
