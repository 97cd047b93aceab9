// One problem, one finding (issue 27 item 3): the places a problem shows at are reported once, at its root (the env key,
// the assignment, the first read), with the others in `related` and counted in the message. The rules, in order:
//   1. cross-rule, one line, one name: a rule's finding gives way to a more specific rule's (MORE_SPECIFIC);
//   2. one rule, one line, one problem: the same rename or the same words (an env key and the secret it reads, a read and
//      its error text): one finding, the fixable one first (its fix is applied either way: fixes are spliced apart from
//      findings);
//   3. one rule, one file, the same words about one named thing, not fixable (every use of one shell variable, one secret
//      used three times): one finding at the first place, "(and N more places in this file: lines …)".
import type { Finding, RelatedPlace, RuleId } from '../rules/rule.js';

/** The rules that say more about a name than the general rule does at the same place. */
const MORE_SPECIFIC: Readonly<Partial<Record<RuleId, readonly RuleId[]>>> = {
  'legacy-env-name': ['secret-key-exposed', 'edge-function-env', 'implicit-legacy-env'],
};

/** The name a finding is about: its rename, else the first env-style name in backticks of its message (`SUPABASE_ANON_KEY`). */
function subjectOf(finding: Finding): string | undefined {
  return finding.rename?.from ?? /`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/.exec(finding.message)?.[1];
}

/** Every name in backticks of a finding's message. */
function namesIn(finding: Finding): Set<string> {
  return new Set(Array.from(finding.message.matchAll(/`([A-Za-z_$][\w$]*)`/g), (match) => match[1] as string));
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

const placeOf = (finding: Finding): RelatedPlace => ({ file: finding.file, line: finding.line, column: finding.column });

/** The findings, one per problem, in their order; a finding that absorbs others lists their places in `related`. */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const absorbed = new Map<Finding, Finding[]>();
  const gone = new Set<Finding>();
  const absorb = (keeper: Finding, other: Finding): void => {
    gone.add(other);
    const list = absorbed.get(keeper) ?? [];
    list.push(other, ...(absorbed.get(other) ?? []));
    absorbed.delete(other);
    absorbed.set(keeper, list);
  };
  const groups = (key: (finding: Finding) => string | undefined): Finding[][] => {
    const byKey = new Map<string, Finding[]>();
    for (const finding of findings) {
      if (gone.has(finding)) continue;
      const k = key(finding);
      if (k === undefined) continue;
      const group = byKey.get(k);
      if (group) group.push(finding);
      else byKey.set(k, [finding]);
    }
    return [...byKey.values()].filter((group) => group.length > 1);
  };

  // 1. Cross-rule, one line, one name: the general rule's subject is named by the specific rule's message too.
  // (Indexed by rule and name: a minified line holds thousands of findings, and a pairwise search would be quadratic.)
  for (const group of groups((f) => `${f.file}\0${f.line}`)) {
    const specifics = new Map<string, Finding>();
    for (const finding of group) for (const name of namesIn(finding)) if (!specifics.has(`${finding.ruleId}\0${name}`)) specifics.set(`${finding.ruleId}\0${name}`, finding);
    for (const general of group) {
      const subject = subjectOf(general);
      if (subject === undefined || gone.has(general)) continue;
      const specific = (MORE_SPECIFIC[general.ruleId] ?? []).map((rule) => specifics.get(`${rule}\0${subject}`)).find((other) => other !== undefined && other !== general && !gone.has(other));
      if (specific) absorb(specific, general);
    }
  }
  // 2. One rule, one place (a fixable and an unfixable finding for the same read), then one rule, one line, one problem (the
  // same rename, or the same words): the fixable one first, then the most severe (a fallback first), then the first column.
  // (At one place, only a fixable finding absorbs: findings that all need a person may be several problems anchored there,
  // such as one per key of a file or one per function of a deploy.)
  for (const group of groups((f) => `${f.ruleId}\0${f.file}\0${f.line}:${f.column}`)) {
    const keeper = group.find((f) => f.fixable);
    for (const other of group) if (keeper && !other.fixable) absorb(keeper, other);
  }
  for (const group of groups((f) => `${f.ruleId}\0${f.file}\0${f.line}\0${f.rename ? `rename ${f.rename.from}` : f.message}`)) {
    // Of equal severity, a transitional fallback stays (the phase counts them: Finding.fallback).
    const rank = (a: Finding, b: Finding) => RANK[a.severity] - RANK[b.severity] || Number(Boolean(b.fallback)) - Number(Boolean(a.fallback));
    const keeper = group.find((f) => f.fixable) ?? [...byPosition(group)].sort(rank)[0];
    for (const other of group) if (other !== keeper && keeper) absorb(keeper, other);
  }
  // 3. One rule, one file, the same words about one named thing (a variable, a secret), needing a person: the first place.
  // Fixable places stay apart (each is an edit of the diff, and --write leaves none of them), and so do messages that name
  // nothing: two sends of "the secret key" are two places to change.
  for (const group of groups((f) => (f.fixable || !/\(`[A-Za-z_$][\w$]*`\)/.test(f.message) ? undefined : `${f.ruleId}\0${f.file}\0${f.message}`))) {
    const [keeper, ...others] = byPosition(group);
    for (const other of others) if (keeper) absorb(keeper, other);
  }

  return findings.filter((finding) => !gone.has(finding)).map((finding) => withRelated(finding, absorbed.get(finding)));
}

function byPosition(group: readonly Finding[]): Finding[] {
  return [...group].sort((a, b) => a.line - b.line || a.column - b.column);
}

function withRelated(finding: Finding, others: readonly Finding[] | undefined): Finding {
  if (!others || others.length === 0) return finding;
  const related = byPosition(others).map(placeOf);
  const lines = [...new Set(related.filter((place) => place.file === finding.file && place.line !== finding.line).map((place) => place.line))];
  const more =
    lines.length === 0
      ? ''
      : ` (and ${lines.length} more ${lines.length === 1 ? 'place' : 'places'} in this file: ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')})`;
  return { ...finding, message: finding.message + more, related };
}
