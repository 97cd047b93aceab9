// The main command's flags -> validated run options: mode, format, report, limits, configuration, name map, rule settings, keys.
import { defaultConcurrency, UsageError } from './usage.js';
import { resolve } from 'node:path';
import { loadConfig, parseRuleSetting, type RuleSettings } from '../core/config.js';
import type { Mode, RunResult } from '../core/result.js';
import { parseNameMap, type NameMap } from '../keys/names.js';
import { readSuppliedKeys, type SuppliedKeys } from '../keys/supplied.js';
import { isFormat, reportFor } from '../reporters/index.js';
import type { Format } from '../reporters/format-names.js';
import type { Io } from './io.js';
import { withKeysFromSources } from './key-sources.js';

/** The main command's flags, as commander gives them. */
export interface RunFlags {
  write?: boolean;
  check?: boolean;
  format?: string;
  /** Every `--report <file>`, in order. */
  report: string[];
  map: string[];
  ignore: string[];
  allowDirty?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  stats?: boolean;
  concurrency?: string;
  transitional?: boolean;
  unsafe?: boolean;
  config?: string;
  rule: string[];
  publishableKeyFrom?: string;
  secretKeyFrom?: string;
  fromProject?: string | boolean;
  fromLocal?: boolean;
  color: boolean;
}

/** What a run does, checked: every flag read, the configuration loaded, the new keys fetched. */
export interface RunOptions {
  paths: string[];
  mode: Mode;
  format: Format;
  /** Each `--report`: the file, absolute, and its reporter. */
  reports: { path: string; render: (result: RunResult) => string }[];
  maxWarnings?: number;
  concurrency: number;
  /** The configuration's ignore patterns, then `--ignore`'s. */
  ignore: string[];
  map: NameMap;
  severities: RuleSettings;
  supplied: SuppliedKeys;
  /** The configuration's `outsideDone`: steps outside the repository recorded as done. */
  outsideDone: string[];
  flags: RunFlags;
}

const MAX_CONCURRENCY = 64;

/** Throws a UsageError for the first flag (or configuration) that is wrong; `note` tells what fetching the keys does. */
export async function runOptions(paths: string[], flags: RunFlags, io: Io, note: (text: string) => void): Promise<RunOptions> {
  if (flags.write && flags.check) throw new UsageError('--write and --check cannot be used together');
  const format = flags.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish');
  if (!isFormat(format)) throw new UsageError(`unknown format "${format}"`);
  const reports = flags.report.map((file) => {
    const render = reportFor(file, io.env);
    if (!render) throw new UsageError(`--report ${file}: use a .md, .json, .sarif or .html file`);
    return { path: resolve(io.cwd, file), render };
  });
  const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(`--max-warnings expects a whole number, got "${flags.maxWarnings}"`);
  }
  const concurrency = flags.concurrency === undefined ? defaultConcurrency() : Number(flags.concurrency);
  if (!(/^\d+$/.test(flags.concurrency ?? '0') && concurrency <= MAX_CONCURRENCY)) {
    throw new UsageError(`--concurrency expects a whole number from 0 to ${MAX_CONCURRENCY}, got "${flags.concurrency}"`);
  }
  const mode: Mode = flags.write ? 'write' : flags.check ? 'check' : 'preview';
  const base = { paths, mode, format, reports, maxWarnings, concurrency, flags };
  try {
    return { ...base, ...(await configured(paths, flags, io, note)) };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The configuration file, the name map, the rule settings and the new keys. */
async function configured(paths: string[], flags: RunFlags, io: Io, note: (text: string) => void) {
  const config = loadConfig(io.cwd, flags.config);
  const map = parseNameMap(flags.map, config.map);
  const severities: RuleSettings = { ...config.rules, ...parseRuleFlags(flags.rule) };
  const ignore = [...config.ignore, ...flags.ignore];
  const supplied = await withKeysFromSources(readSuppliedKeys({ publishableFrom: flags.publishableKeyFrom, secretFrom: flags.secretKeyFrom, env: io.env }), {
    fromProject: flags.fromProject,
    fromLocal: flags.fromLocal,
    root: io.cwd,
    paths,
    ignore,
    env: io.env,
    note,
  });
  // `"transitional": true` in the configuration is the flag, for every run (SPEC §4).
  const transitional = Boolean(flags.transitional) || config.transitional === true;
  return { ignore, map, severities, supplied, outsideDone: config.outsideDone ?? [], flags: { ...flags, transitional } };
}

function parseRuleFlags(entries: readonly string[]): RuleSettings {
  const settings: RuleSettings = {};
  for (const entry of entries) {
    const [id = '', setting = ''] = entry.split('=');
    const [ruleId, value] = parseRuleSetting(id, setting, (message) => {
      throw new UsageError(`--rule ${entry}: ${message}`);
    });
    settings[ruleId] = value;
  }
  return settings;
}
