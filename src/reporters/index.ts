// Output formats by name; each reporter turns a run result into one string.
import type { Colors } from '../colors.js';
import type { RunResult } from '../result.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export interface ReporterOptions {
  colors: Colors;
  quiet: boolean;
}

export const REPORTERS = {
  stylish: (result: RunResult, options: ReporterOptions) => stylish(result, options),
  json: (result: RunResult) => json(result),
} as const;

export type Format = keyof typeof REPORTERS;

export function isFormat(name: string): name is Format {
  return Object.hasOwn(REPORTERS, name);
}
