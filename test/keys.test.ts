// The name table (SPEC §2), --map parsing, key-value classification and masking.
import { describe, expect, it } from 'vitest';
import { decideName, namePattern, parseNameMap } from '../src/keys/names.js';
import { classifyJwt } from '../src/keys/values.js';
import { maskSecrets } from '../src/keys/mask.js';

const jwt = (claims: object) =>
  ['{"alg":"HS256","typ":"JWT"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.c2lnbmF0dXJlLW5vdC1yZWFs';

describe('decideName', () => {
  it.each([
    ['SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEY'],
    ['VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY'],
    ['NEXT_PUBLIC_SUPABASE_ANON_KEY', 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY'],
    ['EXPO_PUBLIC_SUPABASE_ANON_KEY', 'EXPO_PUBLIC_SUPABASE_PUBLISHABLE_KEY'],
    ['SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEY'],
    ['SUPABASE_SERVICE_KEY', 'SUPABASE_SECRET_KEY'],
    ['STAGING_SUPABASE_SERVICE_ROLE_KEY', 'STAGING_SUPABASE_SECRET_KEY'],
  ])('renames %s to %s', (name, newName) => {
    expect(decideName(name)).toMatchObject({ kind: 'rename', newName });
  });

  it.each(['NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY', 'VITE_SUPABASE_SERVICE_KEY', 'PUBLIC_SUPABASE_SERVICE_ROLE_KEY', 'MY_APP_PUBLIC_SUPABASE_SERVICE_ROLE_KEY'])(
    'never renames the secret %s into another public name',
    (name) => {
      expect(decideName(name)).toEqual({ kind: 'exposed', name, role: 'secret' });
    },
  );

  it.each(['SUPABASE_KEY', 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_DEFAULT_KEY', 'VITE_SUPABASE_PUBLISHABLE_OR_ANON_KEY', 'SUPABASE_ANON_KEYS', 'vite_SUPABASE_ANON_KEY'])(
    'leaves %s alone',
    (name) => {
      expect(decideName(name)).toBeUndefined();
    },
  );

  it('lets --map extend and override the table', () => {
    const map = parseNameMap(['SUPABASE_KEY=SUPABASE_PUBLISHABLE_KEY', 'VITE_SUPABASE_ANON_KEY=VITE_SUPABASE_PUBLISHABLE_DEFAULT_KEY']);
    expect(decideName('SUPABASE_KEY', map)).toMatchObject({ kind: 'rename', newName: 'SUPABASE_PUBLISHABLE_KEY' });
    expect(decideName('VITE_SUPABASE_ANON_KEY', map)).toMatchObject({ newName: 'VITE_SUPABASE_PUBLISHABLE_DEFAULT_KEY' });
    expect([...'const a = env.SUPABASE_KEY; env.SUPABASE_KEYS'.matchAll(namePattern(map))].map((m) => m[0])).toEqual(['SUPABASE_KEY']);
  });

  it.each(['NOEQUALS', 'A=', '=B', 'A B=C', 'SUPABASE_KEY=SUPABASE_ANON_KEY', 'X=X'])('rejects --map %s', (entry) => {
    expect(() => parseNameMap([entry])).toThrow(/--map/);
  });
});

describe('namePattern', () => {
  it('finds legacy names with word boundaries only', () => {
    const text = 'VITE_SUPABASE_ANON_KEY VITE_SUPABASE_ANON_KEYS MY_SUPABASE_ANON_KEY_LABEL $SUPABASE_SERVICE_KEY x_SUPABASE_ANON_KEY ${NEXT_PUBLIC_SUPABASE_ANON_KEY}';
    expect([...text.matchAll(namePattern())].map((m) => m[0])).toEqual(['VITE_SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_KEY', 'NEXT_PUBLIC_SUPABASE_ANON_KEY']);
  });
});

describe('key values', () => {
  const anon = jwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'anon' });
  const service = jwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role' });
  const demo = jwt({ iss: 'supabase-demo', role: 'anon' });

  it('classifies a JWT by its role claim', () => {
    expect(classifyJwt(anon)).toBe('legacy-anon');
    expect(classifyJwt(service)).toBe('legacy-service-role');
    expect(classifyJwt(demo)).toBe('legacy-demo');
    expect(classifyJwt('eyJhbGciOi.eyJub3Rqc29u.x')).toBe('jwt');
  });

  it('masks every key value and keeps what it was', () => {
    const secret = 'sb_secret_' + 'N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';
    const line = `a=${anon} b=${service} c=${secret} d=sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH e=sbp_${'0a'.repeat(20)}`;
    expect(maskSecrets(line)).toBe(
      'a=eyJhbGci…[legacy anon JWT] b=eyJhbGci…[legacy service_role JWT] c=sb_secret_…[redacted] d=sb_publishable_…[redacted] e=sbp_…[redacted]',
    );
  });

  it('masks sensitive .env values but shows names, placeholders and harmless values', () => {
    expect(maskSecrets('export SUPABASE_JWT_SECRET="super-secret-jwt-token"')).toBe('export SUPABASE_JWT_SECRET="…[redacted]"');
    expect(maskSecrets(`VITE_SUPABASE_ANON_KEY='${anon}' # anon`)).toBe("VITE_SUPABASE_ANON_KEY='eyJhbGci…[legacy anon JWT]' # anon");
    expect(maskSecrets('VITE_SUPABASE_ANON_KEY=your-anon-key')).toBe('VITE_SUPABASE_ANON_KEY=your-anon-key');
    expect(maskSecrets('SUPABASE_SERVICE_ROLE_KEY=<service role key>')).toBe('SUPABASE_SERVICE_ROLE_KEY=<service role key>');
    expect(maskSecrets('SUPABASE_SERVICE_ROLE_KEY=')).toBe('SUPABASE_SERVICE_ROLE_KEY=');
    expect(maskSecrets('VITE_SUPABASE_URL=https://x.supabase.co')).toBe('VITE_SUPABASE_URL=https://x.supabase.co');
    expect(maskSecrets('# a comment')).toBe('# a comment');
  });
});
