// signing-key-file: the file `[auth] signing_keys_path` names — missing, not a JWK array, or a private key git could publish.
import type { Rule } from './rule.js';

export const signingKeyFile: Rule = {
  meta: {
    id: 'signing-key-file',
    severity: 'error',
    fix: 'none',
    summary: 'a signing key file that is not a JWK array (local), missing, or holding a private key that git tracks',
    description:
      'The local CLI reads `[auth] signing_keys_path` from supabase/config.toml (relative to the supabase/ folder) and ' +
      'needs a JSON array of private JWKs there, each with kty, kid, crv (EC/OKP) and d: `supabase gen signing-key ' +
      '--algorithm ES256` prints one key, which must be wrapped in [ … ] (the hosted dashboard takes the bare object). ' +
      'The file holds a private key: git must neither track it nor be able to pick it up. A key whose key_ops list ' +
      'verify is an info note: some libraries, such as jose, refuse to sign with it. The private part d is never shown.',
    legacyUse: false,
    blocksRotation: false,
    example: '{ "kty": "EC", "kid": "…", "crv": "P-256", "d": "…", … }  ->  [ { "kty": "EC", "kid": "…", "crv": "P-256", "d": "…", … } ]',
  },
  check(file, context) {
    if (file.kind !== 'toml') return [];
    return [...(context.security.signingKeys.get(file.path) ?? [])];
  },
};
