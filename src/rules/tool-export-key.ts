// tool-export-key: a key, a Bearer-sent key or a legacy key name in another tool's export — a Postman collection or
// environment, an Insomnia export, an n8n workflow (issue 23). Reported with where to change it; never edited, since the
// tool owns the file and its next export would undo the edit.
import { keyLiterals, shownLiteral, type KeyLiteral } from '../keys/literals.js';
import { isHostedLegacyKey } from '../keys/values.js';
import { decideName, namePattern } from '../keys/names.js';
import { toolExportOf, type ToolExport } from '../file-kinds/tool-exports.js';
import { REVOKE_LEGACY_JWT, REVOKE_LEGACY_JWT_SOURCES } from './leaks.js';
import type { Report, Rule, Severity } from './rule.js';
import { cite, PAGES } from './sources.js';

// A header or auth entry that sends a Bearer token: Postman's and n8n's `{"key"|"name": "Authorization", "value": "Bearer …"}`,
// Postman's bearer auth (`{"key": "token", "value": …}` under `"bearer"`), Insomnia's (`"type": "bearer", … "token": …`).
const BEARER_HEADER = /"(?:key|name)"\s*:\s*"Authorization"\s*,\s*"value"\s*:\s*"=?\s*Bearer\s+([^"]*)"/gi;
const BEARER_AUTH = /"bearer"\s*:\s*\[\s*\{[^\]]*?"key"\s*:\s*"token"\s*,\s*"value"\s*:\s*"([^"]*)"|"type"\s*:\s*"bearer"[^}]*?"token"\s*:\s*"([^"]*)"/gi;
// The Supabase credential an n8n node uses, by its name: `"credentials": { "supabaseApi": { "id": "7", "name": "Supabase account" } }`.
const N8N_CREDENTIAL = /"supabaseApi"\s*:\s*\{[^}]*?"name"\s*:\s*"([^"]*)"/g;
// A variable whose name says it holds an API key (not a user's session token: `access_token`, `jwt`, `user_token`).
const KEY_VARIABLE = /\{\{\s*(?:\$env\.|_\.)?([\w.-]*(?:anon|service[_-]?role|publishable|secret[_-]?key|supabase[_-]?key|api[_-]?key)[\w.-]*)\s*\}\}/i;

export const toolExportKey: Rule = {
  meta: {
    id: 'tool-export-key',
    severity: 'error',
    fix: 'none',
    summary: "a key, a key sent as Bearer or a legacy key name in another tool's export (Postman, Insomnia, n8n)",
    description:
      'Postman collections and environments, Insomnia exports and n8n workflows are files other tools write: an edit here is ' +
      "lost at the next export, so the tool reports what to change there and edits nothing. It reports a key literal by its value (a " +
      'service_role JWT or an sb_secret_… key is an error: committed, it has leaked; a legacy anon JWT is a warning), an API key sent as ' +
      '`Authorization: Bearer` (the new keys are not JWTs: a request that sends one as Bearer is rejected; the key goes in the `apikey` ' +
      'header only), and a legacy key name (`{{SUPABASE_ANON_KEY}}`, `$env.SUPABASE_SERVICE_ROLE_KEY`), with its new name. Bruno ' +
      'collections and `.http` files are plain text people edit: their names are renamed with the env files they read.',
    legacyUse: true,
    blocksRotation: true,
    example: 'a Postman request header  Authorization: Bearer {{service_role_key}}  ->  apikey: {{secret_key}} (changed in Postman, exported again)',
    sources: [
      cite(
        PAGES.apiKeys,
        'You cannot send a publishable or secret key in the Authorization: Bearer header, except if the value exactly equals the apikey header; the request is then rejected as the value is not a JWT.',
      ),
      cite(PAGES.apiKeys, 'Do not add service_role or secret keys to source code or source control.'),
      cite(PAGES.migrating, 'The legacy keys will be deprecated by the end of 2026; use the publishable and secret keys instead.'),
      ...REVOKE_LEGACY_JWT_SOURCES,
    ],
    examples: [
      {
        title: 'A Postman environment that names the legacy anon key (renamed in Postman, then exported again)',
        file: 'postman/dev.postman_environment.json',
        before:
          '{\n  "name": "dev",\n  "values": [\n    { "key": "SUPABASE_URL", "value": "https://abcdefghijklmnopqrst.supabase.co", "enabled": true },\n' +
          '    { "key": "SUPABASE_ANON_KEY", "value": "", "enabled": true }\n  ],\n  "_postman_variable_scope": "environment"\n}\n',
        after:
          '{\n  "name": "dev",\n  "values": [\n    { "key": "SUPABASE_URL", "value": "https://abcdefghijklmnopqrst.supabase.co", "enabled": true },\n' +
          '    { "key": "SUPABASE_PUBLISHABLE_KEY", "value": "", "enabled": true }\n  ],\n  "_postman_variable_scope": "environment"\n}\n',
      },
    ],
  },
  check(file, context) {
    if (file.kind !== 'text') return [];
    const tool = toolExportOf(file.path, file.text);
    if (tool === undefined) return [];
    const reports: Report[] = keyLiterals(file.text).map((literal) => literalReport(literal, tool));
    reports.push(...bearerReports(file.text, tool));
    // n8n's Supabase credential holds its key in n8n, outside the export: where the key is changed.
    const credentials = new Set<string>();
    for (const match of file.text.matchAll(N8N_CREDENTIAL)) {
      const name = match[1] as string;
      // Once per credential: every node that uses it says the same.
      if (credentials.has(name)) continue;
      credentials.add(name);
      reports.push({
        offset: match.index,
        severity: 'info',
        legacyUse: false,
        blocksRotation: false,
        message: `${tool.what} uses n8n's Supabase credential "${name}", which keeps its key in n8n: in n8n (Credentials), give it a secret key (sb_secret_…) in place of a service_role key`,
      });
    }
    for (const match of file.text.matchAll(namePattern(context.map))) {
      const decision = decideName(match[0], context.map);
      if (decision?.kind !== 'rename') continue;
      reports.push({
        offset: match.index,
        severity: 'warning',
        blocksRotation: false,
        message: `\`${decision.name}\` is a legacy key name in ${tool.what}: rename it \`${decision.newName}\` ${tool.where} (and wherever its value is set)`,
      });
    }
    return reports.sort((a, b) => a.offset - b.offset);
  },
};

function literalReport(literal: KeyLiteral, tool: ToolExport): Report {
  const shown = shownLiteral(literal);
  const legacy = isHostedLegacyKey(literal.kind);
  const at = (message: string, severity?: Severity): Report => ({ offset: literal.offset, message, legacyUse: legacy, blocksRotation: legacy, ...(severity && { severity }) });
  switch (literal.kind) {
    case 'legacy-service-role':
      return at(
        `the legacy service_role key (${shown}) is in ${tool.what}, so it has leaked: replace it with a secret key sent in the \`apikey\` header ${tool.where}, ` +
          `keep the value in the tool's secret variables rather than the export, then ${REVOKE_LEGACY_JWT}`,
      );
    case 'legacy-anon':
      return at(`the legacy anon key (${shown}) is in ${tool.what} and stops working when the legacy keys are deactivated: replace it with the publishable key ${tool.where}`, 'warning');
    case 'secret':
      return literal.localDefault
        ? at(`the Supabase CLI's local default secret key is in ${tool.what}: it only works against a local stack`, 'info')
        : at(`a secret key (${shown}) is in ${tool.what}, so it has leaked: delete it under Project Settings → API Keys, create a new one and keep it in the tool's secret variables ${tool.where}`);
    case 'publishable':
      return at(`a publishable key (${shown}) is in ${tool.what}: public by design, but rotating it takes a new export`, 'info');
    case 'legacy-demo':
      return at(`the local CLI's demo JWT (${shown}, iss supabase-demo) is in ${tool.what}: it only works against a local stack`, 'info');
  }
}

/** Bearer headers and auth entries whose token is an API key: a key literal, or a variable named after one. */
function bearerReports(text: string, tool: ToolExport): Report[] {
  const reports: Report[] = [];
  const judge = (value: string, offset: number) => {
    const literal = keyLiterals(value)[0];
    const variable = KEY_VARIABLE.exec(value)?.[1];
    const key = literal ? (isHostedLegacyKey(literal.kind) ? 'a legacy key' : literal.kind === 'publishable' || literal.kind === 'secret' ? 'a new key' : undefined) : variable && `\`{{${variable}}}\``;
    if (key === undefined || key === '') return;
    reports.push({
      offset,
      severity: key === 'a new key' ? 'error' : 'warning',
      legacyUse: false,
      blocksRotation: false,
      message:
        `${tool.what} sends ${key} as \`Authorization: Bearer\`: the publishable and secret keys are not JWTs, and a request that sends one as Bearer ` +
        `is rejected; send the key in the \`apikey\` header only (${tool.where}), and keep Bearer for a user's access token`,
    });
  };
  for (const match of text.matchAll(BEARER_HEADER)) judge(match[1] as string, match.index);
  for (const match of text.matchAll(BEARER_AUTH)) judge((match[1] ?? match[2]) as string, match.index);
  return reports;
}
