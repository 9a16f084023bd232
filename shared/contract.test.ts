import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHANNEL_NAMES, contract } from './contract.js';
import { ERROR_CODES } from './errors.js';

test("every channel's errors list names known codes once, the universal ones included", () => {
  for (const name of CHANNEL_NAMES) {
    const { errors, scope } = contract[name];
    assert.equal(new Set(errors).size, errors.length, `${name} lists a code twice`);
    for (const code of errors) assert.ok(ERROR_CODES.includes(code), `${name}: unknown code ${code}`);
    assert.ok(errors.includes('INVALID_INPUT'), `${name}: the router refuses invalid input for every channel`);
    if (scope === 'data') for (const code of ['LOCKED', 'PROFILE_CRASHED'] as const) assert.ok(errors.includes(code), `${name} (data) lacks ${code}`);
  }
});
