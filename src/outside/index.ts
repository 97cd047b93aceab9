// The places outside the repository that hold a key and must be updated by hand (SPEC §6 `outside`).
import type { OutsideReference } from '../result.js';
import type { Finding, Rename } from '../rules/rule.js';
import { cloudBuildSubstitutions } from './cloud-build.js';
import { dockerBuildArgs } from './docker.js';
import type { OutsideFile, OutsideFinder } from './finder.js';
import { githubSecrets } from './github.js';
import { hostingProviders } from './hosting.js';
import { kubernetesSecrets } from './kubernetes.js';

const FINDERS: readonly OutsideFinder[] = [githubSecrets, dockerBuildArgs, kubernetesSecrets, cloudBuildSubstitutions];

export function findOutside(files: readonly OutsideFile[], findings: readonly Finding[]): OutsideReference[] {
  const renames = new Map<string, Rename>();
  for (const { rename } of findings) if (rename && rename.from === rename.from.toUpperCase()) renames.set(`${rename.from}\0${rename.to}`, rename);
  const found = [...files.flatMap((file) => FINDERS.flatMap((find) => find(file))), ...hostingProviders(files, [...renames.values()])];
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
