// The SARIF 2.1.0 reporter, for GitHub code scanning: every rule from its metadata, and what remains as results.
import { createHash } from 'node:crypto';
import { maskSecrets } from '../keys/mask.js';
import type { RunResult } from '../core/result.js';
import { ruleDocsUrl } from '../rules/docs.js';
import { RULES } from '../rules/index.js';
import type { RuleId, RuleMeta, Severity } from '../rules/rule.js';
import { sortFindings } from './sections.js';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };
const FINGERPRINT = 'migrateKeys/v1';

function descriptor(meta: RuleMeta, version: string) {
  const description = maskSecrets(meta.description);
  const example = maskSecrets(meta.example);
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: maskSecrets(meta.summary) },
    fullDescription: { text: description },
    helpUri: ruleDocsUrl(meta.id, version),
    help: {
      text: `${description}\n\nExample:\n${example}`,
      markdown: `${description}\n\nExample:\n\n\`\`\`text\n${example.replace(/```/g, '`\u200b``')}\n\`\`\``,
    },
    defaultConfiguration: { level: LEVELS[meta.severity] },
    properties: { fix: meta.fix },
  };
}

/** Identifies a result by what it says and where, not by its line, so it survives edits above it. */
function fingerprint(ruleId: RuleId, file: string, message: string, occurrence: number): string {
  return createHash('sha256').update([ruleId, file, message, String(occurrence)].join('\0')).digest('hex');
}

function uri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

export function sarif(result: RunResult): string {
  const rules: { id: RuleId }[] = RULES.map((rule) => descriptor(rule.meta, result.version));
  // A finding of a rule the catalogue does not know (yet) still gets a descriptor its ruleIndex can point at.
  const ruleIndex = (id: RuleId): number => {
    const index = rules.findIndex((rule) => rule.id === id);
    return index >= 0 ? index : rules.push({ id }) - 1;
  };
  const seen = new Map<string, number>();
  const results = sortFindings(result.findings.filter((f) => !f.fixed)).map((f) => {
    const message = maskSecrets(f.message);
    const triple = [f.ruleId, f.file, message].join('\0');
    const occurrence = seen.get(triple) ?? 0;
    seen.set(triple, occurrence + 1);
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex(f.ruleId),
      level: LEVELS[f.severity],
      message: { text: message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uri(f.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column },
          },
        },
      ],
      // The other places of the same problem (src/core/dedupe.ts).
      ...(f.related && {
        relatedLocations: f.related.map((place, index) => ({
          id: index + 1,
          physicalLocation: { artifactLocation: { uri: uri(place.file), uriBaseId: '%SRCROOT%' }, region: { startLine: place.line, startColumn: place.column } },
        })),
      }),
      partialFingerprints: { [FINGERPRINT]: fingerprint(f.ruleId, f.file, message, occurrence) },
      properties: { fixable: f.fixable, fixed: f.fixed },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'migrate-keys', version: result.version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
