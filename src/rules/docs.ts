// The rule docs, rendered from each rule's metadata: the docs/rules/<id>.md pages, the README's rule table, and their URLs.
import { fileKind } from '../file-kinds/index.js';
import type { FixKind, RuleExample, RuleId, RuleMeta } from './rule.js';

/** The project's repository (package.json `repository`), where the docs of each released version live. */
export const REPOSITORY_URL = 'https://github.com/migrate-keys/migrate-keys';

/** README.md holds the rule table between these two lines; `npm run docs` writes nothing else of it. */
export const README_RULES_START = '<!-- rules:start -->';
export const README_RULES_END = '<!-- rules:end -->';

export function rulePagePath(id: RuleId): string {
  return `docs/rules/${id}.md`;
}

/** A rule's page as of a released version (its tag), so it says what that version does. */
export function ruleDocsUrl(id: RuleId, version: string): string {
  return `${REPOSITORY_URL}/blob/v${version}/${rulePagePath(id)}`;
}

/** How a fix kind is applied, as `migrate-keys rules <id>` says it. */
export function fixLabel(fix: FixKind): string {
  return fix === 'none' ? 'none (needs a person)' : fix === 'safe' ? 'safe (applied by --write)' : 'unsafe (applied by --write --unsafe)';
}

/** Every rule's page, by path under the repository root. */
export function rulePages(metas: readonly RuleMeta[]): Map<string, string> {
  return new Map(metas.map((meta) => [rulePagePath(meta.id), renderRulePage(meta)]));
}

export function renderRulePage(meta: RuleMeta): string {
  const blocks = [
    `<!-- Generated from the metadata in src/rules/${meta.id}.ts by \`npm run docs\`: edit it there, not here. -->`,
    `# \`${meta.id}\``,
    prose(sentence(meta.summary)),
    table(
      ['Default severity', 'Fix', 'Blocks deactivating the legacy keys', 'Blocks rotating the legacy JWT secret'],
      [[`\`${meta.severity}\``, FIX_CELL[meta.fix], meta.legacyUse ? 'yes' : 'no', meta.blocksRotation ? 'yes' : 'no']],
    ),
    '## What it finds',
    prose(meta.description),
    '## Why it matters',
    ...whyItMatters(meta),
    '## Examples',
    'In short:',
    fence('text', meta.example),
    ...meta.examples.flatMap(renderExample),
    '## Fix',
    FIX_TEXT[meta.fix],
    '## Options',
    options(meta),
    '## Suppressing it',
    ...suppressing(meta),
  ];
  return blocks.join('\n\n') + '\n';
}

/** The README's table of rules: one row per rule, linked to its page. */
export function renderRuleTable(metas: readonly RuleMeta[]): string {
  return table(
    ['Rule', 'Severity', 'Fix', 'What it finds'],
    metas.map((meta) => [`[\`${meta.id}\`](${rulePagePath(meta.id)})`, meta.severity, FIX_FLAG[meta.fix], prose(meta.summary)]),
  );
}

/** README.md with the rule table between its markers; it throws, naming what is missing, when they are not there once each. */
export function withRuleTable(readme: string, ruleTable: string): string {
  return withSection(readme, README_RULES_START, README_RULES_END, 'the rule table', ruleTable);
}

export const README_KINDS_START = '<!-- kinds:start -->';
const README_KINDS_END = '<!-- kinds:end -->';

/** README's "what it changes" table: each file kind's files and what --write changes there (file-kinds/ `docs`). */
export function renderKindTable(kinds: readonly { files: string; changes: string }[]): string {
  return table(
    ['Files', 'What `--write` changes there'],
    kinds.map((kind) => [prose(kind.files), prose(kind.changes)]),
  );
}

/** README.md with the file kinds' table between its markers. */
export function withKindTable(readme: string, kindTable: string): string {
  return withSection(readme, README_KINDS_START, README_KINDS_END, "the file kinds' table", kindTable);
}

function withSection(readme: string, startMarker: string, endMarker: string, what: string, body: string): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  const once = (marker: string) => readme.split(marker).length === 2;
  if (start < 0 || end < 0 || !once(startMarker) || !once(endMarker) || end < start) {
    throw new Error(`README.md needs one line ${startMarker} and, after it, one line ${endMarker}: ${what} goes between them`);
  }
  return `${readme.slice(0, start + startMarker.length)}\n${body}\n${readme.slice(end)}`;
}

const FIX_CELL: Readonly<Record<FixKind, string>> = {
  safe: 'safe: `--write`',
  unsafe: 'unsafe: `--write --unsafe`',
  none: 'none: a person decides',
};

const FIX_FLAG: Readonly<Record<FixKind, string>> = { safe: '`--write`', unsafe: '`--write --unsafe`', none: '—' };

const FIX_TEXT: Readonly<Record<FixKind, string>> = {
  safe:
    '**Safe.** `migrate-keys` shows the fix as a diff and `migrate-keys --write` applies it (backups go to `.migrate-keys/`; ' +
    '`migrate-keys undo` restores them). A place the tool cannot fix stays a finding, and its message says what to do by hand.',
  unsafe:
    '**Unsafe:** it changes how the code behaves, so `--write` alone leaves it as a finding. `migrate-keys --unsafe` shows it as a diff and ' +
    '`migrate-keys --write --unsafe` applies it. A place the tool cannot fix stays a finding, and its message says what to do by hand.',
  none: '**None:** what to do depends on the code around it, so a person decides; the message of each finding says what to do.',
};

function whyItMatters(meta: RuleMeta): string[] {
  const facts = meta.sources.map(
    (source) =>
      `- ${prose(source.states)} Source: [${escapeLinkText(source.title)}](${source.url}), ${source.checked ? 'checked ' : ''}${source.date}`,
  );
  const blocks: string[] = [];
  if (facts.length > 0) blocks.push(`What Supabase states:\n\n${facts.join('\n')}`);
  else blocks.push("This rule is about the tool's own work, not a Supabase fact: it cites no source.");
  if (meta.legacyUse) {
    blocks.push(
      'Its findings count as legacy use: until none remains, step 5 of the migration (deactivate the legacy keys) stays blocked and ' +
        '`migrate-keys legacy-keys --disable` refuses.',
    );
  }
  if (meta.blocksRotation) {
    blocks.push('Its findings keep the legacy JWT secret in use: until none remains, step 6 of the migration (rotate the legacy JWT secret) stays blocked.');
  }
  return blocks;
}

function renderExample(example: RuleExample): string[] {
  const language = languageOf(example.file);
  const context = Object.keys(example.context ?? {});
  return [
    `### ${prose(example.title)}`,
    `Before, in \`${example.file}\`${context.length > 0 ? ` (beside ${context.map((path) => `\`${path}\``).join(', ')})` : ''}:`,
    fence(language, example.before),
    'After:',
    fence(language, example.after),
  ];
}

function options(meta: RuleMeta): string {
  return [
    `The rule has no options of its own. Its severity (\`${meta.severity}\` by default) can be changed, or the rule turned off, in ` +
      '`migrate-keys.config.json` (or `"migrateKeys"` in `package.json`):',
    fence('json', `{ "rules": { "${meta.id}": "${meta.severity === 'warning' ? 'error' : 'warning'}" } }`),
    `or for one run: \`migrate-keys --rule ${meta.id}=off\` (\`off\`, \`info\`, \`warning\` or \`error\`). The setting applies to every ` +
      'finding of the rule. Findings of severity `error` make `migrate-keys --check` exit 1; warnings do so only beyond `--max-warnings`.',
  ].join('\n\n');
}

function suppressing(meta: RuleMeta): string[] {
  if (meta.id === 'unused-suppression') {
    return [
      'A comment cannot silence this rule, since the comment is what it reports: remove the comment, or turn the rule off with ' +
        '`--rule unused-suppression=off`. `migrate-keys-ignore-file` anywhere in a file skips the whole file.',
    ];
  }
  return [
    'A comment on the line of a finding, or on the line above, silences it, in the comment syntax of the file:',
    fence(
      'text',
      [
        `// migrate-keys-ignore ${meta.id}        JavaScript, TypeScript (/* … */ too)`,
        `# migrate-keys-ignore ${meta.id}         .env, TOML, YAML, shell, Python`,
        `-- migrate-keys-ignore ${meta.id}        SQL`,
        `<!-- migrate-keys-ignore ${meta.id} -->  Markdown, HTML`,
      ].join('\n'),
    ),
    'Several rule ids go together, separated by commas; words after them are free text, for the reason. A bare `migrate-keys-ignore` ' +
      'silences every rule there, and `migrate-keys-ignore-file` anywhere in a file skips the whole file. A silenced place is not fixed ' +
      'either, and a comment that silences nothing is reported by [`unused-suppression`](unused-suppression.md).',
  ];
}

/** The start of a sentence capitalised, and a full stop at its end. */
function sentence(text: string): string {
  const capitalised = /^[a-z]/.test(text) ? text[0]?.toUpperCase() + text.slice(1) : text;
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** Text for Markdown: outside `code` spans, what Markdown would read as HTML or a table cell's end is escaped. */
function prose(text: string): string {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return escapeText(text);
  return parts.map((part, i) => (i % 2 === 1 ? part : escapeText(part))).join('`');
}

function escapeText(text: string): string {
  return text.replace(/&(?=[#\w]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

function escapeLinkText(text: string): string {
  return prose(text).replace(/[[\]]/g, '\\$&');
}

function table(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headings), line(headings.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
function fence(language: string, code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${code.replace(/\n$/, '')}\n${marks}`;
}

const LANGUAGES: Readonly<Record<string, string>> = {
  ts: 'ts',
  mts: 'ts',
  cts: 'ts',
  tsx: 'tsx',
  js: 'js',
  mjs: 'js',
  cjs: 'js',
  jsx: 'jsx',
  json: 'json',
  toml: 'toml',
  sql: 'sql',
  sh: 'sh',
  yml: 'yaml',
  yaml: 'yaml',
  py: 'python',
  md: 'md',
};

function languageOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (fileKind(file) === 'env') return 'dotenv';
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  return LANGUAGES[extension] ?? 'text';
}
