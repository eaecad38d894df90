import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { APP_CONFIG, AppConfig, isLocale, Locale, publicUrl, signingSecret } from '@samverkan/core';
import { mailPaths, mailUrl } from '@samverkan/mail';

const ISSUER = 'samverkan';
const AUDIENCE = 'samverkan-unsubscribe';
/** A mail kept for a year can still be unsubscribed from. */
const LIFETIME = '400d';

/** What an opt-out link says, once its signature is checked. */
export interface UnsubscribeClaims {
  personId: string;
  /** The reminder kinds the link turns off. */
  kinds: string[];
  locale: Locale;
}

/**
 * Signed links for one-click opt-out (RFC 8058, `List-Unsubscribe`): bound to
 * one person and the kinds of the mail they came with, under a key of their
 * own (derived from the configured secret), so neither a session token nor a
 * mail-action link can pass as one. Not single use: opting out twice changes
 * nothing the second time.
 */
@Injectable()
export class UnsubscribeLinkService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createHmac('sha256', signingSecret(config)).update('samverkan unsubscribe links v1').digest();
  }

  async url(personId: string, kinds: string[], locale: string): Promise<string> {
    const token = await new SignJWT({ knd: [...new Set(kinds)].sort(), lng: isLocale(locale) ? locale : 'sv' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(personId)
      .setIssuedAt()
      .setExpirationTime(LIFETIME)
      .sign(this.key);
    return mailUrl(publicUrl(this.config), mailPaths.unsubscribe(token));
  }

  /** The claims of a valid link, or undefined (bad signature, expired, malformed). */
  async check(token: string): Promise<UnsubscribeClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const { sub, knd, lng } = payload;
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
      if (typeof sub !== 'string' || !uuid.test(sub) || !Array.isArray(knd) || knd.length === 0 || !knd.every((k) => typeof k === 'string')) return undefined;
      return { personId: sub, kinds: knd as string[], locale: isLocale(lng) ? lng : 'sv' };
    } catch {
      return undefined;
    }
  }
}
