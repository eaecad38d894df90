import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SignJWT, decodeJwt, errors, jwtVerify } from 'jose';
import {
  APP_CONFIG,
  AppConfig,
  ConnectionArgs,
  ConnectionShape,
  Locale,
  RequestContext,
  isLocale,
  paginate,
  publicUrl,
  signingSecret,
} from '@samverkan/core';
import { LoadedSubject, MailActionDefinition, mailAction } from './mail-action.registry';
import { MailLinkUse } from './mail-link-use.entity';
import { LinkProblem } from './mail-actions.messages';
import './mail-actions.messages';

const ISSUER = 'samverkan';
const AUDIENCE = 'samverkan-mail-action';

/** What a link says, once its signature is checked. */
export interface LinkClaims {
  linkId: string;
  personId: string;
  action: string;
  subjectId: string;
  version: string;
  locale: Locale;
  expiresAt: Date;
}

export type LinkCheck =
  | { ok: true; claims: LinkClaims; definition: MailActionDefinition; loaded: LoadedSubject<unknown> }
  | { ok: false; problem: LinkProblem; locale?: Locale; personId?: string; at?: Date };

/**
 * Signed one-click links for mail (HS256 JWTs made with jose, under a key of
 * their own derived from the configured secret): bound to one person, one
 * subject and one action, expiring after MAIL_LINK_TTL_DAYS, carrying the
 * subject's version so a change to the subject revokes every earlier link.
 */
@Injectable()
export class MailLinkService {
  private readonly key: Uint8Array;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // A purpose-bound key: an access token can never pass as a mail link, nor the reverse.
    this.key = createHmac('sha256', signingSecret(config)).update('samverkan mail-action links v1').digest();
  }

  /**
   * The absolute URL of a new link. Call it inside the transaction that writes
   * the mail, so the subject's version is the one the mail describes.
   * `prefill` preselects answers on the page (a "Yes" button); it proves nothing.
   */
  async url(manager: EntityManager, action: string, personId: string, subjectId: string, prefill: Record<string, string> = {}): Promise<string> {
    const [url] = await this.urls(manager, action, personId, subjectId, [prefill]);
    return url;
  }

  /**
   * One new link behind several buttons ("Approve", "Request changes"): the
   * same signed token with different answers preselected, so a single-use
   * action is answered once whichever button is clicked. With `onlyIfUsable`,
   * no URLs when the person could not act on the subject now (a reminder
   * written after the answer was given carries no dead buttons).
   */
  async urls(
    manager: EntityManager,
    action: string,
    personId: string,
    subjectId: string,
    prefills: Record<string, string>[],
    options: { onlyIfUsable?: boolean } = {},
  ): Promise<string[]> {
    const definition = mailAction(action);
    if (!definition) throw new Error(`Unknown mail action ${action}`);
    const loaded = await definition.load(manager, subjectId, personId);
    if (options.onlyIfUsable && (!loaded || !loaded.entitled || !loaded.open)) return [];
    if (!loaded) throw new Error(`Mail action ${action}: subject ${subjectId} not found`);
    const [person]: { locale: string }[] = await manager.query(`SELECT locale FROM person WHERE id = $1`, [personId]);
    const token = await new SignJWT({ act: action, sid: subjectId, ver: versionHash(loaded.version), lng: person?.locale ?? 'sv' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(personId)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.config.MAIL_LINK_TTL_DAYS}d`)
      .sign(this.key);
    return prefills.map((prefill) => {
      const query = new URLSearchParams(Object.entries(prefill).filter(([key]) => definition.prefill?.includes(key))).toString();
      return `${publicUrl(this.config)}/mail-actions/${token}${query ? `?${query}` : ''}`;
    });
  }

  /** Checks signature, expiry, action, the subject's version, the person's standing and single use. Changes nothing. */
  async check(token: string): Promise<LinkCheck> {
    let claims: LinkClaims;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const parsed = toClaims(payload);
      if (!parsed) return { ok: false, problem: 'invalid', locale: unverifiedLocale(token) };
      claims = parsed;
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        const parsed = toClaims(error.payload);
        return { ok: false, problem: 'expired', locale: parsed?.locale, personId: parsed?.personId, at: parsed?.expiresAt };
      }
      return { ok: false, problem: 'invalid', locale: unverifiedLocale(token) };
    }
    const problem = (p: LinkProblem, at?: Date): LinkCheck => ({ ok: false, problem: p, locale: claims.locale, personId: claims.personId, at });
    const definition = mailAction(claims.action);
    if (!definition) return problem('invalid');
    // A person who was removed (erased) can no longer act through old mail.
    const [person]: { erased: boolean }[] = await this.dataSource.query(`SELECT erased_at IS NOT NULL AS erased FROM person WHERE id = $1`, [claims.personId]);
    if (!person || person.erased) return problem('revoked');
    const use = await this.useOf(claims.linkId);
    if (use?.state === 'revoked') return problem('revoked');
    if (use && definition.singleUse) return problem('used', use.at);
    const loaded = await definition.load(this.dataSource.manager, claims.subjectId, claims.personId);
    if (!loaded || !loaded.entitled || versionHash(loaded.version) !== claims.version) return problem('revoked');
    if (!loaded.open) return problem('closed');
    return { ok: true, claims, definition, loaded };
  }

  private async useOf(linkId: string): Promise<{ state: 'used' | 'revoked'; at: Date } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT state, at FROM mail_link_use WHERE link_id = $1 ORDER BY (state = 'revoked') DESC, at LIMIT 1`,
      [linkId],
    );
    return row;
  }

  /**
   * Records the answer in the caller's transaction. For a single-use link the
   * unique index refuses a second row, so of two concurrent submits one commits
   * and the other rolls back with CONFLICT (mailActions.linkUsed).
   */
  async recordUse(manager: EntityManager, ctx: RequestContext, claims: LinkClaims, definition: MailActionDefinition, commissionId: string | null, answer: Record<string, unknown>): Promise<void> {
    await manager.query(
      `INSERT INTO mail_link_use (link_id, action, single_use, person_id, subject_type, subject_id, commission_id, answer, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
      [claims.linkId, definition.name, definition.singleUse, claims.personId, definition.subjectType, claims.subjectId, commissionId, JSON.stringify(answer), ctx.requestId.slice(0, 200)],
    );
  }

  /**
   * Lists an answer taken from a calendar reply with the answers given from
   * mail (in the caller's transaction, beside the change it made). `replyId`
   * is the inbound mail's id.
   */
  async recordCalendarReply(manager: EntityManager, ctx: RequestContext, reply: { replyId: string; action: string; personId: string; subjectId: string; commissionId: string | null; answer: Record<string, unknown> }): Promise<void> {
    const definition = mailAction(reply.action);
    if (!definition) throw new Error(`Unknown mail action ${reply.action}`);
    await manager.query(
      `INSERT INTO mail_link_use (link_id, action, single_use, channel, person_id, subject_type, subject_id, commission_id, answer, request_id)
       VALUES ($1, $2, false, 'calendar-reply', $3, $4, $5, $6, $7::jsonb, $8)`,
      [reply.replyId, definition.name, reply.personId, definition.subjectType, reply.subjectId, reply.commissionId, JSON.stringify(reply.answer), ctx.requestId.slice(0, 200)],
    );
  }

  /** Answers given from mail in one commission, newest first (the secretariat's view). */
  answers(commissionId: string, args: ConnectionArgs): Promise<ConnectionShape<MailLinkUse>> {
    const qb = this.dataSource
      .getRepository(MailLinkUse)
      .createQueryBuilder('u')
      .where('u.commission_id = :commissionId', { commissionId })
      .andWhere(`u.state = 'used'`)
      .orderBy('u.at', 'DESC')
      .addOrderBy('u.id', 'DESC');
    return paginate(qb, args);
  }

  /** A form token bound to this link and to the browser's cookie nonce (double-submit CSRF defence). */
  csrfToken(nonce: string, linkId: string): string {
    return createHmac('sha256', this.key).update(`csrf:${nonce}:${linkId}`).digest('base64url');
  }

  csrfValid(nonce: string | undefined, linkId: string, token: unknown): boolean {
    if (!nonce || typeof token !== 'string' || token.length > 100) return false;
    const expected = Buffer.from(this.csrfToken(nonce, linkId));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  newNonce(): string {
    return randomBytes(24).toString('base64url');
  }
}

function versionHash(version: string): string {
  return createHash('sha256').update(version).digest('base64url').slice(0, 22);
}

function toClaims(payload: Record<string, unknown>): LinkClaims | undefined {
  const { sub, jti, act, sid, ver, lng, exp } = payload;
  if (typeof sub !== 'string' || typeof jti !== 'string' || typeof act !== 'string' || typeof sid !== 'string' || typeof ver !== 'string' || typeof exp !== 'number') return undefined;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(sub) || !uuid.test(jti) || !uuid.test(sid)) return undefined;
  return { personId: sub, linkId: jti, action: act, subjectId: sid, version: ver, locale: isLocale(lng) ? lng : 'sv', expiresAt: new Date(exp * 1000) };
}

/** The language claim of a link that failed its signature check: used only to pick the page's language. */
function unverifiedLocale(token: string): Locale | undefined {
  try {
    const lng = decodeJwt(token).lng;
    return isLocale(lng) ? lng : undefined;
  } catch {
    return undefined;
  }
}
