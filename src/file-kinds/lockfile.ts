// The lockfile kind: the package managers' lockfiles (and the manifests that pin exact versions: requirements files, .NET
// projects) that name the Supabase SDK releases a repository installs, read by sdk-version alone. Other lockfiles stay
// no kind's (index.ts): their integrity hashes look like base64-wrapped keys.
import type { KindModule } from './kind.js';

/**
 * The lockfiles sdk-version reads, by basename: npm, pnpm, yarn (v1 and berry), Bun (text, ≥ 1.2; not bun.lockb); pub
 * (pubspec.lock); Poetry, uv, Pipenv; NuGet (packages.lock.json) and central package management (Directory.Packages.props).
 */
const LOCKFILE_NAMES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lock',
  'pubspec.lock',
  'poetry.lock',
  'uv.lock',
  'Pipfile.lock',
  'packages.lock.json',
  'Directory.Packages.props',
]);

/**
 * Manifests whose exact pins sdk-version reads as a lockfile: .NET project files (`*.csproj`), and pip's requirements
 * files (`requirements.txt`, `requirements-dev.txt`, `dev-requirements.txt`…, and any `.txt` in a `requirements/` folder).
 */
function pinsPackages(path: string, basename: string, extension: string): boolean {
  if (extension === '.csproj') return true;
  if (extension !== '.txt') return false;
  return /requirements/i.test(basename) || /(?:^|\/)requirements\/[^/]+$/i.test(path);
}

/**
 * The SDK packages sdk-version knows, as the files name them: what makes a lockfile worth reading. npm's
 * `@supabase/supabase-js`, pub's `supabase_flutter`, the quoted id `supabase` / `Supabase` / `supabase-csharp` (poetry.lock and
 * uv.lock `name = "supabase"`, Pipfile.lock and packages.lock.json keys, MSBuild `Include="Supabase"`), and a requirements line
 * that starts with `supabase`.
 */
const SDK_HINT = /@supabase\/supabase-js|supabase_flutter|["']supabase(?:-csharp)?["']|^[ \t]*supabase\b/im;

/** Whether a lockfile's text names a Supabase SDK package (core/prefilter.ts): one literal search. */
export function namesSupabaseSdk(text: string): boolean {
  return SDK_HINT.test(text);
}

export const lockfileKind: KindModule<'lockfile'> = {
  kind: 'lockfile',
  docs: {
    files: "lockfiles (`package-lock.json`, `pnpm-lock.yaml`, `yarn.lock`, `bun.lock`, `pubspec.lock`, `poetry.lock`, `uv.lock`, `Pipfile.lock`, NuGet's) and exact pins",
    changes: 'nothing: SDK releases that mishandle the new keys are reported (sdk-version)',
  },
  matches: ({ path, basename, extension }) => LOCKFILE_NAMES.has(basename) || pinsPackages(path, basename, extension),
  // Written by package managers (or lists of packages): no key name lives there, sdk-version reads the versions itself.
  searchesNames: false,
};
