// Fixture pairs in __testfixtures__/bearer: the unsafe fix of bearer-api-key turns each .input into its
// .output byte for byte (outputs written by hand), a second unsafe run changes nothing, and without
// --unsafe nothing is edited at all (the inputs use new key names only, so no other rule has a fix).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileKind } from '../src/file-kinds.js';
import { planFile } from '../src/file-plan.js';
import { namePattern } from '../src/keys.js';

const DIR = fileURLToPath(new URL('../__testfixtures__/bearer/', import.meta.url));
const PAIR = /^(.+)\.(input|output)\.([a-z]+)$/;

const files = readdirSync(DIR);
const cases = [...new Set(files.filter((f) => f.includes('.input.')).map((f) => f.replace('.input.', '.')))].sort();

/** Fixtures the fix must leave as they are although the header is flagged: a person has to move these. */
const FLAGGED_BY_HAND = new Set(['apikey-different.ts', 'name-holds-bearer.ts', 'not-an-object-entry.ts']);
/** Fixtures with no API key in Authorization at all. */
const NOT_FLAGGED = new Set(['user-token.ts']);

function plan(bytes: Buffer, file: string, unsafe: boolean) {
  const path = `src/${file}`;
  const kind = fileKind(path);
  if (!kind) throw new Error(`${path} is not a file kind the tool reads`);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  return planFile({ path, kind, text }, namePattern({}), {}, { unsafe });
}

const transform = (bytes: Buffer, file: string, unsafe = true): Buffer => Buffer.from(plan(bytes, file, unsafe).after, 'utf8');

function pair(file: string): { input: Buffer; output: Buffer } {
  const dot = file.lastIndexOf('.');
  const [name, ext] = [file.slice(0, dot), file.slice(dot + 1)];
  return { input: readFileSync(`${DIR}${name}.input.${ext}`), output: readFileSync(`${DIR}${name}.output.${ext}`) };
}

describe('bearer-api-key fixtures (--unsafe)', () => {
  it('has both halves of every pair and nothing else', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const match = PAIR.exec(file);
      expect(match, `${file} is not named <case>.input.<ext> or <case>.output.<ext>`).not.toBeNull();
      const [, name, half, ext] = match as RegExpExecArray;
      const other = `${name}.${half === 'input' ? 'output' : 'input'}.${ext}`;
      expect(files, `${file} has no ${other}`).toContain(other);
    }
    for (const name of [...FLAGGED_BY_HAND, ...NOT_FLAGGED]) expect(cases).toContain(name);
  });

  it.each(cases)('%s: input → output, byte-exact and idempotent', (file) => {
    const { input, output } = pair(file);
    expect(transform(input, file).toString('utf8')).toBe(output.toString('utf8'));
    expect(transform(input, file).equals(output), 'input → output (bytes)').toBe(true);
    expect(transform(output, file).equals(output), 'output is unchanged by a second unsafe run').toBe(true);
  });

  it.each(cases)('%s: without --unsafe the file is left alone', (file) => {
    const { input } = pair(file);
    const result = plan(input, file, false);
    expect(result.after).toBe(input.toString('utf8'));
    expect(result.findings.filter((f) => f.ruleId === 'bearer-api-key').every((f) => !f.fixable)).toBe(true);
    // Only bearer-api-key has anything to say about these files.
    expect(result.findings.filter((f) => f.ruleId !== 'bearer-api-key')).toEqual([]);
  });

  it.each(cases)('%s: findings match the change', (file) => {
    const { input, output } = pair(file);
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
