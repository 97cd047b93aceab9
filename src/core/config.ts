// The configuration file: found, read and validated with messages that say exactly what is wrong.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NameMap } from '../keys/names.js';
import { isRuleId, RULE_IDS, type RuleId } from '../rules/ids.js';
import type { Severity } from '../rules/rule.js';
import { isRecord } from './words.js';

export type RuleSetting = Severity | 'off';
/** Rule settings by rule id, from the config file's `rules` and `--rule`. */
export type RuleSettings = Partial<Record<RuleId, RuleSetting>>;

export interface Config {
  map: NameMap;
  ignore: string[];
  rules: RuleSettings;
  /** Steps outside the repository a team has done (`<kind>:<name>`, e.g. `vercel:VITE_SUPABASE_PUBLISHABLE_KEY`, or `<kind>:*`). */
  outsideDone?: string[];
  /** `"transitional": true`: every run is a `--transitional` one (SPEC §4), so CI's `--check` needs no flag. */
  transitional?: boolean;
  /** Where it came from, for messages; undefined when there is no configuration. */
  source?: string;
}

export const CONFIG_FILE = 'migrate-keys.config.json';
const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** An `outsideDone` entry: a place's kind (as `outside[].kind` says it) and a name, or `*` for all of its steps. */
const OUTSIDE_STEP = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*:(?:\*|[A-Za-z_][A-Za-z0-9_]*)$/;
/** A name an object assignment would not store: `map["__proto__"] = …` sets the prototype, dropping the entry. */
const UNMAPPABLE = '__proto__';

class ConfigError extends Error {}

/** `--config <file>`, else migrate-keys.config.json at the root, else package.json's "migrateKeys". */
export function loadConfig(root: string, explicit?: string): Config {
  if (explicit !== undefined) return parseConfig(readJson(resolve(root, explicit), explicit), explicit);
  const file = join(root, CONFIG_FILE);
  if (existsSync(file)) return parseConfig(readJson(file, CONFIG_FILE), CONFIG_FILE);
  const manifest = join(root, 'package.json');
  if (existsSync(manifest)) {
    const pkg = readJson(manifest, 'package.json');
    if (isRecord(pkg) && pkg.migrateKeys !== undefined) return parseConfig(pkg.migrateKeys, 'package.json "migrateKeys"');
  }
  return { map: {}, ignore: [], rules: {} };
}

function readJson(path: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${label}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`${label}: not valid JSON (${(error as Error).message})`);
  }
}

export function parseConfig(raw: unknown, source: string): Config {
  const fail = (path: string, message: string): never => {
    throw new ConfigError(`${source}: ${path}: ${message}`);
  };
  if (!isRecord(raw)) return fail('(top level)', 'expected an object with "map", "ignore", "rules", "outsideDone" and/or "transitional"');
  for (const key of Object.keys(raw)) {
    if (!['map', 'ignore', 'rules', 'outsideDone', 'transitional'].includes(key)) fail(key, 'unknown setting (known: map, ignore, rules, outsideDone, transitional)');
  }
  const config: Config = { map: {}, ignore: [], rules: {}, source };
  if (raw.map !== undefined) {
    if (!isRecord(raw.map)) fail('map', 'expected an object of "OLD": "NEW" names');
    for (const [from, to] of Object.entries(raw.map as Record<string, unknown>)) {
      if (!ENV_NAME.test(from)) fail(`map.${from}`, 'not a variable name');
      if (from === UNMAPPABLE) fail(`map.${from}`, 'not a variable name that can be mapped');
      if (typeof to !== 'string' || !ENV_NAME.test(to)) fail(`map.${from}`, 'expected a variable name as the new name');
      // Not `map.${from}: …`: a key-like name before a colon reads as a secret assignment to the masker.
      if (to === UNMAPPABLE) fail('map', `${UNMAPPABLE}, the new name of ${from}, is not a variable name that can be mapped`);
      (config.map as Record<string, string>)[from] = to as string;
    }
  }
  if (raw.ignore !== undefined) {
    if (!Array.isArray(raw.ignore) || !raw.ignore.every((glob) => typeof glob === 'string' && glob !== '')) {
      fail('ignore', 'expected an array of glob strings');
    }
    config.ignore = raw.ignore as string[];
  }
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) fail('rules', 'expected an object of "rule-id": "off" | "info" | "warning" | "error"');
    for (const [id, setting] of Object.entries(raw.rules as Record<string, unknown>)) {
      const [ruleId, value] = parseRuleSetting(id, setting, (message) => fail(`rules.${id}`, message));
      config.rules[ruleId] = value;
    }
  }
  if (raw.outsideDone !== undefined) {
    if (!Array.isArray(raw.outsideDone) || !raw.outsideDone.every((entry) => typeof entry === 'string' && OUTSIDE_STEP.test(entry))) {
      fail('outsideDone', 'expected an array of "<kind>:<name>" strings (e.g. "vercel:VITE_SUPABASE_PUBLISHABLE_KEY", or "vercel:*")');
    }
    config.outsideDone = raw.outsideDone as string[];
  }
  if (raw.transitional !== undefined) {
    if (typeof raw.transitional !== 'boolean') fail('transitional', 'expected true or false');
    config.transitional = raw.transitional as boolean;
  }
  return config;
}

/** Validates one rule setting, its id first; shared by the config file and `--rule id=severity`. */
export function parseRuleSetting(id: string, setting: unknown, fail: (message: string) => never): [RuleId, RuleSetting] {
  if (!isRuleId(id)) return fail(`unknown rule id (known: ${RULE_IDS.join(', ')})`);
  if (typeof setting !== 'string' || !SETTINGS.includes(setting as RuleSetting)) fail('expected "off", "info", "warning" or "error"');
  return [id, setting as RuleSetting];
}
