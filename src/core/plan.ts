// The pure plan: discover -> read -> prefilter -> scan -> rules -> edits and findings. Writes nothing.
import { resolve } from 'node:path';
import { discover, type DiscoverOptions, type Discovery } from './discover.js';
import type { FileKind } from '../file-kinds/index.js';
import { findCollisions } from './collisions.js';
import { createKeyExports } from '../rules/analysis/bearer/module-index.js';
import { buildEdgeModel } from '../supabase/edge/model.js';
import { buildFrameworks } from '../frameworks/browser.js';
import { findOutside } from '../outside/index.js';
import type { OutsideReference } from '../outside/reference.js';
import { planFailure, planScanned, syntaxReaders } from './file-plan.js';
import { addToSecurityInput, buildSecurityModel, createSecurityInput, sortSecurityInput } from '../rules/analysis/security/model.js';
import { nameHint, namePattern, type NameMap } from '../keys/names.js';
import { classifyValue } from '../keys/values.js';
import type { Finding, Report, RuleContext } from '../rules/rule.js';
import type { SuppliedKeys } from '../keys/supplied.js';
import { hasGenericHint, isCandidate, mentionsSupabase, namesSupabase } from './prefilter.js';
import { readSource, unreadable, type Skipped } from './read.js';
import { Scripts } from '../file-kinds/parse.js';
import type { ScanInput, ScannedFile } from './scan.js';
import { hasFileDirective } from './suppressions.js';
import { ScanPool, type PoolStats } from './pool.js';

export interface PlanOptions extends DiscoverOptions {
  map: NameMap;
  supplied?: SuppliedKeys;
  transitional?: boolean;
  severities?: RuleContext['severities'];
  unsafe?: boolean;
  /** Files never read: the report this run writes, and the like. */
  exclude?: readonly string[];
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
}

export async function plan(options: PlanOptions): Promise<Plan> {
  const root = resolve(options.root);
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = now - mark;
    mark = now;
    return elapsed;
  };
  const discovery = await discover({ root, paths: options.paths, ignore: options.ignore });
  const times: PhaseTimes = { discover: lap(), readAndPrefilter: 0, scan: 0, rules: 0 };
  const pattern = namePattern(options.map);
  const result: Plan = {
    root,
    times,
    parsing: { workers: 0, byWorkers: 0, files: 0 },
    parses: { parses: 0, files: 0, most: 0, again: 0 },
    discovery,
    filesScanned: 0,
    filesReadAgain: 0,
    keyValues: { publishable: 0, secret: 0, legacy: 0 },
    skipped: { ignored: 0, symlink: discovery.symlinks, binary: 0, large: 0, encoding: 0 },
    changes: [],
    findings: [],
    suppressed: [],
    failed: [],
    outside: [],
  };
  // Files and folders the run could not read or decode: reported by the parse-error rule with the others' findings.
  const failures: { path: string; report: Report }[] = [];
  const fail = (path: string, report: Report) => {
    failures.push({ path, report });
    result.failed.push(path);
  };
  for (const folder of discovery.unreadable) fail(`${folder.path}/`, unreadable({ code: folder.code }));
  const excluded = new Set(options.exclude ?? []);
  const total = discovery.files.length;
  type File = (typeof discovery.files)[number];
  type Candidate = { file: File; input: ScanInput; scripts: Scripts; scanned?: ScannedFile };
  const candidates: Candidate[] = [];
  // The files to scan on this thread: scanned once every file is read, when the readers of their syntax trees are known.
  const inBand: Candidate[] = [];
  const names = { pattern, hint: nameHint(options.map), literals: ['SUPABASE_', ...Object.keys(options.map)] };
  const pool = new ScanPool(options.concurrency ?? 0, total, pattern, options.map);
  const scanning: Promise<void>[] = [];
  const consider = (file: File, text: string) => {
    if (hasFileDirective(text)) {
      result.skipped.ignored++;
      return;
    }
    const started = performance.now();
    const input = { path: file.path, kind: file.kind, text };
    const candidate: Candidate = { file, input, scripts: new Scripts(file.path, text) };
    candidates.push(candidate);
    if (pool.inBand) inBand.push(candidate);
    else {
      const scanned = pool.scan(input, candidate.scripts);
      if (scanned instanceof Promise) scanning.push(scanned.then((done) => void (candidate.scanned = done)));
      else candidate.scanned = scanned;
    }
    times.scan += performance.now() - started;
  };
  // Facts of every file read (imports, package.json dependencies), for which code ships to browsers,
  // and the files whose only hints are generic (Authorization headers, JWT-looking text). Both matter
  // only in a repository that uses Supabase or has a candidate: until one is seen, files are not
  // examined, and the ones read before it are read again at the end.
  const security = createSecurityInput(root, discovery.files.map((file) => file.path));
  let usesSupabase = false;
  let examining = false;
  const unexamined: number[] = [];
  const generic: { index: number; text: string }[] = [];
  const examine = (index: number, text: string, candidate: boolean) => {
    const file = discovery.files[index] as File;
    addToSecurityInput(security, file.path, file.kind, text);
    if (!candidate && hasGenericHint(file.kind, text)) generic.push({ index, text });
  };
  for (const [index, file] of discovery.files.entries()) {
    options.onProgress?.(index, total);
    if (excluded.has(file.path)) continue;
    let text: string | undefined;
    try {
      const read = readSource(file, result.skipped, names);
      if (read.finding) fail(file.path, read.finding);
      text = read.text;
    } catch (error) {
      fail(file.path, unreadable(error));
      continue;
    }
    result.filesScanned++;
    if (text === undefined) continue;
    const named = namesSupabase(text);
    if (!usesSupabase && mentionsSupabase(text, named)) {
      usesSupabase = true;
      pool.warm();
    }
    const candidate = isCandidate(file, text, names, named);
    if (candidate) consider(file, text);
    examining ||= usesSupabase || candidates.length > 0;
    if (examining) examine(index, text, candidate);
    else unexamined.push(index);
  }
  if (examining && unexamined.length > 0) {
    const again: Skipped = { ignored: 0, symlink: 0, binary: 0, large: 0, encoding: 0 };
    for (const index of unexamined) {
      const file = discovery.files[index] as File;
      let text: string | undefined;
      try {
        text = readSource(file, again, names).text;
      } catch {
        continue; // Read once already; a file gone since has nothing more to tell.
      }
      result.filesReadAgain++;
      if (text !== undefined) examine(index, text, isCandidate(file, text, names));
    }
    sortSecurityInput(security);
  }
  // Authorization headers, JWT-looking strings and the like matter only in a repository that uses Supabase.
  if (usesSupabase) {
    for (const { index, text } of generic.sort((a, b) => a.index - b.index)) consider(discovery.files[index] as File, text);
  }
  options.onProgress?.(total, total);
  // Every file is read: what will read syntax trees after the scan is known, and the trees the scan
  // parses on this thread are kept for those readers only (src/file-kinds/parse.ts, Scripts; a tree costs about
  // 30 times its text). A worker's trees stay in the worker: a rule that needs one parses it here.
  const preparing = performance.now();
  const frameworks = buildFrameworks(security);
  const keyExports = createKeyExports(candidates.filter((c) => c.file.kind === 'code').map(({ input, scripts }) => ({ ...input, scripts })));
  const readers = syntaxReaders(
    candidates.map((c) => c.input),
    { keyExports, security: { frameworks }, severities: options.severities ?? {} },
  );
  for (const { input, scripts } of candidates) if (!readers.afterScan(input.path)) scripts.release();
  const prepared = performance.now() - preparing;
  const waited = performance.now();
  try {
    pool.drain();
    for (const candidate of inBand) candidate.scanned = pool.scan(candidate.input, candidate.scripts) as ScannedFile;
    await Promise.all(scanning);
  } finally {
    await pool.close();
  }
  result.parsing = pool.stats;
  times.scan += performance.now() - waited;

  // Renames are decided for the whole repository at once: a collision in one file keeps the name everywhere.
  times.readAndPrefilter = lap() - times.scan - prepared;
  const planned = candidates as { file: File; scanned: ScannedFile }[];
  const scannedFiles = planned.map((c) => c.scanned);
  const context: RuleContext = {
    blocked: findCollisions(scannedFiles, options.map),
    edge: buildEdgeModel(scannedFiles),
    keyExports,
    security: buildSecurityModel(security, scannedFiles, frameworks),
    unsafe: options.unsafe ?? false,
    supplied: options.supplied ?? {},
    transitional: options.transitional ?? false,
    severities: options.severities ?? {},
  };
  // The files that could not be read or decoded come first, in the order they were met.
  result.accepted = [];
  for (const { path, report } of failures) {
    const finding = planFailure(path, report, context);
    if (finding) result.findings.push(finding);
    else result.accepted.push(path);
  }
  for (const { file, scanned } of planned) {
    countKeyValues(scanned, result.keyValues);
    if (scanned.parseError) result.failed.push(scanned.path);
    const filePlan = planScanned(scanned, context);
    // Its trees have had their last reader, unless another file's check reads the key exports they hold.
    if (!readers.afterRules(scanned.path)) scanned.scripts.release();
    // A syntax error the user turned off or suppressed is accepted like a read failure: no exit 2.
    if (scanned.parseError && !filePlan.findings.some((f) => f.ruleId === 'parse-error')) result.accepted.push(scanned.path);
    result.findings.push(...filePlan.findings);
    result.suppressed.push(...filePlan.suppressed);
    if (filePlan.after !== scanned.text) {
      // The text was valid UTF-8 (src/core/read.ts): encoding it again gives back the bytes read.
      const original = Buffer.from(scanned.text, 'utf8');
      result.changes.push({ ...file, original, before: scanned.text, after: filePlan.after, edits: filePlan.edits.length });
    }
  }
  result.outside = findOutside(scannedFiles);
  times.rules = lap() + prepared;
  result.parses = parseStats(scannedFiles);
  return result;
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
    else if (kind === 'legacy-anon' || kind === 'legacy-service-role') counts.legacy++;
  }
}
