// What git knows about the files a run would touch; outside a repository it knows nothing.
import { execFileSync } from 'node:child_process';

const BATCH = 200;

// Paths are taken literally, except by check-ignore, which refuses pathspec magic (its paths are plain paths).
function git(root: string, args: readonly string[], literal = true): string | undefined {
  try {
    return execFileSync('git', [...(literal ? ['--literal-pathspecs'] : []), '-C', root, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

function listed(root: string, args: readonly string[], paths: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < paths.length; i += BATCH) {
    const out = git(root, [...args, '--', ...paths.slice(i, i + BATCH)]);
    for (const path of out?.split('\0') ?? []) if (path) found.add(path);
  }
  return found;
}

export function isGitRepository(root: string): boolean {
  return git(root, ['rev-parse', '--is-inside-work-tree'])?.trim() === 'true';
}

/** The top folder of the git repository `root` is in, as git prints it; undefined outside a repository. */
export function repositoryTop(root: string): string | undefined {
  return git(root, ['rev-parse', '--show-toplevel'])?.trim() || undefined;
}

/** Tracked files among `paths` (relative to root) with changes not committed, staged or not. */
export function uncommittedFiles(root: string, paths: readonly string[]): Set<string> {
  if (paths.length === 0 || !isGitRepository(root)) return new Set();
  const modified = listed(root, ['ls-files', '-z', '--modified'], paths);
  for (const path of listed(root, ['diff', '--cached', '--name-only', '--relative', '-z'], paths)) modified.add(path);
  return modified;
}

/** Files among `paths` that git tracks; empty outside a repository. */
export function trackedFiles(root: string, paths: readonly string[]): Set<string> {
  if (paths.length === 0 || !isGitRepository(root)) return new Set();
  return listed(root, ['ls-files', '-z'], paths);
}

/** Files among `paths` that a .gitignore (or .git/info/exclude) covers; empty outside a repository. */
export function ignoredFiles(root: string, paths: readonly string[]): Set<string> {
  if (paths.length === 0 || !isGitRepository(root)) return new Set();
  const ignored = new Set<string>();
  // check-ignore takes -z only with --stdin; paths are printed one per line, as given.
  for (let i = 0; i < paths.length; i += BATCH) {
    const out = git(root, ['check-ignore', '--no-index', '--', ...paths.slice(i, i + BATCH)], false);
    for (const path of out?.split('\n') ?? []) if (path) ignored.add(path);
  }
  return ignored;
}
