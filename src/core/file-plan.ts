// The plan for one file: run every rule over its scan and splice the safe fixes into a new text.
import { NO_DATABASE } from '../supabase/database/model.js';
import { createKeyExports } from '../rules/analysis/bearer/module-index.js';
import { installedPackages } from '../rules/analysis/lockfiles/installed.js';
import { flutterAssets } from '../rules/analysis/flutter-assets.js';
import { buildEdgeModel } from '../supabase/edge/model.js';
import { isEdgeFunctionFile } from '../supabase/paths.js';
import { readsSyntax as securityReadsSyntax, securityModelOf } from '../rules/analysis/security/model.js';
import { keyNamesOf } from '../rules/analysis/env-names.js';
import { linkPythonFields } from '../file-kinds/python.js';
import { renamesAsText } from '../file-kinds/index.js';
import type { NameMap } from '../keys/names.js';
import { RULES } from '../rules/index.js';
import { parseError } from '../rules/parse-error.js';
import { unusedSuppression } from '../rules/unused-suppression.js';
import { suppressing } from './suppressions.js';
import type { Edit, Finding, Report, Rule, RuleContext, SyntaxContext, SyntaxFile } from '../rules/rule.js';
import type { SuppliedKeys } from '../keys/supplied.js';
import type { ScanInput, ScannedFile } from '../file-kinds/scanned.js';
import { scanFile } from './scan.js';
import { applyEdits, orderedEdits } from './splice.js';

export interface FilePlan {
  findings: Finding[];
  /** Findings silenced by a `migrate-keys-ignore` comment: their fixes are not applied either. */
  suppressed: Finding[];
  edits: Edit[];
  /** The text with every fix applied; equal to the input when nothing changes. */
  after: string;
}

/** Where a rule's reports land: the file, its positions, its `migrate-keys-ignore` comments, and whether it is generated (never edited). */
type Place = Pick<ScannedFile, 'path' | 'locate' | 'directives' | 'generated'>;
type Outcome = Pick<FilePlan, 'findings' | 'suppressed'> & { fixes: Edit[] };

export function planScanned(scanned: ScannedFile, context: RuleContext): FilePlan {
  const outcome: Outcome = { findings: [], suppressed: [], fixes: [] };
  for (const rule of RULES) {
    if (context.severities[rule.meta.id] === 'off') continue;
    // A generated file is never parsed (src/core/generated.ts): the rules that read syntax trees read its source instead.
    if (scanned.generated && rule.readsSyntax) continue;
    record(rule, rule.check(scanned, context), scanned, context, outcome);
  }
  withholdUnparsed(scanned, context, outcome);
  const { findings, suppressed, fixes } = outcome;
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  const edits = orderedEdits(fixes);
  return { findings, suppressed, edits, after: edits.length > 0 ? applyEdits(scanned.text, edits) : scanned.text };
}

/**
 * No rule's fix is applied in a file that does not parse (a YAML file, renamed as text, aside). The scan looks for
 * syntax errors only in a file that holds a legacy name; a rule that parses another (bearer-api-key) may meet one
 * (Scripts.error): then parse-error reports it, as the reason the fixes were held back.
 */
function withholdUnparsed(scanned: ScannedFile, context: RuleContext, outcome: Outcome): void {
  const unparsed = scanned.parseError ?? scanned.scripts.error;
  if (!unparsed || outcome.fixes.length === 0 || (scanned.parseError && renamesAsText(scanned.kind))) return;
  outcome.fixes = [];
  for (const finding of [...outcome.findings, ...outcome.suppressed]) finding.fixable = false;
  if (!scanned.parseError) record(parseError, parseError.check({ ...scanned, parseError: unparsed }, context), scanned, context, outcome);
}

/** Who reads a file's syntax trees once the file is scanned (src/file-kinds/parse.ts, Scripts): the plan keeps them for these only. */
export interface SyntaxReaders {
  /** Whether anything reads them after the scan, as far as is known before it (the file's parse error is not). */
  afterScan(path: string): boolean;
  /** Whether anything reads them after the file's own rules: another file's check, through the key exports of its imports. */
  afterRules(path: string): boolean;
}

/**
 * The readers of syntax trees in a run of `files` (every candidate, before any is scanned): the rules
 * that run, the security model's implicit reads, and the key exports of the modules those files import.
 */
export function syntaxReaders(files: readonly SyntaxFile[], context: SyntaxContext & Pick<RuleContext, 'severities'>): SyntaxReaders {
  const rules = RULES.filter((rule) => rule.readsSyntax && context.severities[rule.meta.id] !== 'off');
  // The Edge Function model (supabase/edge/model.ts) reads the trees of function code for its guards and clients: its
  // analyses share one parse of each module only if the scan's tree is kept for them.
  const read = files.filter(
    (file) => securityReadsSyntax(file) || (file.kind === 'code' && isEdgeFunctionFile(file.path)) || rules.some((rule) => rule.readsSyntax?.(file, context)),
  );
  const paths = new Set(read.map((file) => file.path));
  const imported = context.keyExports.reachedFrom(read);
  return { afterScan: (path) => paths.has(path) || imported.has(path), afterRules: (path) => imported.has(path) };
}

/**
 * A file (or folder) the run could not read or decode: src/core/read.ts's report of it, turned into a parse-error
 * finding the way the rule's own reports are, under the rule's setting from the config and `--rule`. It has
 * no text, so no `migrate-keys-ignore` comment reaches it. Undefined when the rule is off.
 */
export function planFailure(path: string, report: Report, context: Pick<RuleContext, 'severities' | 'unsafe'>): Finding | undefined {
  const outcome: Outcome = { findings: [], suppressed: [], fixes: [] };
  record(parseError, [report], { path, locate: () => ({ line: 1, column: 1 }), directives: [] }, context, outcome);
  return outcome.findings[0];
}

/** One rule's reports on one place, as findings: its setting (off: none), suppressions, and the fixes to apply. */
function record(rule: Rule, reports: readonly Report[], place: Place, context: Pick<RuleContext, 'severities' | 'unsafe'>, outcome: Outcome): void {
  const setting = context.severities[rule.meta.id];
  if (setting === 'off') return;
  for (const report of reports) {
    const { line, column } = place.locate(report.offset);
    const directive = rule === unusedSuppression ? undefined : suppressing(place.directives, rule.meta.id, line);
    const fixable =
      report.fix !== undefined && (rule.meta.fix === 'safe' || (rule.meta.fix === 'unsafe' && context.unsafe)) && !directive && !place.generated;
    if (fixable) outcome.fixes.push(...(report.fix as Edit[]));
    if (directive) directive.used = true;
    (directive ? outcome.suppressed : outcome.findings).push({
      ruleId: rule.meta.id,
      severity: setting ?? report.severity ?? rule.meta.severity,
      file: place.path,
      line,
      column,
      message: report.message,
      fixable,
      fixed: false,
      ...(report.rename && { rename: report.rename }),
      ...(report.legacyUse !== undefined && { legacyUse: report.legacyUse }),
      ...(report.blocksRotation !== undefined && { blocksRotation: report.blocksRotation }),
      ...(report.fallback && { fallback: true }),
    });
  }
}

export interface PlanFileOptions {
  supplied?: SuppliedKeys;
  transitional?: boolean;
  severities?: RuleContext['severities'];
  unsafe?: boolean;
}

/** One file on its own (the jscodeshift transform, tests): collisions are judged within the file. */
export function planFile(input: ScanInput, pattern: RegExp, map: NameMap, options: PlanFileOptions = {}): FilePlan {
  const scanned = scanFile(input, pattern, map);
  return planScanned(scanned, {
    map,
    keyName: keyNamesOf([scanned], map),
    keptField: linkPythonFields([scanned], map),
    edge: buildEdgeModel([scanned]),
    database: NO_DATABASE,
    keyExports: createKeyExports([scanned]),
    security: securityModelOf([scanned]),
    unsafe: options.unsafe ?? false,
    supplied: options.supplied ?? {},
    transitional: options.transitional ?? false,
    severities: options.severities ?? {},
    packages: installedPackages([scanned]),
    flutterAssets: flutterAssets([scanned]),
  });
}
