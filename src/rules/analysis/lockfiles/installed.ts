// What the repository installs, for rules outside sdk-version: the version of a package that the nearest lockfile at or
// above a file locks (a Flutter app's pubspec.lock beside its lib/). Lockfiles are read once per package asked about.
import type { ScannedFile } from '../../../file-kinds/scanned.js';
import { canonicalName, lockedPackages, type Ecosystem } from './index.js';

export interface InstalledPackages {
  /** The version the nearest lockfile in `path`'s folder or above locks; undefined when none locks it. */
  version(path: string, ecosystem: Ecosystem, name: string): string | undefined;
}

export function installedPackages(scanned: readonly Pick<ScannedFile, 'path' | 'kind' | 'text'>[]): InstalledPackages {
  const lockfiles = scanned.filter((file) => file.kind === 'lockfile');
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
  return {
    version(path, ecosystem, name) {
      const folders = lockedIn(ecosystem, name);
      for (let folder = folderOf(path); ; folder = folderOf(folder)) {
        const version = folders.get(folder);
        if (version !== undefined) return version;
        if (folder === '') return undefined;
      }
    },
  };
}

/** The folder of a `/`-separated path, '' at the root. */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
