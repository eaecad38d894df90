import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  AuditService,
  ConflictError,
  NotFoundError,
  PasswordService,
  RateLimitedError,
  RequestContext,
  TokenService,
  UnauthenticatedError,
  BadInputError,
  inTransaction,
  registerMessages,
} from '@samverkan/core';
import { PeopleService } from '@samverkan/people';
import { Account } from './account.entity';
import { LoginAttempt } from './login-attempt.entity';
import { Session } from './session.entity';
import { AuthPayload, ChangePasswordInput, CreateAccountInput, LoginInput, Me } from './auth.types';

registerMessages({
  'accounts.emailTaken': {
    sv: 'Det finns redan ett konto med e-postadressen.',
    da: 'Der findes allerede en konto med e-mailadressen.',
    en: 'An account with that email address already exists.',
  },
  'accounts.personHasAccount': {
    sv: 'Personen har redan ett konto.',
    da: 'Personen har allerede en konto.',
    en: 'The person already has an account.',
  },
});

/** Sign-in, sessions with rotating refresh tokens, accounts and passwords. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(ctx: RequestContext, input: LoginInput): Promise<AuthPayload> {
    const email = input.email.trim().toLowerCase();
    await this.refuseWhenRateLimited(email, ctx.ip);
    const account = await this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .where('lower(a.email) = :email', { email })
      .andWhere('a.disabled_at IS NULL')
      .getOne();
    const valid = await this.passwords.verify(account?.passwordHash, input.password);
    if (!account || !valid) {
      await this.dataSource.getRepository(LoginAttempt).insert({ email, ip: ctx.ip ?? null, succeeded: false });
      throw new UnauthenticatedError('auth.invalidCredentials');
    }
    const person = await this.people.get(account.personId);
    if (person.erasedAt) throw new UnauthenticatedError('auth.invalidCredentials');
    return inTransaction(this.dataSource, async (manager) => {
      await manager.insert(LoginAttempt, { email, ip: ctx.ip ?? null, succeeded: true });
      const { session, secret } = await this.openSession(manager, account, ctx);
      ctx.actor = { personId: person.id, accountId: account.id, sessionId: session.id, isAdmin: account.isAdmin, locale: person.locale };
      await this.audit.record(manager, ctx, { entity: 'session', entityId: session.id, action: 'login', after: { accountId: account.id, ip: ctx.ip } });
      return this.payload(account, person, session, secret);
    });
  }

  /**
   * Signs in from the browser form: the same checks, rate limit and audit as
   * `login`, but the result is a session cookie token (another audience than API
   * tokens) and no refresh token leaves the server.
   */
  async signInBrowser(ctx: RequestContext, input: LoginInput, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
    await this.login(ctx, input);
    const actor = ctx.actor!;
    return this.tokens.signBrowser({ personId: actor.personId, accountId: actor.accountId, sessionId: actor.sessionId }, ttlSeconds);
  }

  /** Exchanges a refresh token for a new pair. A reused token revokes its session. */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<AuthPayload> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) throw new UnauthenticatedError('auth.invalidRefreshToken');
    return inTransaction(this.dataSource, async (manager) => {
      const session = await manager.findOne(Session, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.revokedAt || session.expiresAt <= new Date()) throw new UnauthenticatedError('auth.invalidRefreshToken');
      if (!sameHash(session.refreshTokenHash, this.tokens.hashSecret(secret))) {
        // A token that was already rotated is being replayed: treat the session as stolen.
        await manager.update(Session, { id: session.id }, { revokedAt: new Date() });
        await this.audit.record(manager, ctx, { entity: 'session', entityId: session.id, action: 'revoke-reused-refresh-token' });
        return { revoked: true } as const;
      }
      const account = await manager.findOneByOrFail(Account, { id: session.accountId });
      const person = await this.people.get(account.personId);
      if (account.disabledAt || person.erasedAt) throw new UnauthenticatedError('auth.invalidRefreshToken');
      const next = this.tokens.newRefreshSecret();
      await manager.update(Session, { id: session.id }, { refreshTokenHash: this.tokens.hashSecret(next), lastUsedAt: new Date() });
      return this.payload(account, person, session, next);
    }).then((result) => {
      if ('revoked' in result) throw new UnauthenticatedError('auth.invalidRefreshToken');
      return result;
    });
  }

  async logout(ctx: RequestContext, everywhere: boolean): Promise<number> {
    const actor = ctx.actor!;
    return inTransaction(this.dataSource, async (manager) => {
      const where = everywhere ? { accountId: actor.accountId, revokedAt: IsNull() } : { id: actor.sessionId, revokedAt: IsNull() };
      const result = await manager.update(Session, where, { revokedAt: new Date() });
      await this.audit.record(manager, ctx, { entity: 'session', entityId: actor.sessionId, action: everywhere ? 'logout-everywhere' : 'logout' });
      return result.affected ?? 0;
    });
  }

  async me(ctx: RequestContext): Promise<Me> {
    const actor = ctx.actor!;
    // The person is in the request's loader already (the session statement brings it: PeopleService's ActorPreload).
    const person = await this.people.load(ctx, actor.personId);
    if (!person) throw new NotFoundError('Person', actor.personId);
    return { person, isAdmin: actor.isAdmin, sessionId: actor.sessionId };
  }

  async createAccount(ctx: RequestContext, input: CreateAccountInput): Promise<Me> {
    const person = await this.people.get(input.personId);
    const passwordHash = await this.passwords.hash(input.password);
    return inTransaction(this.dataSource, async (manager) => {
      const clash = await manager
        .getRepository(Account)
        .createQueryBuilder('a')
        .where('lower(a.email) = lower(:email) OR a.person_id = :personId', { email: input.email.trim(), personId: person.id })
        .getOne();
      if (clash) throw new ConflictError(clash.personId === person.id ? 'accounts.personHasAccount' : 'accounts.emailTaken');
      const account = await manager.save(manager.create(Account, { personId: person.id, email: input.email.trim(), passwordHash, isAdmin: input.isAdmin }));
      await this.audit.record(manager, ctx, { entity: 'account', entityId: account.id, action: 'create', after: { personId: person.id, email: account.email, isAdmin: account.isAdmin } });
      return { person, isAdmin: account.isAdmin, sessionId: '' };
    });
  }

  async changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<boolean> {
    const actor = ctx.actor!;
    const account = await this.dataSource.getRepository(Account).findOneBy({ id: actor.accountId });
    if (!account) throw new NotFoundError('Account', actor.accountId);
    if (!(await this.passwords.verify(account.passwordHash, input.currentPassword))) {
      throw new BadInputError('auth.invalidCredentials');
    }
    const passwordHash = await this.passwords.hash(input.newPassword);
    return inTransaction(this.dataSource, async (manager) => {
      await manager.update(Account, { id: account.id }, { passwordHash });
      // Every other device signs in again with the new password.
      await manager
        .createQueryBuilder()
        .update(Session)
        .set({ revokedAt: () => 'now()' })
        .where('account_id = :id AND id <> :current AND revoked_at IS NULL', { id: account.id, current: actor.sessionId })
        .execute();
      await this.audit.record(manager, ctx, { entity: 'account', entityId: account.id, action: 'change-password' });
      return true;
    });
  }

  private async refuseWhenRateLimited(email: string, ip: string | undefined): Promise<void> {
    const minutes = this.config.LOGIN_WINDOW_MINUTES;
    const [row]: { by_email: string; by_ip: string }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE lower(email) = $1) AS by_email,
              count(*) FILTER (WHERE ip = $2) AS by_ip
         FROM login_attempt
        WHERE NOT succeeded
          AND attempted_at > now() - make_interval(mins => $3)
          AND (lower(email) = $1 OR ip = $2)`,
      [email, ip ?? null, minutes],
    );
    if (Number(row.by_email) >= this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT || Number(row.by_ip) >= this.config.LOGIN_MAX_FAILURES_PER_ADDRESS) {
      throw new RateLimitedError(minutes);
    }
  }

  private async openSession(manager: EntityManager, account: Account, ctx: RequestContext): Promise<{ session: Session; secret: string }> {
    const secret = this.tokens.newRefreshSecret();
    const session = await manager.save(
      manager.create(Session, {
        accountId: account.id,
        refreshTokenHash: this.tokens.hashSecret(secret),
        expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
        ip: ctx.ip ?? null,
        userAgent: ctx.userAgent ?? null,
      }),
    );
    return { session, secret };
  }

  private async payload(account: Account, person: AuthPayload['person'], session: Session, secret: string): Promise<AuthPayload> {
    const access = await this.tokens.signAccess({ personId: person.id, accountId: account.id, sessionId: session.id });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: `${session.id}.${secret}`, person };
  }
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
