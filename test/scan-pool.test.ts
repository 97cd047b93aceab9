// The scan pool's fallback: a worker that cannot run leaves its files to the main thread.
import { describe, expect, it } from 'vitest';
import { namePattern } from '../src/keys/names.js';
import { scanFile } from '../src/core/scan.js';
import { ScanPool } from '../src/core/pool.js';
import { WORKER_MIN_FILES } from '../src/core/worker-threshold.js';

describe('ScanPool', () => {
  it('scans on the main thread what a worker that fails to start was given', async () => {
    // Under vitest the pool runs from src/, where no built scan-worker.js exists: the worker fails.
    const pattern = namePattern({});
    const pool = new ScanPool(1, WORKER_MIN_FILES, pattern, {});
    const inputs = ['a', 'b', 'c'].map((name) => ({
      path: `src/${name}.ts`,
      kind: 'code' as const,
      text: `export const ${name} = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;\n`,
    }));
    const scanned = await Promise.all(inputs.map((input) => pool.scan(input)));
    await pool.close();
    expect(pool.stats.stopped).toMatch(/scan-worker\.js|Cannot find module/);
    expect(pool.stats.byWorkers).toBe(0);
    for (const [i, input] of inputs.entries()) {
      const { locate: _a, ...here } = scanFile(input, pattern, {});
      const { locate: _b, ...pooled } = scanned[i] as ReturnType<typeof scanFile>;
      expect(pooled).toEqual(here);
      expect(pooled.occurrences.map((o) => o.context)).toEqual(['identifier']);
    }
    // Once a worker has failed, files are scanned here and now.
    expect(pool.scan(inputs[0] as (typeof inputs)[number])).not.toBeInstanceOf(Promise);
  });

  it('never starts a worker for a small repository or with concurrency 0', () => {
    const pattern = namePattern({});
    const input = { path: 'a.ts', kind: 'code' as const, text: 'process.env.SUPABASE_ANON_KEY\n' };
    for (const pool of [new ScanPool(2, WORKER_MIN_FILES - 1, pattern, {}), new ScanPool(0, 100_000, pattern, {})]) {
      pool.warm();
      expect(pool.scan(input)).not.toBeInstanceOf(Promise);
      expect(pool.stats.workers).toBe(0);
    }
  });
});
