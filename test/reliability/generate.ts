// A seeded synthetic repository for the crash and signal tests: hundreds of files the migration changes, gitignored .env.local files among them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

/** A fake legacy JWT of the given role: right shape, fake signature. */
export function fakeJwt(rng: () => number, role: 'anon' | 'service_role'): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const ref = Array.from({ length: 20 }, () => pick(rng, [...'abcdefghijklmnopqrstuvwxyz'])).join('');
  const signature = Array.from({ length: 43 }, () => pick(rng, [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'])).join('');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'supabase', ref, role, iat: 1718000000, exp: 2033576000 })}.${signature}`;
}

const READS = [
  (k: number) => `export const key${k} = import.meta.env.VITE_SUPABASE_ANON_KEY;`,
  (k: number) => `export const secret${k} = process.env.SUPABASE_SERVICE_ROLE_KEY;`,
  (k: number) => `export const bracket${k} = process.env['NEXT_PUBLIC_SUPABASE_ANON_KEY'];`,
  (k: number) => `export const { SUPABASE_URL: url${k}, SUPABASE_ANON_KEY: anon${k} } = process.env;`,
  (k: number) => `// ${k}: reads SUPABASE_SERVICE_ROLE_KEY on the server only`,
  (k: number) => `export const message${k} = 'Set VITE_SUPABASE_ANON_KEY in .env';`,
];

/** Plain code with no legacy name: padding that makes each file a few kilobytes. */
function filler(rng: () => number, k: number): string {
  const n = Math.floor(rng() * 900) + 10;
  return [
    `export function format${k}(value: number, unit = 'item'): string {`,
    `  if (value > ${n}) return \`\${(value / ${n}).toFixed(2)} \${unit}\`;`,
    `  return [unit, String(value)].join(':');`,
    '}',
    '',
  ].join('\n');
}

export interface GeneratedRepo {
  /** Files the migration changes, relative to the root. */
  changed: number;
  /** Gitignored `.env.local` files among them. */
  ignoredEnv: number;
  files: number;
}

/**
 * Writes `changed` files the migration rewrites (a fifth code, a tenth `.env.*`, a tenth gitignored
 * `.env.local`, the rest Markdown, which is cheap to plan) and
 * `unchanged` bystanders under `root`. Deterministic for a seed.
 */
export function generateRepo(root: string, options: { changed: number; unchanged: number; seed?: number }): GeneratedRepo {
  const rng = prng(options.seed ?? 7);
  const made: GeneratedRepo = { changed: 0, ignoredEnv: 0, files: 0 };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    made.files++;
  };
  write('.gitignore', 'node_modules\n*.local\n');
  write('package.json', '{ "name": "crash-fixture", "private": true }\n');
  for (let i = 0; i < options.changed; i++) {
    const dir = `packages/p${Math.floor(i / 40)}/src/area${Math.floor(i / 8) % 5}`;
    const flavor = i % 10;
    if (flavor === 7) {
      // A gitignored local env file with a legacy key and a (fake) legacy JWT.
      write(`${dir}/.env.local`, `# local\nSUPABASE_URL=https://example.supabase.co\nSUPABASE_SERVICE_ROLE_KEY="${fakeJwt(rng, 'service_role')}"\n`);
      made.ignoredEnv++;
    } else if (flavor === 3) {
      write(`${dir}/.env.${i}`, `VITE_SUPABASE_URL=https://example.supabase.co\r\nVITE_SUPABASE_ANON_KEY=${fakeJwt(rng, 'anon')}\r\n`);
    } else if (flavor >= 2) {
      write(`${dir}/notes-${i}.md`, `# Notes ${i}\n\nSet \`VITE_SUPABASE_ANON_KEY\` before running.\n\n${'Lorem ipsum dolor sit amet. '.repeat(40)}\n`);
    } else {
      const lines: string[] = [];
      const size = 8 + Math.floor(rng() * 30);
      for (let k = 0; k < size; k++) lines.push(filler(rng, k));
      lines.splice(Math.floor(rng() * lines.length), 0, (READS[i % READS.length] as (k: number) => string)(i));
      write(`${dir}/file-${i}.${flavor === 0 ? 'ts' : 'tsx'}`, `${i % 4 === 0 ? '\uFEFF' : ''}${lines.join('\n')}\n`);
    }
    made.changed++;
  }
  for (let i = 0; i < options.unchanged; i++) {
    const lines = Array.from({ length: 10 }, (_, k) => filler(rng, k));
    write(`packages/p${i % 5}/lib/util-${i}.ts`, lines.join('\n'));
  }
  return made;
}
