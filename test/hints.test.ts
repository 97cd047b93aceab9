// The one-pass hints (src/core/hints.ts) against the tests they replace: for any text, the bits say exactly which
// literals `text.includes()` finds, whatever the overlaps between them, and the first-literals scan agrees with the
// full one on the bits it sets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HINT, HINT_LITERALS, completeHints, textHints } from '../src/core/hints.js';

const FIRST_LITERALS = HINT_LITERALS.slice(0, HINT_LITERALS.findIndex(([literal]) => literal === 'Authorization'));

/** The bits of every literal the text includes: what one includes() per literal would say. */
function byIncludes(text: string, literals: readonly (readonly [string, number])[]): number {
  let bits = 0;
  for (const [literal, more] of literals) if (text.includes(literal)) bits |= more;
  return bits;
}

// Texts built from the literals, pieces of them (their prefixes and suffixes meet across a join) and filler.
const pieces = HINT_LITERALS.flatMap(([literal]) => [literal, literal.slice(0, 2), literal.slice(1), literal.slice(-3)]);
const text = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', '.', '_', '-', 'S', 'a', 'h', 'J', 'e', 'y'), fc.string({ maxLength: 4 })), { maxLength: 24 })
  .map((parts) => parts.join(''));

describe('text hints', () => {
  it('set the bits of exactly the literals the text includes, every literal or the first ones', () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(textHints(sample, true)).toBe(byIncludes(sample, HINT_LITERALS) | HINT.complete);
        expect(textHints(sample, false)).toBe(byIncludes(sample, FIRST_LITERALS));
      }),
      { numRuns: 3000 },
    );
  });

  it('name each literal by its own bits, a literal that starts with another setting both', () => {
    expect(textHints('const client = supabase.auth.getUser()', true)).toBe(HINT.supabase | HINT.auth | HINT.complete);
    expect(textHints("import { x } from '@supabase/auth-helpers-nextjs'", false)).toBe(HINT.supabase | HINT.authHelpers | HINT.auth);
    expect(textHints('headers: { authorization: `Bearer ${jwt}` }', true)).toBe(HINT.authorization | HINT.auth | HINT.bearer | HINT.complete);
    expect(textHints('SUPABASE_JWT_SECRET=x', true)).toBe(HINT.supabase | HINT.jwtSecret | HINT.complete);
    expect(textHints('nothing here', false)).toBe(0);
  });

  it('complete hints found with the first literals only, and leave complete ones alone', () => {
    const sample = "supabase.channel('room')";
    const first = textHints(sample, false);
    expect(first).toBe(HINT.supabase);
    expect(completeHints(sample, first)).toBe(HINT.supabase | HINT.channel | HINT.complete);
    expect(completeHints('channel', HINT.complete)).toBe(HINT.complete);
  });
});
