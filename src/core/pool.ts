// Worker threads that parse candidate files while the main thread goes on reading: parsing is most
// of a run's CPU time, and reading leaves the other cores idle. Files are handed out as they are
// found; once the main thread has read everything, it parses the files no worker has started on
// (a shared claim per file decides who does), so nobody waits for a busy worker. Workers start only
// in repositories large enough to pay for them, as soon as the repository is known to use Supabase
// (warm()) or at the first file that needs parsing: each loads its own TypeScript (≈ 0.1 s with the
// code cache, src/core/compile-cache.ts) while the main thread reads.
import { Worker } from 'node:worker_threads';
import { WORKER_MIN_FILES } from './worker-threshold.js';
import type { NameMap } from '../keys/names.js';
import { Scripts, type ParseCount } from '../file-kinds/parse.js';
import { locator } from '../file-kinds/scanned-text.js';
import type { ScanInput, ScannedFile } from '../file-kinds/scanned.js';
import { scanFile } from './scan.js';

/** A worker's scan, without what stays behind (the text, the locate function, the syntax trees): how often it parsed instead. */
type WorkerScan = Omit<ScannedFile, 'text' | 'locate' | 'scripts'> & { parses: ParseCount };

export type ScanReply = { id: number; scanned?: WorkerScan; error?: string; stopped?: boolean };


/** Who parses a file: the first to set its claim from UNCLAIMED. */
export const UNCLAIMED = 0;
export const BY_WORKER = 1;
const BY_MAIN = 2;

interface Pending {
  input: ScanInput;
  scripts?: Scripts;
  resolve(scanned: ScannedFile): void;
  reject(error: Error): void;
}

/** For `--stats`: the workers started and the files they scanned, of the candidates. */
export interface PoolStats {
  workers: number;
  byWorkers: number;
  files: number;
  /** Why the workers stopped early, when one failed: the main thread scanned what was left. */
  stopped?: string;
}

export class ScanPool {
  private readonly workers: Worker[] = [];
  readonly stats: PoolStats = { workers: 0, byWorkers: 0, files: 0 };
  private readonly pending = new Map<number, Pending>();
  private readonly claims: Int32Array;
  private nextId = 0;

  /**
   * `concurrency`: the most worker threads to start (0: none); `files`: how many files the run reads,
   * which bounds the files handed out.
   */
  constructor(
    private concurrency: number,
    private readonly files: number,
    private readonly pattern: RegExp,
    private readonly map: NameMap,
  ) {
    const enabled = concurrency > 0 && files >= WORKER_MIN_FILES;
    this.claims = new Int32Array(new SharedArrayBuffer(enabled ? 4 * files : 4));
    if (!enabled) this.concurrency = 0;
  }

  /**
   * Scans a file: on a worker when workers are on (.env entries and YAML are parsed too), else here and now.
   * `scripts`, when given, is the file's (src/file-kinds/parse.ts): the scanned file carries it.
   */
  scan(input: ScanInput, scripts?: Scripts): ScannedFile | Promise<ScannedFile> {
    this.stats.files++;
    if (this.inBand) return scanFile(input, this.pattern, this.map, scripts);
    if (this.workers.length === 0) this.start();
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length] as Worker;
    return new Promise<ScannedFile>((resolve, reject) => {
      this.pending.set(id, { input, scripts, resolve, reject });
      worker.postMessage({ id, input });
    });
  }

  /** Whether scan() scans here and now rather than on a worker. */
  get inBand(): boolean {
    return this.concurrency === 0 || this.nextId >= this.files;
  }

  /**
   * Starts the workers ahead of the first file that needs parsing, loading TypeScript, while the
   * main thread goes on reading: called once the repository is known to use Supabase.
   */
  warm(): void {
    if (this.concurrency === 0 || this.workers.length > 0) return;
    this.start();
    for (const worker of this.workers) worker.postMessage({ warm: true });
  }

  /** Parses here every file handed out that no worker has claimed yet, last first. */
  drain(): void {
    for (let id = this.nextId - 1; id >= 0; id--) {
      const pending = this.pending.get(id);
      if (pending && Atomics.compareExchange(this.claims, id, UNCLAIMED, BY_MAIN) === UNCLAIMED) this.scanHere(id, pending);
    }
  }

  /** Stops the workers, once each has written the code cache it compiled; call once every scan has settled. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(
      workers.map(async (worker) => {
        const stopped = new Promise<void>((resolve) => {
          worker.on('message', (reply: ScanReply) => reply.stopped && resolve());
          worker.once('exit', () => resolve());
        });
        worker.postMessage({ stop: true });
        await stopped;
        await worker.terminate();
      }),
    );
  }

  private start(): void {
    for (let i = 0; i < this.concurrency; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: { map: this.map, claims: this.claims },
        // A small young generation keeps the worker's heap, and so the process's peak RSS, down: parse
        // trees die young, and 8 MB measured as fast as the default on the 50k tree (RSS 327 -> 261 MB).
        resourceLimits: { maxYoungGenerationSizeMb: 8 },
      });
      worker.on('message', (reply: ScanReply) => this.settle(reply));
      worker.on('error', (error) => this.fallBack(error.message));
      worker.on('exit', (code) => {
        if (this.pending.size > 0) this.fallBack(`a worker stopped (exit code ${code})`);
      });
      this.workers.push(worker);
    }
    this.stats.workers = this.workers.length;
  }

  private settle(reply: ScanReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.error !== undefined) pending.reject(new Error(`scanning ${pending.input.path} failed in a worker: ${reply.error}`));
    else if (reply.scanned) {
      this.stats.byWorkers++;
      const { parses, ...scanned } = reply.scanned;
      const scripts = pending.scripts ?? new Scripts(pending.input.path, pending.input.text);
      scripts.parsesByWorker = parses;
      pending.resolve({ ...scanned, text: pending.input.text, locate: locator(pending.input.text), scripts });
    }
  }

  /**
   * A worker that fails (out of memory, or unable to start) leaves its files, and every file after
   * them, to the main thread: the run is slower, never different.
   */
  private fallBack(reason: string): void {
    if (this.stats.stopped !== undefined) return;
    this.stats.stopped = reason;
    this.concurrency = 0;
    for (const worker of this.workers.splice(0)) void worker.terminate();
    for (const [id, pending] of [...this.pending]) this.scanHere(id, pending);
  }

  private scanHere(id: number, pending: Pending): void {
    this.pending.delete(id);
    try {
      pending.resolve(scanFile(pending.input, this.pattern, this.map, pending.scripts));
    } catch (error) {
      pending.reject(error as Error);
    }
  }
}
