// legacy-jwt-secret: tokens verified or signed with the legacy shared JWT secret, which blocks rotating it.
import { scriptsIn } from '../file-kinds/markup.js';
import { LOCAL_STACK_PAGES, localJwtSecretReport } from '../keys/local-stack.js';
import { jwtSecretUses, pythonJwtSecretUses, type JwtSecretUse } from './analysis/security/jwt-secret.js';
import type { Report, Rule, SyntaxFile } from './rule.js';
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
      'secret are found too. While any remains, step 6 of the checklist (rotate the legacy JWT secret) stays blocked. The local ' +
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
  check(file) {
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
    return uses.map((use): Report => localJwtSecretReport(file.text, use) ?? { offset: use.offset, message: messageOf(use) });
  },
};

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
