// A private copy of the built tool for one benchmark run, so that a rebuild of dist/ meanwhile cannot mix two builds.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Copies bin/, dist/, bench/ and package.json of `repo`; node_modules is linked, not copied. */
export function snapshotTool(repo) {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-keys-bench-tool-'));
  for (const part of ['bin', 'dist', 'bench', 'package.json']) cpSync(join(repo, part), join(dir, part), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export function removeSnapshot(dir) {
  rmSync(dir, { recursive: true, force: true });
}
