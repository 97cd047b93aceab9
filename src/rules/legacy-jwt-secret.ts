// legacy-jwt-secret: tokens verified or signed with the legacy shared JWT secret, which blocks rotating it.
import { scriptsIn } from '../file-kinds/markup.js';
import { LOCAL_STACK_PAGES, localJwtSecretReport } from '../keys/local-stack.js';
import { jwtSecretUses, pythonJwtSecretUses, type JwtSecretUse } from './analysis/security/jwt-secret.js';
import type { Report, Rule, RuleContext, SyntaxFile } from './rule.js';
import type { ScannedFile } from '../file-kinds/scanned.js';
import { cite, PAGES } from './sources.js';

// The secret's names, and the libraries that verify or sign with a key (jose covers jwtVerify and SignJWT).
const JWT_HINT = /JWT_SECRET|jwt_secret|jwtSecret|jsonwebtoken|jose|djwt|HS256|hono\/jwt|worker-jwt/;
const INSTEAD =
  "verify against the project's JWKS (`<SUPABASE_URL>/auth/v1/.well-known/jwks.json`, e.g. jose's createRemoteJWKSet with jwtVerify) " +
  'or call `supabase.auth.getClaims()`';

export const legacyJwtSecret: Rule = {
  meta: {
    id: 'legacy-jwt-secret',
    severity: 'warning',
    fix: 'none',
    summary: 'tokens verified with the legacy JWT secret: blocks rotating it',
    description:
      'Custom JWT verification with the legacy shared secret (SUPABASE_JWT_SECRET or JWT_SECRET with ' +
      'jsonwebtoken.verify, jose.jwtVerify with a symmetric key, djwt, hono/jwt, PyJWT with HS256) stops working ' +
      "once the project moves to asymmetric signing keys. Verify against the project's JWKS " +
      '(<SUPABASE_URL>/auth/v1/.well-known/jwks.json) or call supabase.auth.getClaims(). Tokens signed with the ' +
      "secret are found too, but only where the secret or the tokens are Supabase's: SUPABASE_JWT_SECRET (any prefix) or the Auth " +
      "server's GOTRUE_JWT_SECRET; JWT_SECRET read from the environment where a Supabase project's env file defines it (beside " +
      'SUPABASE_URL, or with a supabase/ folder beside it); tokens from Supabase Auth (a session from auth.getSession(), the issuer ' +
      '…/auth/v1, the audience authenticated); any secret in an Edge Function. An app that signs and verifies its own tokens with its ' +
      "own secret is left alone. One file's uses of one secret are one finding. While any remains, step 6 of the checklist (rotate the " +
      'legacy JWT secret) stays blocked. The local ' +
      "CLI's default JWT secret (`super-secret-jwt-token-…`, what `supabase start` signs its demo keys with) is a public constant " +
      "that only the local stack trusts: code that uses it alone is an info, not the hosted project's secret.",
    legacyUse: false,
    blocksRotation: true,
    example:
      "jwt.verify(token, process.env.SUPABASE_JWT_SECRET)  ->  await jwtVerify(token, createRemoteJWKSet(new URL(`${url}/auth/v1/.well-known/jwks.json`)))",
    sources: [
      cite(
        LOCAL_STACK_PAGES.cliApiKeys,
        "The local stack's `[auth] jwt_secret` defaults to the constant `super-secret-jwt-token-with-at-least-32-characters-long`, and the CLI " +
          'signs its demo anon and service_role keys (`iss: supabase-demo`) with it.',
      ),
      cite(PAGES.signingKeys, 'Supabase Auth has two systems of signing keys: the legacy one, based on the JWT secret, and the new signing keys.'),
      cite(
        PAGES.jwtFields,
        'JWTs created by Supabase Auth always carry `iss` (e.g. `https://project-ref.supabase.co/auth/v1`) and `aud` (`authenticated` or `anon`).',
      ),
      cite(PAGES.selfHostingAuth, 'The Supabase Auth Server (GoTrue) is a JWT-based API for managing users and issuing access tokens.'),
      cite(
        PAGES.rotatingJwtSecret,
        'The legacy anon, service_role and JWT secrets can no longer be rotated: Supabase recommends moving to asymmetric JWT signing keys and ' +
          'the publishable and secret keys.',
      ),
      cite(
        PAGES.getClaims,
        "`auth.getClaims()` verifies the JWT against the project's JSON Web Key Set (`/.well-known/jwks.json`), and asks the Auth server when " +
          'the project has no asymmetric signing key.',
      ),
    ],
    examples: [
      {
        title: 'A server that verifies session tokens itself',
        file: 'src/server/auth.ts',
        before:
          "import jwt from 'jsonwebtoken'\n\n" +
          'export function userIdOf(token: string): string {\n' +
          '  const claims = jwt.verify(token, process.env.SUPABASE_JWT_SECRET!) as { sub: string }\n' +
          '  return claims.sub\n' +
          '}\n',
        after:
          "import { createRemoteJWKSet, jwtVerify } from 'jose'\n\n" +
          'const jwks = createRemoteJWKSet(new URL(`${process.env.SUPABASE_URL}/auth/v1/.well-known/jwks.json`))\n\n' +
          'export async function userIdOf(token: string): Promise<string> {\n' +
          '  const { payload } = await jwtVerify(token, jwks)\n' +
          '  return payload.sub as string\n' +
          '}\n',
      },
    ],
  },
  readsSyntax: mayUseJwtSecret,
  check(file, context) {
    if (file.parseError) return [];
    let uses: JwtSecretUse[] = [];
    if (file.kind === 'python') uses = pythonJwtSecretUses(file.text);
    else if (mayUseJwtSecret(file)) {
      // Server code counts here as much as client code: an .astro frontmatter too.
      const regions = scriptsIn(file.path, file.text);
      for (const region of regions) {
        const { sourceFile } = file.scripts.parse(region);
        for (const use of jwtSecretUses(sourceFile)) uses.push({ ...use, offset: use.offset + region.start });
      }
    }
    const reports: Report[] = [];
    // A file that names Supabase's secret: its HS256 calls that show no key name use it too (a key built from another name does not).
    const supabaseName = uses.find((use) => use.name !== undefined && SUPABASE_SECRET.test(use.name))?.name;
    const groups = new Map<string, JwtSecretUse[]>();
    for (const use of uses) {
      // The local CLI's default secret is Supabase's too, the local stack's: its own finding (an info).
      const local = localJwtSecretReport(file.text, use);
      if (local) reports.push(local);
      else if (supabaseSecret(use, file, context) || (supabaseName !== undefined && use.name === undefined && use.via === 'HS256')) {
        const key = use.name ?? supabaseName ?? '';
        groups.set(key, [...(groups.get(key) ?? []), use]);
      }
    }
    // One secret's uses in a file are one problem: each place gets the same message, so that the plan reports it once, at
    // its first place (src/core/dedupe.ts), with the others listed.
    for (const [name, group] of groups) {
      const strongest = ACTIONS.map((action) => group.find((use) => use.action === action)).find((use) => use !== undefined) as JwtSecretUse;
      const message = messageOf({ ...strongest, via: name === '' ? strongest.via : `\`${name}\`` });
      for (const use of group) reports.push({ offset: use.offset, message });
    }
    return reports.sort((a, b) => a.offset - b.offset);
  },
};

const ACTIONS = ['verifies', 'signs', 'reads'] as const;
/** The names of Supabase's own secret: the project's (any prefix) and its Auth server's (GoTrue, the local stack). */
const SUPABASE_SECRET = /supabase_?jwt_?secret|gotrue_?jwt_?secret/i;
/** Tokens from Supabase Auth in the file: a session's access_token, the issuer `…/auth/v1`, the `authenticated` audience. */
const SUPABASE_TOKENS = /\/auth\/v1\b|\bauth\s*\.\s*getSession\s*\(|\baud(?:ience)?['"]?\s*[:=]\s*['"]authenticated['"]/;

/**
 * Issue 27 item 7: only Supabase's secret or Supabase's tokens. An app that signs and verifies its own HS256 tokens with
 * its own secret (APP_JWT_SECRET, a test's mock secret) does not use the legacy JWT secret.
 */
function supabaseSecret(use: JwtSecretUse, file: ScannedFile, context: RuleContext): boolean {
  if (use.name !== undefined && SUPABASE_SECRET.test(use.name)) return true;
  if (SUPABASE_TOKENS.test(file.text)) return true;
  // An Edge Function's tokens come from supabase-js (its Authorization header).
  if (/(^|\/)supabase\/functions\//.test(file.path)) return true;
  // JWT_SECRET read from the environment, where an env file of a Supabase project defines it.
  return use.name !== undefined && use.env === true && context.security.supabaseEnv(file.path, use.name);
}

/** Code that names the secret or a library that verifies or signs with one: read through its syntax tree. */
function mayUseJwtSecret(file: SyntaxFile): boolean {
  return (file.kind === 'code' || file.kind === 'markup') && !file.parseError && JWT_HINT.test(file.text);
}

function messageOf(use: JwtSecretUse): string {
  switch (use.action) {
    case 'verifies':
      return `tokens are verified with the legacy JWT secret (${use.via}), which stops working once the project moves to signing keys and blocks rotating the secret: ${INSTEAD}`;
    case 'signs':
      return (
        `tokens are signed with the legacy JWT secret (${use.via}): they stop being accepted once the secret is rotated; ` +
        'sign with a key the project trusts (import it under Authentication → Signing Keys) or use Supabase Auth sessions'
      );
    case 'reads':
      return `reads the legacy JWT secret (${use.via}): whatever verifies or signs tokens with it stops working once the project moves to signing keys and the secret is rotated: ${INSTEAD}`;
  }
}
