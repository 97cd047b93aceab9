// Every rule, in the order findings are listed for one place.
import { bearerApiKey } from './bearer-api-key.js';
import { deployVerifyJwt } from './deploy-verify-jwt.js';
import { edgeFunctionEnv } from './edge-function-env.js';
import { edgeFunctionKeyCompare } from './edge-function-key-compare.js';
import { edgeFunctionNoAuthCheck } from './edge-function-no-auth-check.js';
import { edgeFunctionVerifyJwt } from './edge-function-verify-jwt.js';
import { hardcodedKey } from './hardcoded-key.js';
import { implicitLegacyEnv } from './implicit-legacy-env.js';
import { legacyEnvName } from './legacy-env-name.js';
import { legacyJwtSecret } from './legacy-jwt-secret.js';
import { legacyKeyValue } from './legacy-key-value.js';
import { parseError } from './parse-error.js';
import { realtimePublic24h } from './realtime-public-24h.js';
import type { Rule, RuleId } from './rule.js';
import { sdkVersion } from './sdk-version.js';
import { sdkKeyParameter } from './sdk-key-parameter.js';
import { toolExportKey } from './tool-export-key.js';
import { secretKeyExposed } from './secret-key-exposed.js';
import { signingKeyFile } from './signing-key-file.js';
import { sqlLegacyKey } from './sql-legacy-key.js';
import { unusedSuppression } from './unused-suppression.js';

// unused-suppression stays last: it reports the directives the other rules' findings did not use.
export const RULES: readonly Rule[] = [
  parseError,
  legacyEnvName,
  legacyKeyValue,
  edgeFunctionEnv,
  edgeFunctionVerifyJwt,
  deployVerifyJwt,
  edgeFunctionNoAuthCheck,
  edgeFunctionKeyCompare,
  bearerApiKey,
  sqlLegacyKey,
  secretKeyExposed,
  hardcodedKey,
  implicitLegacyEnv,
  legacyJwtSecret,
  signingKeyFile,
  realtimePublic24h,
  sdkVersion,
  sdkKeyParameter,
  toolExportKey,
  unusedSuppression,
];

export function ruleById(id: RuleId): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
