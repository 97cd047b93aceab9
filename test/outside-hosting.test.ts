// Hosting detection from what the repository shows, the steps per renamed name, outsideDone, and step 2 of the checklist.
import { describe, expect, it } from 'vitest';
import { findOutside, markOutsideDone } from '../src/outside/index.js';
import { detectHosts } from '../src/outside/hosting.js';
import { checklist } from '../src/core/checklist.js';
import { parseConfig } from '../src/core/config.js';

const hostsOf = (paths: string[], manifests: { path: string; dependencies: Set<string> }[] = [], files = []) =>
  detectHosts({ paths, manifests }, files).map((host) => host.provider.kind);

const RENAME = { file: 'src/lib/supabase.ts', line: 2, ruleId: 'legacy-env-name', rename: { from: 'VITE_SUPABASE_ANON_KEY', to: 'VITE_SUPABASE_PUBLISHABLE_KEY' } };

describe('hosting detection, by path and dependency only', () => {
  it.each([
    [['vercel.json'], 'vercel'],
    [['.vercel/project.json'], 'vercel'],
    [['netlify.toml'], 'netlify'],
    [['public/_redirects'], 'netlify'],
    [['wrangler.jsonc'], 'cloudflare'],
    [['.dev.vars'], 'cloudflare'],
    [['fly.toml'], 'fly'],
    [['render.yaml'], 'render'],
    [['railway.toml'], 'railway'],
    [['app.yaml'], 'app-engine'],
    [['Procfile'], 'heroku'],
    [['Dockerfile'], 'docker'],
    [['deploy/docker-compose.prod.yml'], 'docker'],
    [['eas.json'], 'eas'],
  ])('%j shows %s', (paths, kind) => expect(hostsOf(paths)).toEqual([kind]));

  it('a @vercel/* dependency or a vercel script shows Vercel; nothing else does', () => {
    expect(hostsOf([], [{ path: 'package.json', dependencies: new Set(['@vercel/analytics']) }])).toEqual(['vercel']);
    const scripts = { path: 'package.json', kind: 'config' as const, text: '{ "scripts": { "deploy": "vercel deploy --prod" } }' };
    expect(detectHosts({ paths: [], manifests: [] }, [scripts]).map((host) => host.provider.kind)).toEqual(['vercel']);
    expect(hostsOf(['src/vercel.ts', 'docs/netlify.md', 'my-app.yaml', 'Procfile.md'])).toEqual([]);
  });
});

describe('the steps per renamed name', () => {
  it('one Vercel step per renamed name, with the command and no value', () => {
    const outside = findOutside([], { paths: ['vercel.json'], renames: [RENAME] });
    expect(outside).toEqual([
      expect.objectContaining({
        kind: 'vercel',
        name: 'VITE_SUPABASE_ANON_KEY',
        newName: 'VITE_SUPABASE_PUBLISHABLE_KEY',
        file: 'vercel.json',
        command: 'vercel env add VITE_SUPABASE_PUBLISHABLE_KEY production',
      }),
    ]);
    expect(outside[0]?.action).toContain('add VITE_SUPABASE_PUBLISHABLE_KEY (Production, Preview, Development) with the publishable key; remove VITE_SUPABASE_ANON_KEY after the deploy');
  });

  it('placeholders stand for values in the commands that take one', () => {
    const secret = { ...RENAME, rename: { from: 'SUPABASE_SERVICE_ROLE_KEY', to: 'SUPABASE_SECRET_KEY' } };
    const commands = findOutside([], { paths: ['fly.toml', 'netlify.toml', 'Procfile'], renames: [secret] }).map((o) => o.command);
    expect(commands.sort()).toEqual([
      'fly secrets set SUPABASE_SECRET_KEY=<secret key>',
      'heroku config:set SUPABASE_SECRET_KEY=<secret key>',
      'netlify env:set SUPABASE_SECRET_KEY <secret key>',
    ]);
  });

  it('no host in sight: one "wherever" step per renamed name, at the place it is read; not for docs or Edge Function runtime names', () => {
    const outside = findOutside([], {
      paths: ['src/lib/supabase.ts'],
      renames: [
        RENAME,
        { ...RENAME, line: 9 },
        { ...RENAME, file: 'README.md', rename: { from: 'NEXT_PUBLIC_SUPABASE_ANON_KEY', to: 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY' } },
        { ...RENAME, ruleId: 'edge-function-env', rename: { from: 'SUPABASE_ANON_KEY', to: 'SUPABASE_PUBLISHABLE_KEY' } },
      ],
    });
    expect(outside.map(({ kind, name, file, line }) => ({ kind, name, file, line }))).toEqual([
      { kind: 'environment', name: 'VITE_SUPABASE_ANON_KEY', file: 'src/lib/supabase.ts', line: 2 },
    ]);
    expect(outside[0]?.action).toMatch(/^Wherever this app's environment is configured \(hosting dashboard, CI, teammates' \.env files\): add VITE_SUPABASE_PUBLISHABLE_KEY/);
  });

  it('a workflow secret: gh secret set with the new name', () => {
    const workflow = { path: '.github/workflows/ci.yml', kind: 'yaml' as const, text: 'env:\n  K: ${{ secrets.VITE_SUPABASE_ANON_KEY }}\n  U: ${{ vars.SUPABASE_ANON_KEY }}\n' };
    expect(findOutside([workflow]).map((o) => o.command)).toEqual(['gh secret set VITE_SUPABASE_PUBLISHABLE_KEY', 'gh variable set SUPABASE_PUBLISHABLE_KEY']);
  });
});

describe('outsideDone', () => {
  it('marks the steps it names (by the new name, or <kind>:*)', () => {
    const outside = findOutside([], { paths: ['vercel.json', 'fly.toml'], renames: [RENAME] });
    expect(markOutsideDone(outside, ['vercel:VITE_SUPABASE_PUBLISHABLE_KEY']).map((o) => [o.kind, o.done ?? false])).toEqual([
      ['fly', false],
      ['vercel', true],
    ]);
    expect(markOutsideDone(outside, ['fly:*']).filter((o) => o.done).map((o) => o.kind)).toEqual(['fly']);
  });

  it('is validated in the configuration', () => {
    expect(parseConfig({ outsideDone: ['vercel:VITE_SUPABASE_PUBLISHABLE_KEY', 'github-secret:*'] }, 'c').outsideDone).toHaveLength(2);
    expect(() => parseConfig({ outsideDone: ['Vercel VITE_SUPABASE_PUBLISHABLE_KEY'] }, 'c')).toThrow(/outsideDone/);
    expect(() => parseConfig({ outsideDone: 'vercel:X' }, 'c')).toThrow(/outsideDone/);
  });
});

describe('checklist step 2', () => {
  const step2 = (outside: number, outsideDone?: number) =>
    checklist({ findings: [], keyValues: { publishable: 0, secret: 0, legacy: 0 }, supplied: {}, outside, ...(outsideDone !== undefined && { outsideDone }) }).find((step) => step.step === 2);

  it('is never done while steps outside remain', () => {
    expect(step2(2)).toMatchObject({ status: 'todo', detail: expect.stringMatching(/^done in the repository; 2 places outside to update/) });
    expect(step2(2, 1)).toMatchObject({ status: 'todo', detail: expect.stringMatching(/^done in the repository; 1 place outside to update/) });
  });

  it('is done when the repository is and every step outside is recorded done', () => {
    expect(step2(2, 2)).toMatchObject({ status: 'done', detail: expect.stringContaining('recorded done') });
    expect(step2(0)?.status).toBe('done');
  });
});
