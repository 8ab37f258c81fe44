import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { readDeadline } from '../../src/data/mongo.js';
import { ServiceUnavailableError } from '../../src/errors.js';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('When readDeadline bounds the reads of one answer by one time limit', () => {
  test('then each read gets what is left, and when none is left, then the answer is unavailable without a read', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const limit = readDeadline(20_000);
    expect(limit()).toEqual({ maxTimeMS: 20_000 });
    now.mockReturnValue(1_012_500);
    expect(limit()).toEqual({ maxTimeMS: 7_500 });
    now.mockReturnValue(1_019_999);
    expect(limit()).toEqual({ maxTimeMS: 1 });
    now.mockReturnValue(1_020_000);
    expect(() => limit()).toThrow(ServiceUnavailableError);
  });

  test('when no limit is configured, then no read gets maxTimeMS, however long it takes', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(0);
    const limit = readDeadline(undefined);
    now.mockReturnValue(10 ** 9);
    expect(limit()).toEqual({});
  });
});
