// What the lockfile readers share: the package they find, where the file states its version, and the few helpers they use.

/** The package registries whose Supabase SDKs sdk-version knows: npm, PyPI, pub.dev, NuGet. */
export type Ecosystem = 'npm' | 'pypi' | 'pub' | 'nuget';

/** A package a lockfile (or a manifest's exact pin) locks: its name as the file writes it, its version, where the version is. */
export interface Locked {
  ecosystem: Ecosystem;
  name: string;
  version: string;
  offset: number;
}

/** Whether a reader should report a package: the rule's question, by the package's name as its registry compares names. */
export type Watched = (ecosystem: Ecosystem, name: string) => boolean;

/** A package's name as its registry compares names: PyPI folds case and runs of `-_.` (PEP 503), NuGet folds case. */
export function canonicalName(ecosystem: Ecosystem, name: string): string {
  if (ecosystem === 'pypi') return name.toLowerCase().replace(/[-_.]+/g, '-');
  if (ecosystem === 'nuget') return name.toLowerCase();
  return name;
}

export { isRecord } from '../../../core/words.js';

/** Where the lockfile states a version: the version after `anchor` when it comes soon after, else the anchor. */
export function locate(text: string, anchor: string, version: string, from = 0): number {
  const at = text.indexOf(anchor, from);
  if (at < 0) return 0;
  const within = anchor.indexOf(version);
  if (within >= 0) return at + within;
  const next = text.indexOf(version, at + anchor.length);
  return next >= 0 && next - at < 1000 ? next : at;
}
