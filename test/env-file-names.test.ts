// Which files are env files (SPEC §3): `.env`, `.env.*`, `.env-*`, `.env_*`, `env.*`, `*.env`, direnv's `.envrc` and
// Cloudflare's `.dev.vars`, in any folder; not code or data files named like them. And which of them are templates.
import { describe, expect, it } from 'vitest';
import { isEnvTemplate } from '../src/file-kinds/env.js';
import { fileKind } from '../src/file-kinds/index.js';
import { findOutside } from '../src/outside/index.js';
import { planBytes } from './helpers/fixtures.js';

describe('env file names', () => {
  it.each([
    '.env',
    '.env.local',
    'apps/web/.env.production.local',
    '.env-template',
    '.env-example',
    '.env_sample',
    'api/.env_local',
    'env.example',
    'env.local',
    'backend/env.sample',
    'env.production',
    'example.env',
    'sample.env',
    'config/dev.env',
    'app.env',
    'docker/docker.env',
    'app.env.example',
    '.envrc',
    'packages/api/.envrc',
    '.dev.vars',
    '.dev.vars.staging',
  ])('%s is an env file', (path) => expect(fileKind(path)).toBe('env'));

  it.each([
    // Code: its own kind comes first.
    ['.env.server.ts', 'code'],
    ['env.ts', 'code'],
    ['src/env.d.ts', 'code'],
    ['env.mjs', 'code'],
    ['vite.env.d.ts', 'code'],
    // Data and scripts named after env files.
    ['.env.schema.json', 'text'],
    ['env.example.json', 'text'],
    ['.env-schema.json', 'text'],
    ['env.yaml', 'yaml'],
    ['env.sh', 'commands'],
    ['env.py', 'python'],
    ['env.md', 'markdown'],
    // Sources of other languages called env: env.<extension> is not env.<environment>.
    ['lib/env.dart', 'source'],
    ['internal/config/env.go', 'source'],
    ['env.txt', 'text'],
    // env-cmd's rc file is JSON (or JS), not dotenv.
    ['.env-cmdrc', 'text'],
    // Names that only begin with env.
    ['environment.ts', 'code'],
    ['.environment', 'text'],
    ['envoy.yaml', 'yaml'],
  ])('%s is not an env file (%s)', (path, kind) => {
    expect(fileKind(path)).not.toBe('env');
    expect(fileKind(path)).toBe(kind);
  });

  it.each(['.env.example', '.env.sample', '.env.template', '.env.local.example', '.env-example', '.env_sample', '.env-template', 'env.example', 'env.sample', 'example.env', 'sample.env', 'template.env', 'app.env.example', 'config/.env.dist', '.env.defaults'])(
    '%s is a template',
    (path) => expect(isEnvTemplate(path)).toBe(true),
  );

  it.each(['.env', '.env.local', '.env_local', 'env.local', 'dev.env', 'app.env', '.envrc', '.dev.vars', 'examples/.env'])('%s is not a template', (path) =>
    expect(isEnvTemplate(path)).toBe(false),
  );
});

describe('the outside list: the names a host must hold come from env files, not from templates', () => {
  it('lists the names of dev.env and .envrc, not those of .env-example, .env_sample or example.env', () => {
    const env = (path: string, key: string) => ({ path, kind: 'env' as const, text: `${key}=x\n` });
    const outside = findOutside([
      { path: 'vercel.json', kind: 'config', text: '{}\n' },
      env('config/dev.env', 'SUPABASE_ANON_KEY'),
      env('.envrc', 'SUPABASE_SERVICE_ROLE_KEY'),
      env('.env-example', 'NEXT_PUBLIC_SUPABASE_ANON_KEY'),
      env('.env_sample', 'VITE_SUPABASE_ANON_KEY'),
      env('example.env', 'EXPO_PUBLIC_SUPABASE_ANON_KEY'),
    ]);
    expect(outside.map(({ name }) => name).sort()).toEqual(['SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY']);
  });
});

describe('.envrc: direnv shell read with dotenv grammar', () => {
  const envrc = [
    '# direnv',
    'dotenv_if_exists .env.local',
    'source_up',
    'PATH_add bin',
    'export SUPABASE_ANON_KEY',
    'export SUPABASE_URL="http://127.0.0.1:54321"',
    'export SUPABASE_ANON_KEY="your-anon-key"',
    'export NEXT_PUBLIC_SUPABASE_ANON_KEY="$SUPABASE_ANON_KEY"',
    'export SUPABASE_SERVICE_ROLE_KEY=$(op read "op://dev/supabase/service_role_key")',
    'if has supabase; then',
    '  export SUPABASE_DB_URL="$(supabase status -o env | grep DB_URL | cut -d= -f2)"',
    'fi',
    '',
  ].join('\n');

  it('renames the exported names and references, and leaves direnv commands and command substitutions as written', () => {
    expect(planBytes('.envrc', Buffer.from(envrc)).after).toBe(
      envrc.replace(/SUPABASE_ANON_KEY/g, 'SUPABASE_PUBLISHABLE_KEY').replace(/SUPABASE_SERVICE_ROLE_KEY/g, 'SUPABASE_SECRET_KEY'),
    );
  });
});
