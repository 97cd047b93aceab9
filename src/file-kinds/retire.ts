// Sites retired rather than renamed: a legacy name whose new name already stands beside it.
import type { EnvEntry } from './env-entries.js';
import type { Occurrence, ScannedText } from './scanned-text.js';

/**
 * A legacy .env key next to its new key, or a legacy import specifier next to the new one (what
 * `--transitional` leaves behind): the final run removes the legacy site instead of renaming it.
 */
export function isRetired(occurrence: Occurrence): boolean {
  const { decision } = occurrence;
  return (
    decision.kind === 'rename' &&
    occurrence.retireSpan !== undefined &&
    occurrence.namespaces.some((namespace) => namespace.kind === 'merge' && namespace.names.includes(decision.newName))
  );
}

/** The entries of a .env file that the final run removes. */
export function retiredEntries(file: ScannedText): Set<EnvEntry> {
  const starts = new Set(file.occurrences.filter((o) => o.context === 'env-key' && isRetired(o)).map((o) => o.start));
  return new Set((file.env ?? []).filter((entry) => starts.has(entry.keyStart)));
}
