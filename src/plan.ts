// The pure plan: discover -> read -> prefilter -> scan -> rules -> edits and findings. Writes nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { discover, type DiscoverOptions, type Discovery } from './discover.js';
import type { FileKind } from './file-kinds.js';
import { findCollisions } from './collisions.js';
import { createKeyExports } from './bearer/module-index.js';
import { buildEdgeModel } from './edge/model.js';
import { findOutside } from './outside/index.js';
import type { OutsideReference } from './result.js';
import { planScanned } from './file-plan.js';
import { addToSecurityInput, buildSecurityModel, createSecurityInput } from './security/model.js';
import { classifyValue, namePattern, type NameMap } from './keys.js';
import { parseError } from './rules/parse-error.js';
import type { Finding, RuleContext, SuppliedKeys } from './rules/rule.js';
import { candidacy, mentionsSupabase, scanFile, type ScannedFile } from './scan.js';
import { hasFileDirective } from './suppressions.js';

export interface PlanOptions extends DiscoverOptions {
  map: NameMap;
  supplied?: SuppliedKeys;
  transitional?: boolean;
  severities?: RuleContext['severities'];
  unsafe?: boolean;
  /** Files never read: the report this run writes, and the like. */
  exclude?: readonly string[];
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

export interface Skipped {
  /** Files that opt out with a `migrate-keys-ignore-file` comment. */
  ignored: number;
  symlink: number;
  binary: number;
  large: number;
  encoding: number;
}

/** Key values stored in .env files, by what they are (never the values themselves). */
export interface KeyValueCounts {
  publishable: number;
  secret: number;
  legacy: number;
}

/** Milliseconds spent in each phase, for `--stats`. */
export interface PhaseTimes {
  discover: number;
  readAndPrefilter: number;
  scan: number;
  rules: number;
}

export interface Plan {
  times: PhaseTimes;
  root: string;
  keyValues: KeyValueCounts;
  discovery: Discovery;
  filesScanned: number;
  skipped: Skipped;
  changes: FileChange[];
  findings: Finding[];
  suppressed: Finding[];
  /** Files that could not be read or parsed: the run went on, and exits 2. */
  failed: string[];
  /** Places outside the repository that hold a key (SPEC §6). */
  outside: OutsideReference[];
}

/** Files larger than this are skipped: minified bundles and data dumps, not configuration. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const BINARY_SNIFF_BYTES = 8000;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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
    discovery,
    filesScanned: 0,
    keyValues: { publishable: 0, secret: 0, legacy: 0 },
    skipped: { ignored: 0, symlink: discovery.symlinks, binary: 0, large: 0, encoding: 0 },
    changes: [],
    findings: [],
    suppressed: [],
    failed: [],
    outside: [],
  };
  for (const folder of discovery.unreadable) {
    result.findings.push(unreadable(`${folder.path}/`, { code: folder.code }));
    result.failed.push(`${folder.path}/`);
  }
  const excluded = new Set(options.exclude ?? []);
  const total = discovery.files.length;
  type Read = { file: (typeof discovery.files)[number]; bytes: Buffer };
  const candidates: (Read & { scanned: ScannedFile })[] = [];
  const deferred: (Read & { text: string })[] = [];
  let usesSupabase = false;
  const names = { pattern, literals: ['SUPABASE_', ...Object.keys(options.map)] };
  const consider = (file: Read['file'], bytes: Buffer, text: string) => {
    if (hasFileDirective(text)) {
      result.skipped.ignored++;
      return;
    }
    const started = performance.now();
    candidates.push({ file, bytes, scanned: scanFile({ path: file.path, kind: file.kind, text }, pattern, options.map) });
    times.scan += performance.now() - started;
  };
  // Facts of every file read (imports, package.json dependencies), for which code ships to browsers.
  const security = createSecurityInput(root, discovery.files.map((file) => file.path));
  for (const [index, file] of discovery.files.entries()) {
    options.onProgress?.(index, total);
    if (excluded.has(file.path)) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.absolutePath);
    } catch (error) {
      result.findings.push(unreadable(file.path, error));
      result.failed.push(file.path);
      continue;
    }
    result.filesScanned++;
    const text = decode(bytes, result.skipped);
    if (text !== undefined) addToSecurityInput(security, file.path, file.kind, text);
    if (text === undefined) {
      // Skipped, not silently: a legacy name in a file that is not editable text is reported (SPEC §2).
      const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
      const name = utf16 || names.literals.some((literal) => bytes.includes(literal)) ? undecoded(bytes).match(pattern)?.[0] : undefined;
      if (name !== undefined) {
        result.findings.push(notText(file.path, name, bytes));
        result.failed.push(file.path);
      }
      continue;
    }
    usesSupabase ||= mentionsSupabase(text);
    // The prefilter: cheap literal tests decide whether the file is worth parsing.
    const verdict = candidacy(file, text, names);
    if (verdict === 'no') continue;
    if (verdict === 'if-repository-uses-supabase') deferred.push({ file, bytes, text });
    else consider(file, bytes, text);
  }
  // Authorization headers, JWT-looking strings and the like matter only in a repository that uses Supabase.
  if (usesSupabase) for (const { file, bytes, text } of deferred) consider(file, bytes, text);
  options.onProgress?.(total, total);

  // Renames are decided for the whole repository at once: a collision in one file keeps the name everywhere.
  times.readAndPrefilter = lap() - times.scan;
  const scannedFiles = candidates.map((c) => c.scanned);
  const context: RuleContext = {
    blocked: findCollisions(scannedFiles, options.map),
    edge: buildEdgeModel(scannedFiles),
    keyExports: createKeyExports(scannedFiles.filter((file) => file.kind === 'code')),
    security: buildSecurityModel(security, scannedFiles),
    unsafe: options.unsafe ?? false,
    supplied: options.supplied ?? {},
    transitional: options.transitional ?? false,
    severities: options.severities ?? {},
  };
  for (const { file, bytes, scanned } of candidates) {
    countKeyValues(scanned, result.keyValues);
    if (scanned.parseError) result.failed.push(scanned.path);
    const filePlan = planScanned(scanned, context);
    result.findings.push(...filePlan.findings);
    result.suppressed.push(...filePlan.suppressed);
    if (filePlan.after !== scanned.text) {
      result.changes.push({ ...file, original: bytes, before: scanned.text, after: filePlan.after, edits: filePlan.edits.length });
    }
  }
  result.outside = findOutside(scannedFiles);
  times.rules = lap();
  return result;
}

function countKeyValues(scanned: ScannedFile, counts: KeyValueCounts): void {
  for (const entry of scanned.env ?? []) {
    const kind = classifyValue(entry.value);
    if (kind === 'publishable' || kind === 'secret') counts[kind]++;
    else if (kind === 'legacy-anon' || kind === 'legacy-service-role') counts.legacy++;
  }
}

function decode(bytes: Buffer, skipped: Skipped): string | undefined {
  if (bytes.length > MAX_FILE_BYTES) {
    skipped.large++;
    return undefined;
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    skipped.binary++;
    return undefined;
  }
  try {
    // Only valid UTF-8 is edited: decoding it and encoding it again gives back the same bytes.
    return utf8.decode(bytes);
  } catch {
    skipped.encoding++;
    return undefined;
  }
}

/** The text of a file that is not UTF-8, only to look for names: UTF-16 by its BOM, else byte per character. */
function undecoded(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return bytes.toString('latin1');
}

function notText(path: string, name: string, bytes: Buffer): Finding {
  const why = bytes.length > MAX_FILE_BYTES ? 'larger than 4 MiB' : bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0) ? 'binary or UTF-16' : 'not UTF-8';
  return fileFailure(path, `mentions ${name} but is ${why}, so it was not changed; rename it by hand`);
}

function unreadable(path: string, error: unknown): Finding {
  return fileFailure(path, `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}), so it was not changed`);
}

/** A file the run could not handle, reported as a parse-error finding at its first line (exit 2). */
function fileFailure(path: string, message: string): Finding {
  return {
    ruleId: parseError.meta.id,
    severity: parseError.meta.severity,
    file: path,
    line: 1,
    column: 1,
    message,
    fixable: false,
    fixed: false,
  };
}
