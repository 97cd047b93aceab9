// Edge Function building blocks: config.toml edits byte for byte, and deploy commands in every script kind.
import { describe, expect, it } from 'vitest';
import { readProjectConfig, verifyJwtOffEdit } from '../src/supabase/edge/config-toml.js';
import { findDeployCommands } from '../src/supabase/edge/deploys.js';
import { applyEdits } from '../src/core/splice.js';

function turnOff(text: string, slug: string): string {
  const edit = verifyJwtOffEdit(text, slug, readProjectConfig(text).functions.get(slug));
  return edit ? applyEdits(text, [edit]) : text;
}

describe('verify_jwt = false in config.toml', () => {
  it.each([
    ['replaces an explicit value, keeping the comment', '[functions.a]\nverify_jwt = true # on\n', '[functions.a]\nverify_jwt = false # on\n'],
    ['adds the key under an existing table, CRLF kept', '# x\r\n[functions.a]\r\nentrypoint = "./functions/a/main.ts"\r\n', '# x\r\n[functions.a]\r\nverify_jwt = false\r\nentrypoint = "./functions/a/main.ts"\r\n'],
    ['appends a table after a final newline', '[api]\nport = 1\n', '[api]\nport = 1\n\n[functions.a-b]\nverify_jwt = false\n'],
    ['appends a table without a final newline', '[api]\nport = 1', '[api]\nport = 1\n\n[functions.a-b]\nverify_jwt = false\n'],
    ['adds the key to a table header on the last line', '[functions.a]', '[functions.a]\nverify_jwt = false\n'],
  ])('%s', (_what, input, output) => {
    const slug = input.includes('[functions.a]') ? 'a' : 'a-b';
    expect(turnOff(input, slug)).toBe(output);
    expect(readProjectConfig(output).functions.get(slug)?.verifyJwt?.value).toBe(false);
    expect(turnOff(output, slug)).toBe(output);
  });

  it('reads dotted keys and inline tables, and reports invalid TOML', () => {
    const config = readProjectConfig('[functions]\na.verify_jwt = false\nb = { verify_jwt = false, entrypoint = "./x.ts" }\n');
    expect(config.functions.get('a')?.verifyJwt?.value).toBe(false);
    expect(config.functions.get('b')).toMatchObject({ verifyJwt: { value: false }, entrypoint: './x.ts' });
    expect(readProjectConfig('[functions.a\nverify_jwt = ').error).toBeDefined();
  });
});

describe('supabase functions deploy', () => {
  it.each([
    ['package.json script', '"deploy": "supabase functions deploy hello world --project-ref abc"', ['hello', 'world'], false],
    ['workflow run step with the flag', '      - run: npx supabase functions deploy --no-verify-jwt --project-ref "$REF"', [], true],
    ['Makefile recipe without the flag', 'deploy:\n\tsupabase functions deploy cron --workdir apps/web', ['cron'], false],
    ['shell script with the flag', 'pnpm dlx supabase functions deploy hello --no-verify-jwt && echo done', ['hello'], true],
    ['flag with a value', 'supabase functions deploy hello --no-verify-jwt=true --import-map ./map.json', ['hello'], true],
  ])('%s', (_what, text, names, noVerifyJwt) => {
    const [command] = findDeployCommands(text);
    expect(command).toMatchObject({ names, noVerifyJwt });
  });

  it('keeps the --workdir and ignores other supabase commands', () => {
    expect(findDeployCommands('supabase functions deploy --workdir=apps/admin/ report')[0]).toMatchObject({ workdir: 'apps/admin', names: ['report'] });
    expect(findDeployCommands('supabase functions serve hello\nsupabase db push')).toEqual([]);
  });
});
