// ts-morph's bundled TypeScript, loaded on first use so that files without candidates never pay for it.
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';
import type { ts as TS } from 'ts-morph';

const require = createRequire(import.meta.url);
let loaded: typeof TS | undefined;

export function typescript(): typeof TS {
  loaded ??= (require('ts-morph') as typeof TsMorph).ts;
  return loaded;
}
