// File bodies for the synthetic benchmark repository: code, docs, workflows, JSON and .env text in several styles.

export const STYLES = [
  { q: "'", semi: ';', indent: '  ' },
  { q: '"', semi: ';', indent: '  ' },
  { q: "'", semi: '', indent: '  ' },
  { q: "'", semi: ';', indent: '    ' },
  { q: '"', semi: ';', indent: '\t' },
];

const WORDS = ['order', 'user', 'invoice', 'profile', 'team', 'project', 'report', 'message', 'session', 'cart',
  'product', 'review', 'ticket', 'event', 'asset', 'comment', 'payment', 'upload', 'search', 'setting'];
const PROSE = ['the', 'service', 'returns', 'a', 'list', 'of', 'items', 'when', 'cache', 'is', 'warm', 'and', 'every',
  'request', 'carries', 'its', 'own', 'trace', 'id', 'so', 'logs', 'can', 'be', 'joined', 'later', 'by', 'support'];

export const pick = (rng, list) => list[Math.floor(rng() * list.length)];
const cap = (word) => word[0].toUpperCase() + word.slice(1);
const sentence = (rng, n) => cap(Array.from({ length: n }, () => pick(rng, PROSE)).join(' ')) + '.';

/** A fake legacy Supabase JWT: base64url JSON header and payload with the given role, random signature. */
export function fakeJwt(rng, role) {
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const ref = Array.from({ length: 20 }, () => pick(rng, 'abcdefghijklmnopqrstuvwxyz'.split(''))).join('');
  const iat = 1700000000 + Math.floor(rng() * 1e7);
  const payload = role === 'authenticated'
    ? { sub: 'user-' + Math.floor(rng() * 1e6), role, iat }
    : { iss: 'supabase', ref, role, iat, exp: iat + 315360000 };
  const sig = Array.from({ length: 43 }, () => pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''))).join('');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.${sig}`;
}

/** Fills `lines` with blocks from `block(k)` until it holds `target` lines, spreading `inserts` evenly between blocks. */
function fill(lines, target, block, inserts) {
  let next = 0;
  for (let k = 0; lines.length < target; k++) {
    if (next < inserts.length && lines.length >= ((next + 1) * target) / (inserts.length + 1)) lines.push(...inserts[next++], '');
    lines.push(...block(k), '');
  }
  while (next < inserts.length) lines.push(...inserts[next++], '');
  return lines.join('\n') + '\n';
}

function codeBlock(rng, s, ts, k) {
  const w = pick(rng, WORDS);
  const i = s.indent;
  const n = Math.floor(rng() * 900) + 10;
  const t = (type) => (ts ? `: ${type}` : '');
  return [
    `export function format${cap(w)}${k}(value${t('number')}, unit${t('string')} = ${s.q}${w}${s.q})${t('string')} {`,
    `${i}if (value > ${n}) {`,
    `${i}${i}return \`\${(value / ${n}).toFixed(2)} \${unit}\`${s.semi}`,
    `${i}}`,
    `${i}const parts = [unit, String(value)]${s.semi}`,
    `${i}return parts.join(${s.q}:${s.q})${s.semi}`,
    '}',
  ];
}

function jsxBlock(rng, s, ts, k) {
  const w = pick(rng, WORDS);
  const i = s.indent;
  return [
    `export function ${cap(w)}Row${k}({ label, count }${!ts ? '' : s.q === '"' ? ': { label: string; count: number }' : ': RowProps'}) {`,
    `${i}const [open, setOpen] = useState(false)${s.semi}`,
    `${i}return (`,
    `${i}${i}<li className=${s.q}row row-${w}${s.q} onClick={() => setOpen(!open)}>`,
    `${i}${i}${i}<span>{label}</span> <strong>{count}</strong>`,
    `${i}${i}${i}{open && <p>${sentence(rng, 6)}</p>}`,
    `${i}${i}</li>`,
    `${i})${s.semi}`,
    '}',
  ];
}

function typeBlock(rng, s, k) {
  const w = pick(rng, WORDS);
  const i = s.indent;
  return [
    `export interface ${cap(w)}Record${k} {`,
    `${i}id: string${s.semi}`,
    `${i}${w}Name: string${s.semi}`,
    `${i}createdAt: Date${s.semi}`,
    `${i}status: ${s.q}active${s.q} | ${s.q}archived${s.q}${s.semi}`,
    `${i}tags?: readonly string[]${s.semi}`,
    '}',
  ];
}

/** Whether a code flavor is TypeScript (types allowed) rather than plain JavaScript. */
export const isTypeScript = (flavor) => !['js', 'jsx', 'mjs'].includes(flavor);

/** A TS/TSX/JS source file: `flavor` is component, hook, service, types, test, js, jsx or mjs. */
export function codeFile(rng, { flavor, style: s, target, supabase, inserts }) {
  const ts = isTypeScript(flavor);
  const lines = [];
  const imp = (what, from) => `import ${what} from ${s.q}${from}${s.q}${s.semi}`;
  if (flavor === 'component' || flavor === 'jsx') lines.push(imp('React, { useState }', 'react'));
  if (flavor === 'hook') lines.push(imp('{ useEffect, useState }', 'react'));
  if (flavor === 'test') lines.push(imp('{ describe, expect, it }', 'vitest'));
  lines.push(supabase && rng() < 0.3 ? imp('{ createClient }', '@supabase/supabase-js') : imp('{ request }', '../lib/http'));
  if (flavor === 'component' && s.q === "'") lines.push('', 'type RowProps = { label: string; count: number }');
  lines.push('');
  const block = flavor === 'types' ? (k) => typeBlock(rng, s, k)
    : flavor === 'component' || flavor === 'jsx' ? (k) => (k % 2 ? codeBlock(rng, s, ts, k) : jsxBlock(rng, s, ts, k))
      : (k) => codeBlock(rng, s, ts, k);
  return fill(lines, target, block, inserts);
}

export function markdownFile(rng, { target, supabase, inserts }) {
  const lines = [`# ${cap(pick(rng, WORDS))} ${pick(rng, WORDS)} guide`, ''];
  const block = (k) => k % 3 === 2
    ? ['```sh', 'npm install', `npm run ${pick(rng, ['dev', 'build', 'test'])}`, '```']
    : [`## ${cap(pick(rng, WORDS))} ${k}`, '', sentence(rng, 14), sentence(rng, 9),
      ...(supabase && k === 1 ? ['Set `VITE_SUPABASE_URL` to the project URL from the dashboard.'] : [])];
  return fill(lines, target, block, inserts);
}

export function workflowFile(rng, { target, supabase }) {
  const lines = [`name: ${cap(pick(rng, WORDS))} CI`, 'on:', '  push:', '    branches: [main]', '  pull_request:', 'jobs:'];
  const block = (k) => [
    `  ${pick(rng, WORDS)}-${k}:`,
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    '      - run: npm ci',
    `      - run: npm run ${pick(rng, ['test', 'lint', 'build'])}`,
    '        env:',
    supabase ? '          VITE_SUPABASE_URL: ${{ secrets.PROJECT_URL }}' : '          VITE_API_URL: ${{ secrets.API_URL }}',
  ];
  return fill(lines, target, block, []).replace(/\n\n/g, '\n');
}

export function jsonFile(rng, { target }) {
  const entries = [];
  for (let k = 0; entries.length < target - 2; k++) {
    entries.push(`  "${pick(rng, WORDS)}.${pick(rng, WORDS)}.${k}": ${JSON.stringify(sentence(rng, 5))}`);
  }
  return `{\n${entries.join(',\n')}\n}\n`;
}

export function envFile(rng, { target, supabase, inserts }) {
  const lines = [`# ${cap(pick(rng, WORDS))} environment`, 'NODE_ENV=development', 'PORT=3000',
    'VITE_API_URL=https://api.example.com', ...(supabase ? ['VITE_SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co'] : [])];
  for (const insert of inserts) lines.push(...insert);
  for (let k = 0; lines.length < target; k++) {
    lines.push(k % 10 === 0 ? `# ${sentence(rng, 5)}` : `FEATURE_${pick(rng, WORDS).toUpperCase()}_${k}=${rng() < 0.5 ? 'true' : 'false'}`);
  }
  return lines.join('\n') + '\n';
}
