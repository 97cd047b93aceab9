// `migrate-keys rules`: every rule's id, severity, fix kind and meaning, from the rules' own metadata.
import type { Colors } from './colors.js';
import { RULES } from './rules/index.js';

export function rulesCatalogue(colors: Colors): string {
  const width = Math.max(...RULES.map((rule) => rule.meta.id.length));
  const rows = RULES.map(({ meta }) => {
    const fix = meta.fix === 'none' ? '—' : meta.fix;
    return `${colors.bold(meta.id.padEnd(width))}  ${meta.severity.padEnd(7)}  ${fix.padEnd(6)}  ${meta.summary}`;
  });
  return `${colors.dim(`${'rule'.padEnd(width)}  severity  fix     meaning`)}\n${rows.join('\n')}\n`;
}
