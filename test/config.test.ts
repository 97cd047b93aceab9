// The configuration file and --rule: found, validated with clear errors, and applied.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../src/core/config.js';
import { removeTempDirs, runCli, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

describe('parseConfig', () => {
  it('accepts map, ignore and rules', () => {
    const config = parseConfig(
      { map: { SUPABASE_KEY: 'SUPABASE_PUBLISHABLE_KEY' }, ignore: ['legacy/**'], rules: { 'legacy-key-value': 'off' } },
      'x.json',
    );
    expect(config).toMatchObject({ map: { SUPABASE_KEY: 'SUPABASE_PUBLISHABLE_KEY' }, ignore: ['legacy/**'], rules: { 'legacy-key-value': 'off' } });
  });

  it.each([
    [[], '(top level): expected an object'],
    [{ mapp: {} }, 'mapp: unknown setting'],
    [{ map: { 'NOT A NAME': 'X' } }, 'map.NOT A NAME: not a variable name'],
    [{ map: { A: 3 } }, 'map.A: expected a variable name'],
    [{ ignore: 'src' }, 'ignore: expected an array of glob strings'],
    [{ rules: { 'no-such-rule': 'off' } }, 'rules.no-such-rule: unknown rule id'],
    [{ rules: { 'legacy-env-name': 'fatal' } }, 'rules.legacy-env-name: expected "off", "info", "warning" or "error"'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseConfig(raw, 'migrate-keys.config.json')).toThrow(`migrate-keys.config.json: ${message}`);
  });

  it('reads the "migrateKeys" key of package.json when there is no config file', () => {
    const root = writeTree({ 'package.json': JSON.stringify({ name: 'x', migrateKeys: { ignore: ['vendor/**'] } }) });
    expect(loadConfig(root).ignore).toEqual(['vendor/**']);
  });
});

describe('configuration on the command line', () => {
  const files = {
    'src/a.ts': 'export const k = process.env.SUPABASE_ANON_KEY\n',
    'legacy/b.ts': 'export const k = process.env.SUPABASE_SERVICE_ROLE_KEY\n',
  };

  it('applies map, ignore and rule settings from the config file, and --rule over it', () => {
    const root = writeTree({
      ...files,
      'migrate-keys.config.json': JSON.stringify({ ignore: ['legacy/'], rules: { 'legacy-env-name': 'warning' } }),
    });
    const check = runCli(root, ['--check', '--format', 'json']);
    expect(check.status).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(report.findings.map((f: { file: string; severity: string }) => [f.file, f.severity])).toEqual([['src/a.ts', 'warning']]);
    expect(runCli(root, ['--check', '--max-warnings', '0']).status).toBe(1);
    expect(runCli(root, ['--check', '--rule', 'legacy-env-name=error']).status).toBe(1);
    expect(runCli(root, ['--check', '--rule', 'legacy-env-name=off']).status).toBe(0);
  });

  it('exits 2 with a clear message for a broken config file or --rule', () => {
    const root = writeTree(files);
    writeFileSync(join(root, 'migrate-keys.config.json'), '{ "rules": ');
    const broken = runCli(root, ['--check']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('migrate-keys.config.json: not valid JSON');
    expect(runCli(root, ['--check', '--config', 'missing.json']).stderr).toContain('missing.json: cannot read it (ENOENT)');
    const badRule = runCli(writeTree(files), ['--check', '--rule', 'legacy-env-name=loud']);
    expect(badRule.status).toBe(2);
    expect(badRule.stderr).toContain('--rule legacy-env-name=loud: expected "off", "info", "warning" or "error"');
  });
});
