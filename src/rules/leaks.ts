// What to do about a legacy service_role JWT that has leaked (a tracked file, a migration, code, a public name):
// one sentence for every rule that finds one, so that they all say the same thing.
import { cite, PAGES } from './sources.js';
import type { RuleSource } from './rule.js';

/**
 * What to do (issue 20 item 7: a message says what to do; the why, REVOKE_LEGACY_JWT_WHY, is in the rules' docs).
 * Deactivating the legacy keys (one switch for anon and service_role) stops them as `apikey`, but a legacy JWT is
 * signed with the legacy JWT secret, which the dashboard no longer rotates: it is revoked only by moving to JWT
 * signing keys and revoking that secret.
 */
export const REVOKE_LEGACY_JWT =
  'deactivate the legacy keys, move the project to JWT signing keys and revoke the legacy JWT secret (Project Settings → JWT Keys)';

/** Why REVOKE_LEGACY_JWT takes more than deactivating the legacy keys: for the descriptions of the rules that say it. */
export const REVOKE_LEGACY_JWT_WHY =
  'Deactivating the legacy keys does not revoke a leaked legacy JWT sent as Authorization: Bearer: that takes moving the project to ' +
  'JWT signing keys and revoking the legacy JWT secret.';

/** The sources of REVOKE_LEGACY_JWT, for the meta of the rules that say it. */
export const REVOKE_LEGACY_JWT_SOURCES: readonly RuleSource[] = [
  cite(
    PAGES.rotatingJwtSecret,
    'The legacy anon, service_role and JWT secrets can no longer be rotated: migrate to asymmetric JWT signing keys, rotate, then revoke the ' +
      'previously used key; a key not revoked stays valid.',
  ),
  cite(
    PAGES.signingKeys,
    'Tokens are signed either by the legacy JWT secret or by the new signing keys; moving to signing keys is what lets the legacy secret be revoked ' +
      '(Project Settings → JWT Keys).',
  ),
];
