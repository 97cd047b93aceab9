// signing-key-file: the file `[auth] signing_keys_path` names in supabase/config.toml — missing, not a JSON array of
// private JWKs, or a private key git tracks or could pick up. Every finding sits on the setting's value in config.toml.
import { ruleTester } from '../helpers/rule-tester.js';

const CONFIG = { 'supabase/config.toml': '[project]\nid = "demo"\n\n[auth]\nsigning_keys_path = "./signing_keys.json"\n' };
// A key as `supabase gen signing-key --algorithm ES256` prints it; `d` is the private part (a stand-in here).
const KEY = '{ "kty": "EC", "kid": "k1", "use": "sig", "key_ops": ["sign"], "alg": "ES256", "crv": "P-256", "x": "xx", "y": "yy", "d": "dd" }';
const ARRAY = `[\n  ${KEY}\n]\n`;
const GENERATE = 'supabase gen signing-key --algorithm ES256';

ruleTester('signing-key-file', {
  valid: [
    { name: 'a JSON array of private JWKs, outside git', files: { ...CONFIG, 'supabase/signing_keys.json': ARRAY } },
    {
      name: 'a key file that a .gitignore covers, in a git repository',
      files: { ...CONFIG, 'supabase/.gitignore': 'signing_keys.json\n', 'supabase/signing_keys.json': ARRAY },
      git: true,
    },
    {
      // A path outside the repository is not read: the CLI resolves it on the machine that runs it.
      name: 'no setting, a commented-out one, another table, a path that leaves the repository, a config.toml outside supabase/',
      files: {
        'supabase/config.toml': '[auth]\nsite_url = "http://127.0.0.1:3000"\n',
        'b/supabase/config.toml': '[auth]\n# signing_keys_path = "./signing_keys.json"\n',
        'c/supabase/config.toml': '[auth.email]\nsigning_keys_path = "./missing.json"\n',
        'd/supabase/config.toml': '[auth]\nsigning_keys_path = "../../../keys/signing_keys.json"\n',
        'tools/config.toml': '[auth]\nsigning_keys_path = "./missing.json"\n',
      },
    },
    {
      // The CLI writes `"key_ops": ["sign", "verify"]` and `"ext": true` itself (supabase/cli internal/gen/signingkeys).
      name: "the CLI's own output with key_ops sign and verify, outside git: nothing to say",
      files: {
        ...CONFIG,
        'supabase/signing_keys.json':
          '[\n  { "kty": "EC", "kid": "k1", "use": "sig", "key_ops": ["sign", "verify"], "alg": "ES256", "ext": true, "crv": "P-256", "x": "xx", "y": "yy", "d": "dd" }\n]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'the bare object that supabase gen signing-key prints (docs example)',
      files: { ...CONFIG, 'supabase/signing_keys.json': `${KEY}\n` },
      findings: [
        {
          line: 5,
          column: 21,
          message:
            '`supabase/signing_keys.json` holds a single JWK object, but the local CLI needs a JSON array of JWKs (only the hosted dashboard takes the bare object): wrap it in [ … ]',
        },
      ],
    },
    {
      name: 'a file that does not exist, also in the dotted form, resolved against the supabase/ folder',
      files: { ...CONFIG, 'web/supabase/config.toml': 'auth.signing_keys_path = "keys/local.json"\n' },
      findings: [
        {
          line: 5,
          message:
            '`signing_keys_path` names `supabase/signing_keys.json`, which does not exist, so the local auth server will not start: ' +
            `create it with \`${GENERATE}\`, wrapped in a JSON array`,
        },
        { file: 'web/supabase/config.toml', line: 1, column: 26, messageIncludes: 'names `web/supabase/keys/local.json`, which does not exist' },
      ],
    },
    {
      name: 'not JSON, an empty array, and an object that is not a JWK',
      files: {
        'supabase/config.toml': '[auth]\nsigning_keys_path = "./a.json"\n',
        'other/supabase/config.toml': '[auth]\nsigning_keys_path = "./b.json"\n',
        'third/supabase/config.toml': '[auth]\nsigning_keys_path = "./c.json"\n',
        'supabase/a.json': 'kty: EC\n',
        'other/supabase/b.json': '[]\n',
        'third/supabase/c.json': '{ "keys": [] }\n',
      },
      findings: [
        { file: 'other/supabase/config.toml', line: 2, message: `\`other/supabase/b.json\` holds an empty array: generate a key with \`${GENERATE}\`` },
        {
          file: 'supabase/config.toml',
          line: 2,
          message: `\`supabase/a.json\` is not valid JSON, and the local CLI needs a JSON array of JWKs: generate a key with \`${GENERATE}\` and wrap it in [ … ]`,
        },
        {
          file: 'third/supabase/config.toml',
          line: 2,
          message: `\`third/supabase/c.json\` is not the JSON array of JWKs the local CLI needs: generate a key with \`${GENERATE}\` and wrap it in [ … ]`,
        },
      ],
    },
    {
      name: 'one finding per bad key; a private key whose key_ops lists verify is only info',
      files: {
        ...CONFIG,
        'supabase/signing_keys.json': '[{ "kty": "EC", "x": "a" }, "a string", { "kty": "RSA", "kid": "r", "d": "dd", "key_ops": ["sign", "verify"] }]\n',
      },
      findings: [
        {
          line: 5,
          message:
            'key 1 of `supabase/signing_keys.json` has no `kid`, `crv`, `d` (`d` is the private part: the local auth server signs with it): ' +
            `replace it with a key from \`${GENERATE}\``,
        },
        { line: 5, message: `key 2 of \`supabase/signing_keys.json\` is not a JWK object: replace it with a key from \`${GENERATE}\`` },
        {
          line: 5,
          severity: 'info',
          message:
            'key 3 of `supabase/signing_keys.json` lists `verify` in `key_ops`: some libraries, such as jose, refuse to sign with such a private key; ' +
            'use `"key_ops": ["sign"]` where you load it yourself',
        },
      ],
    },
    {
      // Issue 27 (Q5 B): this case pinned an error ('has leaked … generate a new key'). `[auth] signing_keys_path` is read
      // only by the local stack (config.toml is the CLI's local configuration; the hosted project takes its keys from the
      // dashboard): a committed local key is not a production secret, so a warning that says where to rotate it if it
      // was ever uploaded.
      name: 'a private key that git tracks: a local development key, a warning',
      files: { ...CONFIG, 'supabase/signing_keys.json': ARRAY },
      git: true,
      findings: [
        {
          line: 5,
          severity: 'warning',
          message:
            '`supabase/signing_keys.json` holds a private key and git tracks it: only the local stack loads it (`signing_keys_path` in ' +
            "supabase/config.toml), so it is a published development key, not the hosted project's: remove it from git " +
            '(`git rm --cached supabase/signing_keys.json`) and list it in .gitignore; if this key was ever uploaded to the hosted project, rotate it there',
        },
      ],
    },
    {
      // Issue 27 (Q5 B): supabase-js's auth-js tests generate the file at run time and list it in .gitignore.
      name: 'a missing file that a .gitignore names: generated, not in the repository (an info)',
      files: { ...CONFIG, 'supabase/.gitignore': 'signing_keys.json\n' },
      git: true,
      findings: [
        {
          line: 5,
          severity: 'info',
          message:
            '`signing_keys_path` names `supabase/signing_keys.json`, which a .gitignore lists: generated, not in the repository. ' +
            `Wherever the local stack starts, generate it first (\`${GENERATE}\`, wrapped in a JSON array)`,
        },
      ],
    },
    {
      name: 'a private key that no .gitignore covers, not yet committed',
      files: { ...CONFIG, 'supabase/signing_keys.json': ARRAY },
      git: { untracked: ['supabase/signing_keys.json'] },
      findings: [
        { line: 5, message: '`supabase/signing_keys.json` holds a private key and no .gitignore covers it: add it to .gitignore before it is committed' },
      ],
    },
    {
      name: 'public keys only: tracked by git without a leak, but the local server cannot sign',
      files: { ...CONFIG, 'supabase/signing_keys.json': '[{ "kty": "EC", "kid": "k1", "crv": "P-256", "x": "xx", "y": "yy" }]\n' },
      git: true,
      findings: [{ line: 5, messageIncludes: 'key 1 of `supabase/signing_keys.json` has no `d` (`d` is the private part' }],
    },
  ],
});
