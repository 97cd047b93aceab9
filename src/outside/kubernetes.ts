// Kubernetes: keys of a `Secret` manifest live in the cluster; the manifest only names them.
import type { OutsideReference } from './reference.js';
import { lineAt } from '../core/positions.js';
import { describeName, keyAction, type OutsideFinder } from './finder.js';

const CLUSTER = "Kubernetes: the cluster's Secret (kubectl, sealed secrets or your secret store)";
const KEY_LINE = /^[ \t]+([A-Za-z_][A-Za-z0-9_]*)\s*:/gm;

export const kubernetesSecrets: OutsideFinder = (file) => {
  if (file.kind !== 'yaml') return [];
  const found: OutsideReference[] = [];
  let offset = 0;
  for (const document of file.text.split(/^---[^\n]*$/m)) {
    if (/^kind:\s*Secret\b/m.test(document)) {
      for (const match of document.matchAll(KEY_LINE)) {
        const name = match[1] as string;
        const described = describeName(name);
        if (!described) continue;
        found.push({
          kind: 'kubernetes-secret',
          name,
          ...(described.newName && { newName: described.newName }),
          file: file.path,
          line: lineAt(file.text, offset + (match.index as number)),
          place: CLUSTER,
          action: keyAction(CLUSTER, name, described),
        });
      }
    }
    offset += document.length + 3;
  }
  return found;
};
