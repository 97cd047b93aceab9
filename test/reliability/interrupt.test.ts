// SIGINT/SIGTERM: applyChanges stops after the file in flight when its signal is aborted, reports what was and was not written, and undo restores.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyChanges, applyChangesAsync, undoLastRun } from '../../src/core/apply.js';
import { plan } from '../../src/core/plan.js';
import { removeTempDirs, writeTree } from '../helpers/repo.js';
import { hashTree, STATE } from './helpers.js';

afterAll(removeTempDirs);

const FILES = 12;

/** A folder of FILES code files that each need one rename, and its plan. */
async function planned() {
  const files: Record<string, string> = {};
  for (let i = 0; i < FILES; i++) files[`src/f${String(i).padStart(2, '0')}.ts`] = `export const k${i} = process.env.SUPABASE_SERVICE_ROLE_KEY;\n`;
  const root = writeTree(files);
  const result = await plan({ root, paths: [], ignore: [], map: {} });
  expect(result.changes).toHaveLength(FILES);
  return { root, changes: result.changes, paths: result.changes.map((change) => change.path), old: hashTree(root).files };
}

const isNew = (root: string, path: string) => readFileSync(join(root, path), 'utf8').includes('SUPABASE_SECRET_KEY');

describe('applyChanges with an AbortSignal', () => {
  it.each([1, 5, FILES - 1])('aborted after %i files: writes exactly those, reports the others as not written, undo restores', async (n) => {
    const { root, changes, paths, old } = await planned();
    const controller = new AbortController();
    const settled: string[] = [];
    const result = applyChanges(root, changes, {
      allowDirty: true,
      signal: controller.signal,
      onFile: (path, outcome) => {
        settled.push(`${outcome} ${path}`);
        if (settled.length === n) controller.abort();
      },
    });
    expect(result.written).toEqual(paths.slice(0, n));
    expect(result.failures).toEqual([]);
    expect(settled).toEqual(paths.slice(0, n).map((path) => `written ${path}`));
    expect(result.interrupted).toEqual({ notWritten: paths.slice(n) });
    for (const path of paths) expect(isNew(root, path), path).toBe(paths.indexOf(path) < n);
    expect(hashTree(root).temps).toEqual([]);
    const undo = undoLastRun(root, { force: false });
    expect(undo).toEqual({ restored: paths.slice(0, n), failures: [], found: true });
    expect(hashTree(root).files).toEqual(old);
  });

  it('aborted before it starts: writes nothing, creates no backup folder', async () => {
    const { root, changes, paths, old } = await planned();
    const result = applyChanges(root, changes, { allowDirty: true, signal: AbortSignal.abort() });
    expect(result).toEqual({ written: [], failures: [], refusedDirty: [], interrupted: { notWritten: paths } });
    expect(existsSync(join(root, STATE))).toBe(false);
    expect(hashTree(root).files).toEqual(old);
  });

  it('applyChangesAsync gives the event loop a turn after each file: an abort queued there (as a signal handler would) stops the run after the file in flight', async () => {
    const { root, changes, paths, old } = await planned();
    const controller = new AbortController();
    const result = await applyChangesAsync(root, changes, {
      allowDirty: true,
      signal: controller.signal,
      onFile: (_path, outcome) => {
        if (outcome === 'written') setImmediate(() => controller.abort());
      },
    });
    expect(result.written).toEqual(paths.slice(0, 1));
    expect(result.interrupted).toEqual({ notWritten: paths.slice(1) });
    expect(undoLastRun(root, { force: false }).restored).toEqual(paths.slice(0, 1));
    expect(hashTree(root).files).toEqual(old);
  });

  it('the synchronous applyChanges never sees an abort queued on the event loop: a CLI must use applyChangesAsync to stop on a signal', async () => {
    const { root, changes, paths } = await planned();
    const controller = new AbortController();
    const result = applyChanges(root, changes, {
      allowDirty: true,
      signal: controller.signal,
      onFile: () => setImmediate(() => controller.abort()),
    });
    expect(result.written).toEqual(paths);
    expect(result.interrupted).toBeUndefined();
  });

  it('aborted while backups are made: no manifest, no backups of that run, nothing written', async () => {
    const { root, changes, paths, old } = await planned();
    const controller = new AbortController();
    // Queued before the run starts: it runs at the run's first turn of the event loop, after the first backup.
    setImmediate(() => controller.abort());
    const result = await applyChangesAsync(root, changes, { allowDirty: true, signal: controller.signal });
    expect(result).toEqual({ written: [], failures: [], refusedDirty: [], interrupted: { notWritten: paths } });
    expect(existsSync(join(root, STATE, 'last-run.json'))).toBe(false);
    expect(readdirSync(join(root, STATE, 'backups'))).toEqual([]);
    expect(hashTree(root).files).toEqual(old);
    expect(undoLastRun(root, { force: false }).found).toBe(false);
  });

  it('a real SIGINT delivered to this process, handled by aborting the signal, stops the run after the file in flight', async () => {
    const { root, changes, paths, old } = await planned();
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    try {
      let sent = false;
      const result = await applyChangesAsync(root, changes, {
        allowDirty: true,
        signal: controller.signal,
        onFile: (_path, outcome) => {
          if (outcome === 'written' && !sent) {
            sent = true;
            process.kill(process.pid, 'SIGINT');
          }
        },
      });
      expect(result.written.length).toBeGreaterThanOrEqual(1);
      expect(result.written.length).toBeLessThan(FILES);
      expect([...result.written, ...(result.interrupted?.notWritten ?? [])]).toEqual(paths);
      expect(undoLastRun(root, { force: false }).failures).toEqual([]);
      expect(hashTree(root).files).toEqual(old);
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  });
});
