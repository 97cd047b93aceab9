// Fixture folders of `<case>.input.<ext>` / `<case>.output.<ext>` pairs, and the core run on a file's
// bytes as the CLI runs it.
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { fileKind } from '../../src/file-kinds.js';
import { planFile, type FilePlan, type PlanFileOptions } from '../../src/file-plan.js';
import { namePattern } from '../../src/keys.js';

export interface FixturePairs {
  /** Every file in the folder. */
  files: string[];
  /** `<case>.<ext>` of every pair, sorted. */
  cases: string[];
  read(file: string): { input: Buffer; output: Buffer };
  /** Asserts that every file is one half of a pair whose other half is there too. */
  expectPaired(): void;
}

/** The pairs in `dir` (which ends with `/`); `ext`, when given, is the only extension allowed. */
export function fixturePairs(dir: string, ext?: string): FixturePairs {
  const files = readdirSync(dir);
  const cases = [...new Set(files.filter((f) => f.includes('.input.')).map((f) => f.replace('.input.', '.')))].sort();
  const pair = new RegExp(`^(.+)\\.(input|output)\\.(${ext ?? '[a-z]+'})$`);
  const split = (file: string) => {
    const dot = file.lastIndexOf('.');
    return [file.slice(0, dot), file.slice(dot + 1)];
  };
  return {
    files,
    cases,
    read(file) {
      const [name, extension] = split(file);
      return { input: readFileSync(`${dir}${name}.input.${extension}`), output: readFileSync(`${dir}${name}.output.${extension}`) };
    },
    expectPaired() {
      for (const file of files) {
        const match = pair.exec(file);
        expect(match, `${file} is not named <case>.input.${ext ?? '<ext>'} or <case>.output.${ext ?? '<ext>'}`).not.toBeNull();
        const [, name, half, extension] = match as RegExpExecArray;
        const other = `${name}.${half === 'input' ? 'output' : 'input'}.${extension}`;
        expect(files, `${file} has no ${other}`).toContain(other);
      }
    },
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Runs the core on a file's bytes, as the CLI does: only valid UTF-8 is planned. */
export function planBytes(path: string, bytes: Buffer, options?: PlanFileOptions): FilePlan {
  const kind = fileKind(path);
  if (!kind) throw new Error(`${path} is not a file kind the tool reads`);
  return planFile({ path, kind, text: utf8.decode(bytes) }, namePattern({}), {}, options);
}
