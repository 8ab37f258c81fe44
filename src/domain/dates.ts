import { ValidationError } from '../errors.js';

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** The instants a response can carry as a four-digit-year ISO-8601 date-time (years 0000–9999, UTC). */
const EARLIEST = new Date('0000-01-01T00:00:00.000Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

/**
 * Parses an incoming ISO-8601 date-time. A value without an offset is UTC (the Order Service sends
 * `2026-01-25T13:00:00.123456`); fractions beyond milliseconds are truncated. Every year of the
 * pattern (0000–9999) is a year: `Date.UTC` would read 0000–0099 as 1900–1999, so the calendar check
 * sets the full year itself. Impossible dates, and offsets that move the instant outside the years
 * 0000–9999 in UTC, → 400.
 */
export function parseInputDate(value: string, field: string): Date {
  const m = INPUT.exec(value);
  if (!m) throw new ValidationError([{ field, message: 'Must be an ISO-8601 date-time' }]);
  const [, y, mo, d, h, mi, s = '00', frac = '', offset = 'Z'] = m;
  const ms = (frac + '000').slice(0, 3);
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`);
  const local = new Date(0);
  local.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  const valid =
    !Number.isNaN(date.getTime()) &&
    local.getUTCFullYear() === Number(y) &&
    local.getUTCMonth() === Number(mo) - 1 &&
    local.getUTCDate() === Number(d) &&
    Number(h) < 24 &&
    Number(mi) < 60 &&
    Number(s) < 60;
  if (!valid) throw new ValidationError([{ field, message: 'Is not a valid calendar date-time' }]);
  if (offset !== 'Z') {
    const [oh, om] = offset.slice(1).split(':').map(Number);
    if ((oh ?? 0) > 23 || (om ?? 0) > 59) throw new ValidationError([{ field, message: 'Has an invalid UTC offset' }]);
  }
  if (date.getTime() < EARLIEST || date.getTime() > LATEST) {
    throw new ValidationError([{ field, message: 'Must fall within the years 0000 to 9999 in UTC' }]);
  }
  return date;
}
