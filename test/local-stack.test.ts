// keys/local-stack.ts: the local stack's public constants (issue 27: findings on migrated repositories are right, not noise).
import { describe, expect, it } from 'vitest';
import { isTestProjectDir, LOCAL_JWT_SECRET, localDemoRole, localJwtSecretNames, usesLocalJwtSecret } from '../src/keys/local-stack.js';
import { KEYS } from './helpers/rule-tester.js';

describe('local stack', () => {
  it("binds names to the local CLI's JWT secret alone, never to a read of the environment first", () => {
    const text =
      `const A = '${LOCAL_JWT_SECRET}'\nexport const B: string = "${LOCAL_JWT_SECRET}"\nconst C = new TextEncoder().encode('${LOCAL_JWT_SECRET}')\n` +
      `const D = process.env.SUPABASE_JWT_SECRET ?? '${LOCAL_JWT_SECRET}'\nconst E = 'another-secret-of-at-least-32-characters-long'\n`;
    expect([...localJwtSecretNames(text)].sort()).toEqual(['A', 'B', 'C']);
    expect(usesLocalJwtSecret(text, 0, '`D`')).toBe(false);
    expect(usesLocalJwtSecret(text, 0, '`A`')).toBe(true);
    expect(usesLocalJwtSecret(`jwt.sign({}, '${LOCAL_JWT_SECRET}', { algorithm: 'HS256' })`, 0, 'HS256')).toBe(true);
    expect(usesLocalJwtSecret(`jwt.sign({}, key, { algorithm: 'HS256' })\nconst x = '${LOCAL_JWT_SECRET}'`, 0, 'HS256')).toBe(false);
  });

  it("knows the local CLI's demo keys by their issuer, not hosted keys", () => {
    expect(localDemoRole(KEYS.demoAnon)).toBe('anon');
    expect(localDemoRole(KEYS.anon)).toBeUndefined();
    expect(localDemoRole(KEYS.publishable)).toBeUndefined();
  });

  it('tells a Supabase project under a test, e2e, fixtures or examples folder', () => {
    expect(isTestProjectDir('packages/auth/test/supabase')).toBe(true);
    expect(isTestProjectDir('e2e/supabase')).toBe(true);
    expect(isTestProjectDir('examples/todo/supabase')).toBe(true);
    expect(isTestProjectDir('supabase')).toBe(false);
    expect(isTestProjectDir('apps/web/supabase')).toBe(false);
  });
});
