// The places outside the repository that hold a key and must be updated by hand (SPEC §6 `outside`).
import type { OutsideReference } from './reference.js';
import { envEntries } from '../file-kinds/env-entries.js';
import { isEnvTemplate } from '../file-kinds/env.js';
import { cloudBuildSubstitutions } from './cloud-build.js';
import { dockerBuildArgs } from './docker.js';
import type { OutsideFile, OutsideFinder } from './finder.js';
import { githubSecrets } from './github.js';
import { describeName } from './finder.js';
import { hostingProviders, type KeyName } from './hosting.js';
import { kubernetesSecrets } from './kubernetes.js';

const FINDERS: readonly OutsideFinder[] = [githubSecrets, dockerBuildArgs, kubernetesSecrets, cloudBuildSubstitutions];

export function findOutside(files: readonly OutsideFile[]): OutsideReference[] {
  const found = [...files.flatMap((file) => FINDERS.flatMap((find) => find(file))), ...hostingProviders(files, envKeyNames(files))];
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** The key names the env files hold (deployed apps read the same names from their host). */
function envKeyNames(files: readonly OutsideFile[]): KeyName[] {
  const names = new Map<string, KeyName>();
  for (const file of files) {
    if (file.kind !== 'env' || isEnvTemplate(file.path)) continue;
    for (const { key } of file.env ?? envEntries(file.text)) {
      const described = describeName(key);
      if (described && !names.has(key)) names.set(key, { name: key, ...(described.newName && { newName: described.newName }) });
    }
  }
  return [...names.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}
