// tool-export-key: keys, Bearer-sent keys and legacy names in other tools' exports (Postman, Insomnia, n8n), reported with
// where to change them in the tool and never edited (docs/rules/tool-export-key.md).
import { KEYS, ruleTester } from '../helpers/rule-tester.js';

const postman = (header: string, variables = '') =>
  `{\n  "info": { "_postman_id": "1", "name": "api", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },\n` +
  `  "item": [{ "name": "todos", "request": { "method": "GET", "header": [${header}], "url": "https://abcdefghijklmnopqrst.supabase.co/rest/v1/todos" } }],\n` +
  `  "variable": [${variables}]\n}\n`;

ruleTester('tool-export-key', {
  valid: [
    {
      name: "a user's token as Bearer, the key in apikey; JSON that is no tool's export keeps its names to other rules",
      files: {
        'postman/api.postman_collection.json': postman('{ "key": "apikey", "value": "{{publishable_key}}" }, { "key": "Authorization", "value": "Bearer {{access_token}}" }'),
        'data/settings.json': '{ "SUPABASE_ANON_KEY_LABEL": "see the wiki", "supabase": { "key": "{{anon_key}}" } }\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a Postman collection: a Bearer-sent key variable and a service_role JWT in its variables (masked), nothing edited',
      files: { 'postman/api.postman_collection.json': postman('{ "key": "Authorization", "value": "Bearer {{service_role_key}}" }', `{ "key": "service_role_key", "value": "${KEYS.serviceRole}" }`) },
      findings: [
        {
          file: 'postman/api.postman_collection.json',
          line: 3,
          severity: 'warning',
          messageIncludes: 'a Postman collection sends `{{service_role_key}}` as `Authorization: Bearer`: the publishable and secret keys are not JWTs',
        },
        {
          file: 'postman/api.postman_collection.json',
          line: 4,
          messageIncludes: 'the legacy service_role key (`eyJhbGci…[legacy service_role JWT]`) is in a Postman collection, so it has leaked',
        },
      ],
    },
    {
      name: 'an Insomnia export: a secret key as a Bearer token is an error twice (leaked, and refused as Bearer)',
      files: {
        'insomnia.json':
          `{ "_type": "export", "__export_format": 4, "resources": [\n  { "_type": "request", "authentication": { "type": "bearer", "token": "${KEYS.secret}" } }\n] }\n`,
      },
      findings: [
        { file: 'insomnia.json', line: 2, severity: 'error', messageIncludes: 'an Insomnia export sends a new key as `Authorization: Bearer`' },
        { file: 'insomnia.json', line: 2, messageIncludes: 'a secret key (`sb_secret_…[redacted]`) is in an Insomnia export, so it has leaked' },
      ],
    },
    {
      name: "an n8n workflow: a legacy name read from n8n's environment, and each Supabase credential once",
      files: {
        'n8n/sync.json':
          '{ "nodes": [\n  { "type": "n8n-nodes-base.httpRequest", "parameters": { "value": "={{ $env.SUPABASE_ANON_KEY }}" } },\n' +
          '  { "type": "n8n-nodes-base.supabase", "credentials": { "supabaseApi": { "id": "1", "name": "prod" } } },\n' +
          '  { "type": "n8n-nodes-base.supabase", "credentials": { "supabaseApi": { "id": "1", "name": "prod" } } }\n], "connections": {} }\n',
      },
      findings: [
        { file: 'n8n/sync.json', line: 2, severity: 'warning', messageIncludes: '`SUPABASE_ANON_KEY` is a legacy key name in an n8n workflow: rename it `SUPABASE_PUBLISHABLE_KEY` in n8n' },
        { file: 'n8n/sync.json', line: 3, severity: 'info', messageIncludes: 'an n8n workflow uses n8n\'s Supabase credential "prod"' },
      ],
    },
  ],
});
