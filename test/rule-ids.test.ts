// RuleId is derived from RULE_IDS (src/rules/ids.ts), the list that suppressions, the config and the scan workers
// read without loading the rules: it has to be exactly the ids of RULES, in their order.
import { describe, expect, it } from 'vitest';
import { isRuleId, RULE_IDS } from '../src/rules/ids.js';
import { RULES } from '../src/rules/index.js';

describe('RULE_IDS', () => {
  it('is the ids of RULES, in order', () => {
    expect(RULES.map((rule) => rule.meta.id)).toEqual([...RULE_IDS]);
  });

  it('knows a rule id from any other word', () => {
    for (const id of RULE_IDS) expect(isRuleId(id)).toBe(true);
    for (const word of ['', 'Parse-Error', 'legacy-env-nam', 'constructor', '__proto__', 'toString']) expect(isRuleId(word)).toBe(false);
  });
});
