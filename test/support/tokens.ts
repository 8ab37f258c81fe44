import jwt from 'jsonwebtoken';

export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123456789';
export const TEST_API_KEY = 'test-service-api-key-0123456789';

export interface TokenOptions {
  userId?: string;
  role?: string;
  email?: string;
  expiresIn?: number;
  secret?: string;
  extra?: Record<string, unknown>;
}

/** An access token as the platform's Auth Service signs it: {userId, email, role, iat, exp}. */
export function signToken(options: TokenOptions = {}): string {
  const payload: Record<string, unknown> = {
    userId: options.userId ?? 'aaaaaaaaaaaaaaaaaaaaaaaa',
    email: options.email ?? 'user@example.com',
    role: options.role ?? 'Customer',
    ...options.extra,
  };
  return jwt.sign(payload, options.secret ?? TEST_JWT_SECRET, {
    algorithm: 'HS256',
    expiresIn: options.expiresIn ?? 900,
  });
}

export const ADMIN_ID = 'bbbbbbbbbbbbbbbbbbbbbbbb';

export function adminToken(userId = ADMIN_ID): string {
  return signToken({ userId, role: 'Administrator', email: 'admin@example.com' });
}

export function customerToken(userId: string): string {
  return signToken({ userId, role: 'Customer' });
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
