// Issue 15 item 3: the default preview (the unified diff) printed secret values that sit next to a
// renamed line in forms the old per-kind masks missed. Each case puts one secret within the diff's
// context of a legacy name and asserts that no 12-character piece of it reaches stdout or stderr.
import { afterAll, describe, expect, it } from 'vitest';
import { git, removeTempDirs, runCli, writeTree } from '../helpers/repo.js';
import { fakeJwt, prng } from '../reliability/generate.js';

afterAll(removeTempDirs);

const rng = prng(1515);
const SERVICE_ROLE = fakeJwt(rng, 'service_role');
const ANON = fakeJwt(rng, 'anon');
const B64_JWT = Buffer.from(SERVICE_ROLE).toString('base64');
const [HEAD, PAYLOAD, SIGNATURE] = SERVICE_ROLE.split('.') as [string, string, string];

/** Each case: a file holding one secret beside a legacy name, and the secret. */
const CASES: Record<string, { path: string; text: string; secret: string }> = {
  'an unquoted YAML value': {
    path: 'docker-compose.yml',
    text: 'services:\n  api:\n    environment:\n      JWT_SECRET: yamlSecretQ7w8e9r0t1y2u3\n      SUPABASE_SERVICE_ROLE_KEY: ${SUPABASE_SERVICE_ROLE_KEY}\n',
    secret: 'yamlSecretQ7w8e9r0t1y2u3',
  },
  "a Dockerfile's ENV": {
    path: 'Dockerfile',
    text: 'FROM node:20\nENV JWT_SECRET=dockerSecretA1s2d3f4g5h6j7\nARG VITE_SUPABASE_ANON_KEY\nENV JWT_SECRET_OLD dockerOldSecretZ9x8c7v6b5n4\n',
    secret: 'dockerSecretA1s2d3f4g5h6j7',
  },
  "a Dockerfile's older ENV form": {
    path: 'api/Dockerfile',
    text: 'FROM node:20\nENV JWT_SECRET_OLD dockerOldSecretZ9x8c7v6b5n4\nARG VITE_SUPABASE_ANON_KEY\n',
    secret: 'dockerOldSecretZ9x8c7v6b5n4',
  },
  'a shell export': {
    path: 'scripts/deploy.sh',
    text: '#!/bin/sh\nexport JWT_SECRET=shellSecretP0o9i8u7y6t5r4\ncurl -H "apikey: $SUPABASE_SERVICE_ROLE_KEY" https://example.com\n',
    secret: 'shellSecretP0o9i8u7y6t5r4',
  },
  'Markdown prose': {
    path: 'docs/setup.md',
    text: '# Setup\n\nSet JWT_SECRET=proseSecretM1n2b3v4c5x6z7 in your shell, then\nput SUPABASE_SERVICE_ROLE_KEY in the dashboard.\n',
    secret: 'proseSecretM1n2b3v4c5x6z7',
  },
  'a ?? fallback in code': {
    path: 'src/admin.ts',
    text: 'export const jwtSecret = process.env.JWT_SECRET ?? "fallbackSecretL0k9j8h7g6f5d4";\nexport const admin = process.env.SUPABASE_SERVICE_ROLE_KEY;\n',
    secret: 'fallbackSecretL0k9j8h7g6f5d4',
  },
  'base64 in a Kubernetes Secret': {
    path: 'k8s/secret.yaml',
    text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ndata:\n  jwt: ${B64_JWT}\nstringData:\n  SUPABASE_SERVICE_ROLE_KEY_NAME: SUPABASE_SERVICE_ROLE_KEY\n`,
    secret: B64_JWT,
  },
  'a JWT split across string concatenation': {
    path: 'src/split.ts',
    text: `const key =\n  "${HEAD}." +\n  "${PAYLOAD}." +\n  "${SIGNATURE}";\nexport const admin = process.env.SUPABASE_SERVICE_ROLE_KEY ?? key;\n`,
    secret: SERVICE_ROLE,
  },
  'a quoted anon JWT in a .env file': {
    path: '.env',
    text: `VITE_SUPABASE_ANON_KEY="${ANON}"\n`,
    secret: ANON,
  },
};

/** Every 12-character piece of a value: none may be printed. */
function pieces(value: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 12 <= value.length; i++) out.push(value.slice(i, i + 12));
  return out;
}

function expectNoPiece(output: string, secret: string): void {
  const leaked = pieces(secret).filter((piece) => output.includes(piece));
  expect(leaked, 'pieces of the secret in the output').toEqual([]);
}

describe('the preview never prints a secret that sits beside a renamed line', () => {
  it.each(Object.entries(CASES))('%s', (_name, { path, text, secret }) => {
    const root = writeTree({ [path]: text });
    git(root, 'init', '-q', '-b', 'main');
    const run = runCli(root, [path]);
    expect(run.status).toBe(1);
    // The diff is there and readable: the renamed name shows.
    expect(run.stdout).toMatch(/^\+.*SUPABASE_(SECRET|PUBLISHABLE)_KEY/m);
    expectNoPiece(run.stdout + run.stderr, secret);
    for (const format of ['json', 'sarif', 'github']) expectNoPiece(runCli(root, [path, '-f', format]).stdout, secret);
  });
});
