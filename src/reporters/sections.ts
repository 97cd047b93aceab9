// The report's content, shared by the Markdown, HTML, SARIF and GitHub reporters: what to show, in what order.
import { posix } from 'node:path';
import type { StepStatus } from '../core/checklist.js';
import { countRemaining, reportedChanges, type Mode, type RunResult } from '../core/result.js';
import { ruleById, RULES } from '../rules/index.js';
import type { Finding, RuleId, Severity } from '../rules/rule.js';

export const STEP_MARKERS: Readonly<Record<StepStatus, string>> = { done: '✅', todo: '⬜', blocked: '⛔' };
const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export interface RenameRow {
  from: string;
  to: string;
  files: number;
  sites: number;
}

/** Every rename the run made or would make, fixed or not, with the files and sites it touches. */
export function renameRows(findings: readonly Finding[]): RenameRow[] {
  const rows = new Map<string, { from: string; to: string; files: Set<string>; sites: number }>();
  for (const { rename, file, line, column, related } of findings) {
    if (!rename) continue;
    const key = `${rename.from}\0${rename.to}`;
    const row = rows.get(key) ?? { ...rename, files: new Set<string>(), sites: 0 };
    row.files.add(file);
    // A finding that stands for several places of one problem (src/core/dedupe.ts): each place is a site.
    const places = [{ file, line, column }, ...(related ?? [])];
    for (const place of related ?? []) row.files.add(place.file);
    row.sites += new Set(places.map((place) => `${place.file}:${place.line}:${place.column}`)).size;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map(({ from, to, files, sites }) => ({ from, to, files: files.size, sites }))
    .sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to));
}

export function summaryRows(result: RunResult): [string, number][] {
  const changes = reportedChanges(result);
  const counts = countRemaining(result.findings);
  return [
    ['Files scanned', result.plan.filesScanned],
    [result.mode === 'write' ? 'Files changed' : 'Files to change', changes.length],
    ['Edits', changes.reduce((sum, change) => sum + change.edits, 0)],
    ['Errors', counts.errors],
    ['Warnings', counts.warnings],
    ['Infos', counts.infos],
  ];
}

export function modeLine(result: RunResult): string {
  if (result.mode === 'write') return 'Mode: `--write`; the safe fixes were applied.';
  if (result.mode === 'check') return 'Mode: `--check`; nothing was written.';
  return 'Mode: preview; nothing was written. `migrate-keys --write` applies the safe fixes.';
}

/**
 * The deadline as SPEC §1 gives it (Supabase changelog 29260; the migration guide: "deprecated by the end of 2026"): never a fixed day.
 */
export const DEADLINE =
  'Supabase is to delete the legacy API keys in late 2026 (date to be confirmed): whatever still uses them then breaks. ' +
  'New projects and projects restored after 1 November 2025 have no legacy keys.';

/** A paused project restored after that date is a restored project: it has no legacy keys (changelog 29260). */
export const PAUSED_RESTORED =
  'A paused project that is restored later comes back without legacy keys: migrate before pausing a project, or expect its legacy keys to be gone when it is restored.';

/**
 * Mobile and desktop apps, known by files the run discovered (no file is read again): a build already in users' hands keeps
 * the key it was built with (SPEC §1; the migration guide lists mobile and desktop apps among the anon key's users).
 */
const APP_FILES: readonly (readonly [string, RegExp])[] = [
  ['Expo/React Native', /^(?:eas\.json|metro\.config\.[cm]?[jt]s|react-native\.config\.[cm]?js)$/],
  ['Flutter', /^pubspec\.yaml$/],
  ['Swift', /^Package\.swift$|\.xcodeproj$|\.xcworkspace$/],
  ['Kotlin/Android', /^AndroidManifest\.xml$/],
  ['Capacitor', /^capacitor\.config\.(?:ts|js|json)$/],
  ['Electron', /^(?:electron-builder\.(?:ya?ml|json5?|toml|[cm]?[jt]s)|forge\.config\.[cm]?[jt]s|electron\.vite\.config\.[cm]?[jt]s)$/],
];

export function appKinds(result: RunResult): string[] {
  const found = new Set<string>();
  for (const { path } of result.plan.discovery.files) {
    // A file inside an Xcode project names the project folder (App.xcodeproj/project.pbxproj).
    const names = [posix.basename(path), ...path.split('/').slice(0, -1)];
    for (const [kind, pattern] of APP_FILES) if (names.some((name) => pattern.test(name))) found.add(kind);
  }
  return APP_FILES.map(([kind]) => kind).filter((kind) => found.has(kind));
}

function installedAppsLine(kinds: readonly string[]): string {
  return (
    `This repository holds a mobile or desktop app (${kinds.join(', ')}): versions already installed keep the old key, ` +
    'so deactivating the legacy keys (step 5) waits until those versions are updated or have aged out.'
  );
}

/** The report's "Time and reach" sentences: the deadline, a paused project, installed apps. */
export function timeLines(result: RunResult): string[] {
  const kinds = appKinds(result);
  return [DEADLINE, PAUSED_RESTORED, ...(kinds.length > 0 ? [installedAppsLine(kinds)] : [])];
}

export interface FunctionRow {
  slug: string;
  callers: string;
  guard: string;
  verifyJwt: 'on' | 'off';
  /** What to do, as edge-function-verify-jwt and edge-function-no-auth-check say it. */
  todo: string;
}

const CALLER_NAMES = { app: 'app', function: 'another Edge Function', sql: 'SQL', script: 'scripts/CI' } as const;

/** The per-function table: one row per Edge Function the run found (Plan.functions). */
export function functionRows(result: RunResult): FunctionRow[] {
  return (result.plan.functions ?? []).map((fn) => ({
    slug: fn.slug,
    callers: fn.callers.length > 0 ? fn.callers.map((kind) => CALLER_NAMES[kind]).join(', ') : 'none found',
    guard: fn.guard ? 'in the handler' : fn.verifyJwt ? 'verify_jwt only' : 'none',
    verifyJwt: fn.verifyJwt ? 'on' : 'off',
    todo: fn.verifyJwt
      ? fn.guard
        ? 'safe to turn off: set `verify_jwt = false` (`--write --unsafe` does)'
        : 'add a check in the handler for its callers, then set `verify_jwt = false`; `legacy-keys --disable` waits for it'
      : fn.guard
        ? 'nothing'
        : 'anyone can call it: add a check in the handler',
  }));
}

/** Whether a finding needs a person: not fixed, and not something `--write` fixes (after --write, what it could not). */
export function needsPerson(f: Finding, mode: Mode): boolean {
  return !f.fixed && !(f.fixable && mode !== 'write');
}

/** Rules whose findings are a security problem today, not only a migration step: first wherever a list is cut. */
const SECURITY_RULES: readonly RuleId[] = ['secret-key-exposed', 'hardcoded-key', 'signing-key-file', 'edge-function-no-auth-check', 'edge-function-key-compare'];

function securityRank(id: RuleId): number {
  const index = SECURITY_RULES.indexOf(id);
  return index < 0 ? SECURITY_RULES.length : index;
}

/**
 * The order of lists a reader (or GitHub's 10-annotations-per-level cap) may cut: what needs a person first, then the most
 * severe, security rules first, then by place, so a secret-key-exposed never sits behind renames.
 */
export function byUrgency(findings: readonly Finding[], mode: Mode): Finding[] {
  const person = (f: Finding) => (needsPerson(f, mode) ? 0 : 1);
  return sortFindings(findings).sort(
    (a, b) => person(a) - person(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || securityRank(a.ruleId) - securityRank(b.ruleId),
  );
}

/** What a person has to do, grouped by rule. */
export function manualGroups(result: RunResult): [RuleId, Finding[]][] {
  const manual = result.findings.filter((f) => needsPerson(f, result.mode));
  const groups = new Map<RuleId, Finding[]>();
  for (const f of sortFindings(manual)) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
  const rank = (id: RuleId, first: Finding) => SEVERITY_ORDER[first.severity] * 1000 + ruleRank(id);
  return [...groups.entries()].sort(([a, fa], [b, fb]) => rank(a, fa[0] as Finding) - rank(b, fb[0] as Finding) || compare(a, b));
}

export function ruleHeading(ruleId: RuleId): string {
  const summary = ruleById(ruleId)?.meta.summary;
  return summary ? `${ruleId}: ${summary}` : ruleId;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ruleRank(id: RuleId): number {
  const index = RULES.findIndex((rule) => rule.meta.id === id);
  return index < 0 ? RULES.length : index;
}
