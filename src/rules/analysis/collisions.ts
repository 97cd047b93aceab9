// Sites whose namespace holds another name of the same new name (SPEC §2): which one moves, which lines go,
// which sites keep their name. Decided per namespace, so one file's conflict never blocks a name elsewhere.
import type { Namespace } from '../../file-kinds/declarations.js';
import type { EnvEntry } from '../../file-kinds/env-entries.js';
import type { Occurrence, ScannedText } from '../../file-kinds/scanned-text.js';
import { decideName, isCanonicalName, type KeyRole, type NameMap } from '../../keys/names.js';
import type { SuppliedKeys } from '../../keys/supplied.js';
import { classifyValue, isNewKeyOfRole, isPlaceholder } from '../../keys/values.js';

/** What happens at a site instead of a plain rename. */
export type SiteFate =
  /** Its lines (or its import specifier) go: its new name stands, or is about to stand, beside it. */
  | { kind: 'retire'; reason: string }
  /**
   * It keeps its legacy name here; the reason says what to merge. `beside`: its new name already stands beside it (a
   * schema or object holding both, as a hand-made transition leaves it), which the transition phase keeps (SPEC §4).
   */
  | { kind: 'keep'; reason: string; beside?: boolean };

/** What the run knows that decides a fate: the name map, and the new values an env line's legacy JWT becomes. */
export interface NamesContext {
  map: NameMap;
  supplied: SuppliedKeys;
}

const computed = new WeakMap<ScannedText, { context: NamesContext; fates: Map<Occurrence, SiteFate> }>();

/** The fate of a site that shares a namespace with another name of its new name, or undefined: a plain rename. */
export function siteFate(file: ScannedText, occurrence: Occurrence, context: NamesContext): SiteFate | undefined {
  let entry = computed.get(file);
  if (!entry || entry.context.map !== context.map || entry.context.supplied !== context.supplied) {
    computed.set(file, (entry = { context, fates: fatesIn(file, context) }));
  }
  return entry.fates.get(occurrence);
}

/** The entries of a .env file whose lines the plain run removes. */
export function retiredEntries(file: ScannedText, context: NamesContext): Set<EnvEntry> {
  const starts = new Set(
    file.occurrences.filter((o) => o.context === 'env-key' && siteFate(file, o, context)?.kind === 'retire').map((o) => o.start),
  );
  return new Set((file.env ?? []).filter((entry) => starts.has(entry.keyStart)));
}

function fatesIn(file: ScannedText, context: NamesContext): Map<Occurrence, SiteFate> {
  const { map } = context;
  const fates = new Map<Occurrence, SiteFate>();
  // A name kept in a namespace of bindings is kept at its every use in the file, or the uses would name another variable.
  const keptInFile = new Map<string, SiteFate>();
  const seen = new Set<string>();
  for (const occurrence of file.occurrences) {
    for (const namespace of occurrence.namespaces) {
      if (seen.has(namespace.id)) continue;
      seen.add(namespace.id);
      for (const [finalName, names] of byFinalName(namespace.names, map)) {
        if (names.size < 2) continue;
        const canonical = [...names].filter(isCanonicalName);
        // The name that ends up as `finalName` here: the new name itself, or the one canonical legacy name.
        const keeper = names.has(finalName) ? finalName : canonical.length === 1 ? canonical[0] : undefined;
        for (const name of names) {
          if (name === keeper && keeper !== finalName) continue;
          if (name === finalName) continue;
          const sites = file.occurrences.filter((o) => o.decision.name === name && o.namespaces.some((n) => n.id === namespace.id));
          for (const site of sites) {
            const fate = fateOf(file, site, namespace, { name, finalName, names, keeper }, context.supplied);
            if (fates.get(site)?.kind !== 'keep') fates.set(site, fate);
            if (fate.kind === 'keep' && namespace.binds) keptInFile.set(name, fate);
          }
        }
      }
    }
  }
  for (const occurrence of file.occurrences) {
    const kept = keptInFile.get(occurrence.decision.name);
    if (kept) fates.set(occurrence, kept);
  }
  return fates;
}

interface Group {
  name: string;
  finalName: string;
  names: ReadonlySet<string>;
  keeper: string | undefined;
}

function fateOf(file: ScannedText, site: Occurrence, namespace: Namespace, group: Group, supplied: SuppliedKeys): SiteFate {
  const { name, finalName, names, keeper } = group;
  const what = site.context === 'env-key' ? 'line' : site.retireSpan ? 'import' : 'entry';
  const retirable = namespace.kind === 'merge' && site.retireSpan !== undefined;
  // In an env file a line goes only when nothing is lost: the other line holds the same key (SPEC §2: which
  // value wins is for a person to say). A canonical name's line beside its new name always goes (--transitional's leftover).
  const loses = (other: string) =>
    site.context === 'env-key' && !(isCanonicalName(name) && other === finalName) && !sameKey(file, name, other, site.decision.role, supplied);
  if (keeper === finalName) {
    // The new name already stands here (what --transitional leaves behind): the legacy site goes.
    if (retirable && !loses(finalName)) return { kind: 'retire', reason: `its new name is already here, so this legacy ${what} goes` };
    const other = site.context === 'env-key' ? ` with another value` : '';
    return { kind: 'keep', reason: `\`${finalName}\` already stands beside it here${other}: keep the right one and remove this ${what}`, beside: true };
  }
  if (keeper) {
    const at = lineOfName(file, keeper, namespace);
    const becomes = `\`${keeper}\`${at ? ` on line ${at}` : ''} becomes \`${finalName}\` too`;
    if (retirable && !loses(keeper)) return { kind: 'retire', reason: `${becomes}, so this ${what} of the same key under its alias goes` };
    const other = site.context === 'env-key' ? ', and this line holds another value' : ' here';
    return { kind: 'keep', reason: `${becomes}${other}: keep the right one under \`${finalName}\` and remove this ${what}` };
  }
  const listed = [...names].sort().map((n) => `\`${n}\``).join(' and ');
  return { kind: 'keep', reason: `${listed} would both become \`${finalName}\` here; keep only one of them first (\`${name}\` is renamed where it stands alone)` };
}

/**
 * Whether two env keys of one file hold the same key: the same value as the run leaves it (a legacy JWT
 * that a supplied key replaces counts as that key), a placeholder beside anything, or a legacy JWT beside
 * the new key of its role that replaces it.
 */
function sameKey(file: ScannedText, name: string, other: string, role: KeyRole, supplied: SuppliedKeys): boolean {
  // dotenv keeps the last entry of a key.
  const valueOf = (key: string) => file.env?.findLast((entry) => entry.key === key)?.value.trim();
  const value = valueOf(name);
  const otherValue = valueOf(other);
  if (value === undefined || otherValue === undefined || isPlaceholder(value)) return true;
  const legacy = role === 'publishable' ? 'legacy-anon' : 'legacy-service-role';
  const effective = (v: string) => (classifyValue(v) === legacy && supplied[role] ? supplied[role] : v);
  return effective(value) === effective(otherValue) || (classifyValue(value) === legacy && isNewKeyOfRole(effective(otherValue), role));
}

function byFinalName(names: readonly string[], map: NameMap): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const name of names) {
    const decision = decideName(name, map);
    const finalName = decision?.kind === 'rename' ? decision.newName : name;
    groups.set(finalName, (groups.get(finalName) ?? new Set()).add(name));
  }
  return groups;
}

/** The 1-based line of a name's site in a namespace. */
function lineOfName(file: ScannedText, name: string, namespace: Namespace): number | undefined {
  const site = file.occurrences.find((o) => o.decision.name === name && o.namespaces.some((n) => n.id === namespace.id));
  return site && file.locate(site.start).line;
}
