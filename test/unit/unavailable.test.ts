import { MongoNetworkError, MongoNetworkTimeoutError, MongoServerError } from 'mongodb';
import { UNAVAILABLE_CODES, isDatabaseUnavailable } from '../../src/data/unavailable.js';

describe('When isDatabaseUnavailable sorts driver errors into unavailable (503) or not', () => {
  test('then an unreachable database is unavailable', () => {
    expect(isDatabaseUnavailable(new MongoNetworkError('connection 1 to 127.0.0.1:27017 closed'))).toBe(true);
    expect(isDatabaseUnavailable(new MongoNetworkTimeoutError('connection 1 to 127.0.0.1:27017 timed out'))).toBe(true);
  });

  test('then a read that ran into its server-side time limit (MaxTimeMSExpired, code 50) is unavailable', () => {
    const expired = new MongoServerError({ ok: 0, code: 50, codeName: 'MaxTimeMSExpired', errmsg: 'operation exceeded time limit' });
    expect(isDatabaseUnavailable(expired)).toBe(true);
  });

  test('then the shutdown, failover and election codes are unavailable, by code or by name', () => {
    for (const [codeName, code] of Object.entries(UNAVAILABLE_CODES)) {
      expect([codeName, isDatabaseUnavailable(new MongoServerError({ ok: 0, code, codeName, errmsg: codeName }))]).toEqual([
        codeName,
        true,
      ]);
    }
    expect(isDatabaseUnavailable(new MongoServerError({ ok: 0, codeName: 'PrimarySteppedDown', errmsg: 'stepped down' }))).toBe(true);
  });

  test('then errors carrying a transient label are unavailable', () => {
    for (const label of ['RetryableWriteError', 'TransientTransactionError', 'ResetPool', 'SystemOverloadedError']) {
      const err = new MongoServerError({ ok: 0, code: 12345, errmsg: 'x', errorLabels: [label] });
      expect([label, isDatabaseUnavailable(err)]).toEqual([label, true]);
    }
  });

  test("then FerretDB's InternalError is unavailable only when its PostgreSQL cannot be reached", () => {
    const down = new MongoServerError({
      ok: 0,
      code: 1,
      codeName: 'InternalError',
      errmsg: 'failed to connect to `user=ferretdb database=ferretdb`: dial error',
    });
    const shutting = new MongoServerError({
      ok: 0,
      code: 1,
      codeName: 'InternalError',
      errmsg: 'FATAL: terminating connection due to administrator command (SQLSTATE 57P01)',
    });
    const bug = new MongoServerError({ ok: 0, code: 1, codeName: 'InternalError', errmsg: 'unexpected nil pointer' });
    expect([isDatabaseUnavailable(down), isDatabaseUnavailable(shutting), isDatabaseUnavailable(bug)]).toEqual([true, true, false]);
  });

  test('then a driver error wrapped as the cause of another error is recognised', () => {
    expect(isDatabaseUnavailable(new Error('lock failed', { cause: new MongoNetworkError('closed') }))).toBe(true);
  });

  test('then other server errors are not availability problems', () => {
    expect(isDatabaseUnavailable(new MongoServerError({ ok: 0, code: 11000, errmsg: 'E11000 duplicate key error' }))).toBe(false);
    expect(isDatabaseUnavailable(new MongoServerError({ ok: 0, code: 2, codeName: 'BadValue', errmsg: 'bad value' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable('a string')).toBe(false);
  });
});
