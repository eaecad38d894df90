import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { APP_CONFIG, AppConfig, AuditService, NotFoundError, RequestContext, UnauthenticatedError, hashSecret, inTransaction, isLocale, publicUrl } from '@samverkan/core';
import { MeetingNotifier } from '../meeting-notifier.service';
import { Meeting } from '../meeting.entity';
import { CalendarFeedToken } from './calendar-feed-token.entity';
import { CalendarFeed } from './calendar-feed.types';
import { buildCalendar, IcalAttendee } from './meeting-ical';

/** How far back a feed reaches; everything ahead is included. */
const FEED_PAST_DAYS = 180;

/**
 * Calendar subscriptions: a per-person feed of every meeting the person is
 * invited to, and a per-group feed, both behind a secret token (calendar apps
 * cannot send a bearer token). Only the token's hash is stored; creating a
 * new one or revoking it makes the old address stop working at once.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifier: MeetingNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new secret feed address for the acting person (any older one stops working). */
  async create(ctx: RequestContext): Promise<CalendarFeed> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const personId = ctx.actor.personId;
    const token = randomBytes(32).toString('base64url');
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`UPDATE calendar_feed_token SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL`, [personId]);
      const row = await manager.save(manager.create(CalendarFeedToken, { personId, tokenHash: hashSecret(token) }));
      await this.audit.record(manager, ctx, { entity: 'calendar_feed', entityId: row.id, action: 'create', after: { personId, tokenHash: row.tokenHash } });
    });
    const base = `${publicUrl(this.config)}/calendar/${token}`;
    return { url: `${base}/feed.ics`, groupUrlTemplate: `${base}/groups/{groupId}/feed.ics` };
  }

  /** Whether the acting person has a feed address in use, and since when (for their settings). */
  async status(ctx: RequestContext): Promise<{ active: boolean; createdAt: Date | null }> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const [row]: { created_at: Date }[] = await this.dataSource.query(
      `SELECT created_at FROM calendar_feed_token WHERE person_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      [ctx.actor.personId],
    );
    return { active: !!row, createdAt: row?.created_at ?? null };
  }

  async revoke(ctx: RequestContext): Promise<boolean> {
    if (!ctx.actor) throw new UnauthenticatedError();
    return inTransaction(this.dataSource, async (manager) => {
      const [rows]: [{ id: string }[], number] = await manager.query(
        `UPDATE calendar_feed_token SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL RETURNING id`,
        [ctx.actor!.personId],
      );
      for (const row of rows) await this.audit.record(manager, ctx, { entity: 'calendar_feed', entityId: row.id, action: 'revoke' });
      return rows.length > 0;
    });
  }

  /** The feed of every meeting the token's person is invited to. */
  async personFeed(token: string): Promise<string> {
    const owner = await this.owner(token);
    const meetings = await this.meetingsWhere(`m.id IN (SELECT meeting_id FROM invitation WHERE person_id = $1)`, [owner.personId]);
    return this.calendar(meetings, owner.personId, 'Samverkan');
  }

  /** The feed of a working group's meetings, for a person who may read the group. */
  async groupFeed(token: string, groupId: string): Promise<string> {
    const owner = await this.owner(token);
    const [group]: { commission_id: string; name: string }[] = await this.dataSource.query(`SELECT commission_id, name FROM working_group WHERE id = $1`, [groupId]);
    if (!group) throw new NotFoundError('WorkingGroup', groupId);
    const ctx = RequestContext.system(`feed:${owner.personId}`);
    ctx.actor = { personId: owner.personId, accountId: owner.accountId ?? '', sessionId: '', isAdmin: owner.isAdmin, locale: isLocale(owner.locale) ? owner.locale : 'sv' };
    await this.access.require(ctx, group.commission_id, 'read', 'WorkingGroup', groupId);
    const meetings = await this.meetingsWhere(`m.working_group_id = $1`, [groupId]);
    return this.calendar(meetings, owner.personId, group.name);
  }

  /** One meeting as a calendar file for a reader who may see it (the meeting page's "add to calendar"), with their own PARTSTAT. */
  meetingFile(meeting: Meeting, personId: string): Promise<string> {
    return this.calendar([meeting], personId, meeting.title);
  }

  private async owner(token: string): Promise<{ personId: string; accountId: string | null; isAdmin: boolean; locale: string }> {
    const [row]: { person_id: string; account_id: string | null; is_admin: boolean | null; locale: string }[] = await this.dataSource.query(
      `SELECT t.person_id, a.id AS account_id, a.is_admin, p.locale
         FROM calendar_feed_token t
         JOIN person p ON p.id = t.person_id AND p.erased_at IS NULL
         LEFT JOIN account a ON a.person_id = p.id AND a.disabled_at IS NULL
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [hashSecret(token)],
    );
    if (!row) throw new NotFoundError('CalendarFeed', 'token', 'meetings.feedToken');
    return { personId: row.person_id, accountId: row.account_id, isAdmin: row.is_admin ?? false, locale: row.locale };
  }

  private meetingsWhere(condition: string, params: unknown[]): Promise<Meeting[]> {
    return this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .where(condition.replace('$1', ':p1'), { p1: params[0] })
      .andWhere(`m.ends_at >= now() - make_interval(days => ${FEED_PAST_DAYS})`)
      .orderBy('m.starts_at')
      .addOrderBy('m.id')
      .take(1000)
      .getMany();
  }

  /** One VEVENT per meeting (cancelled ones as STATUS:CANCELLED), with the reader's own PARTSTAT. */
  private async calendar(meetings: Meeting[], personId: string, name: string): Promise<string> {
    const ids = meetings.map((m) => m.id);
    const mine: { meeting_id: string; rsvp: IcalAttendee['rsvp']; role: IcalAttendee['role']; full_name: string; email: string | null }[] = ids.length
      ? await this.dataSource.query(
          `SELECT i.meeting_id, i.rsvp, i.role, p.full_name, p.email FROM invitation i JOIN person p ON p.id = i.person_id
            WHERE i.meeting_id = ANY($1::uuid[]) AND i.person_id = $2`,
          [ids, personId],
        )
      : [];
    const byMeeting = new Map(mine.map((row) => [row.meeting_id, row]));
    const organizers = new Map<string, { name: string; email: string }>();
    const events = [];
    for (const meeting of meetings) {
      const key = meeting.organizerPersonId ?? '';
      if (!organizers.has(key)) organizers.set(key, await this.notifier.organizerOf(this.dataSource.manager, meeting));
      const me = byMeeting.get(meeting.id);
      events.push({
        meeting,
        organizer: organizers.get(key)!,
        attendees: me?.email ? [{ name: me.full_name, email: me.email, rsvp: me.rsvp, role: me.role }] : [],
        url: this.notifier.meetingUrl(meeting.id),
      });
    }
    return buildCalendar(null, events, name).toString();
  }
}
