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

/** `migrate-keys rules <id>`: one rule in full, with its example; undefined for an unknown id. */
export function ruleExplanation(id: string, colors: Colors): string | undefined {
  const rule = RULES.find((candidate) => candidate.meta.id === id);
  if (!rule) return undefined;
  const { meta } = rule;
  const fix = meta.fix === 'none' ? 'none (needs a person)' : meta.fix === 'safe' ? 'safe (applied by --write)' : 'unsafe (applied by --write --unsafe)';
  return [
    colors.bold(meta.id),
    `severity: ${meta.severity}    fix: ${fix}`,
    '',
    meta.description,
    '',
    colors.dim('example:'),
    ...meta.example.split('\n').map((line) => `  ${line}`),
    '',
  ].join('\n');
}
