// Fixture pairs in __testfixtures__/bearer: the unsafe fix of bearer-api-key turns each .input into its
// .output byte for byte (outputs written by hand), a second unsafe run changes nothing, and without
// --unsafe nothing is edited at all (the inputs use new key names only, so no other rule has a fix).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturePairs, planBytes } from './helpers/fixtures.js';

const pairs = fixturePairs(fileURLToPath(new URL('../__testfixtures__/bearer/', import.meta.url)));
const { cases } = pairs;

/** Fixtures the fix must leave as they are although the header is flagged: a person has to move these. */
const FLAGGED_BY_HAND = new Set(['apikey-different.ts', 'name-holds-bearer.ts', 'not-an-object-entry.ts']);
/** Fixtures with no API key in Authorization at all. */
const NOT_FLAGGED = new Set(['user-token.ts']);

const plan = (bytes: Buffer, file: string, unsafe: boolean) => planBytes(`src/${file}`, bytes, { unsafe });

const transform = (bytes: Buffer, file: string, unsafe = true): Buffer => Buffer.from(plan(bytes, file, unsafe).after, 'utf8');

describe('bearer-api-key fixtures (--unsafe)', () => {
  it('has both halves of every pair and nothing else', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    pairs.expectPaired();
    for (const name of [...FLAGGED_BY_HAND, ...NOT_FLAGGED]) expect(cases).toContain(name);
  });

  it.each(cases)('%s: input → output, byte-exact and idempotent', (file) => {
    const { input, output } = pairs.read(file);
    expect(transform(input, file).toString('utf8')).toBe(output.toString('utf8'));
    expect(transform(input, file).equals(output), 'input → output (bytes)').toBe(true);
    expect(transform(output, file).equals(output), 'output is unchanged by a second unsafe run').toBe(true);
  });

  it.each(cases)('%s: without --unsafe the file is left alone', (file) => {
    const { input } = pairs.read(file);
    const result = plan(input, file, false);
    expect(result.after).toBe(input.toString('utf8'));
    expect(result.findings.filter((f) => f.ruleId === 'bearer-api-key').every((f) => !f.fixable)).toBe(true);
    // Only bearer-api-key has anything to say about these files.
    expect(result.findings.filter((f) => f.ruleId !== 'bearer-api-key')).toEqual([]);
  });

  it.each(cases)('%s: findings match the change', (file) => {
    const { input, output } = pairs.read(file);
    const bearer = plan(input, file, true).findings.filter((f) => f.ruleId === 'bearer-api-key');
    if (NOT_FLAGGED.has(file)) {
      expect(bearer).toEqual([]);
    } else if (FLAGGED_BY_HAND.has(file)) {
      expect(output.equals(input)).toBe(true);
      expect(bearer.length).toBeGreaterThan(0);
      for (const finding of bearer) {
        expect(finding.fixable).toBe(false);
        expect(finding.message).toContain('move it by hand');
      }
    } else {
      expect(output.equals(input)).toBe(false);
      expect(bearer.length).toBeGreaterThan(0);
      expect(bearer.every((f) => f.fixable)).toBe(true);
      // Once fixed, nothing is left to report.
      expect(plan(output, file, true).findings.filter((f) => f.ruleId === 'bearer-api-key')).toEqual([]);
    }
  });
});
