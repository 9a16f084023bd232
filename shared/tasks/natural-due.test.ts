// Due dates in a task's quick-add line, read at a pinned "now" in a given zone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseNaturalDue } from './natural-due.js';

// Tuesday 1 December 2026, 10:00 in Berlin (UTC+1).
const NOW = Date.parse('2026-12-01T09:00:00Z');
const BERLIN = 'Europe/Berlin';
const parse = (text: string, now = NOW, zone = BERLIN) => parseNaturalDue(text, now, zone);
const due = (text: string, now = NOW, zone = BERLIN) => parse(text, now, zone)?.due ?? null;

describe('days', () => {
  test('today, tomorrow and their spellings', () => {
    assert.equal(due('Pay rent today'), '2026-12-01');
    for (const w of ['tomorrow', 'Tomorrow', 'tmrw', 'tmr', 'tomorrow.', 'TOMORROW'])
      assert.equal(due(`Pay rent ${w}`), '2026-12-02', w);
    assert.equal(due('Pay rent day after tomorrow'), '2026-12-03');
  });

  test('the title loses the phrase and its lead word', () => {
    assert.deepEqual(parse('Pay rent by tomorrow'), { title: 'Pay rent', due: '2026-12-02', phrase: 'by tomorrow' });
    assert.deepEqual(parse('tomorrow pay rent'), { title: 'pay rent', due: '2026-12-02', phrase: 'tomorrow' });
    assert.equal(parse('Call Bob on fri at 5pm please')?.title, 'Call Bob please');
  });

  test('in N days, weeks, months; words and compact forms', () => {
    assert.equal(due('Report in 3 days'), '2026-12-04');
    assert.equal(due('Report in three days'), '2026-12-04');
    assert.equal(due('Report in 1 day'), '2026-12-02');
    assert.equal(due('Report in 3d'), '2026-12-04');
    assert.equal(due('Report in a week'), '2026-12-08');
    assert.equal(due('Report in 2 weeks'), '2026-12-15');
    assert.equal(due('Report in 2w'), '2026-12-15');
    assert.equal(due('Report in a month'), '2027-01-01');
    assert.equal(due('Report in 1 year'), '2027-12-01');
    assert.equal(due('Report 3 days from now'), '2026-12-04');
    assert.equal(due('Report a week later'), '2026-12-08');
    assert.equal(due('Report in a couple of days'), '2026-12-03');
  });

  test('a month on from the 31st is the month’s last day', () => {
    assert.equal(due('x in 1 month', Date.parse('2027-01-31T12:00:00Z')), '2027-02-28');
    assert.equal(due('x in 1 month', Date.parse('2028-01-31T12:00:00Z')), '2028-02-29');
  });

  test('in N hours or minutes is an instant from now', () => {
    assert.equal(due('Tea in 2 hours'), '2026-12-01T11:00:00.000Z');
    assert.equal(due('Tea in 30 minutes'), '2026-12-01T09:30:00.000Z');
    assert.equal(due('Tea in 90 min'), '2026-12-01T10:30:00.000Z');
  });
});

describe('weekdays', () => {
  test('the coming one, today included', () => {
    // Today is Tuesday.
    assert.equal(due('x fri'), '2026-12-04');
    assert.equal(due('x friday'), '2026-12-04');
    assert.equal(due('x Fri'), '2026-12-04');
    assert.equal(due('x mon'), '2026-12-07');
    assert.equal(due('x tue'), '2026-12-01');
    assert.equal(due('x wednesday'), '2026-12-02');
    assert.equal(due('x thurs'), '2026-12-03');
  });

  test('next <day> is after today', () => {
    assert.equal(due('x next tue'), '2026-12-08');
    assert.equal(due('x next friday'), '2026-12-04');
    assert.equal(due('x next week'), '2026-12-07');
  });

  test('weekday with a time; a time already past today moves a week on', () => {
    assert.equal(due('Call Bob fri 5pm'), '2026-12-04T16:00:00.000Z');
    assert.equal(due('Call Bob friday at 5 pm'), '2026-12-04T16:00:00.000Z');
    assert.equal(due('Call Bob 5pm fri'), '2026-12-04T16:00:00.000Z');
    assert.equal(due('Call Bob fri 17:00'), '2026-12-04T16:00:00.000Z');
    assert.equal(due('Call Bob fri 5:30pm'), '2026-12-04T16:30:00.000Z');
    assert.equal(due('Call Bob tue 9am'), '2026-12-08T08:00:00.000Z');
    assert.equal(due('Call Bob tue 11am'), '2026-12-01T10:00:00.000Z');
  });
});

describe('times', () => {
  test('a time alone is today, or tomorrow once it has passed', () => {
    assert.equal(due('Call Bob at 5pm'), '2026-12-01T16:00:00.000Z');
    assert.equal(due('Call Bob 8am'), '2026-12-02T07:00:00.000Z');
    assert.equal(due('Call Bob at noon'), '2026-12-01T11:00:00.000Z');
  });

  test('12am is midnight, 12pm noon; a.m. with dots', () => {
    assert.equal(due('x tomorrow 12am'), '2026-12-01T23:00:00.000Z');
    assert.equal(due('x tomorrow 12pm'), '2026-12-02T11:00:00.000Z');
    assert.equal(due('x tomorrow 9 a.m.'), '2026-12-02T08:00:00.000Z');
  });

  test('tomorrow morning, tonight', () => {
    assert.equal(due('x tomorrow morning'), '2026-12-02T08:00:00.000Z');
    assert.equal(due('x tonight'), '2026-12-01T19:00:00.000Z');
    assert.equal(due('x tomorrow night'), '2026-12-02T19:00:00.000Z');
    assert.equal(due('x this evening'), '2026-12-01T17:00:00.000Z');
    assert.equal(due('x friday evening'), '2026-12-04T17:00:00.000Z');
  });

  test('plain numbers are not times', () => {
    assert.equal(parse('Buy 5 apples'), null);
    assert.equal(parse('Read chapter 12'), null);
    assert.equal(parse('Fix issue 25:99'), null);
    assert.equal(parse('Buy 13pm'), null);
  });
});

describe('calendar dates', () => {
  test('month and day in either order, the next one', () => {
    assert.equal(due('Gift dec 24'), '2026-12-24');
    assert.equal(due('Gift December 24th'), '2026-12-24');
    assert.equal(due('Gift 24 dec'), '2026-12-24');
    assert.equal(due('Gift on the 24th of december'), '2026-12-24');
    assert.equal(due('Taxes apr 15'), '2027-04-15');
    assert.equal(due('Taxes nov 30'), '2027-11-30');
  });

  test('with a year, ISO, and impossible dates', () => {
    assert.equal(due('Renew passport mar 3 2028'), '2028-03-03');
    assert.equal(due('Renew passport 2028-03-03'), '2028-03-03');
    assert.equal(parse('Renew passport feb 30'), null);
    assert.equal(due('Leap feb 29'), '2028-02-29');
  });
});

describe('zones and clocks', () => {
  test('"today" is the person’s date, not UTC’s', () => {
    // 23:30 UTC on 1 Dec is already 2 Dec in Tokyo and still 1 Dec in New York.
    const late = Date.parse('2026-12-01T23:30:00Z');
    assert.equal(due('x today', late, 'Asia/Tokyo'), '2026-12-02');
    assert.equal(due('x today', late, 'America/New_York'), '2026-12-01');
  });

  test('a time is placed in the zone’s offset of that day, across DST', () => {
    // Saturday 7 March 2026 in New York (EST); Monday 9 March is already EDT.
    const sat = Date.parse('2026-03-07T15:00:00Z');
    assert.equal(due('x mon 9am', sat, 'America/New_York'), '2026-03-09T13:00:00.000Z');
    assert.equal(due('x sat 5pm', sat, 'America/New_York'), '2026-03-07T22:00:00.000Z');
  });

  test('at year end', () => {
    const eve = Date.parse('2026-12-31T12:00:00Z');
    assert.equal(due('x tomorrow', eve, 'UTC'), '2027-01-01');
    assert.equal(due('x jan 2', eve, 'UTC'), '2027-01-02');
  });
});

describe('nothing to read', () => {
  test('no phrase, or only a phrase', () => {
    assert.equal(parse('Write the report'), null);
    assert.equal(parse('tomorrow'), null);
    assert.equal(parse('   '), null);
    assert.equal(parse(''), null);
  });

  test('the longest phrase wins, the last of equals', () => {
    assert.equal(parse('Plan monday meeting on friday 3pm')?.due, '2026-12-04T14:00:00.000Z');
    assert.equal(parse('Plan monday meeting on friday 3pm')?.title, 'Plan monday meeting');
  });
});
