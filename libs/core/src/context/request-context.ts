import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import { DEFAULT_LOCALE, Locale, chooseLocale, localeFromHeader } from '../i18n/locale';

/** Who is acting. Built by the auth guard from a verified access token. */
export interface Actor {
  personId: string;
  accountId: string;
  sessionId: string;
  isAdmin: boolean;
  locale: Locale;
}

/**
 * Where a change came from when it was not a signed-in API call: a signed link
 * in a mail (libs/mail-actions), or a calendar's answer mailed to a signed
 * address of ours (libs/inbound; `linkId` is then the inbound mail's id). A link proves who the person is for one action
 * on one subject, so `grants` lets a service accept it for that subject only.
 */
export interface ChangeOrigin {
  channel: 'mail-link' | 'calendar-reply';
  linkId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  /**
   * Runs inside the transaction of the change (the audit service calls it), so
   * the link is marked used if and only if the change commits.
   */
  enlist(manager: EntityManager): Promise<void>;
}

/**
 * What a service needs to know about the request it serves: who acts, in which
 * language errors should read, and the id that ties logs and audit events together.
 * Passed explicitly from resolver to service (no hidden request scope).
 */
export class RequestContext {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /** Set when the change comes from a signed mail link rather than a session. */
  via?: ChangeOrigin;

  /** The language the request's Accept-Language asked for, if it named one we have. */
  private headerLocale?: Locale;
  /** The configured DEFAULT_LOCALE, for a request that names no language and no person. */
  private fallbackLocale: Locale = DEFAULT_LOCALE;

  constructor(
    readonly requestId: string,
    public actor: Actor | undefined,
    public locale: Locale,
    readonly ip: string | undefined,
    readonly userAgent: string | undefined,
  ) {}

  /** The context of an HTTP request; its language follows {@link chooseLocale} (the actor is added later by the guard). */
  static fromRequest(req: Request, fallbackLocale: Locale = DEFAULT_LOCALE): RequestContext {
    const headerLocale = localeFromHeader(req.headers['accept-language']);
    const id = (req as Request & { id?: string }).id ?? randomUUID();
    const ctx = new RequestContext(
      String(id),
      undefined,
      headerLocale ?? fallbackLocale,
      req.ip,
      typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'].slice(0, 300) : undefined,
    );
    ctx.headerLocale = headerLocale;
    ctx.fallbackLocale = fallbackLocale;
    return ctx;
  }

  /** For the worker, the CLI and seeds: a system actor with no person. */
  static system(requestId = `system:${randomUUID()}`): RequestContext {
    return new RequestContext(requestId, undefined, DEFAULT_LOCALE, undefined, 'system');
  }

  /**
   * One DataLoader per name per request, so a to-many relation costs one
   * statement however long the list that asks for it.
   */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 5000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Whether a signed mail link authorises this request for exactly this subject. */
  grants(subjectType: string, subjectId: string): boolean {
    return !!this.via && this.via.subjectType === subjectType && this.via.subjectId === subjectId;
  }

  /** The configured DEFAULT_LOCALE this request falls back to. */
  get defaultLocale(): Locale {
    return this.fallbackLocale;
  }

  /** Signs the actor in; without a usable Accept-Language their own language now decides. */
  withActor(actor: Actor): this {
    this.actor = actor;
    this.locale = chooseLocale({ header: this.headerLocale, person: actor.locale, fallback: this.fallbackLocale });
    return this;
  }
}
