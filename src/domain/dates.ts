import { ValidationError } from '../errors.js';

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses an incoming ISO-8601 date-time. A value without an offset is UTC (the Order Service sends
 * `2026-01-25T13:00:00.123456`); fractions beyond milliseconds are truncated. Impossible dates → 400.
 */
export function parseInputDate(value: string, field: string): Date {
  const m = INPUT.exec(value);
  if (!m) throw new ValidationError([{ field, message: 'Must be an ISO-8601 date-time' }]);
  const [, y, mo, d, h, mi, s = '00', frac = '', offset = 'Z'] = m;
  const ms = (frac + '000').slice(0, 3);
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`);
  const local = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  const valid =
    !Number.isNaN(date.getTime()) &&
    local.getUTCFullYear() === Number(y) &&
    local.getUTCMonth() === Number(mo) - 1 &&
    local.getUTCDate() === Number(d) &&
    Number(h) < 24 && Number(mi) < 60 && Number(s) < 60;
  if (!valid) throw new ValidationError([{ field, message: 'Is not a valid calendar date-time' }]);
  if (offset !== 'Z') {
    const [oh, om] = offset.slice(1).split(':').map(Number);
    if ((oh ?? 0) > 23 || (om ?? 0) > 59) throw new ValidationError([{ field, message: 'Has an invalid UTC offset' }]);
  }
  return date;
}
