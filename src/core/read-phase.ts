// The read phase of a plan: every file read once, the candidates handed to the scan, and the facts of every file read
// for the security model; files the run could not read become failures for the parse-error rule.
import type { Discovery } from './discover.js';
import { completeHints, textHints } from './hints.js';
import { hasGenericHint, isCandidate, mentionsSupabase, type NameFilter } from './prefilter.js';
import { readSource, unreadable, type Skipped } from './read.js';
import { isDefinesFile } from '../file-kinds/config.js';
import { isEnvByContent } from '../file-kinds/env.js';
import type { Report } from '../rules/rule.js';
import { addToSecurityInput, createSecurityInput, sortSecurityInput, type SecurityInput } from '../rules/analysis/security/model.js';

export type DiscoveredFile = Discovery['files'][number];

/** Where the candidates go: the scan. */
export interface ScanQueue {
  /** A file worth scanning. */
  consider(file: DiscoveredFile, text: string): void;
  /** The repository uses Supabase: the scan may start its workers. */
  warm(): void;
  readonly candidates: { readonly length: number };
}

/** A file or folder the run could not read or decode: reported by the parse-error rule with the others' findings. */
export interface Failure {
  path: string;
  report: Report;
}

export interface ReadPhase {
  /** The facts of every file read, for the security model. */
  security: SecurityInput;
  /** In the order they were met: unreadable folders first. */
  failures: Failure[];
  filesScanned: number;
  /** Files read a second time: read before the repository was known to use Supabase (src/core/prefilter.ts). */
  filesReadAgain: number;
  /** Whether a file read mentions Supabase (the prefilter's test): a repository that does not has nothing to migrate. */
  mentionsSupabase: boolean;
}

interface ReadOptions {
  /** Files never read: the report this run writes, and the like. */
  exclude?: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads every file once, hands the candidates to the scan, and gathers the facts of every file read
 * (imports, package.json dependencies), for which code ships to browsers, and the files whose only hints
 * are generic (Authorization headers, JWT-looking text). Both matter only in a repository that uses
 * Supabase or has a candidate: until one is seen, files are not examined, and the ones read before it
 * are read again at the end. `skipped` counts the files not read.
 */
export function readFiles(discovery: Discovery, options: ReadOptions, names: NameFilter, skipped: Skipped, scans: ScanQueue): ReadPhase {
  const phase: ReadPhase = {
    security: createSecurityInput(discovery.files.map((file) => file.path)),
    failures: [],
    filesScanned: 0,
    filesReadAgain: 0,
    mentionsSupabase: false,
  };
  for (const folder of discovery.unreadable) phase.failures.push({ path: `${folder.path}/`, report: unreadable({ code: folder.code }) });
  const excluded = new Set(options.exclude ?? []);
  const total = discovery.files.length;
  const examination = new Examination(discovery.files, phase.security);
  for (const [index, file] of discovery.files.entries()) {
    options.onProgress?.(index, total);
    if (excluded.has(file.path)) continue;
    const text = readOnce(file, names, skipped, phase);
    if (text === undefined) continue;
    // A text file whose name says env and whose lines are all NAME=value is an env file (file-kinds/env.ts); a JSON file of
    // build-time defines that names a key is a config file (file-kinds/config.ts).
    if (file.kind === 'text' && isEnvByContent(file.path, text)) file.kind = 'env';
    else if (file.kind === 'text' && file.path.endsWith('.json') && names.hint.test(text) && isDefinesFile(text)) file.kind = 'config';
    // One scan for the literals every later test asks about (src/core/hints.ts): all of them once the repository matters.
    const hints = textHints(text, examination.examining);
    if (examination.firstSignOfSupabase(text, hints)) scans.warm();
    const candidate = isCandidate(file, text, names, hints);
    if (candidate) scans.consider(file, text);
    examination.read(index, text, hints, candidate, scans.candidates.length > 0);
  }
  phase.filesReadAgain = examination.readAgain(names);
  phase.mentionsSupabase = examination.mentionsSupabase;
  // Authorization headers, JWT-looking strings and the like matter only in a repository that uses Supabase.
  for (const { file, text } of examination.genericFiles()) scans.consider(file, text);
  options.onProgress?.(total, total);
  return phase;
}

/** The file's text; undefined when it has none to scan (binary, too large, not decodable: counted) or could not be read (a failure). */
function readOnce(file: DiscoveredFile, names: NameFilter, skipped: Skipped, phase: ReadPhase): string | undefined {
  let read;
  try {
    read = readSource(file, skipped, names);
  } catch (error) {
    phase.failures.push({ path: file.path, report: unreadable(error) });
    return undefined;
  }
  if (read.finding) phase.failures.push({ path: file.path, report: read.finding });
  phase.filesScanned++;
  return read.text;
}

/** The facts of the files read, and the files with generic hints only: deferred until the repository turns out to matter. */
class Examination {
  private usesSupabase = false;
  private examiningFiles = false;
  private readonly unexamined: number[] = [];
  private readonly generic: { index: number; text: string }[] = [];

  constructor(
    private readonly files: readonly DiscoveredFile[],
    private readonly security: SecurityInput,
  ) {}

  /** Whether the files read are examined: the repository uses Supabase or has a candidate. */
  get examining(): boolean {
    return this.examiningFiles;
  }

  /** Whether a text read so far mentions Supabase. */
  get mentionsSupabase(): boolean {
    return this.usesSupabase;
  }

  /** Whether this text is the first to show that the repository uses Supabase. */
  firstSignOfSupabase(text: string, hints: number): boolean {
    if (this.usesSupabase || !mentionsSupabase(text, hints)) return false;
    this.usesSupabase = true;
    return true;
  }

  /** A file read (`candidate`: it is one; `candidates`: the run has one by now). */
  read(index: number, text: string, hints: number, candidate: boolean, candidates: boolean): void {
    this.examiningFiles ||= this.usesSupabase || candidates;
    if (this.examiningFiles) this.examine(index, text, hints, candidate);
    else this.unexamined.push(index);
  }

  /** Reads again the files read before the repository turned out to matter; returns how many were. */
  readAgain(names: NameFilter): number {
    if (!this.examiningFiles || this.unexamined.length === 0) return 0;
    const again: Skipped = { ignored: 0, symlink: 0, binary: 0, large: 0, encoding: 0 };
    let count = 0;
    for (const index of this.unexamined) {
      const file = this.files[index] as DiscoveredFile;
      let text: string | undefined;
      try {
        text = readSource(file, again, names).text;
      } catch {
        continue; // Read once already; a file gone since has nothing more to tell.
      }
      count++;
      if (text === undefined) continue;
      const hints = textHints(text, true);
      this.examine(index, text, hints, isCandidate(file, text, names, hints));
    }
    sortSecurityInput(this.security);
    return count;
  }

  /** The files with generic hints only, in the order of the walk; none in a repository that does not use Supabase. */
  genericFiles(): { file: DiscoveredFile; text: string }[] {
    if (!this.usesSupabase) return [];
    return this.generic.sort((a, b) => a.index - b.index).map(({ index, text }) => ({ file: this.files[index] as DiscoveredFile, text }));
  }

  /** `hints`: the text's, completed here when they were found before the repository mattered. */
  private examine(index: number, text: string, hints: number, candidate: boolean): void {
    const file = this.files[index] as DiscoveredFile;
    const every = completeHints(text, hints);
    addToSecurityInput(this.security, file.path, file.kind, text, every);
    if (!candidate && hasGenericHint(file.kind, text, every)) this.generic.push({ index, text });
  }
}
