// The migration report as one self-contained HTML page (inline CSS and JS, readable offline): findings that need a person
// first, a repeated message as one row, filterable by rule, severity and "needs a person".
import { createHash } from 'node:crypto';
import { maskSecrets } from '../keys/mask.js';
import type { RunResult } from '../core/result.js';
import { ruleDocsUrl } from '../rules/docs.js';
import { ruleById } from '../rules/index.js';
import type { Finding, RuleId } from '../rules/rule.js';
import { byUrgency, compare, functionRows, modeLine, needsPerson, renameRows, ruleHeading, STEP_MARKERS, summaryRows, timeLines } from './sections.js';

const STYLE = `
:root { color-scheme: light dark; font: 15px/1.5 system-ui, sans-serif; }
body { max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #8886; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
td.n { text-align: right; }
code { font-size: 0.92em; background: #8882; padding: 0 0.2em; border-radius: 3px; }
.error { color: #d1242f; } .warning { color: #b35900; } .info { color: #0969da; }
ol.steps > li { margin-bottom: 0.5rem; }
`;

const SCRIPT = `
const rule = document.getElementById('rule-filter');
const severity = document.getElementById('severity-filter');
const person = document.getElementById('person-filter');
const rows = Array.from(document.querySelectorAll('#findings tbody tr'));
const shown = document.getElementById('shown');
function applyFilter() {
  let visible = 0;
  for (const row of rows) {
    row.hidden =
      (rule.value !== 'all' && row.dataset.rule !== rule.value) ||
      (severity.value !== 'all' && row.dataset.severity !== severity.value) ||
      (person.checked && row.dataset.person !== 'yes');
    if (!row.hidden) visible++;
  }
  shown.textContent = visible + ' of ' + rows.length + ' shown';
}
for (const control of [rule, severity, person]) control.addEventListener('change', applyFilter);
applyFilter();
`;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const CSP = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Masked, escaped text whose `code` spans become <code>. */
function text(value: string): string {
  const parts = escapeHtml(maskSecrets(value)).split('`');
  if (parts.length % 2 === 0) return parts.join('`');
  return parts.map((part, i) => (i % 2 === 1 ? `<code>${part}</code>` : part)).join('');
}

function location(file: string, line: number): string {
  const href = `${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
  return `<a href="${escapeHtml(href)}">${text(`${file}:${line}`)}</a>`;
}

const row = (cells: string[], attributes = ''): string => `<tr${attributes}>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
const table = (headings: string[], rows: string[], id = ''): string =>
  `<table${id ? ` id="${id}"` : ''}><thead><tr>${headings.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;

/** A rule id, linked to its docs page when the rule is one of ours. */
function ruleLink(ruleId: RuleId, version: string): string {
  const id = `<code title="${escapeHtml(ruleHeading(ruleId))}">${escapeHtml(ruleId)}</code>`;
  return ruleById(ruleId) ? `<a href="${escapeHtml(ruleDocsUrl(ruleId, version))}">${id}</a>` : id;
}

/** The remaining findings, what needs a person first; a message repeated in several places is one row with its places. */
function findingsSection(result: RunResult): string[] {
  const remaining = byUrgency(
    result.findings.filter((f) => !f.fixed),
    result.mode,
  );
  const rowsOf = new Map<string, Finding[]>();
  for (const f of remaining) {
    const key = [f.ruleId, f.severity, needsPerson(f, result.mode), maskSecrets(f.message)].join('\0');
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), f]);
  }
  const counts = new Map<RuleId, number>();
  for (const f of remaining) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const options = [...counts.entries()].sort(([a], [b]) => compare(a, b)).map(([id, n]) => `<option value="${escapeHtml(id)}">${escapeHtml(id)} (${n})</option>`);
  const severities = ['error', 'warning', 'info'].map((level) => `<option value="${level}">${level}</option>`);
  const rows = [...rowsOf.values()].map((same) => {
    const f = same[0] as Finding;
    const person = needsPerson(f, result.mode);
    const places = same.map((one) => location(one.file, one.line));
    const where = places.length === 1 ? places.join('') : `<details><summary>${places.length} places</summary>${places.join('<br>')}</details>`;
    return row(
      [ruleLink(f.ruleId, result.version), `<span class="${f.severity}">${f.severity}</span>`, where, text(f.message), person ? 'manual' : '<code>--write</code>'],
      ` data-rule="${escapeHtml(f.ruleId)}" data-severity="${f.severity}" data-person="${person ? 'yes' : 'no'}"`,
    );
  });
  return [
    '<h2>Findings</h2>',
    remaining.length === 0
      ? '<p>No findings remain.</p>'
      : '<p>What needs a person comes first. Rows marked <code>--write</code> are fixed by <code>migrate-keys --write</code>; the others need a person.</p>',
    `<p><label for="rule-filter">Rule</label> <select id="rule-filter"><option value="all">all</option>${options.join('')}</select> ` +
      `<label for="severity-filter">Severity</label> <select id="severity-filter"><option value="all">all</option>${severities.join('')}</select> ` +
      `<label><input type="checkbox" id="person-filter"> needs a person only</label> <span id="shown"></span></p>`,
    table(['Rule', 'Severity', 'Location', 'Message', 'Fix'], rows, 'findings'),
  ];
}

/** The per-function table, when the run found Edge Functions. */
function functionsSection(result: RunResult): string[] {
  const rows = functionRows(result).map((fn) => row([`<code>${escapeHtml(fn.slug)}</code>`, text(fn.callers), text(fn.guard), fn.verifyJwt, text(fn.todo)]));
  return rows.length === 0 ? [] : ['<h2>Edge Functions</h2>', table(['Function', 'Callers', 'Guard', 'verify_jwt', 'What to do'], rows, 'functions')];
}

function stepsSection(result: RunResult): string[] {
  const items = result.checklist.map((step) => {
    const watch = step.watch ? `<ul>${step.watch.map((error) => `<li>${text(error)}</li>`).join('')}</ul>` : '';
    return `<li value="${step.step}">${STEP_MARKERS[step.status]} <strong>${text(step.title)}</strong> (${step.status}): ${text(step.detail)}${watch}</li>`;
  });
  return ['<h2>Steps</h2>', `<ol class="steps">\n${items.join('\n')}\n</ol>`];
}

export function html(result: RunResult): string {
  const renames = renameRows(result.findings).map((r) => row([`<code>${escapeHtml(r.from)}</code>`, `<code>${escapeHtml(r.to)}</code>`, String(r.files), String(r.sites)]));
  const outside = result.outside.map((o) =>
    row([text(o.kind), `<code>${escapeHtml(o.name)}</code>`, o.newName ? `<code>${escapeHtml(o.newName)}</code>` : '—', location(o.file, o.line), text(o.action)]),
  );
  const body = [
    '<h1>Supabase API key migration</h1>',
    `<p>Generated by migrate-keys ${escapeHtml(result.version)} in <code>${escapeHtml(result.displayRoot)}</code>. ${text(modeLine(result))}</p>`,
    '<h2>Summary</h2>',
    `<table id="summary"><tbody>${summaryRows(result).map(([label, n]) => `<tr><th>${label}</th><td class="n">${n}</td></tr>`).join('')}</tbody></table>`,
    '<h2>Renames</h2>',
    renames.length === 0 ? '<p>No legacy key name to rename.</p>' : table(['Old name', 'New name', 'Files', 'Sites'], renames, 'renames'),
    ...findingsSection(result),
    '<h2>Outside the repository</h2>',
    outside.length === 0
      ? '<p>None found: no workflow, hosting or deployment file names a key.</p>'
      : table(['Kind', 'Name', 'New name', 'Where', 'Action'], outside, 'outside'),
    ...functionsSection(result),
    '<h2>Time and reach</h2>',
    `<ul>${timeLines(result).map((line) => `<li>${text(line)}</li>`).join('')}</ul>`,
    ...stepsSection(result),
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<title>Supabase API key migration · migrate-keys</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
