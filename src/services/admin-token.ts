import jwt from 'jsonwebtoken';
import type { Config } from '../config.js';

/** Lifetime of the tokens CRMS signs for background calls (the Auth-sync worker). */
export const CRMS_TOKEN_TTL_SECONDS = 60;
export const CRMS_TOKEN_ISSUER = 'crms';

/**
 * An administrator's access token that CRMS signs itself (claims `{userId, role: "Administrator"}`,
 * `iss: "crms"`, ≤ 60 s) so a background retry can act for the administrator who decided the
 * change, without ever storing that administrator's own token.
 */
export function signAdminToken(config: Pick<Config, 'jwt'>, adminUserId: string): string {
  return jwt.sign({ userId: adminUserId, role: 'Administrator' }, config.jwt.secret, {
    algorithm: config.jwt.algorithm,
    expiresIn: CRMS_TOKEN_TTL_SECONDS,
    issuer: CRMS_TOKEN_ISSUER,
  });
}
