// What the repository installs, for rules outside sdk-version: the version of a package that the nearest lockfile at or
// above a file locks (a Flutter app's pubspec.lock beside its lib/), and the lowest one its pubspec.yaml allows. Lockfiles
// are read once per package asked about.
import type { ScannedFile } from '../../../file-kinds/scanned.js';
import { isPubspec } from '../../../file-kinds/yaml.js';
import { escapeRegExp } from '../../../keys/names.js';
import { canonicalName, lockedPackages, type Ecosystem } from './index.js';

export interface InstalledPackages {
  /** The version the nearest lockfile in `path`'s folder or above locks; undefined when none locks it. */
  version(path: string, ecosystem: Ecosystem, name: string): string | undefined;
  /**
   * The lowest version the nearest pubspec.yaml at or above `path` allows for a pub package (`^2.14.0`, `>=2.14.0 <3.0.0`,
   * `2.14.0`), with the constraint as written; undefined without one, or for a constraint with no lower bound (`any`).
   */
  allowed(path: string, name: string): { minimum: string; constraint: string } | undefined;
}

export function installedPackages(scanned: readonly Pick<ScannedFile, 'path' | 'kind' | 'text'>[]): InstalledPackages {
  const lockfiles = scanned.filter((file) => file.kind === 'lockfile');
  // Per package (ecosystem and canonical name): the version each lockfile locks, by the lockfile's folder.
  const byPackage = new Map<string, Map<string, string>>();
  const lockedIn = (ecosystem: Ecosystem, name: string): Map<string, string> => {
    const key = `${ecosystem}:${canonicalName(ecosystem, name)}`;
    let folders = byPackage.get(key);
    if (folders === undefined) {
      folders = new Map();
      const wanted = (other: Ecosystem, otherName: string) => other === ecosystem && canonicalName(other, otherName) === canonicalName(ecosystem, name);
      for (const file of lockfiles) {
        const locked = lockedPackages(file.path, file.text, wanted)[0];
        if (locked) folders.set(folderOf(file.path), locked.version);
      }
      byPackage.set(key, folders);
    }
    return folders;
  };
  const manifests = new Map(scanned.filter((file) => isPubspec(file.path)).map((file) => [folderOf(file.path), file.text]));
  return {
    allowed(path, name) {
      const manifest = nearest(manifests, path);
      const constraint = manifest === undefined ? undefined : pubConstraint(manifest, name);
      const minimum = constraint === undefined ? undefined : /^(?:\^|>=\s*)?(\d+\.\d+\.\d+)/.exec(constraint)?.[1];
      return constraint === undefined || minimum === undefined ? undefined : { minimum, constraint };
    },
    version: (path, ecosystem, name) => nearest(lockedIn(ecosystem, name), path),
  };
}

/** What `byFolder` holds for `path`'s folder or the nearest folder above it. */
function nearest<Value>(byFolder: ReadonlyMap<string, Value>, path: string): Value | undefined {
  for (let folder = folderOf(path); ; folder = folderOf(folder)) {
    const value = byFolder.get(folder);
    if (value !== undefined || folder === '') return value;
  }
}

/** A dependency's constraint in a pubspec.yaml (`dependencies:` or `dev_dependencies:`, a plain scalar), as written. */
function pubConstraint(text: string, name: string): string | undefined {
  const pattern = new RegExp(`^[ \\t]+${escapeRegExp(name)}:[ \\t]*['"]?([^'"#\\r\\n]+?)['"]?[ \\t]*(?:#.*)?$`, 'm');
  return pattern.exec(text)?.[1];
}

/** The folder of a `/`-separated path, '' at the root. */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
