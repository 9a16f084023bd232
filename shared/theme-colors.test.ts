// Both themes meet WCAG AA for text: every text token on every background it is drawn on.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contrastRatio, parseHex } from './contrast.js';
import { PALETTES, resolveTheme, TEXT_PAIRS, THEMES } from './theme-colors.js';

describe('contrast math', () => {
  test('known ratios', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#fff', '#fff'), 1);
    assert.equal(contrastRatio('#ffffff', '#000'), 21);
    // WebAIM's checker: #767676 on white is 4.54:1, #777777 is 4.47:1.
    assert.equal(contrastRatio('#767676', '#ffffff').toFixed(2), '4.54');
    assert.equal(contrastRatio('#777777', '#ffffff').toFixed(2), '4.48');
  });

  test('only hex colours are read', () => {
    assert.equal(parseHex('red'), null);
    assert.equal(parseHex('#12345'), null);
    assert.deepEqual(parseHex('#0a0B0c'), [10, 11, 12]);
    assert.throws(() => contrastRatio('rgb(0 0 0)', '#fff'), RangeError);
  });
});

describe('theme tokens', () => {
  for (const theme of THEMES) {
    test(`${theme}: text on its backgrounds is at least 4.5:1`, () => {
      const colors = PALETTES[theme].colors;
      const failing = TEXT_PAIRS.map(([fg, bg]) => ({ fg, bg, ratio: contrastRatio(colors[fg], colors[bg]) }))
        .filter((p) => p.ratio < 4.5)
        .map((p) => `${p.fg} on ${p.bg}: ${p.ratio.toFixed(2)}`);
      assert.deepEqual(failing, []);
    });

    test(`${theme}: every token is a hex colour`, () => {
      for (const [token, value] of Object.entries(PALETTES[theme].colors)) assert.ok(parseHex(value), `${token}: ${value}`);
    });
  }

  test('the two themes differ in every text and background token', () => {
    for (const token of ['bg', 'surface', 'text', 'text-muted', 'text-subtle'] as const) {
      assert.notEqual(PALETTES.light.colors[token], PALETTES.dark.colors[token], token);
    }
  });

  test('system follows the OS; light and dark are fixed', () => {
    assert.equal(resolveTheme('system', true), 'dark');
    assert.equal(resolveTheme('system', false), 'light');
    assert.equal(resolveTheme('light', true), 'light');
    assert.equal(resolveTheme('dark', false), 'dark');
  });
});
