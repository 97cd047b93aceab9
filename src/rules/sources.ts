// The Supabase pages the rules cite, named once: each rule's meta says what a page states that it relies on.
import type { RuleSource } from './rule.js';

interface Page {
  title: string;
  url: string;
}

export const PAGES = {
  apiKeys: { title: 'Supabase docs: API keys', url: 'https://supabase.com/docs/guides/api/api-keys' },
  migrating: {
    title: 'Supabase docs: Migrating to publishable and secret API keys',
    url: 'https://supabase.com/docs/guides/getting-started/migrating-to-new-api-keys',
  },
  migratingGuidePr: {
    title: 'supabase/supabase#46600: the guide for migrating to publishable and secret API keys',
    url: 'https://github.com/supabase/supabase/pull/46600',
  },
  changelog: {
    title: 'Supabase changelog 29260: Upcoming changes to Supabase API Keys',
    url: 'https://supabase.com/changelog/29260-upcoming-changes-to-supabase-api-keys',
  },
  rotateLeaked: { title: 'Supabase docs: Rotate a leaked or compromised API key', url: 'https://supabase.com/docs/guides/security/rotate-leaked-api-keys' },
  functionSecrets: { title: 'Supabase docs: Edge Functions environment variables', url: 'https://supabase.com/docs/guides/functions/secrets' },
  authHeaders: { title: 'Supabase docs: Edge Functions authorization headers', url: 'https://supabase.com/docs/guides/functions/auth-headers' },
  functionConfiguration: { title: 'Supabase docs: Edge Functions function configuration', url: 'https://supabase.com/docs/guides/functions/function-configuration' },
  functionDeploy: { title: 'Supabase docs: Deploy Edge Functions to production', url: 'https://supabase.com/docs/guides/functions/deploy' },
  invalidJwtIssue: { title: 'supabase/supabase#45993: Invalid JWT', url: 'https://github.com/supabase/supabase/issues/45993' },
  apiKeyDecisionPr: { title: 'supabase/supabase#49799: docs: add the missing API key decision information', url: 'https://github.com/supabase/supabase/pull/49799' },
  supabaseJsInvokePr: {
    title: 'supabase/supabase-js#2511: stop sending the API key in the Authorization header for function calls',
    url: 'https://github.com/supabase/supabase-js/pull/2511',
  },
  supabaseJsUnknownKeyPr: {
    title: 'supabase/supabase-js#2526: warn instead of throw for unrecognized sb_ API key subtypes',
    url: 'https://github.com/supabase/supabase-js/pull/2526',
  },
  supabasePyBearerIssue: {
    title: 'supabase/supabase-py#1230: API key in the Authorization header causes PGRST301 with new Supabase keys',
    url: 'https://github.com/supabase/supabase-py/issues/1230',
  },
  cliReservedNames: { title: 'supabase/cli#2236: warn env names with supabase prefix', url: 'https://github.com/supabase/cli/pull/2236' },
  selfHostedAuthKeys: {
    title: 'Supabase docs: Self-hosting, New API Keys and Asymmetric Authentication',
    url: 'https://supabase.com/docs/guides/self-hosting/self-hosted-auth-keys',
  },
  selfHostedCompose: {
    title: 'supabase/supabase: docker/docker-compose.yml (self-hosted Supabase)',
    url: 'https://github.com/supabase/supabase/blob/00069a4c6fe35a6db32b91015dad24f2fe161302/docker/docker-compose.yml',
  },
  serverEnvironment: { title: '@supabase/server docs: environment variables', url: 'https://supabase.github.io/server/documents/environment-variables.html' },
  authHelpersToSsr: {
    title: 'Supabase docs: Migrating to the SSR package from Auth Helpers',
    url: 'https://supabase.com/docs/guides/auth/server-side/migrating-to-ssr-from-auth-helpers',
  },
  authHelpersToSsrSteps: {
    title: 'Supabase docs: How to migrate from Supabase Auth Helpers to the SSR package',
    url: 'https://supabase.com/docs/guides/troubleshooting/how-to-migrate-from-supabase-auth-helpers-to-ssr-package-5NRunM',
  },
  authHelpersClientComponent: {
    title: 'supabase/auth-helpers: packages/nextjs/src/clientComponentClient.ts',
    url: 'https://github.com/supabase/auth-helpers/blob/00f681ef0e51ac7daaf17ae87288de89bd847d6c/packages/nextjs/src/clientComponentClient.ts',
  },
  signingKeys: { title: 'Supabase docs: JWT signing keys', url: 'https://supabase.com/docs/guides/auth/signing-keys' },
  rotatingJwtSecret: {
    title: 'Supabase docs: Rotating anon, service, and JWT secrets',
    url: 'https://supabase.com/docs/guides/troubleshooting/rotating-anon-service-and-jwt-secrets-1Jq6yd',
  },
  getClaims: { title: 'Supabase docs: auth.getClaims() (JavaScript reference)', url: 'https://supabase.com/docs/reference/javascript/auth-getclaims' },
  edgeEnvAfterMigration: {
    title: 'supabase/supabase#37648: Edge function environment variables not updated after API key migration',
    url: 'https://github.com/supabase/supabase/issues/37648',
  },
  serverSecurity: { title: '@supabase/server docs: Security', url: 'https://supabase.github.io/server/documents/security.html' },
  serverReadme: { title: 'supabase/server: README (@supabase/server v1)', url: 'https://github.com/supabase/server' },
  cliSigningKeysFile: { title: 'supabase/cli#4949: db push --db-url fails when signing_keys_path file is missing', url: 'https://github.com/supabase/cli/issues/4949' },
  storageBearerIssue: {
    title: 'supabase/agent-skills#280: clarify Storage REST authentication with sb_secret keys',
    url: 'https://github.com/supabase/agent-skills/issues/280',
  },
  authBearerIssue: {
    title: 'supabase/supabase-js#1568: cannot authenticate supabase admin / service_role client with new api keys',
    url: 'https://github.com/supabase/supabase-js/issues/1568',
  },
  supabasePyJwtCheckPr: {
    title: 'supabase/supabase-py#1151: remove jwt key validation to allow new api keys',
    url: 'https://github.com/supabase/supabase-py/pull/1151',
  },
  supabaseFlutterPublishableKeyPr: {
    title: 'supabase/supabase-flutter#1360: rename anon key to publishable key, service role key to secret key',
    url: 'https://github.com/supabase/supabase-flutter/pull/1360',
  },
  flutterPublishableKeyVersion: {
    title: 'supabase/supabase#46732: docs: couple of random anon leftovers (review: publishable keys since supabase_flutter 2.13.0)',
    url: 'https://github.com/supabase/supabase/pull/46732',
  },
  supabaseCsharpKeysIssue: {
    title: 'supabase/supabase-csharp#237: support publishable key and secret key for SDK operations',
    url: 'https://github.com/supabase/supabase-csharp/issues/237',
  },
  supabaseCsharpKeysPr: {
    title: 'supabase/supabase-csharp#397: support publishable and secret API keys',
    url: 'https://github.com/supabase/supabase-csharp/pull/397',
  },
  dotnetSdkV8: { title: 'Supabase blog: Introducing the unified Supabase .NET SDK', url: 'https://supabase.com/blog/introducing-the-unified-supabase-net-sdk' },
} as const satisfies Record<string, Page>;

export function cite(page: Page, states: string): RuleSource {
  return { title: page.title, url: page.url, states };
}
