// Writes a seeded, deterministic synthetic monorepo of N files for the benchmark; prints its manifest as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { STYLES, codeFile, envFile, fakeJwt, isTypeScript, jsonFile, markdownFile, pick, workflowFile } from './content.mjs';
import { DECOYS, LEGACY } from './shapes.mjs';

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [weight, flavor, extension, kind the tool reads it as (or null), chance of a legacy use]
const FLAVORS = [
  [26, 'component', '.tsx', 'code', 0.03], [10, 'hook', '.ts', 'code', 0.03], [12, 'service', '.ts', 'code', 0.03],
  [6, 'types', '.ts', 'code', 0.03], [6, 'test', '.test.ts', 'code', 0.03], [5, 'js', '.js', 'code', 0.03],
  [3, 'jsx', '.jsx', 'code', 0.03], [2, 'mjs', '.mjs', 'code', 0.03], [9, 'json', '.json', null, 0],
  [9, 'markdown', '.md', 'markdown', 0.03], [4, 'workflow', '.yml', null, 0], [1.5, 'env', '', 'env', 0.35],
];
// Issue 22's shape: an app that uses Supabase everywhere — TypeScript modules that start with imports, JSON and
// Markdown, a root .env with legacy names, and no skipped folders.
const APP_FLAVORS = [
  [30, 'component', '.tsx', 'code', 0.03], [25, 'service', '.ts', 'code', 0.03], [15, 'hook', '.ts', 'code', 0.03],
  [10, 'types', '.ts', 'code', 0.03], [10, 'json', '.json', null, 0], [10, 'markdown', '.md', 'markdown', 0.03],
];
const AREAS = ['components', 'hooks', 'services', 'lib', 'pages', 'types', 'utils', 'features', 'api', 'store'];
const PACKAGES = ['web', 'admin', 'mobile', 'billing', 'auth', 'search', 'ui', 'core', 'analytics', 'mailer'];
const ENV_NAMES = ['.env', '.env.example', '.env.local', '.env.development', '.env.production', '.env.test', '.env.staging'];
const FILES_PER_DIR = 40;
const DIRS_PER_PACKAGE = 20;

/**
 * Writes `count` files under `root`; returns how many, their bytes, and how many (and how many code files) the tool
 * should flag. `shape`: 'monorepo' (the default: every file kind, skipped folders) or 'app' (issue 22).
 */
export function generate(root, { count, supabase = true, seed = 42, shape = 'monorepo' }) {
  const flavors = shape === 'app' ? APP_FLAVORS : FLAVORS;
  const rng = prng(seed);
  const made = new Set();
  const manifest = { files: 0, bytes: 0, legacyFiles: 0, legacyCodeFiles: 0, supabase };
  const write = (path, text) => {
    const full = join(root, path);
    const dir = dirname(full);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(full, text);
    manifest.files++;
    manifest.bytes += Buffer.byteLength(text);
  };
  const scrub = (text) => (supabase ? text : text.replace(/SUPABASE_/g, 'PAYMENTS_'));

  write('.gitignore', 'node_modules/\ndist/\n*.log\n');
  if (shape === 'app') {
    write('.env', scrub(`VITE_SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co\nVITE_SUPABASE_ANON_KEY=${fakeJwt(rng, 'anon')}\nSUPABASE_SERVICE_ROLE_KEY=${fakeJwt(rng, 'service_role')}\n`));
    if (supabase) manifest.legacyFiles++;
  } else write('debug.log', scrub('warn: VITE_SUPABASE_ANON_KEY missing\n'));
  const extras = shape === 'app' ? 0 : Math.max(3, Math.round(count * 0.03));
  const main = count - manifest.files - extras;
  const envInDir = new Map();
  for (let j = 0; j < main; j++) {
    const group = Math.floor(j / FILES_PER_DIR);
    const pkg = `packages/${PACKAGES[Math.floor(group / DIRS_PER_PACKAGE) % PACKAGES.length]}-${Math.floor(group / DIRS_PER_PACKAGE)}`;
    const sub = group % DIRS_PER_PACKAGE;
    const dir = `${pkg}/src/${AREAS[sub % AREAS.length]}${sub >= AREAS.length ? `-${Math.floor(sub / AREAS.length)}` : ''}`;
    const [, flavor, ext, kind, legacyChance] = chooseFlavor(rng, flavors);
    const word = pick(rng, ['order', 'user', 'invoice', 'profile', 'team', 'project', 'report', 'cart', 'session']);
    const style = pick(rng, STYLES);
    const target = 50 + Math.floor(rng() * 251);
    const legacy = supabase && rng() < legacyChance;
    const decoy = !legacy && rng() < 0.03;
    const ts = isTypeScript(flavor);
    const shapeKind = flavor === 'types' ? 'types' : kind;
    const inserts = legacy ? chooseShapes(rng, LEGACY[shapeKind], shapeKind === 'types' ? LEGACY.code : [], style, j, ts)
      : decoy && kind ? chooseShapes(rng, [...DECOYS[kind], ...(supabase ? DECOYS.supabase[kind] : [])], [], style, j, ts) : [];
    if (legacy) manifest.legacyFiles++;
    if (legacy && kind === 'code') manifest.legacyCodeFiles++;
    const options = { flavor, style, target, supabase, inserts };
    if (flavor === 'env') {
      const n = envInDir.get(dir) ?? 0;
      envInDir.set(dir, n + 1);
      write(`${dir}/${n < ENV_NAMES.length ? ENV_NAMES[n] : `.env.preview${n}`}`, envFile(rng, options));
    } else if (flavor === 'workflow') write(`${pkg}/.github/workflows/${word}-${j}${ext}`, workflowFile(rng, options));
    else if (flavor === 'json') write(`${dir}/${word}-${j}${ext}`, jsonFile(rng, options));
    else if (flavor === 'markdown') write(`${dir}/${word}-${j}${ext}`, markdownFile(rng, options));
    else write(`${dir}/${fileName(flavor, word, j)}${ext}`, codeFile(rng, options));
    if (shape !== 'app' && sub === 0 && j % FILES_PER_DIR === 0) write(`${pkg}/.gitignore`, 'generated/\n');
  }
  // Skipped by the tool (node_modules, build output, a nested .gitignore) yet full of legacy names.
  const leak = (k) => scrub(`export const key${k} = process.env.SUPABASE_SERVICE_ROLE_KEY;\nconst token = '${fakeJwt(rng, 'anon')}';\n`);
  for (let k = 0; manifest.files < count; k++) {
    const where = k % 3 === 0 ? `node_modules/lib-${k % 50}/index-${k}.js` : k % 3 === 1
      ? `packages/${PACKAGES[0]}-0/dist/assets/index-${k}.js` : `packages/${PACKAGES[0]}-0/generated/api-${k}.ts`;
    write(where, leak(k).repeat(25));
  }
  return manifest;
}

function chooseFlavor(rng, flavors) {
  let r = rng() * flavors.reduce((sum, f) => sum + f[0], 0);
  for (const flavor of flavors) if ((r -= flavor[0]) < 0) return flavor;
  return flavors[flavors.length - 1];
}

/** One to three distinct shapes from `first` (at least one) and `more`, as lines. */
function chooseShapes(rng, first, more, style, k, ts) {
  const pool = [...first].sort(() => rng() - 0.5);
  const chosen = [pool[0], ...[...pool.slice(1), ...more].filter(() => rng() < 0.4).slice(0, 2)];
  return chosen.map((shape) => shape(rng, style, k, ts));
}

function fileName(flavor, word, j) {
  const Word = word[0].toUpperCase() + word.slice(1);
  if (flavor === 'component' || flavor === 'jsx') return `${Word}Panel${j}`;
  if (flavor === 'hook') return `use${Word}${j}`;
  if (flavor === 'types') return `${word}${j}.types`;
  if (flavor === 'service') return `${word}Service${j}`;
  return `${word}${j}`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root, count = '1000'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!root) throw new Error('usage: node bench/generate.mjs <dir> [count] [--no-supabase] [--app] [--seed=N]');
  const seed = Number(process.argv.find((a) => a.startsWith('--seed='))?.slice(7) ?? 42);
  const started = performance.now();
  const shape = process.argv.includes('--app') ? 'app' : 'monorepo';
  const manifest = generate(root, { count: Number(count), supabase: !process.argv.includes('--no-supabase'), seed, shape });
  console.log(JSON.stringify({ ...manifest, ms: Math.round(performance.now() - started) }));
}
