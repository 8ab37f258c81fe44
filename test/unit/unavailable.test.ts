import { MongoNetworkError, MongoNetworkTimeoutError, MongoServerError } from 'mongodb';
import { isDatabaseUnavailable } from '../../src/data/unavailable.js';

describe('isDatabaseUnavailable: driver errors answered as 503', () => {
  test('an unreachable database', () => {
    expect(isDatabaseUnavailable(new MongoNetworkError('connection 1 to 127.0.0.1:27017 closed'))).toBe(true);
    expect(isDatabaseUnavailable(new MongoNetworkTimeoutError('connection 1 to 127.0.0.1:27017 timed out'))).toBe(true);
  });

  test('a read that ran into its server-side time limit (MaxTimeMSExpired, code 50)', () => {
    const expired = new MongoServerError({ ok: 0, code: 50, codeName: 'MaxTimeMSExpired', errmsg: 'operation exceeded time limit' });
    expect(isDatabaseUnavailable(expired)).toBe(true);
  });

  test('other server errors are not availability problems', () => {
    expect(isDatabaseUnavailable(new MongoServerError({ ok: 0, code: 11000, errmsg: 'E11000 duplicate key error' }))).toBe(false);
    expect(isDatabaseUnavailable(new MongoServerError({ ok: 0, code: 2, codeName: 'BadValue', errmsg: 'bad value' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable('a string')).toBe(false);
  });
});
