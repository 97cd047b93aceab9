// Fixture pairs in __testfixtures__/other-kinds: CI, container, deploy-config, shell, Python, Go and Dart files.
// Each case is <case>/input/<path> and <case>/output/<path>, one file each; the repo-relative path decides the kind.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileKind } from '../src/file-kinds.js';
import type { FilePlan } from '../src/file-plan.js';
import { planBytes } from './helpers/fixtures.js';

const DIR = fileURLToPath(new URL('../__testfixtures__/other-kinds/', import.meta.url));
/** Cases whose file must be reported as unparseable and left byte for byte as it is. */
const PARSE_ERROR_CASES = new Set(['yaml-parse-error']);

/** Every file under dir, relative to it, `/`-separated (dot-folders such as .github included). */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

const cases = readdirSync(DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The files of each half of a case (none when the half is missing). */
function halves(name: string): { input: string[]; output: string[] } {
  const list = (half: string) => {
    try {
      return filesUnder(join(DIR, name, half));
    } catch {
      return [];
    }
  };
  return { input: list('input'), output: list('output') };
}

/** Runs the core on one file's bytes, as the CLI does for a single file. */
function run(path: string, bytes: Buffer): { plan: FilePlan; bytes: Buffer } {
  const plan = planBytes(path, bytes);
  return { plan, bytes: Buffer.from(plan.after, 'utf8') };
}

describe('other-kinds fixtures', () => {
  it('has cases, each with exactly one input file and one output file at the same path', () => {
    expect(cases.length).toBeGreaterThan(0);
    const top = readdirSync(DIR, { withFileTypes: true }).filter((entry) => !entry.isDirectory());
    expect(top.map((entry) => entry.name), 'loose files next to the cases').toEqual([]);
    for (const name of cases) {
      expect(readdirSync(join(DIR, name)).sort(), `${name} holds input/ and output/ only`).toEqual(['input', 'output']);
      const { input, output } = halves(name);
      expect(input, `${name}/input holds one file`).toHaveLength(1);
      expect(output, `${name}/output holds one file`).toHaveLength(1);
      expect(output, `${name}: the output sits at the input's path`).toEqual(input);
    }
  });

  it('covers every file kind beyond JS/TS', () => {
    const kinds = new Set(cases.flatMap((name) => halves(name).input.map((path) => fileKind(path))));
    for (const kind of ['yaml', 'dockerfile', 'config', 'commands', 'python', 'source'] as const) expect(kinds).toContain(kind);
  });

  it.each(cases)('%s', (name) => {
    const [path] = halves(name).input as [string];
    const input = readFileSync(join(DIR, name, 'input', path));
    const output = readFileSync(join(DIR, name, 'output', path));

    const first = run(path, input);
    expect(first.bytes.toString('utf8'), `${path}: input → output`).toBe(output.toString('utf8'));
    expect(first.bytes.equals(output), `${path}: input → output, byte for byte`).toBe(true);
    const second = run(path, output);
    expect(second.bytes.equals(output), `${path}: a second run changes nothing`).toBe(true);

    const parseErrors = first.plan.findings.filter((finding) => finding.ruleId === 'parse-error');
    if (PARSE_ERROR_CASES.has(name)) {
      expect(parseErrors, `${path} is reported as unparseable`).toHaveLength(1);
      expect(output.equals(input), `${path}: an unparseable file is left as it is`).toBe(true);
    } else {
      expect(parseErrors, `${path} parses`).toEqual([]);
      expect(output.equals(input), `${path}: the case renames something`).toBe(false);
      // Whatever is left after the run is not a legacy name the tool could still rename.
      expect(second.plan.findings.filter((finding) => finding.ruleId === 'legacy-env-name')).toEqual([]);
    }
  });
});

