// GitHub Actions: `${{ secrets.X }}` and `${{ vars.X }}` in workflows name repository secrets and variables.
import type { OutsideReference } from './reference.js';
import { lineAt } from '../core/positions.js';
import { describeName, keyAction, type OutsideFinder } from './finder.js';

const REFERENCE = /\$\{\{\s*(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export const githubSecrets: OutsideFinder = (file) => {
  if (file.kind !== 'yaml' || !/(^|\/)\.github\/workflows\//.test(file.path)) return [];
  const found: OutsideReference[] = [];
  for (const match of file.text.matchAll(REFERENCE)) {
    const name = match[2] as string;
    const described = describeName(name);
    if (!described) continue;
    const secret = match[1] === 'secrets';
    found.push({
      kind: secret ? 'github-secret' : 'github-variable',
      name,
      ...(described.newName && { newName: described.newName }),
      file: file.path,
      line: lineAt(file.text, match.index as number),
      action: keyAction(`GitHub → Settings → Secrets and variables → Actions (${secret ? 'secret' : 'variable'})`, name, described),
    });
  }
  return found;
};
