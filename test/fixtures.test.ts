// Fixture pairs in __testfixtures__/env-names: the core turns each .input into its .output byte for byte, and is idempotent.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileKind } from '../src/file-kinds.js';
import { planFile } from '../src/file-plan.js';
import { namePattern } from '../src/keys.js';

const DIR = fileURLToPath(new URL('../__testfixtures__/env-names/', import.meta.url));
const PAIR = /^(.+)\.(input|output)\.([a-z]+)$/;

const files = readdirSync(DIR);
const cases = [...new Set(files.filter((f) => f.includes('.input.')).map((f) => f.replace('.input.', '.')))].sort();

/** Runs the core on a file's bytes, as the CLI and the jscodeshift transform do. */
function transform(bytes: Buffer, file: string): Buffer {
  const ext = file.slice(file.lastIndexOf('.') + 1);
  const path = ext === 'env' ? '.env' : `src/${file}`;
  const kind = fileKind(path);
  if (!kind) throw new Error(`${path} is not a file kind the tool reads`);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  return Buffer.from(planFile({ path, kind, text }, namePattern({}), {}).after, 'utf8');
}

describe('env-names fixtures', () => {
  it('has both halves of every pair and nothing else', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const file of files) {
      const match = PAIR.exec(file);
      expect(match, `${file} is not named <case>.input.<ext> or <case>.output.<ext>`).not.toBeNull();
      const [, name, half, ext] = match as RegExpExecArray;
      const other = `${name}.${half === 'input' ? 'output' : 'input'}.${ext}`;
      expect(files, `${file} has no ${other}`).toContain(other);
    }
  });

  it.each(cases)('%s', (file) => {
    const dot = file.lastIndexOf('.');
    const [name, ext] = [file.slice(0, dot), file.slice(dot + 1)];
    const input = readFileSync(`${DIR}${name}.input.${ext}`);
    const output = readFileSync(`${DIR}${name}.output.${ext}`);
    expect(transform(input, file).equals(output), 'input → output').toBe(true);
    expect(transform(output, file).equals(output), 'output is unchanged by a second run').toBe(true);
  });
});
