import { formatValue, parseValue } from '../../src/modules/format';
import type { UserPreferences } from '../../src/core/context';

const US: UserPreferences = { dateFormat: 'M/D/YYYY', timeFormat: 'h:mm a', timeZone: 'America/Los_Angeles' };
const DE: UserPreferences = { dateFormat: 'DD.MM.YYYY', timeFormat: 'H:mm', timeZone: 'Europe/Berlin' };
const now = () => new Date('2024-03-10T12:00:00Z');

// NetSuite help "format.format(options)" / "format.parse(options)" and @hitc/netsuite-types N/format:
// dates follow the user's date format, time format and time zone; DATETIMETZ includes seconds.
describe('N/format', () => {
  const instant = new Date('2024-01-31T23:04:05Z');

  test.each([
    [US, 'date', '1/31/2024'],
    [US, 'datetime', '1/31/2024 3:04 pm'],
    [US, 'datetimetz', '1/31/2024 3:04:05 pm'],
    [US, 'timeofday', '3:04 pm'],
    [DE, 'date', '01.02.2024'],
    [DE, 'datetime', '01.02.2024 0:04'],
    [DE, 'datetimetz', '01.02.2024 0:04:05'],
  ])('format %#: %s', (prefs, type, text) => {
    expect(formatValue({ value: instant, type }, prefs)).toBe(text);
  });

  test.each([US, DE])('round trips in %j', (prefs) => {
    const dtz = formatValue({ value: instant, type: 'datetimetz' }, prefs);
    expect((parseValue({ value: dtz, type: 'datetimetz' }, prefs, now) as Date).toISOString()).toBe(
      instant.toISOString(),
    );
    const dt = formatValue({ value: instant, type: 'datetime' }, prefs);
    expect((parseValue({ value: dt, type: 'datetime' }, prefs, now) as Date).toISOString()).toBe(
      '2024-01-31T23:04:00.000Z',
    );
    const d = formatValue({ value: instant, type: 'date' }, prefs);
    const day = parseValue({ value: d, type: 'date' }, prefs, now) as Date;
    expect(formatValue({ value: day, type: 'date' }, prefs)).toBe(d);
    expect(formatValue({ value: day, type: 'timeofday' }, prefs)).toMatch(/^(12:00 am|0:00)$/);
    for (const [type, v] of [
      ['integer', 42],
      ['float', 2.5],
      ['currency', 1234.5],
      ['percent', 12.5],
      ['checkbox', true],
    ] as const) {
      expect(parseValue({ value: formatValue({ value: v, type }, prefs), type }, prefs, now)).toBe(v);
    }
  });

  test('an explicit timezone wins over the preference; an invalid one means GMT', () => {
    expect(formatValue({ value: instant, type: 'datetime', timezone: 'Asia/Tokyo' }, US)).toBe(
      '2/1/2024 8:04 am',
    );
    expect(formatValue({ value: instant, type: 'datetime', timezone: 'AMERICA_NEW_YORK' }, US)).toBe(
      '1/31/2024 6:04 pm',
    );
    expect(formatValue({ value: instant, type: 'datetime', timezone: 'Not/AZone' }, US)).toBe(
      '1/31/2024 11:04 pm',
    );
  });

  test('numbers and checkboxes', () => {
    expect(formatValue({ value: 1234.5, type: 'currency' }, US)).toBe('1234.50');
    expect(formatValue({ value: 3.9, type: 'integer' }, US)).toBe('3');
    expect(formatValue({ value: false, type: 'checkbox' }, US)).toBe('F');
    expect(parseValue({ value: '1,234.56', type: 'float' }, US, now)).toBe(1234.56);
    expect(parseValue({ value: 'F', type: 'checkbox' }, US, now)).toBe(false);
    expect(parseValue({ value: 'not a date', type: 'date' }, US, now)).toBe('not a date');
    expect(() => formatValue({ value: 1, type: 'nosuchtype' }, US)).toThrow(/invalid type/);
  });
});
