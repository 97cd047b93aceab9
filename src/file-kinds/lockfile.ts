// The lockfile kind: the package managers' lockfiles that name the Supabase SDK releases a repository installs, read by
// sdk-version alone. Other lockfiles stay no kind's (index.ts): their integrity hashes look like base64-wrapped keys.
import type { KindModule } from './kind.js';

/** The lockfiles sdk-version reads, by basename: npm, pnpm, yarn (v1 and berry), Bun (text, ≥ 1.2; not bun.lockb). */
const LOCKFILE_NAMES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock']);

/** The SDK packages sdk-version knows, as a lockfile names them: what makes a lockfile worth reading. */
const SDK_HINT = /@supabase\/supabase-js/;

/** Whether a lockfile's text names a Supabase SDK package (core/prefilter.ts): one literal search. */
export function namesSupabaseSdk(text: string): boolean {
  return SDK_HINT.test(text);
}

export const lockfileKind: KindModule<'lockfile'> = {
  kind: 'lockfile',
  matches: ({ basename }) => LOCKFILE_NAMES.has(basename),
  // Written by package managers: no key name lives there, sdk-version reads the versions itself.
  searchesNames: false,
};
