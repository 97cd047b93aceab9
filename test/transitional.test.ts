// --transitional on code (SPEC §4): each __testfixtures__/transitional case has an input, its
// transitional form and its final form; transitional is idempotent and transitional-then-final
// gives exactly what a single final run gives.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileKind } from '../src/file-kinds.js';
import { planFile } from '../src/file-plan.js';
import { namePattern } from '../src/keys.js';

const DIR = fileURLToPath(new URL('../__testfixtures__/transitional/', import.meta.url));
const cases = readdirSync(DIR)
  .map((file) => /^(.+)\.input\.([a-z]+)$/.exec(file))
  .filter((match): match is RegExpExecArray => match !== null)
  .map(([, name, ext]) => ({ name: name as string, ext: ext as string }));

function run(text: string, ext: string, transitional: boolean): string {
  const path = `src/app.${ext}`;
  const kind = fileKind(path);
  if (!kind) throw new Error(`no kind for ${path}`);
  return planFile({ path, kind, text }, namePattern(), {}, { transitional }).after;
}

describe('transitional fixtures', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases.map((c) => [`${c.name}.${c.ext}`, c] as const))('%s', (_label, { name, ext }) => {
    const read = (stage: string) => readFileSync(`${DIR}${name}.${stage}.${ext}`, 'utf8');
    const [input, transitional, output] = [read('input'), read('transitional'), read('output')];
    expect(run(input, ext, true), 'input -> transitional').toBe(transitional);
    expect(run(transitional, ext, true), 'transitional is idempotent').toBe(transitional);
    expect(run(transitional, ext, false), 'transitional -> final').toBe(output);
    expect(run(input, ext, false), 'input -> final').toBe(output);
    expect(run(output, ext, false), 'final is idempotent').toBe(output);
  });
});
