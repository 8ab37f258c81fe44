import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { readDeadline } from '../../src/data/mongo.js';
import { ServiceUnavailableError } from '../../src/errors.js';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('readDeadline: one time limit for the reads of one answer', () => {
  test('each read gets what is left; none is left: 503 without a read', () => {
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

  test('no limit configured: no maxTimeMS, however long it takes', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(0);
    const limit = readDeadline(undefined);
    now.mockReturnValue(10 ** 9);
    expect(limit()).toEqual({});
  });
});
