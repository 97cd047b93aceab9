// The lockfile readers sdk-version uses, by file name: each returns the watched packages a file locks and where it says so.
import { bunLocked, npmLocked, pnpmLocked, yarnLocked } from './javascript.js';
import { pubLocked } from './dart.js';
import { msbuildLocked, nugetLocked } from './dotnet.js';
import { pipfileLocked, requirementsLocked, tomlLocked } from './python.js';
import type { Locked, Watched } from './types.js';

export { canonicalName, type Ecosystem, type Locked, type Watched } from './types.js';

type Reader = (text: string, watched: Watched) => Locked[];

/** The reader of a lockfile-kind file, by its basename (file-kinds/lockfile.ts decides which files are of the kind). */
function readerOf(path: string): Reader {
  const basename = path.slice(path.lastIndexOf('/') + 1);
  const lower = basename.toLowerCase();
  if (basename === 'pnpm-lock.yaml') return pnpmLocked;
  if (basename === 'yarn.lock') return yarnLocked;
  if (basename === 'bun.lock') return bunLocked;
  if (basename === 'pubspec.lock') return pubLocked;
  if (basename === 'poetry.lock' || basename === 'uv.lock') return tomlLocked;
  if (basename === 'Pipfile.lock') return pipfileLocked;
  if (basename === 'packages.lock.json') return nugetLocked;
  if (lower.endsWith('.csproj') || lower === 'directory.packages.props') return msbuildLocked;
  if (lower.endsWith('.txt')) return requirementsLocked;
  return npmLocked;
}

/** The watched packages a lockfile locks; nothing for a file its own tool would not read either. */
export function lockedPackages(path: string, text: string, watched: Watched): Locked[] {
  try {
    return readerOf(path)(text, watched);
  } catch {
    // A lockfile its package manager would not read either: nothing is known of what it installs.
    return [];
  }
}
