// What a rule is: its metadata (read by the CLI, the reporters and the docs) beside its check.
import type { DatabaseModel } from '../supabase/database/model.js';
import type { KeyExports } from './analysis/bearer/module-index.js';
import type { EdgeModel } from '../supabase/edge/model.js';
import type { SuppliedKeys } from '../keys/supplied.js';
import type { NameMap } from '../keys/names.js';
import type { ScannedFile } from '../file-kinds/scanned.js';
import type { Occurrence } from '../file-kinds/scanned-text.js';
import type { SecurityModel } from './analysis/security/model.js';
import type { InstalledPackages } from './analysis/lockfiles/installed.js';
import type { FlutterAssets } from './analysis/flutter-assets.js';
import type { RuleId } from './ids.js';
import type { Edit, Severity } from '../core/types.js';

export type { Edit, Severity };

export type { RuleId } from './ids.js';

export type FixKind = 'safe' | 'unsafe' | 'none';

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  fix: FixKind;
  /** One line, as `migrate-keys rules` lists it. */
  summary: string;
  /** What goes wrong, and what to do, for docs and SARIF `help`. */
  description: string;
  /** A remaining finding means something still uses the legacy keys: they cannot be deactivated yet. */
  legacyUse: boolean;
  /** A remaining finding means a legacy JWT or the legacy JWT secret is still relied on: no rotation yet. */
  blocksRotation: boolean;
  /** A short before/after or bad/good example for `migrate-keys rules <id>`. */
  example: string;
  /** Where Supabase states the facts the rule relies on; empty only for rules about the tool itself (parse-error, unused-suppression). */
  sources: readonly RuleSource[];
  /** Before/after pairs for the rule's docs page (docs/rules/<id>.md), beyond `example`. */
  examples: readonly RuleExample[];
}

/** A Supabase docs page, changelog entry, issue or pull request, and what it states that a rule relies on. */
export interface RuleSource {
  title: string;
  url: string;
  /** The fact, in one sentence, as the page states it. */
  states: string;
  /** YYYY-MM-DD or YYYY-MM: when the source states the fact, or, with `checked`, when a living page was last read and still stated it. */
  date: string;
  /** A living page (docs, README): `date` is the day it was checked, rendered "checked <date>". */
  checked?: boolean;
}

/**
 * A before/after pair: the rule reports `before` and no longer reports `after`. When --write fixes
 * `before`, `after` is exactly what it writes (test/rule-docs.test.ts plans both to hold them to it).
 */
export interface RuleExample {
  title: string;
  /** The path the example lives at: it decides the file kind, as in a real repository. */
  file: string;
  before: string;
  after: string;
  /** Other files of the repository the example needs (a config.toml beside a function), the same before and after. */
  context?: Readonly<Record<string, string>>;
}


/** What a rule says about one place; the plan turns it into a finding with a position. */
export interface Report {
  offset: number;
  message: string;
  /** The edits that fix it; absent when the finding needs a person. */
  fix?: Edit[];
  /** The rename this place takes part in, for the report's rename table. */
  rename?: Rename;
  /** A lower severity for this place than the rule's (a command in docs rather than in CI). */
  severity?: Severity;
  /** This place's own answer to the rule meta's legacyUse / blocksRotation (a new key literal is neither). */
  legacyUse?: boolean;
  blocksRotation?: boolean;
  /**
   * What the transition phase keeps beside the new (SPEC §4): the legacy half of a new-first fallback, a legacy env
   * line or type member beside its new one. Info under --transitional, the clean-up's error without; counted as the phase's fallbacks.
   */
  fallback?: boolean;
}

export interface RelatedPlace {
  file: string;
  line: number;
  column: number;
}

interface Rename {
  from: string;
  to: string;
}

/** What the whole run knows that one file cannot. */
export interface RuleContext {
  /** The run's name map (`--map` and the config file): where two names of one new name meet, which one moves. */
  map: NameMap;
  /**
   * Whether a legacy-looking name names a key in this run: its prefix is none, a known env prefix or a --map entry, or
   * the repository uses it as an env variable somewhere (rules/analysis/env-names.ts). Else (`MISSING_SUPABASE_ANON_KEY`,
   * an error code) it is not renamed and not reported.
   */
  keyName(name: string): boolean;
  /**
   * Why a pydantic-settings field under an env_prefix keeps its name at this site (a read of it in a module the run
   * cannot tie to the settings, another field of its class taking the new name): file-kinds/python.ts linkPythonFields.
   */
  keptField(file: { path: string }, occurrence: Occurrence): string | undefined;
  supplied: SuppliedKeys;
  /** SPEC §4: reads fall back to the legacy name, .env files keep the legacy line. */
  transitional: boolean;
  /** Severity overrides from the config file and `--rule`; 'off' skips the rule. */
  severities: Readonly<Partial<Record<RuleId, Severity | 'off'>>>;
  /** `--unsafe`: fixes that change behaviour (turning verify_jwt off) are applied too. */
  unsafe: boolean;
  /** The repository's Supabase projects and Edge Functions. */
  edge: EdgeModel;
  /** Each project's database callers (cron jobs, webhooks, functions) and the new migration that moves them to apikey. */
  database: DatabaseModel;
  /** What an imported name holds, when it is a key: `(importer, specifier, name)`. */
  keyExports: KeyExports;
  /** Frameworks and browser code, implicit readers, sign-ins, signing keys. */
  security: SecurityModel;
  /** The package versions the repository's lockfiles lock, by the nearest lockfile to a file. */
  packages: InstalledPackages;
  /** The files Flutter apps bundle (pubspec.yaml `flutter: assets:`): an env file there ships inside the app. */
  flutterAssets: FlutterAssets;
}

/** What a rule's readsSyntax sees of a file: before the file is scanned, it has no parseError yet. */
export type SyntaxFile = Pick<ScannedFile, 'path' | 'kind' | 'text' | 'parseError'>;

/** What the run knows before its files are scanned: enough to tell which files a rule will parse. */
export interface SyntaxContext {
  keyExports: KeyExports;
  security: Pick<SecurityModel, 'frameworks'>;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Whether check() may read the file's syntax trees (file.scripts), for a rule that does: the plan
   * keeps the trees the scan parsed only for their readers. A false answer for a file check() parses
   * costs a second parse of it (`--stats` shows it); a true one for a file it does not, memory.
   */
  readsSyntax?(file: SyntaxFile, context: SyntaxContext): boolean;
  check(file: ScannedFile, context: RuleContext): Report[];
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  fixable: boolean;
  fixed: boolean;
  /** The other places of the same problem (src/core/dedupe.ts): JSON `related`, SARIF relatedLocations. Absent: none. */
  related?: RelatedPlace[];
  /** Not in the JSON output: the rename, for the report's rename table. */
  rename?: Rename;
  /** Not in the JSON output: overrides of the rule meta's flags for this finding (checklist). */
  legacyUse?: boolean;
  blocksRotation?: boolean;
  /** Not in the JSON output: the legacy half of what the transition keeps (Report.fallback), counted in `summary.fallbacks`. */
  fallback?: boolean;
}
