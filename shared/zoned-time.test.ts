// Dates and zones at the edges: years 0001–0099 and 9999, leap days, DST gaps and
// overlaps at midnight, and zone names as people type them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, canonicalTimeZone, dateInZone, isIsoDate, normalizeLocalInstant, startOfDay, zoneOffsetMs } from './zoned-time.js';

const ms = (iso: string) => Date.parse(iso);

describe('years 0001–0099 are not 1900–1999', () => {
  test('addDays', () => {
    assert.equal(addDays('0001-01-01', 1), '0001-01-02');
    assert.equal(addDays('0050-06-15', 0), '0050-06-15');
    assert.equal(addDays('0099-12-31', 1), '0100-01-01');
    assert.equal(addDays('0004-02-28', 1), '0004-02-29');
    assert.equal(addDays('0100-02-28', 1), '0100-03-01');
    assert.equal(addDays('0001-03-01', -1), '0001-02-28');
  });

  test('startOfDay and zoneOffsetMs', () => {
    assert.equal(startOfDay('0050-06-15', 'UTC'), ms('0050-06-15T00:00:00Z'));
    assert.equal(startOfDay('0001-01-01', 'UTC'), ms('0001-01-01T00:00:00Z'));
    // Berlin kept local mean time (+00:53:28) until 1893.
    assert.equal(zoneOffsetMs(ms('0050-06-15T12:00:00Z'), 'Europe/Berlin'), (53 * 60 + 28) * 1000);
    assert.equal(startOfDay('0012-03-04', 'Europe/Berlin'), ms('0012-03-03T23:06:32Z'));
  });

  test('a moment before 0001-01-01 reads as year 0, not year 1', () => {
    assert.equal(dateInZone(ms('0001-01-01T03:00:00Z'), 'America/New_York'), '0000-12-31');
    assert.equal(isIsoDate(dateInZone(ms('0001-01-01T03:00:00Z'), 'America/New_York')), false);
    assert.equal(dateInZone(ms('0001-01-01T03:00:00Z'), 'Asia/Tokyo'), '0001-01-01');
  });
});

describe('the ends of the calendar and leap days', () => {
  test('past 9999-12-31 and before 0001-01-01 there is no valid date, and no exception', () => {
    assert.equal(isIsoDate(addDays('9999-12-31', 1)), false);
    assert.equal(isIsoDate(addDays('0001-01-01', -1)), false);
    assert.equal(addDays('9999-12-30', 1), '9999-12-31');
    assert.equal(startOfDay('9999-12-31', 'Pacific/Honolulu'), ms('9999-12-31T10:00:00Z'));
    assert.equal(dateInZone(ms('9999-12-31T23:59:59Z'), 'Pacific/Kiritimati'), '10000-01-01');
  });

  test('leap days by the Gregorian rule', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2100-02-28', 1), '2100-03-01');
    assert.equal(addDays('2000-02-28', 1), '2000-02-29');
    assert.equal(addDays('2024-02-29', 365), '2025-02-28');
    assert.equal(isIsoDate('2100-02-29'), false);
    assert.equal(isIsoDate('0400-02-29'), true);
  });
});

describe('DST at midnight', () => {
  test('a day whose midnight is skipped starts at the first moment after the gap', () => {
    // Santiago springs forward at 24:00 on 2024-09-07: 00:00–00:59 on the 8th do not exist.
    assert.equal(startOfDay('2024-09-08', 'America/Santiago'), ms('2024-09-08T01:00:00-03:00'));
    assert.equal(dateInZone(startOfDay('2024-09-08', 'America/Santiago') - 1, 'America/Santiago'), '2024-09-07');
    // Beirut springs forward at 00:00 on the last Sunday of March.
    assert.equal(startOfDay('2024-03-31', 'Asia/Beirut'), ms('2024-03-31T01:00:00+03:00'));
  });

  test('a day whose first hour repeats starts at its first midnight', () => {
    // Havana falls back from 01:00 to 00:00 on 2024-11-03: midnight happens twice.
    assert.equal(startOfDay('2024-11-03', 'America/Havana'), ms('2024-11-03T00:00:00-04:00'));
    // Santiago falls back at 24:00 on 2024-04-06: the 6th ends an hour later, the 7th starts once.
    assert.equal(startOfDay('2024-04-07', 'America/Santiago'), ms('2024-04-07T00:00:00-04:00'));
    assert.equal(startOfDay('2024-04-07', 'America/Santiago') - startOfDay('2024-04-06', 'America/Santiago'), 25 * 3_600_000);
  });

  test('days around ordinary DST changes are 23 and 25 hours', () => {
    const len = (d: string, z: string) => startOfDay(addDays(d, 1), z) - startOfDay(d, z);
    assert.equal(len('2027-03-28', 'Europe/Berlin'), 23 * 3_600_000);
    assert.equal(len('2027-10-31', 'Europe/Berlin'), 25 * 3_600_000);
    assert.equal(len('2027-04-04', 'Australia/Lord_Howe'), 24.5 * 3_600_000);
  });
});

describe('canonicalTimeZone', () => {
  const canonical = (s: string) => {
    const c = canonicalTimeZone(s);
    return c.ok ? c.zone : `refused: ${c.message}`;
  };
  test('case, links and CLDR names become IANA names', () => {
    assert.equal(canonical('europe/berlin'), 'Europe/Berlin');
    assert.equal(canonical('US/Eastern'), 'America/New_York');
    assert.equal(canonical('Asia/Calcutta'), 'Asia/Kolkata');
    assert.equal(canonical('Asia/Kolkata'), 'Asia/Kolkata');
    assert.equal(canonical('Asia/Saigon'), 'Asia/Ho_Chi_Minh');
    assert.equal(canonical('America/Godthab'), 'America/Nuuk');
    assert.equal(canonical('Etc/UTC'), 'UTC');
    assert.equal(canonical('Zulu'), 'UTC');
    assert.equal(canonical('Pacific/Kiritimati'), 'Pacific/Kiritimati');
  });
  test('every zone this runtime lists canonicalises to a name that stays put', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const c = canonicalTimeZone(zone);
      if (!c.ok) continue;
      assert.deepEqual(canonicalTimeZone(c.zone), c, zone);
      assert.equal(dateInZone(0, c.zone), dateInZone(0, zone), zone);
    }
  });
  test('abbreviations and unknown names are refused', () => {
    for (const s of ['EST', 'est', 'MST', 'HST', 'EST5EDT', 'CET', 'WET']) assert.match(canonical(s), /refused: .*abbreviation/, s);
    for (const s of ['Mars/Olympus', 'Berlin', '', '+05:00', 'x'.repeat(100)]) assert.match(canonical(s), /refused: Not a known/, s);
  });
});

describe('normalizeLocalInstant', () => {
  test('keeps the wall clock and offset as written', () => {
    assert.equal(normalizeLocalInstant('2027-05-01T00:00-10:00'), '2027-05-01T00:00:00.000-10:00');
    assert.equal(normalizeLocalInstant('2027-05-01T00:00:00.123456+14:00'), '2027-05-01T00:00:00.123+14:00');
    assert.equal(normalizeLocalInstant('2027-05-01T00:00:00Z'), '2027-05-01T00:00:00.000Z');
    assert.equal(normalizeLocalInstant('0001-01-01T00:00:00+01:00'), null);
    assert.equal(normalizeLocalInstant('2027-05-01T00:00:00'), null);
  });
});
