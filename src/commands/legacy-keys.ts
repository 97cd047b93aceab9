// `migrate-keys legacy-keys`: whether the legacy keys are on; --disable only when nothing here uses them; --enable.
import type { Io } from './io.js';
import { legacyKeysEnabled, setLegacyKeysEnabled } from '../supabase/management/api.js';
import { ManagementError } from '../supabase/management/errors.js';
import { blocks, inventoryLine, legacyUse, legacyUseLines, type LegacyUse } from './gate.js';
import { ManagementClient } from '../supabase/management/http.js';
import { formatOf, output, type Output } from './output.js';
import { repositoryRefs, resolveProjectRef } from '../supabase/management/project-ref.js';

export interface LegacyKeysFlags {
  projectRef?: string;
  disable?: boolean;
  enable?: boolean;
  force?: boolean;
  format?: unknown;
  /** The main command's --config and --rule, which the gate uses as --check does. */
  config?: string;
  rule?: string[];
}

export async function legacyKeysCommand(io: Io, flags: LegacyKeysFlags): Promise<number> {
  const print = output(io, formatOf(flags.format));
  if (flags.disable && flags.enable) throw new ManagementError('--disable and --enable cannot be used together');
  if (flags.force && !flags.disable) throw new ManagementError('--force only applies to --disable');
  const client = new ManagementClient({ env: io.env });
  const project = await resolveProjectRef(io.cwd, flags.projectRef);
  const { ref } = project;
  const report = (fields: Record<string, unknown>) =>
    print.json({ project: ref, projectSource: project.source, changed: false, refused: false, forced: false, legacyUse: [], unanalysed: [], ...fields });

  if (flags.enable) {
    await setLegacyKeysEnabled(client, ref, true);
    if (print.format === 'json') report({ action: 'enable', enabled: true, changed: true });
    else print.out(`The legacy API keys (anon, service_role) of project ${ref} are enabled.\n`);
    return 0;
  }

  if (!flags.disable) {
    const enabled = await legacyKeysEnabled(client, ref);
    if (print.format === 'json') {
      report({ action: 'status', enabled });
      return 0;
    }
    print.out(`The legacy API keys (anon, service_role) of project ${ref} are ${enabled ? 'enabled' : 'disabled'}.\n`);
    print.out(
      enabled
        ? 'Disable them once nothing uses them: migrate-keys legacy-keys --disable (it checks this repository first; --enable rolls back).\n'
        : 'Turn them back on with: migrate-keys legacy-keys --enable\n',
    );
    return 0;
  }

  const use = await legacyUse({ root: io.cwd, config: flags.config, rules: flags.rule ?? [] });
  const found = [...(await repositoryRefs(io.cwd))];
  if (found.length > 0 && !found.includes(ref)) {
    print.err(`migrate-keys: warning: this repository points at ${found.join(', ')}, not ${ref}: only this repository was checked\n`);
  }
  if (use.suppressed > 0) {
    print.err(`migrate-keys: warning: ${use.suppressed} finding(s) of legacy use are suppressed with migrate-keys-ignore and were not counted\n`);
  }
  const blocking = blocks(use);
  if (blocking > 0 && !flags.force) {
    if (print.format === 'json') report({ action: 'disable', enabled: null, refused: true, ...useFields(use) });
    else {
      print.err(
        `migrate-keys: refusing to disable the legacy API keys of project ${ref}: ${blocking} place(s) in this repository still use them:\n` +
          legacyUseLines(use).join('\n') +
          `\n${inventoryLine(use)}\n` +
          'Migrate them first (migrate-keys --write; migrate-keys --check must pass), or pass --force to disable anyway.\n',
      );
    }
    return 1;
  }
  if (blocking > 0) {
    print.err(
      `migrate-keys: warning: --force: disabling the legacy API keys of project ${ref} although ${blocking} place(s) in this repository still use them:\n` +
        legacyUseLines(use).join('\n') +
        `\n${inventoryLine(use)}\n`,
    );
  }
  const wasEnabled = await legacyKeysEnabled(client, ref);
  if (wasEnabled) await setLegacyKeysEnabled(client, ref, false);
  if (print.format === 'json') report({ action: 'disable', enabled: false, changed: wasEnabled, forced: blocking > 0, ...useFields(use) });
  else printDisabled(print, ref, wasEnabled);
  return 0;
}

function printDisabled(print: Output, ref: string, changed: boolean): void {
  print.out(
    changed
      ? `The legacy API keys (anon, service_role) of project ${ref} are disabled.\n`
      : `The legacy API keys (anon, service_role) of project ${ref} were already disabled.\n`,
  );
  print.out('anon and service_role were disabled together (one switch): every client still sending the anon key and every server still sending the service_role key now fails.\n');
  print.out(
    `Roll back at once with: migrate-keys legacy-keys --enable --project-ref ${ref} (or Dashboard → Project Settings → API Keys → Legacy API keys: re-enable)\n`,
  );
  print.out('Only this repository was checked: other apps, CI secrets and hosting variables that still hold a legacy key now fail.\n');
}

function useFields(use: LegacyUse): Record<string, unknown> {
  return {
    legacyUse: use.findings.map(({ ruleId, severity, file, line, column, message }) => ({ ruleId, severity, file, line, column, message })),
    unanalysed: use.failed,
  };
}
