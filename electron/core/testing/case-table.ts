// Table-driven asserts: what a function must give for each of a list of inputs, written as
// the table it is (one row a case) rather than one assert line a case.
import assert from 'node:assert/strict';

/** One case: an input, what it must give, and (when the input alone does not say it) why. */
export type Case<I, O> = readonly [input: I, expected: O, why?: string];

/** Asserts that `fn` gives each case's expected value (deep strict equality), naming the failing input. */
export function givesEach<I, O>(fn: (input: I) => O, cases: readonly Case<I, O>[]): void {
  for (const [input, expected, why] of cases) {
    const actual = fn(input);
    assert.deepEqual(actual, expected, `${why ?? JSON.stringify(input)}: gave ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}
