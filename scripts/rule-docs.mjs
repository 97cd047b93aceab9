// `npm run docs`: writes docs/rules/<id>.md, README.md's rule table and its file kinds' table from the rules' and the file kinds'
// metadata in the build (dist/).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderKindTable, renderRuleTable, rulePages, withKindTable, withRuleTable } from '../dist/src/rules/docs.js';
import { RULES } from '../dist/src/rules/index.js';
import { kindDocs } from '../dist/src/file-kinds/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const metas = RULES.map((rule) => rule.meta);

/** Writes a file only when its text changes, and says so. */
function write(path, text) {
  const absolute = join(root, path);
  if (existsSync(absolute) && readFileSync(absolute, 'utf8') === text) return;
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, text);
  console.log(`wrote ${path}`);
}

const pages = rulePages(metas);
for (const [path, text] of pages) write(path, text);
// A page whose rule is gone goes too.
for (const name of readdirSync(join(root, 'docs', 'rules'))) {
  const path = `docs/rules/${name}`;
  if (name.endsWith('.md') && !pages.has(path)) {
    rmSync(join(root, path));
    console.log(`removed ${path}`);
  }
}

try {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  write('README.md', withKindTable(withRuleTable(readme, renderRuleTable(metas)), renderKindTable(kindDocs())));
} catch (error) {
  console.error(`npm run docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
