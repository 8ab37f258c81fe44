import { afterEach, describe, expect, jest, test } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { VERIFIED_TOKEN_CACHE_SIZE, verifyAccessToken } from '../../src/http/auth.js';
import { UnauthorizedError } from '../../src/errors.js';
import { TEST_JWT_SECRET, adminToken, signToken } from '../support/tokens.js';

/** A fresh configuration object per test: the cache is kept per configuration. */
const jwtConfig = () => ({ secret: TEST_JWT_SECRET, algorithm: 'HS256' as const, clockToleranceSeconds: 5 });

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(UnauthorizedError);
    return (err as UnauthorizedError).errors[0]?.message ?? '';
  }
  throw new Error('the token was accepted');
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('When verifyAccessToken sees a token that verified before it expires', () => {
  test('then the signature is checked once and later calls give an equal principal', () => {
    const config = jwtConfig();
    const verify = jest.spyOn(jwt, 'verify');
    const header = `Bearer ${adminToken()}`;
    const first = verifyAccessToken(header, config);
    const second = verifyAccessToken(header, config);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(second).toMatchObject({ kind: 'user', role: 'administrator', userId: 'bbbbbbbbbbbbbbbbbbbbbbbb' });
  });

  test('then each call gets its own principal: changing one does not change the cached answer', () => {
    const config = jwtConfig();
    const header = `Bearer ${adminToken()}`;
    const first = verifyAccessToken(header, config);
    first.role = 'customer';
    expect(verifyAccessToken(header, config).role).toBe('administrator');
  });

  test('when the expiry (plus the clock tolerance) has passed, then the cached token is refused', () => {
    const config = jwtConfig();
    const header = `Bearer ${signToken({ expiresIn: 60 })}`;
    const exp = (jwt.decode(header.slice(7)) as { exp: number }).exp;
    expect(verifyAccessToken(header, config).userId).toBe('aaaaaaaaaaaaaaaaaaaaaaaa');
    jest.spyOn(Date, 'now').mockReturnValue((exp + config.clockToleranceSeconds - 1) * 1000);
    expect(verifyAccessToken(header, config).userId).toBe('aaaaaaaaaaaaaaaaaaaaaaaa');
    jest.spyOn(Date, 'now').mockReturnValue((exp + config.clockToleranceSeconds) * 1000);
    expect(refusal(() => verifyAccessToken(header, config))).toBe('The access token has expired');
    // and it stays refused (the entry is gone; jsonwebtoken refuses it on its own)
    expect(refusal(() => verifyAccessToken(header, config))).toBe('The access token has expired');
  });

  test('when a token differs by one character from a cached one, then it is verified, and refused', () => {
    const config = jwtConfig();
    const token = adminToken();
    verifyAccessToken(`Bearer ${token}`, config);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(refusal(() => verifyAccessToken(`Bearer ${token.slice(0, -1)}${last}`, config))).toBe('The access token is invalid');
  });

  test('when another secret is configured, then the cached token is not accepted (the cache belongs to one configuration)', () => {
    const header = `Bearer ${adminToken()}`;
    verifyAccessToken(header, jwtConfig());
    const other = { ...jwtConfig(), secret: 'another-secret-0123456789abcdef0123' };
    expect(refusal(() => verifyAccessToken(header, other))).toBe('The access token is invalid');
  });

  test('when a token is refused, then it is never cached: each attempt is verified', () => {
    const config = jwtConfig();
    const verify = jest.spyOn(jwt, 'verify');
    const header = `Bearer ${signToken({ secret: 'another-secret-0123456789abcdef0123' })}`;
    refusal(() => verifyAccessToken(header, config));
    refusal(() => verifyAccessToken(header, config));
    expect(verify).toHaveBeenCalledTimes(2);
  });

  test('when the cache is full, then the least recently used token is verified again', () => {
    const config = jwtConfig();
    const first = `Bearer ${signToken({ userId: 'u0' })}`;
    verifyAccessToken(first, config);
    for (let i = 1; i <= VERIFIED_TOKEN_CACHE_SIZE; i += 1) verifyAccessToken(`Bearer ${signToken({ userId: `u${i}` })}`, config);
    const verify = jest.spyOn(jwt, 'verify');
    expect(verifyAccessToken(first, config).userId).toBe('u0');
    expect(verify).toHaveBeenCalledTimes(1);
  });
});
