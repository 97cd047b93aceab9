// signing-key-file: the file `[auth] signing_keys_path` names — missing, not a JWK array, or a private key git could publish.
import { LOCAL_STACK_PAGES } from '../keys/local-stack.js';
import type { Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

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
      'verify is an info note: some libraries, such as jose, refuse to sign with it (not on the CLI\'s own output, key_ops sign and ' +
      'verify with ext true). The private part d is never shown. Only the local stack reads signing_keys_path (config.toml is the ' +
      "CLI's local configuration; the hosted project's signing keys are imported in its dashboard): a tracked key file is a " +
      'published development key, a warning (rotate it in the hosted project if it was ever uploaded there), and a missing file ' +
      'that a .gitignore lists is generated where the local stack starts, an info.',
    legacyUse: false,
    blocksRotation: false,
    example: '{ "kty": "EC", "kid": "…", "crv": "P-256", "d": "…", … }  ->  [ { "kty": "EC", "kid": "…", "crv": "P-256", "d": "…", … } ]',
    sources: [
      cite(LOCAL_STACK_PAGES.managingConfig, 'The Supabase CLI uses `supabase/config.toml` to manage local configuration.'),
      cite(
        LOCAL_STACK_PAGES.cliSigningKeys,
        '`supabase gen signing-key` writes private JWKs with `"key_ops": ["sign", "verify"]` and `"ext": true`, and warns to add the ' +
          'signing keys path to .gitignore.',
      ),
      cite(
        PAGES.signingKeys,
        '`supabase gen signing-key --algorithm ES256` generates a private key ready for import; store it in a secure location.',
      ),
      cite(
        PAGES.cliSigningKeysFile,
        'The CLI reads the file that `signing_keys_path` in `supabase/config.toml` names; the docs recommend keeping it out of git, and an ' +
          'empty one holds `[]`, a JSON array.',
      ),
    ],
    examples: [
      {
        title: 'The file `[auth] signing_keys_path` names, holding the bare key that `supabase gen signing-key` printed',
        file: 'supabase/signing_keys.json',
        before: '{ "kty": "EC", "kid": "…", "use": "sig", "key_ops": ["sign"], "alg": "ES256", "crv": "P-256", "x": "…", "y": "…", "d": "…" }\n',
        after: '[\n  { "kty": "EC", "kid": "…", "use": "sig", "key_ops": ["sign"], "alg": "ES256", "crv": "P-256", "x": "…", "y": "…", "d": "…" }\n]\n',
        context: { 'supabase/config.toml': '[auth]\nsigning_keys_path = "./signing_keys.json"\n' },
      },
    ],
  },
  check(file, context) {
    if (file.kind !== 'toml') return [];
    return [...(context.security.signingKeys.get(file.path) ?? [])];
  },
};
