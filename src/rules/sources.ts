// The Supabase pages the rules cite, named once: each rule's meta says what a page states that it relies on.
import type { RuleSource } from './rule.js';

interface Page {
  title: string;
  url: string;
  /**
   * YYYY-MM-DD (or YYYY-MM when only the month is known): the day the source states the fact (a merge, an issue or comment, a
   * changelog entry, a post, a commit), or, with `checked`, the day a living page was last read again and still stated it.
   */
  date: string;
  /** A living page (supabase.com/docs, a README, a pinned file whose commit date is not known): `date` is when it was checked. */
  checked?: true;
}

export const PAGES = {
  apiKeys: { title: 'Supabase docs: API keys', url: 'https://supabase.com/docs/guides/api/api-keys', date: '2026-12-07', checked: true },
  migrating: {
    title: 'Supabase docs: Migrating to publishable and secret API keys',
    url: 'https://supabase.com/docs/guides/getting-started/migrating-to-new-api-keys',
    date: '2026-12-07', checked: true,
  },
  migratingGuidePr: {
    title: 'supabase/supabase#46600: the guide for migrating to publishable and secret API keys',
    url: 'https://github.com/supabase/supabase/pull/46600',
    date: '2026-06-03',
  },
  changelog: {
    title: 'Supabase changelog 29260: Upcoming changes to Supabase API Keys',
    url: 'https://supabase.com/changelog/29260-upcoming-changes-to-supabase-api-keys',
    date: '2024-09-12',
  },
  rotateLeaked: { title: 'Supabase docs: Rotate a leaked or compromised API key', url: 'https://supabase.com/docs/guides/security/rotate-leaked-api-keys', date: '2026-12-07', checked: true },
  functionSecrets: { title: 'Supabase docs: Edge Functions environment variables', url: 'https://supabase.com/docs/guides/functions/secrets', date: '2026-12-07', checked: true },
  authHeaders: { title: 'Supabase docs: Edge Functions authorization headers', url: 'https://supabase.com/docs/guides/functions/auth-headers', date: '2026-12-07', checked: true },
  functionConfiguration: { title: 'Supabase docs: Edge Functions function configuration', url: 'https://supabase.com/docs/guides/functions/function-configuration', date: '2026-12-07', checked: true },
  functionDeploy: { title: 'Supabase docs: Deploy Edge Functions to production', url: 'https://supabase.com/docs/guides/functions/deploy', date: '2026-12-07', checked: true },
  invalidJwtIssue: { title: 'supabase/supabase#45993: Invalid JWT', url: 'https://github.com/supabase/supabase/issues/45993', date: '2026-05-15' },
  apiKeyDecisionPr: { title: 'supabase/supabase#49799: docs: add the missing API key decision information', url: 'https://github.com/supabase/supabase/pull/49799', date: '2026-09-01' },
  supabaseJsInvokePr: {
    title: 'supabase/supabase-js#2511: stop sending the API key in the Authorization header for function calls',
    url: 'https://github.com/supabase/supabase-js/pull/2511',
    date: '2026-07-10',
  },
  supabaseJsUnknownKeyPr: {
    title: 'supabase/supabase-js#2526: warn instead of throw for unrecognized sb_ API key subtypes',
    url: 'https://github.com/supabase/supabase-js/pull/2526',
    date: '2026-07-15',
  },
  supabasePyBearerIssue: {
    title: 'supabase/supabase-py#1230: API key in the Authorization header causes PGRST301 with new Supabase keys',
    url: 'https://github.com/supabase/supabase-py/issues/1230',
    date: '2025-09-26',
  },
  cliReservedNames: { title: 'supabase/cli#2236: warn env names with supabase prefix', url: 'https://github.com/supabase/cli/pull/2236', date: '2024-05-03' },
  selfHostedAuthKeys: {
    title: 'Supabase docs: Self-hosting, New API Keys and Asymmetric Authentication',
    url: 'https://supabase.com/docs/guides/self-hosting/self-hosted-auth-keys',
    date: '2026-12-07', checked: true,
  },
  selfHostedCompose: {
    title: 'supabase/supabase: docker/docker-compose.yml (self-hosted Supabase)',
    url: 'https://github.com/supabase/supabase/blob/00069a4c6fe35a6db32b91015dad24f2fe161302/docker/docker-compose.yml',
    date: '2026-12-07', checked: true,
  },
  serverEnvironment: { title: '@supabase/server docs: environment variables', url: 'https://supabase.github.io/server/documents/environment-variables.html', date: '2026-12-07', checked: true },
  authHelpersToSsr: {
    title: 'Supabase docs: Migrating to the SSR package from Auth Helpers',
    url: 'https://supabase.com/docs/guides/auth/server-side/migrating-to-ssr-from-auth-helpers',
    date: '2026-12-07', checked: true,
  },
  authHelpersToSsrSteps: {
    title: 'Supabase docs: How to migrate from Supabase Auth Helpers to the SSR package',
    url: 'https://supabase.com/docs/guides/troubleshooting/how-to-migrate-from-supabase-auth-helpers-to-ssr-package-5NRunM',
    date: '2026-12-07', checked: true,
  },
  authHelpersClientComponent: {
    title: 'supabase/auth-helpers: packages/nextjs/src/clientComponentClient.ts',
    url: 'https://github.com/supabase/auth-helpers/blob/00f681ef0e51ac7daaf17ae87288de89bd847d6c/packages/nextjs/src/clientComponentClient.ts',
    date: '2023-05-31',
  },
  signingKeys: { title: 'Supabase docs: JWT signing keys', url: 'https://supabase.com/docs/guides/auth/signing-keys', date: '2026-12-07', checked: true },
  rotatingJwtSecret: {
    title: 'Supabase docs: Rotating anon, service, and JWT secrets',
    url: 'https://supabase.com/docs/guides/troubleshooting/rotating-anon-service-and-jwt-secrets-1Jq6yd',
    date: '2026-12-07', checked: true,
  },
  getClaims: { title: 'Supabase docs: auth.getClaims() (JavaScript reference)', url: 'https://supabase.com/docs/reference/javascript/auth-getclaims', date: '2026-12-07', checked: true },
  jwtFields: { title: 'Supabase docs: JWT Claims Reference', url: 'https://supabase.com/docs/guides/auth/jwt-fields', date: '2026-12-07', checked: true },
  selfHostingAuth: { title: 'Supabase docs: Self-Hosting Auth', url: 'https://supabase.com/docs/reference/self-hosting-auth/introduction', date: '2026-12-07', checked: true },
  edgeEnvAfterMigration: {
    title: 'supabase/supabase#37648: Edge function environment variables not updated after API key migration',
    url: 'https://github.com/supabase/supabase/issues/37648',
    date: '2025-08-03',
  },
  serverSecurity: { title: '@supabase/server docs: Security', url: 'https://supabase.github.io/server/documents/security.html', date: '2026-12-07', checked: true },
  serverReadme: { title: 'supabase/server: README (@supabase/server v1)', url: 'https://github.com/supabase/server', date: '2026-12-07', checked: true },
  cliSigningKeysFile: { title: 'supabase/cli#4949: db push --db-url fails when signing_keys_path file is missing', url: 'https://github.com/supabase/cli/issues/4949', date: '2026-03-11' },
  storageBearerIssue: {
    title: 'supabase/agent-skills#280: clarify Storage REST authentication with sb_secret keys',
    url: 'https://github.com/supabase/agent-skills/issues/280',
    date: '2026-08-08',
  },
  authBearerIssue: {
    title: 'supabase/supabase-js#1568: cannot authenticate supabase admin / service_role client with new api keys',
    url: 'https://github.com/supabase/supabase-js/issues/1568',
    date: '2025-09-25',
  },
  supabasePyJwtCheckPr: {
    title: 'supabase/supabase-py#1151: remove jwt key validation to allow new api keys',
    url: 'https://github.com/supabase/supabase-py/pull/1151',
    date: '2025-06-20',
  },
  supabaseFlutterPublishableKeyPr: {
    title: 'supabase/supabase-flutter#1360: rename anon key to publishable key, service role key to secret key',
    url: 'https://github.com/supabase/supabase-flutter/pull/1360',
    date: '2026-04-27',
  },
  supabaseFlutterInitialize: {
    title: 'supabase/supabase-flutter: Supabase.initialize in supabase_flutter 2.17.2 (packages/supabase_flutter/lib/src/supabase.dart)',
    url: 'https://github.com/supabase/supabase-flutter/blob/d34329274b7cba71629da1414171737025d9ab5c/packages/supabase_flutter/lib/src/supabase.dart',
    date: '2026-08-14',
  },
  flutterPublishableKeyVersion: {
    title: 'supabase/supabase#46732: docs: couple of random anon leftovers (review: publishable keys since supabase_flutter 2.13.0)',
    url: 'https://github.com/supabase/supabase/pull/46732',
    date: '2026-06-08',
  },
  supabaseCsharpKeysIssue: {
    title: 'supabase/supabase-csharp#237: support publishable key and secret key for SDK operations',
    url: 'https://github.com/supabase/supabase-csharp/issues/237',
    date: '2026-09-11',
  },
  supabaseCsharpKeysPr: {
    title: 'supabase/supabase-csharp#397: support publishable and secret API keys',
    url: 'https://github.com/supabase/supabase-csharp/pull/397',
    date: '2026-12-07', checked: true,
  },
  dotnetSdkV8: { title: 'Supabase blog: Introducing the unified Supabase .NET SDK', url: 'https://supabase.com/blog/introducing-the-unified-supabase-net-sdk', date: '2026-10-19' },
} as const satisfies Record<string, Page>;

export function cite(page: Page, states: string): RuleSource {
  return { title: page.title, url: page.url, states, date: page.date, ...(page.checked ? { checked: true } : {}) };
}
