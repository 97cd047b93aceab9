// GitHub Actions: `${{ secrets.X }}` and `${{ vars.X }}` in workflows name repository secrets and variables.
import type { OutsideReference } from './reference.js';
import { lineAt } from '../core/positions.js';
import { describeName, keyAction, type OutsideFinder } from './finder.js';
import { withCommand } from './hosting.js';

const REFERENCE = /\$\{\{\s*(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export const githubSecrets: OutsideFinder = (file) => {
  if (file.kind !== 'yaml' || !/(^|\/)\.github\/workflows\//.test(file.path)) return [];
  const found: OutsideReference[] = [];
  for (const match of file.text.matchAll(REFERENCE)) {
    const name = match[2] as string;
    const described = describeName(name);
    if (!described) continue;
    const secret = match[1] === 'secrets';
    const command = `gh ${secret ? 'secret' : 'variable'} set ${described.newName ?? name}`;
    const place = `GitHub Actions ${secret ? 'secrets' : 'variables'} (Settings → Secrets and variables → Actions)`;
    found.push({
      kind: secret ? 'github-secret' : 'github-variable',
      name,
      ...(described.newName && { newName: described.newName }),
      file: file.path,
      line: lineAt(file.text, match.index as number),
      place,
      action: withCommand(keyAction(place, name, described), command),
      command,
    });
  }
  return found;
};
