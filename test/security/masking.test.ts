// maskSecrets, the one masking function every output passes: what it hides, and what it must keep
// so that a diff still says which name holds what.
import { describe, expect, it } from 'vitest';
import { maskSecrets, secretFragments } from '../../src/keys/mask.js';
import { guardControls, printable } from '../../src/core/printable.js';
import { fakeJwt, prng } from '../reliability/generate.js';

const rng = prng(7);
const SERVICE_ROLE = fakeJwt(rng, 'service_role');

describe('maskSecrets hides', () => {
  it.each([
    ['an env line', 'JWT_SECRET=abc123supersecretvalue', 'JWT_SECRET=…[redacted]'],
    ['a shell export with a comment', 'export JWT_SECRET=abc123supersecretvalue # why', 'export JWT_SECRET=…[redacted] # why'],
    ["Dockerfile's ENV", 'ENV JWT_SECRET=abc123supersecretvalue', 'ENV JWT_SECRET=…[redacted]'],
    ["Dockerfile's older ENV", 'ENV JWT_SECRET abc123supersecretvalue', 'ENV JWT_SECRET …[redacted]'],
    ['an unquoted YAML value', '  POSTGRES_PASSWORD: hunter2hunter2', '  POSTGRES_PASSWORD: …[redacted]'],
    ['a lower-case YAML key', '  password: hunter2hunter2', '  password: …[redacted]'],
    ['a quoted literal in code', "const serviceRoleKey = 'not-a-jwt-but-secret'", "const serviceRoleKey = '…[redacted]'"],
    ['a quoted JSON key', '{"jwt_secret": "abc123supersecretvalue"}', '{"jwt_secret": "…[redacted]"}'],
    ['a ?? fallback', 'const k = process.env.JWT_SECRET ?? "super-secret-jwt-token"', 'const k = process.env.JWT_SECRET ?? "…[redacted]"'],
    ['a Python default', 'os.environ.get("JWT_SECRET", "fallbacksecret99")', 'os.environ.get("JWT_SECRET", "…[redacted]")'],
    ['a Python or', 'key = os.getenv("SERVICE_KEY") or "fallbacksecret99"', 'key = os.getenv("SERVICE_KEY") or "…[redacted]"'],
    ['a shell default', 'echo ${JWT_SECRET:-mydefaultsecret1}', 'echo ${JWT_SECRET:-…[redacted]}'],
    ['an assignment in prose', 'Set JWT_SECRET=abcdefgh12345 in your shell', 'Set JWT_SECRET=…[redacted]'],
    ['a JWT anywhere', `token ${SERVICE_ROLE} here`, 'token eyJhbGci…[legacy service_role JWT] here'],
    ['a JWT cut short', `cut: ${SERVICE_ROLE.slice(0, 30)}`, 'cut: eyJhbGci…[part of a JWT]'],
    ['a new key cut short', 'sb_secret_abcdefghijkl', 'sb_secret_…[redacted]'],
    ['base64 of a JWT', `  anon: ${Buffer.from(SERVICE_ROLE).toString('base64')}`, '  anon: …[base64 of a key]'],
  ])('%s', (_name, input, expected) => {
    expect(maskSecrets(input)).toBe(expected);
    expect(maskSecrets(expected), 'masking twice changes nothing').toBe(expected);
  });

  it('the pieces of a JWT split across concatenation, over several lines', () => {
    const [head, payload, signature] = SERVICE_ROLE.split('.') as [string, string, string];
    const file = `const key =\n  "${head}." +\n  "${payload}." +\n  "${signature}";\n`;
    const fragments = secretFragments(file);
    const shown = file.split('\n').map((line) => maskSecrets(line, fragments)).join('\n');
    expect(shown).not.toContain(signature.slice(0, 12));
    expect(shown).not.toContain(payload.slice(4, 16));
  });

  it('a value of megabytes, in linear time and without overflowing the stack', () => {
    const huge = 'a'.repeat(12_000_000);
    expect(maskSecrets(`JWT_SECRET=${huge}`)).toBe('JWT_SECRET=…[redacted]');
    expect(maskSecrets(`data ${huge}`)).toHaveLength(huge.length + 5);
  });

  it('the body of a PEM private key', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7';
    const file = `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`;
    expect(maskSecrets(file, secretFragments(file))).not.toContain(body.slice(0, 12));
  });
});

describe('maskSecrets keeps what a reader needs', () => {
  it.each([
    '  SUPABASE_SERVICE_ROLE_KEY: ${{ secrets.SUPABASE_SERVICE_ROLE_KEY }}',
    'GITHUB_TOKEN: ${{ github.token }}',
    'const k = process.env.SUPABASE_SERVICE_ROLE_KEY',
    'const key = Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")',
    '  supabaseKey: string',
    '  apikey: key,',
    // A destructuring's binding with its default (examples/vite-react's config.ts): the name is not a value.
    "  VITE_SUPABASE_ANON_KEY: anonKey = '',",
    'headers: { apikey: key }',
    'secret = "env(SUPABASE_AUTH_EXTERNAL_GITHUB_SECRET)"',
    '        key: SUPABASE_SERVICE_ROLE_KEY',
    'SUPABASE_SERVICE_ROLE_KEY=<service role key>',
    'VITE_SUPABASE_ANON_KEY=your-anon-key',
    'SUPABASE_SERVICE_ROLE_KEY=',
    'TOKEN_TTL=3600',
    'REACT_APP_SUPABASE_ANON_KEY=xxxxxxxxxxxx.xxxxxxxxxxxxxxx.xxxxxxxxxxx',
    'NEXT_PUBLIC_SUPABASE_ANON_KEY=ANONKEY',
    'PRIVATE_SUPABASE_SERVICE_KEY=YYY',
    'Keep the secret: it is never sent to a browser',
    '### secret-key-exposed: a secret/service_role key in a public env name',
    'migrate-keys: nothing to undo',
    'SUPABASE_SERVICE_ROLE_KEY=… (.env)  ->  SUPABASE_SECRET_KEY=…',
    'fail with PGRST301 (PostgREST) or "Invalid Compact JWS" (Storage)',
    'const url = "https://x.supabase.co"',
  ])('%s', (line) => {
    expect(maskSecrets(line)).toBe(line);
  });
});

describe('printable and guardControls', () => {
  it('escape every control character of a file name or line', () => {
    expect(printable('src/evil\n::error::x\r\x1b]0;t\x07\u009b2J\u202e.ts')).toBe('src/evil\\n::error::x\\r\\x1b]0;t\\u0007\\u009b2J\\u202e.ts');
    expect(printable('a\tb')).toBe('a\tb');
    expect(printable('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
    expect(guardControls('a\u2028b', true)).toBe('a\\u2028b');
  });

  it('keep line breaks, tabs, and ESC only when the text carries our colours', () => {
    expect(guardControls('a\n\tb\x1b[31mc\x07\r', true)).toBe('a\n\tb\x1b[31mc\\u0007\\u000d');
    expect(guardControls('a\x1b[31m', false)).toBe('a\\u001b[31m');
    expect(JSON.parse(guardControls(JSON.stringify({ x: '\u009b\x7f' }), false))).toEqual({ x: '\u009b\x7f' });
  });
});
