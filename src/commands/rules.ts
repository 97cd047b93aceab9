// `migrate-keys rules`: every rule's id, severity, fix kind and meaning, from the rules' own metadata.
import type { Colors } from '../reporters/colors.js';
import { fixLabel, ruleDocsUrl } from '../rules/docs.js';
import { RULES } from '../rules/index.js';
import { packageVersion } from '../core/version.js';

export function rulesCatalogue(colors: Colors): string {
  const width = Math.max(...RULES.map((rule) => rule.meta.id.length));
  const rows = RULES.map(({ meta }) => {
    const fix = meta.fix === 'none' ? '—' : meta.fix;
    return `${colors.bold(meta.id.padEnd(width))}  ${meta.severity.padEnd(7)}  ${fix.padEnd(6)}  ${meta.summary}`;
  });
  return `${colors.dim(`${'rule'.padEnd(width)}  severity  fix     meaning`)}\n${rows.join('\n')}\n`;
}

/** `migrate-keys rules <id>`: one rule in full, with its example, its sources and its docs page; undefined for an unknown id. */
export function ruleExplanation(id: string, colors: Colors, version = packageVersion()): string | undefined {
  const rule = RULES.find((candidate) => candidate.meta.id === id);
  if (!rule) return undefined;
  const { meta } = rule;
  const sources = meta.sources.length === 0 ? [] : [colors.dim('sources:'), ...meta.sources.map((source) => `  ${source.title}: ${source.url}`), ''];
  return [
    colors.bold(meta.id),
    `severity: ${meta.severity}    fix: ${fixLabel(meta.fix)}`,
    '',
    meta.description,
    '',
    colors.dim('example:'),
    ...meta.example.split('\n').map((line) => `  ${line}`),
    '',
    ...sources,
    `${colors.dim('docs:')} ${ruleDocsUrl(meta.id, version)}`,
    '',
  ].join('\n');
}
