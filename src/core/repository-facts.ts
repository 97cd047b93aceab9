// What the disk and git say beyond the files read, gathered before the rules run so that no rule reads either:
// the signing keys files that a supabase/config.toml names, and which env files holding a service_role JWT git tracks.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { ScannedFile } from '../file-kinds/scanned.js';
import { classifyValue } from '../keys/values.js';
import { namedSigningKeysFile, type RepositoryFacts, type SigningKeysFileFacts } from '../rules/analysis/security/model.js';
import { holdsPrivateKey } from '../rules/analysis/security/signing-keys.js';
import { ignoredFiles, isGitRepository, trackedFiles } from './git.js';

const MAX_KEYS_FILE_BYTES = 1024 * 1024;

export function repositoryFacts(root: string, scanned: readonly ScannedFile[]): RepositoryFacts {
  const signingKeysFiles = new Map<string, SigningKeysFileFacts>();
  for (const file of scanned) {
    const path = namedSigningKeysFile(file)?.path;
    if (path !== undefined && !signingKeysFiles.has(path)) signingKeysFiles.set(path, signingKeysFile(root, path));
  }
  return { signingKeysFiles, trackedKeyFiles: trackedKeyFiles(root, scanned) };
}

/** Env files holding a legacy service_role JWT that git tracks: one git call, and only when there are such files. */
function trackedKeyFiles(root: string, scanned: readonly ScannedFile[]): Set<string> {
  const holding = scanned.filter((file) => file.env?.some((entry) => classifyValue(entry.value) === 'legacy-service-role')).map((file) => file.path);
  return trackedFiles(root, holding);
}

function signingKeysFile(root: string, path: string): SigningKeysFileFacts {
  const absolute = join(root, ...path.split('/'));
  // A missing file a .gitignore names is generated where the local stack starts (issue 27): git is asked about it too.
  if (!existsSync(absolute)) return { exists: false, git: gitStanding(root, path) };
  if (!(insideRoot(root, absolute) && statSync(absolute).isFile() && statSync(absolute).size <= MAX_KEYS_FILE_BYTES)) return { exists: true };
  const text = readFileSync(absolute, 'utf8');
  // Git is asked about a file that holds a private key only: where it stands in git matters for no other.
  return holdsPrivateKey(text) ? { exists: true, text, git: gitStanding(root, path) } : { exists: true, text };
}

function gitStanding(root: string, path: string): SigningKeysFileFacts['git'] {
  if (trackedFiles(root, [path]).has(path)) return 'tracked';
  if (!isGitRepository(root)) return 'no repository';
  return ignoredFiles(root, [path]).has(path) ? 'ignored' : 'neither';
}

function insideRoot(root: string, absolute: string): boolean {
  const real = realpathSync(absolute);
  const realRoot = realpathSync(resolve(root));
  return real === realRoot || real.startsWith(realRoot + sep);
}
