// sdk-version: a lockfile (npm, pnpm, yarn, bun; pub; Poetry, uv, Pipenv, pip requirements; NuGet, .csproj) that locks a
// Supabase SDK release that mishandles the new keys. The readers of each format are in analysis/lockfiles/.
import { canonicalName, type Ecosystem, type Locked, lockedPackages, type Watched } from './analysis/lockfiles/index.js';
import { compare, semver, type Triple } from './analysis/lockfiles/versions.js';
import type { Report, Rule } from './rule.js';
import { cite, PAGES } from './sources.js';

/** A release range of an SDK that mishandles the new keys, and the first release that does not. */
interface Flaw {
  ecosystem: Ecosystem;
  name: string;
  /** The first affected release, and the first fixed one; no `fixed`: every release is affected. */
  from: string;
  fixed?: string;
  /** What goes wrong, after "`<name>` <version> is locked here: ". */
  problem: string;
  /** What to do, when it is not "update `<name>` to <fixed> or later". */
  action?: string;
}

const FLAWS: readonly Flaw[] = [
  {
    ecosystem: 'npm',
    name: '@supabase/supabase-js',
    from: '2.110.4',
    fixed: '2.110.6',
    problem: 'releases 2.110.4 and 2.110.5 throw in createClient() on an `sb_` key that is neither `sb_publishable_` nor `sb_secret_` (such as `sb_temp_`)',
  },
  {
    ecosystem: 'pypi',
    name: 'supabase',
    from: '0.0.0',
    fixed: '2.16.0',
    problem:
      'releases before 2.16.0 raise `SupabaseException("Invalid API key")` in create_client() for any key that is not a JWT, ' +
      'so they refuse a publishable or secret key',
  },
  {
    ecosystem: 'pub',
    name: 'supabase_flutter',
    from: '0.0.0',
    fixed: '2.13.0',
    problem: 'releases before 2.13.0 have no `publishableKey:` parameter in `Supabase.initialize()`; until the upgrade, pass the publishable key as `anonKey:`',
  },
  {
    ecosystem: 'nuget',
    name: 'Supabase',
    from: '0.0.0',
    fixed: '8.0.0',
    problem: 'releases before 8.0.0 fail when given a key that is not a JWT, so they refuse a publishable or secret key',
  },
  {
    ecosystem: 'nuget',
    name: 'supabase-csharp',
    from: '0.0.0',
    problem:
      'the package under its old id (now `Supabase`) fails, in every release, when given a key that is not a JWT, ' +
      'so it refuses a publishable or secret key',
    action: 'replace `supabase-csharp` with `Supabase` 8.0.0 or later',
  },
];

/** Whether a locked version is in the flaw's range; a version that is not plain `x.y.z(-pre)` (PEP 440, NuGet ranges) is not judged. */
function affected(flaw: Flaw, version: string): boolean {
  if (flaw.fixed === undefined) return true;
  const at = semver(version);
  const from = semver(flaw.from) as Triple;
  const fixed = semver(flaw.fixed) as Triple;
  return at !== undefined && compare(at, from) >= 0 && compare(at, fixed) < 0;
}

/** Whether a package is one a flaw names, as its registry compares names. */
const watched: Watched = (ecosystem, name) =>
  FLAWS.some((flaw) => flaw.ecosystem === ecosystem && canonicalName(ecosystem, flaw.name) === canonicalName(ecosystem, name));

function flawOf(locked: Locked): Flaw | undefined {
  return FLAWS.find(
    (flaw) => flaw.ecosystem === locked.ecosystem && canonicalName(flaw.ecosystem, flaw.name) === canonicalName(locked.ecosystem, locked.name) && affected(flaw, locked.version),
  );
}

export const sdkVersion: Rule = {
  meta: {
    id: 'sdk-version',
    severity: 'warning',
    fix: 'none',
    summary: 'a lockfile or exact pin locks a Supabase SDK release that mishandles the new keys (JavaScript, Python, Flutter, .NET)',
    description:
      'Some Supabase SDK releases mishandle the new API keys. @supabase/supabase-js 2.110.4 and 2.110.5 throw in createClient() ' +
      'on an `sb_` key that is neither `sb_publishable_` nor `sb_secret_` (such as a temporary `sb_temp_` key); 2.110.6 warns ' +
      'instead. The Python `supabase` package before 2.16.0 refuses any key that is not a JWT in create_client(). ' +
      '`supabase_flutter` before 2.13.0 has no `publishableKey:` parameter (the publishable key goes in `anonKey:` until the ' +
      'upgrade). The .NET `Supabase` package before 8.0.0, and every release of its old id `supabase-csharp`, fail on a key that ' +
      'is not a JWT. The rule reads package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock (v1 and berry) and bun.lock ' +
      "(Bun's text lockfile; the binary bun.lockb is not read); pubspec.lock; poetry.lock, uv.lock, Pipfile.lock and the exact " +
      '`==` pins of requirements files (ranges are not judged); .csproj, Directory.Packages.props and NuGet\'s packages.lock.json. ' +
      'A version that is not plain `x.y.z` is not judged. Swift Package.resolved and Gradle version catalogs are not read: no ' +
      'supabase-swift or supabase-kt release is known to fail with the new keys, since they send the key as both `apikey` and ' +
      'Bearer, which the gateway accepts. It names the release to update to and changes no file: update the package with your ' +
      'package manager.',
    legacyUse: false,
    blocksRotation: false,
    example: '"node_modules/@supabase/supabase-js": { "version": "2.110.4" }  ->  npm install @supabase/supabase-js@^2.110.6',
    sources: [
      cite(
        PAGES.supabaseJsUnknownKeyPr,
        'createClient() threw for any `sb_` key other than `sb_publishable_…` / `sb_secret_…`; it now accepts `sb_temp_…` keys and ' +
          'warns once for other unrecognized subtypes instead of throwing (merged 2026-07-15).',
      ),
      cite(
        PAGES.supabaseJsInvokePr,
        'functions.invoke() stops sending a new-format key as `Authorization: Bearer` when no user is signed in (merged 2026-07-10).',
      ),
      cite(
        PAGES.supabasePyJwtCheckPr,
        'removes the check that made create_client() raise `SupabaseException("Invalid API key")` for a key that is not JWT-shaped ' +
          '(closes supabase-py#1150; merged 2025-06-23, released in 2.16.0).',
      ),
      cite(
        PAGES.supabaseFlutterPublishableKeyPr,
        '`Supabase.initialize()` takes `publishableKey:`; `anonKey:` is deprecated in its favour, both accepted.',
      ),
      cite(PAGES.flutterPublishableKeyVersion, 'review (2026-06-08): publishable keys were introduced in supabase_flutter 2.13.0, and `anonKey` is deprecated.'),
      cite(
        PAGES.supabaseCsharpKeysIssue,
        'passing a publishable or secret key to the C# client errors because the new keys are not JWTs; both formats work since PRs #397 and #401 (2026-09-11).',
      ),
      cite(PAGES.supabaseCsharpKeysPr, 'the C# SDK supports publishable and secret API keys.'),
      cite(
        PAGES.dotnetSdkV8,
        'v8.0.0 (2026-10-19) is the first release of all .NET packages from the one repository under one version; the main package was on v1.x.x before.',
      ),
    ],
    examples: [
      {
        title: 'A package-lock.json that locks @supabase/supabase-js 2.110.4',
        file: 'package-lock.json',
        before:
          '{\n  "name": "web",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n' +
          '    "node_modules/@supabase/supabase-js": {\n      "version": "2.110.4"\n    }\n  }\n}\n',
        after:
          '{\n  "name": "web",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n' +
          '    "node_modules/@supabase/supabase-js": {\n      "version": "2.110.6"\n    }\n  }\n}\n',
      },
      {
        title: 'A requirements.txt that pins the Python supabase package before 2.16.0',
        file: 'requirements.txt',
        before: 'httpx==0.28.1\nsupabase==2.15.0\n',
        after: 'httpx==0.28.1\nsupabase==2.16.0\n',
      },
    ],
  },
  check(file) {
    if (file.kind !== 'lockfile') return [];
    const reports: Report[] = [];
    const seen = new Set<string>();
    for (const locked of lockedPackages(file.path, file.text, watched)) {
      const flaw = flawOf(locked);
      const key = `${locked.ecosystem}:${canonicalName(locked.ecosystem, locked.name)}@${locked.version}`;
      if (!flaw || seen.has(key)) continue;
      seen.add(key);
      const action = flaw.action ?? `update \`${flaw.name}\` to ${flaw.fixed ?? ''} or later`;
      reports.push({ offset: locked.offset, message: `\`${flaw.name}\` ${locked.version} is locked here: ${flaw.problem}; ${action}` });
    }
    return reports;
  },
};
