import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { hashSecret } from './secret-hash';

const DEVELOPMENT_SECRET = 'samverkan-development-secret-not-for-production-use';

/** The configured signing secret (a fixed local one outside production; config refuses that in production). */
export function signingSecret(config: AppConfig): string {
  return config.JWT_SECRET ?? DEVELOPMENT_SECRET;
}

export interface AccessClaims {
  personId: string;
  accountId: string;
  sessionId: string;
}

/** Signs and verifies access tokens (HS256 JWTs made with jose) and makes refresh tokens. */

@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = new TextEncoder().encode(signingSecret(config));
  }

  async signAccess(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    return this.sign(claims, 'samverkan-api', new Date(Date.now() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000));
  }

  /**
   * The token of a browser session cookie: same claims, another audience, so a
   * cookie value is never accepted as a Bearer token (nor the reverse).
   */
  signBrowser(claims: AccessClaims, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
    return this.sign(claims, 'samverkan-browser', new Date(Date.now() + ttlSeconds * 1000));
  }

  verifyBrowser(token: string): Promise<AccessClaims | undefined> {
    return this.verify(token, 'samverkan-browser');
  }

  private async sign(claims: AccessClaims, audience: string, expiresAt: Date): Promise<{ token: string; expiresAt: Date }> {
    const token = await new SignJWT({ acc: claims.accountId, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.personId)
      .setIssuer('samverkan')
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** Returns the claims, or undefined for anything not a valid, unexpired token of ours. */
  verifyAccess(token: string): Promise<AccessClaims | undefined> {
    return this.verify(token, 'samverkan-api');
  }

  private async verify(token: string, audience: string): Promise<AccessClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: 'samverkan',
        audience,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.acc !== 'string' || typeof payload.sid !== 'string') {
        return undefined;
      }
      return { personId: payload.sub, accountId: payload.acc, sessionId: payload.sid };
    } catch {
      return undefined;
    }
  }

  /** A refresh token: `<sessionId>.<secret>`; only the secret's hash is stored. */
  newRefreshSecret(): string {
    return randomBytes(32).toString('base64url');
  }

  hashSecret(secret: string): string {
    return hashSecret(secret);
  }
}
