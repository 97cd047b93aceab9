// Fixture pairs in __testfixtures__/dotenv: each .input.env becomes its .output.env byte for byte, a second
// run changes nothing, and dotenv reads the output as the input with the legacy keys renamed (SPEC §3, §4).
// `<case>.supplied.input.env` runs with new keys supplied; `<case>.transitional.input.env` adds --transitional.
import { fileURLToPath } from 'node:url';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import type { PlanFileOptions } from '../src/file-plan.js';
import { envEntries } from '../src/dotenv.js';
import { classifyValue, decideName, isPublicPrefix, roleOfName, type KeyRole } from '../src/keys.js';
import type { SuppliedKeys } from '../src/rules/rule.js';
import { fixturePairs, planBytes } from './helpers/fixtures.js';

const pairs = fixturePairs(fileURLToPath(new URL('../__testfixtures__/dotenv/', import.meta.url)), 'env');

/** Fake new keys: never real ones. */
const SUPPLIED: SuppliedKeys = {
  publishable: 'sb_publishable_FIXTUREfixtureFIXTURE1_abcdEFGH',
  secret: 'sb_secret_FIXTUREfixtureFIXTURE2_abcdEFGH',
};

function optionsFor(name: string): PlanFileOptions {
  if (name.includes('.transitional')) return { supplied: SUPPLIED, transitional: true };
  if (name.includes('.supplied')) return { supplied: SUPPLIED };
  return {};
}

function decode(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** Runs the core on a .env file's bytes, as the CLI does. */
function transform(bytes: Buffer, options: PlanFileOptions): Buffer {
  return Buffer.from(planBytes('.env', bytes, options).after, 'utf8');
}

// ---- what dotenv should read from the output, computed from what it reads from the input ----

const ROLE_OF_VALUE: Readonly<Record<string, KeyRole>> = { 'legacy-anon': 'publishable', 'legacy-service-role': 'secret' };

/** The new name of a legacy key, or undefined (not legacy, or a secret behind a public prefix). */
function newNameOf(key: string): string | undefined {
  const decision = decideName(key);
  return decision?.kind === 'rename' ? decision.newName : undefined;
}

/**
 * The supplied key that replaces a legacy JWT value: never a service_role JWT under a public name,
 * and never where the name claims the other role (a person decides which key belongs there).
 */
function replacementOf(key: string, value: string, supplied: SuppliedKeys = {}): string | undefined {
  const role = ROLE_OF_VALUE[classifyValue(value)];
  if (!role || (role === 'secret' && isPublicPrefix(key))) return undefined;
  const nameRole = roleOfName(key);
  if (nameRole && nameRole !== role) return undefined;
  return supplied[role];
}

/** `$OLD` and `${OLD` become `$NEW` and `${NEW`, except escaped (`\$`) or in single quotes; other text stays. */
function renameReferences(value: string, quote: string | undefined): string {
  if (quote === "'") return value;
  return value.replace(/(?<!\\)\$(\{?)([A-Za-z0-9_]+)/g, (ref: string, brace: string, name: string) => {
    const newName = newNameOf(name);
    return newName ? `$${brace}${newName}` : ref;
  });
}

function expectedParse(input: string, options: PlanFileOptions): Record<string, string> {
  const before = parse(input);
  const quotes = new Map(envEntries(input).map((entry) => [entry.key, entry.quote]));
  const after: Record<string, string> = {};
  for (const [key, value] of Object.entries(before)) {
    const newName = newNameOf(key);
    const replacement = replacementOf(key, value, options.supplied);
    if (options.transitional && newName) {
      // The legacy line stays as it is; its new name joins it only with a new value for the name's own role.
      after[key] = value;
      if (replacement && !(newName in before)) after[newName] = replacement;
    } else if (options.transitional) {
      // Lines under other names take the new value at once, as the plain run would.
      after[key] = replacement ?? value;
    } else if (!(newName && newName in before)) {
      // A legacy key beside its own new name is dropped; the others are renamed.
      after[newName ?? key] = replacement ?? renameReferences(value, quotes.get(key));
    }
  }
  return after;
}

describe('dotenv fixtures', () => {
  it('has both halves of every pair and nothing else', () => {
    expect(pairs.cases.length).toBeGreaterThan(0);
    pairs.expectPaired();
  });

  it.each(pairs.cases)('%s', (name) => {
    const options = optionsFor(name);
    const { input, output } = pairs.read(name);
    expect(transform(input, options).equals(output), 'input → output').toBe(true);
    expect(transform(output, options).equals(output), 'output is unchanged by a second run').toBe(true);
    expect(parse(decode(output)), 'dotenv reads the output as the input, renamed').toEqual(expectedParse(decode(input), options));
  });
});
