// Google Cloud Build: `_X` substitutions are set on the trigger, outside the repository.
import type { OutsideReference } from './reference.js';
import { lineAt } from '../core/positions.js';
import { describeName, keyAction, type OutsideFinder } from './finder.js';

const TRIGGER = "Cloud Build: the trigger's substitution variables";
const SUBSTITUTION = /\$\{?_([A-Za-z][A-Za-z0-9_]*)\}?|^\s+_([A-Za-z][A-Za-z0-9_]*)\s*:/gm;

export const cloudBuildSubstitutions: OutsideFinder = (file) => {
  if (file.kind !== 'yaml' || !/(^|\/)cloudbuild[^/]*\.ya?ml$/.test(file.path)) return [];
  const found: OutsideReference[] = [];
  const seen = new Set<string>();
  for (const match of file.text.matchAll(SUBSTITUTION)) {
    const name = (match[1] ?? match[2]) as string;
    const described = describeName(name);
    if (!described || seen.has(name)) continue;
    seen.add(name);
    found.push({
      kind: 'cloud-build-substitution',
      name: `_${name}`,
      ...(described.newName && { newName: `_${described.newName}` }),
      file: file.path,
      line: lineAt(file.text, match.index as number),
      place: TRIGGER,
      action: keyAction(TRIGGER, `_${name}`, { ...described, ...(described.newName && { newName: `_${described.newName}` }) }),
    });
  }
  return found;
};
