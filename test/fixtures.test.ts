// Fixture pairs in __testfixtures__/env-names: the core turns each .input into its .output byte for byte, and is idempotent.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturePairs, planBytes } from './helpers/fixtures.js';

const pairs = fixturePairs(fileURLToPath(new URL('../__testfixtures__/env-names/', import.meta.url)));

/** Runs the core on a file's bytes, as the CLI and the jscodeshift transform do. */
function transform(bytes: Buffer, file: string): Buffer {
  const ext = file.slice(file.lastIndexOf('.') + 1);
  return Buffer.from(planBytes(ext === 'env' ? '.env' : `src/${file}`, bytes).after, 'utf8');
}

describe('env-names fixtures', () => {
  it('has both halves of every pair and nothing else', () => {
    expect(pairs.cases.length).toBeGreaterThan(0);
    pairs.expectPaired();
  });

  it.each(pairs.cases)('%s', (file) => {
    const { input, output } = pairs.read(file);
    expect(transform(input, file).equals(output), 'input → output').toBe(true);
    expect(transform(output, file).equals(output), 'output is unchanged by a second run').toBe(true);
  });
});
