// Name-map entries that are Object.prototype's own names: `__proto__` is refused aloud (an object
// assignment would drop it silently), and the others (`constructor`, `prototype`, `toString`) map.
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.js';
import { decideName, parseNameMap } from '../../src/keys/names.js';
import { removeTempDirs, runCli, writeTree } from '../helpers/repo.js';

afterAll(removeTempDirs);

const lines = (text: string) => text.trimEnd().split('\n');
const repo = (extra: Record<string, string> = {}) =>
  writeTree({ 'src/app.js': 'export const key = process.env.SUPABASE_KEY;\n', ...extra });

describe('__proto__ in a name map is a usage error, never dropped', () => {
  it('config file: { "map": { "__proto__": "X" } } (as JSON.parse makes it, an own property)', () => {
    const root = repo({ 'migrate-keys.config.json': '{ "map": { "__proto__": "SUPABASE_PUBLISHABLE_KEY" } }\n' });
    const run = runCli(root, []);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(['migrate-keys: migrate-keys.config.json: map.__proto__: not a variable name that can be mapped']);
    expect(run.stdout).toBe('');
  });

  it('config file: __proto__ as the new name', () => {
    const root = repo({ 'migrate-keys.config.json': '{ "map": { "SUPABASE_KEY": "__proto__" } }\n' });
    const run = runCli(root, []);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(['migrate-keys: migrate-keys.config.json: map: __proto__, the new name of SUPABASE_KEY, is not a variable name that can be mapped']);
  });

  it('package.json "migrateKeys" map', () => {
    const root = repo({ 'package.json': '{ "name": "x", "migrateKeys": { "map": { "__proto__": "X" } } }\n' });
    const run = runCli(root, []);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(['migrate-keys: package.json "migrateKeys": map.__proto__: not a variable name that can be mapped']);
  });

  it.each(['__proto__=SUPABASE_PUBLISHABLE_KEY', 'SUPABASE_KEY=__proto__'])('--map %s', (entry) => {
    const run = runCli(repo(), ['--map', entry]);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(['migrate-keys: --map: __proto__ is not a variable name that can be mapped']);
  });

  it('parseConfig and parseNameMap refuse it directly', () => {
    expect(() => parseConfig(JSON.parse('{ "map": { "__proto__": "X" } }'), 'c.json')).toThrow('c.json: map.__proto__: not a variable name that can be mapped');
    expect(() => parseNameMap(['__proto__=X'])).toThrow('--map: __proto__ is not a variable name that can be mapped');
    // A base map holding it as an own property (as JSON.parse makes) is refused too, not spread away.
    expect(() => parseNameMap([], JSON.parse('{ "__proto__": "X" }') as Record<string, string>)).toThrow(
      '__proto__ is not a variable name that can be mapped',
    );
  });
});

describe("Object.prototype's other names map like any name", () => {
  it('parseNameMap and parseConfig keep constructor, prototype and toString as own entries', () => {
    const map = parseNameMap(['constructor=NEW_CONSTRUCTOR', 'toString=NEW_TO_STRING'], parseConfig(JSON.parse('{ "map": { "prototype": "NEW_PROTOTYPE" } }'), 'c.json').map);
    expect(Object.entries(map)).toEqual([
      ['prototype', 'NEW_PROTOTYPE'],
      ['constructor', 'NEW_CONSTRUCTOR'],
      ['toString', 'NEW_TO_STRING'],
    ]);
    expect(decideName('constructor', map)).toMatchObject({ kind: 'rename', newName: 'NEW_CONSTRUCTOR' });
    expect(decideName('hasOwnProperty', map)).toBeUndefined();
  });

  it('the CLI renames them in code and .env files', () => {
    const root = writeTree({
      'migrate-keys.config.json': '{ "map": { "prototype": "SUPABASE_PUBLISHABLE_KEY" } }\n',
      'src/app.js': 'export const a = process.env.prototype;\nexport const b = process.env.constructor;\n',
      '.env': 'prototype=1\nconstructor=2\n',
    });
    const run = runCli(root, ['--map', 'constructor=SUPABASE_SECRET_KEY']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('+export const a = process.env.SUPABASE_PUBLISHABLE_KEY;');
    expect(run.stdout).toContain('+export const b = process.env.SUPABASE_SECRET_KEY;');
    expect(run.stdout).toContain('+SUPABASE_PUBLISHABLE_KEY=');
    expect(run.stdout).toContain('+SUPABASE_SECRET_KEY=');
  });
});
