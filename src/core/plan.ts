// The pure plan: discover -> read -> prefilter -> scan -> rules -> edits and findings. Writes nothing.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { discover, type DiscoverOptions, type Discovery } from './discover.js';
import { renamesAsText, type FileKind } from '../file-kinds/index.js';
import { createKeyExports, type KeyExports } from '../rules/analysis/bearer/module-index.js';
import { installedPackages } from '../rules/analysis/lockfiles/installed.js';
import { flutterAssets } from '../rules/analysis/flutter-assets.js';
import { buildEdgeModel, functionFacts, type FunctionFacts } from '../supabase/edge/model.js';
import { buildFrameworks, type Frameworks } from '../frameworks/browser.js';
import { findOutside } from '../outside/index.js';
import type { OutsideReference } from '../outside/reference.js';
import { planFailure, planScanned, syntaxReaders, type SyntaxReaders } from './file-plan.js';
import { buildSecurityModel, type SecurityInput } from '../rules/analysis/security/model.js';
import { keyNamesOf } from '../rules/analysis/env-names.js';
import { linkPythonFields } from '../file-kinds/python.js';
import { nameHint, namePattern, type NameMap } from '../keys/names.js';
import { classifyValue, isHostedLegacyKey } from '../keys/values.js';
import type { Edit, Finding, RuleContext } from '../rules/rule.js';
import type { SuppliedKeys } from '../keys/supplied.js';
import type { NameFilter } from './prefilter.js';
import type { Skipped } from './read.js';
import { Scripts } from '../file-kinds/parse.js';
import type { ScanInput, ScannedFile } from '../file-kinds/scanned.js';
import { hasFileDirective } from '../file-kinds/directives.js';
import { ScanPool, type PoolStats } from './pool.js';
import { readFiles, type DiscoveredFile, type Failure, type ScanQueue } from './read-phase.js';
import { repositoryFacts } from './repository-facts.js';
import { generatedByContent } from './generated.js';
import { dedupeFindings } from './dedupe.js';
import { databaseOutside, newMigrationFiles, planDatabase } from './database-plan.js';
import { NO_DATABASE, type DatabaseModel } from '../supabase/database/model.js';

export interface PlanOptions extends DiscoverOptions {
  map: NameMap;
  supplied?: SuppliedKeys;
  transitional?: boolean;
  severities?: RuleContext['severities'];
  unsafe?: boolean;
  /** Files never read: the report this run writes, and the like. */
  exclude?: readonly string[];
  /** The run's time, for a new migration's name (SOURCE_DATE_EPOCH, else now). */
  now?: Date;
  /** Worker threads for parsing (0, the default: none); see src/core/pool.ts. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

/** One file the fixes change: its bytes as read, and the text that replaces them. */
export interface FileChange {
  path: string;
  absolutePath: string;
  kind: FileKind;
  original: Buffer;
  before: string;
  after: string;
  edits: number;
  /** Why a rewrite that is not a plain rename is made, by the line of `before` where its edit starts (Edit.reason). */
  reasons?: { line: number; reason: string }[];
  /** A new file (the database migration of issue 21): nothing is at its path yet; undo removes it. */
  created?: true;
}

/** Key values stored in .env files, by what they are (never the values themselves). */
export interface KeyValueCounts {
  publishable: number;
  secret: number;
  legacy: number;
}

/**
 * Syntax-tree parses of the run, for `--stats`: every file's scripts are parsed through its Scripts
 * (src/file-kinds/parse.ts), on the main thread and in the scan workers, whose trees cannot reach the main thread.
 */
interface ParseStats {
  /** Parses of every script on every thread (a component's blocks each count). */
  parses: number;
  /** Files parsed at least once. */
  files: number;
  /** The most times one script was parsed on one thread. */
  most: number;
  /** Files a worker parsed to scan and the main thread parsed again, for a rule. */
  again: number;
}

/** Milliseconds spent in each phase, for `--stats`. */
interface PhaseTimes {
  discover: number;
  readAndPrefilter: number;
  scan: number;
  rules: number;
}

export interface Plan {
  times: PhaseTimes;
  /** Parse workers started, and the candidates they scanned. */
  parsing: PoolStats;
  parses: ParseStats;
  root: string;
  keyValues: KeyValueCounts;
  discovery: Discovery;
  filesScanned: number;
  /** Files read a second time: read before the repository was known to use Supabase (src/core/prefilter.ts). */
  filesReadAgain: number;
  /** Whether a file read mentions Supabase (src/core/prefilter.ts mentionsSupabase). */
  mentionsSupabase: boolean;
  skipped: Skipped;
  changes: FileChange[];
  findings: Finding[];
  suppressed: Finding[];
  /** Files that could not be read or parsed, whatever the rule settings: the run went on, and exits 2 (but see `accepted`). */
  failed: string[];
  /**
   * Of `failed`, the files whose parse-error finding is off or suppressed (could not be read, decoded or parsed): no finding, and no exit 2,
   * since turning the rule off (or a migrate-keys-ignore comment) accepts them. Absent: none.
   */
  accepted?: string[];
  /** Places outside the repository that hold a key (SPEC §6). */
  outside: OutsideReference[];
  /** Each Edge Function's callers, guard and verify_jwt (the report's per-function table). Absent: none found. */
  functions?: FunctionFacts[];
}

/**
 * Discover; read and prefilter every file, the candidates scanned meanwhile (src/core/read-phase.ts); keep the
 * syntax trees for their readers; the whole run's context, with what the disk and git say beyond the files read
 * (src/core/repository-facts.ts); the rules on every file; the stats.
 */
export async function plan(options: PlanOptions): Promise<Plan> {
  const root = resolve(options.root);
  const lap = stopwatch();
  const discovery = await discover({ root, paths: options.paths, ignore: options.ignore });
  const result = emptyPlan(root, discovery, lap());
  const names: NameFilter = { pattern: namePattern(options.map), hint: nameHint(options.map), literals: ['SUPABASE_', ...Object.keys(options.map)] };
  const scans = new Scans(new ScanPool(options.concurrency ?? 0, discovery.files.length, names.pattern, options.map), result);
  const read = readFiles(discovery, options, names, result.skipped, scans);
  result.failed.push(...read.failures.map((failure) => failure.path));
  result.filesScanned = read.filesScanned;
  result.filesReadAgain = read.filesReadAgain;
  result.mentionsSupabase = read.mentionsSupabase;
  const prepared = keepTrees(scans.candidates, read.security, options);
  const candidates = await scans.finish();
  result.times.readAndPrefilter = lap() - result.times.scan - prepared.ms;
  const scanned = candidates.map((candidate) => candidate.scanned);
  // The database step reads a project's whole history: on a run narrowed to some paths it would see part of it.
  const wholeRoot = options.paths.every((path) => resolve(root, path) === root);
  const database = wholeRoot ? await planDatabase(discovery, options.now) : NO_DATABASE;
  const context = wholeRunContext(root, scanned, read.security, prepared, options, database);
  planFailures(result, read.failures, context);
  planFiles(result, candidates, context, prepared.readers);
  // Hosts show by path alone (vercel.json, Procfile) or by a dependency: every path discovered is passed, not only the files scanned,
  // and the .vercel/ folder `vercel link` leaves (never walked: src/core/discover.ts skips it).
  const paths = [...discovery.files.map((file) => file.path), ...(existsSync(join(root, '.vercel')) ? ['.vercel/'] : [])];
  result.outside = [...findOutside(scanned, { paths, manifests: read.security.manifests, renames: result.findings }), ...databaseOutside(database)];
  // The new migration is sql-legacy-key's fix: with the rule off, --write adds none.
  const migrations = options.severities?.['sql-legacy-key'] === 'off' ? [] : newMigrationFiles(database);
  for (const { path, text, edits } of migrations) {
    result.changes.push({ path, absolutePath: join(root, path), kind: 'sql', original: Buffer.alloc(0), before: '', after: text, edits, created: true });
  }
  result.findings = dedupeFindings(result.findings);
  result.functions = functionFacts(context.edge);
  result.times.rules = lap() + prepared.ms;
  result.parses = parseStats(scanned);
  return result;
}

/** Each call: the milliseconds since the last one (or since the watch started). */
function stopwatch(): () => number {
  let mark = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - mark;
    mark = now;
    return elapsed;
  };
}

function emptyPlan(root: string, discovery: Discovery, discoverMs: number): Plan {
  return {
    root,
    times: { discover: discoverMs, readAndPrefilter: 0, scan: 0, rules: 0 },
    parsing: { workers: 0, byWorkers: 0, files: 0 },
    parses: { parses: 0, files: 0, most: 0, again: 0 },
    discovery,
    filesScanned: 0,
    filesReadAgain: 0,
    mentionsSupabase: false,
    keyValues: { publishable: 0, secret: 0, legacy: 0 },
    skipped: { ignored: 0, symlink: discovery.symlinks, binary: 0, large: 0, encoding: 0 },
    changes: [],
    findings: [],
    suppressed: [],
    failed: [],
    outside: [],
  };
}

/** A file worth scanning; its scan arrives by the end of the read phase. */
interface Candidate {
  file: DiscoveredFile;
  input: ScanInput;
  scripts: Scripts;
  scanned?: ScannedFile;
}

/** The candidates' scans: in the pool's workers while the files are read, or on this thread once every file is read. */
class Scans implements ScanQueue {
  readonly candidates: Candidate[] = [];
  /** The files to scan on this thread: scanned once every file is read, when the readers of their syntax trees are known. */
  private readonly inBand: Candidate[] = [];
  private readonly pending: Promise<void>[] = [];

  constructor(
    private readonly pool: ScanPool,
    private readonly result: Plan,
  ) {}

  /** A candidate, unless a file directive tells the run to ignore it. */
  consider(file: DiscoveredFile, text: string): void {
    if (hasFileDirective(text)) {
      this.result.skipped.ignored++;
      return;
    }
    const started = performance.now();
    // Decided here, before any parse: a generated file is reported, never parsed or edited (src/core/generated.ts).
    const generated = file.generated ?? generatedByContent(file, text);
    const input: ScanInput = { path: file.path, kind: file.kind, text, ...(generated && { generated }) };
    const candidate: Candidate = { file, input, scripts: new Scripts(file.path, text) };
    this.candidates.push(candidate);
    if (this.pool.inBand) this.inBand.push(candidate);
    else {
      const scanned = this.pool.scan(input, candidate.scripts);
      if (scanned instanceof Promise) this.pending.push(scanned.then((done) => void (candidate.scanned = done)));
      else candidate.scanned = scanned;
    }
    this.result.times.scan += performance.now() - started;
  }

  /** The repository uses Supabase: the workers start while the files are read. */
  warm(): void {
    this.pool.warm();
  }

  /** Scans the files left for this thread, waits for the workers' scans, and closes the pool. */
  async finish(): Promise<Required<Candidate>[]> {
    const waited = performance.now();
    try {
      this.pool.drain();
      for (const candidate of this.inBand) candidate.scanned = this.pool.scan(candidate.input, candidate.scripts) as ScannedFile;
      await Promise.all(this.pending);
    } finally {
      await this.pool.close();
    }
    this.result.parsing = this.pool.stats;
    this.result.times.scan += performance.now() - waited;
    return this.candidates as Required<Candidate>[];
  }
}

/** Computed before the scan ends, so that the scan's trees are kept for their readers only. */
interface Prepared {
  frameworks: Frameworks;
  keyExports: KeyExports;
  readers: SyntaxReaders;
  /** Milliseconds it took: counted with the rules. */
  ms: number;
}

/**
 * Every file is read: what will read syntax trees after the scan is known, and the trees the scan
 * parses on this thread are kept for those readers only (src/file-kinds/parse.ts, Scripts; a tree costs about
 * 30 times its text). A worker's trees stay in the worker: a rule that needs one parses it here.
 */
function keepTrees(candidates: readonly Candidate[], security: SecurityInput, options: PlanOptions): Prepared {
  const started = performance.now();
  const frameworks = buildFrameworks(security);
  // A generated file is never parsed: what it exports is its source's business.
  const keyExports = createKeyExports(
    candidates.filter((c) => c.file.kind === 'code' && !c.input.generated).map(({ input, scripts }) => ({ ...input, scripts })),
    frameworks.resolve,
  );
  const readers = syntaxReaders(
    candidates.map((c) => c.input),
    { keyExports, security: { frameworks }, severities: options.severities ?? {} },
  );
  for (const { input, scripts } of candidates) if (!readers.afterScan(input.path)) scripts.release();
  return { frameworks, keyExports, readers, ms: performance.now() - started };
}

/** What every rule knows of the whole run: collisions, the Edge Function and security models, key exports, the settings. */
function wholeRunContext(
  root: string,
  scanned: readonly ScannedFile[],
  security: SecurityInput,
  prepared: Prepared,
  options: PlanOptions,
  database: DatabaseModel,
): RuleContext {
  // First: the reads of pydantic-settings fields in the modules that import them join those modules' occurrences.
  const keptField = linkPythonFields(scanned, options.map);
  return {
    // Renames are decided for the whole repository at once: a collision in one file keeps the name everywhere.
    map: options.map,
    keyName: keyNamesOf(scanned, options.map),
    keptField,
    edge: buildEdgeModel(scanned),
    database,
    keyExports: prepared.keyExports,
    // Generated files are not parsed for the model's implicit reads (their source is).
    security: buildSecurityModel(security, scanned.filter((file) => !file.generated), repositoryFacts(root, scanned), prepared.frameworks),
    unsafe: options.unsafe ?? false,
    supplied: options.supplied ?? {},
    transitional: options.transitional ?? false,
    severities: options.severities ?? {},
    packages: installedPackages(scanned),
    flutterAssets: flutterAssets(scanned),
  };
}

/** The files that could not be read or decoded come first, in the order they were met. */
function planFailures(result: Plan, failures: readonly Failure[], context: RuleContext): void {
  result.accepted = [];
  for (const { path, report } of failures) {
    const finding = planFailure(path, report, context);
    if (finding) result.findings.push(finding);
    else result.accepted.push(path);
  }
}

/** The rules on every scanned file: its findings, and its change when the fixes edit it. */
function planFiles(result: Plan, candidates: readonly Required<Candidate>[], context: RuleContext, readers: SyntaxReaders): void {
  for (const { file, scanned } of candidates) {
    countKeyValues(scanned, result.keyValues);
    // A file renamed as text although it does not parse (YAML) is no failure: parse-error reports it as an info.
    const failed = scanned.parseError !== undefined && !renamesAsText(scanned.kind);
    if (failed) result.failed.push(scanned.path);
    const filePlan = planScanned(scanned, context);
    // Its trees have had their last reader, unless another file's check reads the key exports they hold.
    if (!readers.afterRules(scanned.path)) scanned.scripts.release();
    // A syntax error the user turned off or suppressed is accepted like a read failure: no exit 2.
    if (failed && !filePlan.findings.some((f) => f.ruleId === 'parse-error')) (result.accepted ??= []).push(scanned.path);
    result.findings.push(...filePlan.findings);
    result.suppressed.push(...filePlan.suppressed);
    if (filePlan.after !== scanned.text) {
      // The text was valid UTF-8 (src/core/read.ts): encoding it again gives back the bytes read.
      const original = Buffer.from(scanned.text, 'utf8');
      const reasons = reasonsOf(scanned.text, filePlan.edits);
      result.changes.push({ ...file, original, before: scanned.text, after: filePlan.after, edits: filePlan.edits.length, ...(reasons.length > 0 && { reasons }) });
    }
  }
}

function parseStats(files: readonly ScannedFile[]): ParseStats {
  const stats: ParseStats = { parses: 0, files: 0, most: 0, again: 0 };
  for (const { scripts } of files) {
    const here = scripts.parses;
    const byWorker = scripts.parsesByWorker;
    if (here.parses + byWorker.parses === 0) continue;
    stats.files++;
    stats.parses += here.parses + byWorker.parses;
    stats.most = Math.max(stats.most, here.most, byWorker.most);
    if (here.parses > 0 && byWorker.parses > 0) stats.again++;
  }
  return stats;
}

function countKeyValues(scanned: ScannedFile, counts: KeyValueCounts): void {
  for (const entry of scanned.env ?? []) {
    const kind = classifyValue(entry.value);
    if (kind === 'publishable' || kind === 'secret') counts[kind]++;
    else if (isHostedLegacyKey(kind)) counts.legacy++;
  }
}

/** The reasons of a file's edits, each at the line of the original text where its edit starts. */
function reasonsOf(text: string, edits: readonly Edit[]): { line: number; reason: string }[] {
  return edits.flatMap(({ start, reason }) => (reason === undefined ? [] : [{ line: text.slice(0, start).split('\n').length, reason }]));
}
