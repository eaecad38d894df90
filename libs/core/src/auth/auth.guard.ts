import { CanActivate, ExecutionContext, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { Request } from 'express';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-error';
import { RequestContext } from '../context/request-context';
import { contextOf } from '../context/request-context.middleware';
import { isLocale, DEFAULT_LOCALE } from '../i18n/locale';
import { PERMISSION_KEY, Permission } from './permission';
import { TokenService } from './token.service';
import { ActorPreloads } from './actor-preloads';
import { queryPrepared } from '../database/prepared-query';
import { SESSION_COOKIE, isSameOrigin, readCookie } from './browser-session';

/**
 * The one global guard. A handler without `@Allow(...)` is refused, so a new
 * resolver or route cannot go live unreviewed. It also turns a bearer token into
 * the request's actor (one statement: session, account and person together).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly dataSource: DataSource,
    @Optional() private readonly preloads?: ActorPreloads,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const { req, ctx, http } = this.requestOf(context);
    if (!ctx) throw new ForbiddenError();
    if (permission === undefined) {
      this.logger.warn(`Denied ${context.getClass().name}.${context.getHandler().name}: no @Allow declared`);
      throw new ForbiddenError();
    }
    if (permission === Permission.Public && context.getType<GqlContextType>() !== 'graphql') {
      // A public page or endpoint does not need the actor; a bearer token that is
      // not ours (e.g. the metrics scraper's) is left to the handler.
      await this.authenticate(req, ctx, http).catch((error: unknown) => {
        if (!(error instanceof UnauthenticatedError)) throw error;
      });
      return true;
    }
    await this.authenticate(req, ctx, http);
    if (permission === Permission.Public) return true;
    if (!ctx.actor) throw new UnauthenticatedError();
    if (permission === Permission.Admin && !ctx.actor.isAdmin) throw new ForbiddenError();
    return true;
  }

  private requestOf(context: ExecutionContext): { req: Request; ctx: RequestContext | undefined; http: boolean } {
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context).getContext<{ req: Request }>();
      return { req: gql.req, ctx: contextOf(gql.req), http: false };
    }
    const req = context.switchToHttp().getRequest<Request>();
    return { req, ctx: contextOf(req), http: true };
  }

  /**
   * The guard runs once per root field, and graphql-js starts a query's root fields
   * together: the first one's authentication is shared by the others of the same
   * request (one session statement per request, not one per root field).
   */
  private readonly authenticating = new WeakMap<RequestContext, Promise<void>>();

  private authenticate(req: Request, ctx: RequestContext, http: boolean): Promise<void> {
    if (ctx.actor) return Promise.resolve();
    let pending = this.authenticating.get(ctx);
    if (!pending) {
      pending = this.authenticateOnce(req, ctx, http);
      this.authenticating.set(ctx, pending);
    }
    return pending;
  }

  private async authenticateOnce(req: Request, ctx: RequestContext, http: boolean): Promise<void> {
    const header = req.headers.authorization;
    if (!header) {
      // Pages accept the browser session cookie (set by POST /login or signInBrowser);
      // GraphQL accepts it only from our own origin (the web application), so another
      // site's page can neither read nor write with it. Apollo's csrfPrevention refuses
      // simple (unpreflighted) requests on top.
      if (http) await this.authenticateCookie(req, ctx);
      else if (isSameOrigin(req)) await this.authenticateCookie(req, ctx);
      return;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const claims = match ? await this.tokens.verifyAccess(match[1]) : undefined;
    if (!claims) throw new UnauthenticatedError();
    if (!(await this.loadActor(req, ctx, claims))) throw new UnauthenticatedError();
  }

  /**
   * An expired or revoked cookie leaves the request anonymous (a page then sends
   * the reader to /login). A cookie-authenticated write must come from our own pages.
   */
  private async authenticateCookie(req: Request, ctx: RequestContext): Promise<void> {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return;
    const claims = await this.tokens.verifyBrowser(token);
    if (!claims) return;
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && !isSameOrigin(req)) throw new ForbiddenError();
    await this.loadActor(req, ctx, claims);
  }

  private async loadActor(req: Request, ctx: RequestContext, claims: { personId: string; accountId: string; sessionId: string }): Promise<boolean> {
    const preloads = this.preloads?.all() ?? [];
    // A prepared statement: the same text on every request, whose planning (the roles' rules) cost more than its run.
    const rows = await queryPrepared<{ is_admin: boolean; locale: string } & Record<string, unknown>>(
      this.dataSource,
      `SELECT a.is_admin, p.locale${preloads.map((x, i) => `, ${x.select} AS preload_${i}`).join('')}
         FROM session s
         JOIN account a ON a.id = s.account_id
         JOIN person p ON p.id = a.person_id
        WHERE s.id = $1 AND a.id = $2 AND a.person_id = $3
          AND s.revoked_at IS NULL AND s.expires_at > now()
          AND a.disabled_at IS NULL AND p.erased_at IS NULL`,
      [claims.sessionId, claims.accountId, claims.personId],
    );
    if (rows.length === 0) return false;
    ctx.withActor(
      {
        personId: claims.personId,
        accountId: claims.accountId,
        sessionId: claims.sessionId,
        isAdmin: rows[0].is_admin,
        locale: isLocale(rows[0].locale) ? rows[0].locale : DEFAULT_LOCALE,
      },
    );
    preloads.forEach((x, i) => x.prime(ctx, claims.personId, rows[0][`preload_${i}`]));
    return true;
  }
}
