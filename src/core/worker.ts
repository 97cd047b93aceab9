// A worker thread that scans (parses) candidate files for the main thread: src/core/pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { namePattern, type NameMap } from '../keys/names.js';
import type { ScanInput } from '../file-kinds/scanned.js';
import { scanFile } from './scan.js';
import { writeCodeCaches } from './compile-cache.js';
import { typescript } from './typescript.js';
import { BY_WORKER, UNCLAIMED, type ScanReply } from './pool.js';

const { map, claims } = workerData as { map: NameMap; claims: Int32Array };
const pattern = namePattern(map);
const port = parentPort as NonNullable<typeof parentPort>;

port.on('message', ({ id, input, warm, stop }: { id: number; input: ScanInput; warm?: boolean; stop?: boolean }) => {
  if (warm) return void typescript();
  if (stop) {
    writeCodeCaches();
    return void port.postMessage({ id: -1, stopped: true });
  }
  // The main thread parses the files nobody has claimed once it has read everything.
  if (Atomics.compareExchange(claims, id, UNCLAIMED, BY_WORKER) !== UNCLAIMED) return;
  let reply: ScanReply;
  try {
    // The text and the locate function stay behind: the main thread has the one and rebuilds the other.
    // So do the syntax trees, which cannot cross threads: the main thread parses again what a rule needs.
    const { text: _text, locate: _locate, scripts, ...scanned } = scanFile(input, pattern, map);
    reply = { id, scanned: { ...scanned, parses: scripts.parses } };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
