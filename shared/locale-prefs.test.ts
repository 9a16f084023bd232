// The first day of the week and the clock come from the locale unless overridden.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  canonicalLocale,
  DEFAULT_LOCALE_PREFS,
  fieldLang,
  localeUses12Hour,
  localeWeekStart,
  parseLocalePrefs,
  resolveLocale,
  weekdayOrder,
  withClock,
} from './locale-prefs.js';

describe('from the locale', () => {
  test('first day of the week', () => {
    assert.equal(localeWeekStart('en-US'), 0);
    assert.equal(localeWeekStart('de-DE'), 1);
    assert.equal(localeWeekStart('en-GB'), 1);
    assert.equal(localeWeekStart('fr-FR'), 1);
    assert.equal(localeWeekStart('pt-BR'), 0);
    assert.equal(localeWeekStart('ja-JP'), 0);
    assert.equal(localeWeekStart('ar-EG'), 6);
    assert.equal(localeWeekStart('not a locale'), 1);
  });

  test('12- or 24-hour clock', () => {
    assert.equal(localeUses12Hour('en-US'), true);
    assert.equal(localeUses12Hour('de-DE'), false);
    assert.equal(localeUses12Hour('en-GB'), false);
    assert.equal(localeUses12Hour('fr-FR'), false);
    assert.equal(localeUses12Hour('ko-KR'), true);
  });

  test('canonical tags', () => {
    assert.equal(canonicalLocale('de-de'), 'de-DE');
    assert.equal(canonicalLocale('!!'), 'en');
  });
});

describe('with the person’s choices', () => {
  test('auto follows the locale; a choice overrides it', () => {
    assert.deepEqual(resolveLocale('de-DE', DEFAULT_LOCALE_PREFS), { locale: 'de-DE', weekStart: 1, hour12: false });
    assert.deepEqual(resolveLocale('en-US', DEFAULT_LOCALE_PREFS), { locale: 'en-US', weekStart: 0, hour12: true });
    assert.deepEqual(resolveLocale('en-US', { hourCycle: 'h23', weekStart: '1' }), { locale: 'en-US', weekStart: 1, hour12: false });
    assert.deepEqual(resolveLocale('de-DE', { hourCycle: 'h12', weekStart: '0' }), { locale: 'de-DE', weekStart: 0, hour12: true });
  });

  test('times format with the chosen clock', () => {
    const at = new Date(Date.UTC(2026, 11, 1, 17, 5));
    const format = (locale: string, prefs = DEFAULT_LOCALE_PREFS) => {
      const r = resolveLocale(locale, prefs);
      return new Intl.DateTimeFormat(r.locale, withClock(r, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })).format(at);
    };
    assert.equal(format('de-DE'), '17:05');
    assert.match(format('en-US'), /^5:05\sPM$/);
    assert.equal(format('en-US', { hourCycle: 'h23', weekStart: 'auto' }), '17:05');
    assert.match(format('de-DE', { hourCycle: 'h12', weekStart: 'auto' }), /^5:05\sPM$/i);
  });

  test('weekday order from the week start', () => {
    assert.deepEqual(weekdayOrder(1), [1, 2, 3, 4, 5, 6, 0]);
    assert.deepEqual(weekdayOrder(0), [0, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual(weekdayOrder(6), [6, 0, 1, 2, 3, 4, 5]);
  });

  test('stored choices: unknown values fall back to auto', () => {
    assert.deepEqual(parseLocalePrefs(null), DEFAULT_LOCALE_PREFS);
    assert.deepEqual(parseLocalePrefs('not json'), DEFAULT_LOCALE_PREFS);
    assert.deepEqual(parseLocalePrefs('{"hourCycle":"h23","weekStart":"6"}'), { hourCycle: 'h23', weekStart: '6' });
    assert.deepEqual(parseLocalePrefs('{"hourCycle":"h24","weekStart":3}'), DEFAULT_LOCALE_PREFS);
  });

  test('native date and time fields get a lang with the chosen clock', () => {
    assert.equal(fieldLang(resolveLocale('en-US', DEFAULT_LOCALE_PREFS)), 'en-US-u-hc-h12');
    assert.equal(fieldLang(resolveLocale('en-US', { hourCycle: 'h23', weekStart: 'auto' })), 'en-US-u-hc-h23');
    assert.equal(fieldLang(resolveLocale('de-DE', DEFAULT_LOCALE_PREFS)), 'de-DE-u-hc-h23');
    assert.equal(fieldLang(resolveLocale('de-DE', { hourCycle: 'h12', weekStart: 'auto' })), 'de-DE-u-hc-h12');
    // A locale that already names a clock takes the chosen one instead.
    assert.equal(fieldLang(resolveLocale('en-GB-u-hc-h23', { hourCycle: 'h12', weekStart: 'auto' })), 'en-GB-u-hc-h12');
  });
});
