import type { Request } from 'express';
import { verifyRequestToken } from '../../src/http/auth.js';
import { UnauthorizedError } from '../../src/errors.js';
import { TEST_JWT_SECRET, adminToken, signToken } from '../support/tokens.js';

const jwtConfig = { secret: TEST_JWT_SECRET, algorithm: 'HS256' as const, clockToleranceSeconds: 5 };

/** Just enough of an Express request: its headers, changeable. */
function requestWith(authorization: string | undefined): Request & { headers: Record<string, string | undefined> } {
  const headers: Record<string, string | undefined> = { authorization };
  return { headers, get: (name: string) => headers[name.toLowerCase()] } as unknown as Request & {
    headers: Record<string, string | undefined>;
  };
}

describe('When verifyRequestToken is asked twice about one request (the rate limiter and the security handler share it)', () => {
  test('then the second call returns the same verified principal, not a new verification', () => {
    const req = requestWith(`Bearer ${adminToken()}`);
    const first = verifyRequestToken(req, jwtConfig);
    expect(first).toMatchObject({ kind: 'user', role: 'administrator' });
    expect(verifyRequestToken(req, jwtConfig)).toBe(first);
  });

  test('when the verification failed, then the same error is remembered and thrown again', () => {
    const req = requestWith(`Bearer ${signToken({ secret: 'another-secret-0123456789abcdef0123' })}`);
    let firstError: unknown;
    try {
      verifyRequestToken(req, jwtConfig);
    } catch (err) {
      firstError = err;
    }
    expect(firstError).toBeInstanceOf(UnauthorizedError);
    expect(() => verifyRequestToken(req, jwtConfig)).toThrow(firstError as Error);
  });

  test('when the header changed after the first verification, then it is verified again', () => {
    const req = requestWith(`Bearer ${adminToken()}`);
    expect(verifyRequestToken(req, jwtConfig).role).toBe('administrator');
    req.headers['authorization'] = 'Bearer not.a-valid.token';
    expect(() => verifyRequestToken(req, jwtConfig)).toThrow(UnauthorizedError);
    req.headers['authorization'] = `Bearer ${signToken({ userId: 'cccccccccccccccccccccccc' })}`;
    expect(verifyRequestToken(req, jwtConfig)).toMatchObject({ userId: 'cccccccccccccccccccccccc', role: 'customer' });
  });

  test('when different requests carry the same token, then each gets its own principal object', () => {
    const token = `Bearer ${adminToken()}`;
    const a = verifyRequestToken(requestWith(token), jwtConfig);
    const b = verifyRequestToken(requestWith(token), jwtConfig);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});
