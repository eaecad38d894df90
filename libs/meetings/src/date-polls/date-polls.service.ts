import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService, sittingSql } from '@samverkan/access';
import { APP_CONFIG, AppConfig, AuditService, BadInputError, ConflictError, NotFoundError, RequestContext, groupByKeys, inTimeZone, inTransaction, isLocale, oneByKeys, publicUrl } from '@samverkan/core';
import { OutboxService, isSafeAddress, mailPaths, mailUrl } from '@samverkan/mail';
import { MailLinkService } from '@samverkan/mail-actions';
import { SchedulePayload } from '../meeting.types';
import { checkTimes, MeetingsService } from '../meetings.service';
import { PollAnswer } from './date-poll-answer.entity';
import { DATE_POLL_VOTE_ACTION, datePollInvitationTemplate } from './date-poll-mail.template';
import { DatePollOption } from './date-poll-option.entity';
import { DatePoll } from './date-poll.entity';
import { AnswerDatePollInput, CreateDatePollInput } from './date-poll.inputs';
import { DatePollRespondent, PollOptionSummary } from './date-poll.types';

/** Date polls: the secretariat offers times, members answer yes / if need be / no, choosing one schedules the meeting. */
@Injectable()
export class DatePollsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly meetings: MeetingsService,
    private readonly outbox: OutboxService,
    private readonly links: MailLinkService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(ctx: RequestContext, id: string, level: 'read' | 'manage' = 'read'): Promise<DatePoll> {
    const poll = await ctx
      .loader<string, DatePoll | undefined>('poll.byId', async (ids) => oneByKeys(ids, await this.dataSource.getRepository(DatePoll).findBy({ id: In([...ids]) }), (p) => p.id))
      .load(id);
    if (!poll) throw new NotFoundError('DatePoll', id);
    await this.access.require(ctx, poll.commissionId, level, 'DatePoll', id);
    return poll;
  }

  async create(ctx: RequestContext, input: CreateDatePollInput): Promise<DatePoll> {
    const commissionId = await this.meetings.scopeOf(ctx, input.commissionId, input.workingGroupId);
    const options = input.options.map((o, i) => ({
      startsAt: inTimeZone(o.startsAt, input.timeZone, `options.${i}.startsAt`),
      endsAt: inTimeZone(o.endsAt, input.timeZone, `options.${i}.endsAt`),
    }));
    for (const option of options) checkTimes(option.startsAt, option.endsAt);
    const { poll, outboxIds } = await inTransaction(this.dataSource, async (manager) => {
      const poll = await manager.save(
        manager.create(DatePoll, {
          commissionId,
          workingGroupId: input.workingGroupId ?? null,
          title: input.title.trim(),
          kind: input.kind,
          timeZone: input.timeZone,
          place: input.place?.trim() ?? null,
          onlineUrl: input.onlineUrl ?? null,
          createdBy: ctx.actor?.personId ?? null,
        }),
      );
      await manager.insert(DatePollOption, options.map((o) => ({ pollId: poll.id, ...o })));
      const invitees = await this.invite(manager, poll);
      await this.audit.record(manager, ctx, { entity: 'date_poll', entityId: poll.id, action: 'create', after: { ...poll, options, invited: invitees.length } });
      return { poll, outboxIds: await this.mailInvitees(manager, poll, options, invitees) };
    });
    await this.outbox.dispatch(outboxIds);
    return poll;
  }

  /**
   * Whom a poll asks: the group's principals sitting today and its chair (for a
   * poll of the whole commission, every group's, and the commission's chairs and
   * members), as a meeting of it would invite them. Stored, so the vote link
   * knows whom it is for.
   */
  private async invite(manager: EntityManager, poll: DatePoll): Promise<{ id: string; email: string | null; full_name: string; locale: string; time_zone: string }[]> {
    return manager.query(
      `WITH asked AS (
         SELECT a.person_id FROM appointment a
           JOIN seat s ON s.id = a.seat_id AND s.retired_at IS NULL
           JOIN seat_allocation sa ON sa.id = s.allocation_id
           JOIN working_group g ON g.id = sa.working_group_id
          WHERE g.commission_id = $2 AND ($3::uuid IS NULL OR g.id = $3) AND g.status <> 'concluded'
            AND a.kind = 'principal' AND ${sittingSql('current_date')}
         UNION
         SELECT g.chair_person_id FROM working_group g
          WHERE g.commission_id = $2 AND ($3::uuid IS NULL OR g.id = $3) AND g.status <> 'concluded' AND g.chair_person_id IS NOT NULL
         UNION
         SELECT cr.person_id FROM commission_role cr WHERE $3::uuid IS NULL AND cr.commission_id = $2 AND cr.role IN ('chair', 'member')
       ), inserted AS (
         INSERT INTO date_poll_invitee (poll_id, person_id)
         SELECT $1, asked.person_id FROM asked JOIN person p ON p.id = asked.person_id AND p.erased_at IS NULL
         ON CONFLICT DO NOTHING
         RETURNING person_id
       )
       SELECT p.id, p.email, p.full_name, p.locale, p.time_zone FROM inserted JOIN person p ON p.id = inserted.person_id ORDER BY p.full_name, p.id`,
      [poll.id, poll.commissionId, poll.workingGroupId],
    );
  }

  /** The invitation mail with a signed vote link, to each invitee with an address, through the outbox (same transaction). */
  private async mailInvitees(
    manager: EntityManager,
    poll: DatePoll,
    options: { startsAt: Date; endsAt: Date }[],
    invitees: { id: string; email: string | null; full_name: string; locale: string; time_zone: string }[],
  ): Promise<string[]> {
    const base = publicUrl(this.config);
    const ids: string[] = [];
    for (const person of invitees) {
      if (!person.email || !isSafeAddress(person.email.trim())) continue;
      const { id, created } = await this.outbox.enqueue(manager, {
        template: datePollInvitationTemplate,
        props: {
          title: poll.title,
          place: poll.place,
          onlineUrl: poll.onlineUrl,
          options: options.map((o) => ({ startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() })),
          url: mailUrl(base, mailPaths.datePoll(poll.id)),
          voteUrl: await this.links.url(manager, DATE_POLL_VOTE_ACTION, person.id, poll.id),
        },
        recipient: { personId: person.id, address: person.email, name: person.full_name, locale: isLocale(person.locale) ? person.locale : 'sv', timeZone: person.time_zone },
        dedupeKey: `date-poll:${poll.id}:${person.id}`,
        commissionId: poll.commissionId,
      });
      if (created) ids.push(id);
    }
    return ids;
  }

  /** The actor's answers; answering again replaces them. */
  async answer(ctx: RequestContext, input: AnswerDatePollInput): Promise<DatePoll> {
    const poll = await this.get(ctx, input.pollId);
    if (poll.status !== 'open') throw new ConflictError('meetings.pollClosed');
    const options = new Set((await this.dataSource.getRepository(DatePollOption).findBy({ pollId: poll.id })).map((o) => o.id));
    if (input.votes.some((v) => !options.has(v.optionId))) throw new BadInputError('meetings.optionElsewhere');
    // One row per option and person: a second vote for the same option in one answer would make the upsert touch a row twice.
    if (new Set(input.votes.map((v) => v.optionId)).size !== input.votes.length) throw new BadInputError('meetings.optionTwice');
    const personId = ctx.actor!.personId;
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(
        `INSERT INTO date_poll_answer (option_id, person_id, answer)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])
         ON CONFLICT (option_id, person_id) DO UPDATE SET answer = excluded.answer, answered_at = now()`,
        [input.votes.map((v) => v.optionId), input.votes.map(() => personId), input.votes.map((v) => v.answer)],
      );
      await this.audit.record(manager, ctx, { entity: 'date_poll', entityId: poll.id, action: 'answer', after: { votes: input.votes } });
      return poll;
    });
  }

  /** Options with their counts, the best one marked. One statement per request. */
  summary(ctx: RequestContext, pollId: string): Promise<PollOptionSummary[]> {
    return ctx
      .loader<string, PollOptionSummary[]>('poll.summary', async (ids) => {
        const rows: { id: string; poll_id: string; starts_at: Date; ends_at: Date; yes: number; if_need_be: number; no: number }[] = await this.dataSource.query(
          `SELECT o.id, o.poll_id, o.starts_at, o.ends_at,
                  count(*) FILTER (WHERE a.answer = 'yes')::int AS yes,
                  count(*) FILTER (WHERE a.answer = 'if_need_be')::int AS if_need_be,
                  count(*) FILTER (WHERE a.answer = 'no')::int AS no
             FROM date_poll_option o LEFT JOIN date_poll_answer a ON a.option_id = o.id
            WHERE o.poll_id = ANY($1::uuid[])
            GROUP BY o.id ORDER BY o.starts_at, o.id`,
          [ids],
        );
        return groupByKeys(ids, rows, (row) => row.poll_id).map((list) => {
          const best = [...list].sort((a, b) => b.yes + b.if_need_be - (a.yes + a.if_need_be) || b.yes - a.yes || a.starts_at.getTime() - b.starts_at.getTime())[0];
          return list.map((row) => ({
            option: Object.assign(new DatePollOption(), { id: row.id, pollId: row.poll_id, startsAt: row.starts_at, endsAt: row.ends_at }),
            yes: row.yes,
            ifNeedBe: row.if_need_be,
            no: row.no,
            best: row === best && row.yes + row.if_need_be > 0,
          }));
        });
      })
      .load(pollId);
  }

  /** The actor's own answers, by option (one statement per request for every poll asked about). */
  async myAnswers(ctx: RequestContext, pollId: string): Promise<{ optionId: string; answer: PollAnswer }[]> {
    const personId = ctx.actor?.personId;
    if (!personId) return [];
    return ctx
      .loader<string, { optionId: string; answer: PollAnswer }[]>('poll.myAnswers', async (ids) => {
        const rows: { poll_id: string; optionId: string; answer: PollAnswer }[] = await this.dataSource.query(
          `SELECT o.poll_id, a.option_id AS "optionId", a.answer FROM date_poll_answer a JOIN date_poll_option o ON o.id = a.option_id
            WHERE o.poll_id = ANY($1::uuid[]) AND a.person_id = $2 ORDER BY o.starts_at, o.id`,
          [ids, personId],
        );
        return groupByKeys(ids, rows, (row) => row.poll_id).map((list) => list.map(({ optionId, answer }) => ({ optionId, answer })));
      })
      .load(pollId);
  }

  /** Whether the actor may see the answers grid and choose a time (the group's chair or the secretariat). */
  async maySchedule(ctx: RequestContext, poll: DatePoll): Promise<boolean> {
    if (!ctx.actor) return false;
    if (poll.workingGroupId) return this.access.mayInGroup(ctx, { id: poll.workingGroupId, commissionId: poll.commissionId }, 'schedule');
    return (await this.access.levelIn(ctx, poll.commissionId)) === 'manage';
  }

  /**
   * The answers grid: everyone the poll asked and anyone else who answered,
   * by name, with their answer per option. For those who may choose (the
   * group's chair or the secretariat). One statement.
   */
  async respondents(ctx: RequestContext, pollId: string): Promise<DatePollRespondent[]> {
    const poll = await this.get(ctx, pollId);
    if (poll.workingGroupId) await this.access.requireInGroup(ctx, { id: poll.workingGroupId, commissionId: poll.commissionId }, 'schedule', 'DatePoll', pollId);
    else await this.access.require(ctx, poll.commissionId, 'manage', 'DatePoll', pollId);
    const rows: { person_id: string; invited: boolean; answers: { optionId: string; answer: PollAnswer }[] }[] = await this.dataSource.query(
      `WITH asked AS (
         SELECT person_id, true AS invited FROM date_poll_invitee WHERE poll_id = $1
         UNION
         SELECT a.person_id, false FROM date_poll_answer a JOIN date_poll_option o ON o.id = a.option_id
          WHERE o.poll_id = $1 AND NOT EXISTS (SELECT 1 FROM date_poll_invitee i WHERE i.poll_id = $1 AND i.person_id = a.person_id)
       )
       SELECT asked.person_id, asked.invited,
              coalesce((SELECT json_agg(json_build_object('optionId', o.id, 'answer', a.answer) ORDER BY o.starts_at, o.id)
                          FROM date_poll_option o JOIN date_poll_answer a ON a.option_id = o.id AND a.person_id = asked.person_id
                         WHERE o.poll_id = $1), '[]') AS answers
         FROM asked JOIN person p ON p.id = asked.person_id AND p.erased_at IS NULL
        ORDER BY p.full_name, p.id`,
      [poll.id],
    );
    return rows.map((row) => ({ personId: row.person_id, invited: row.invited, answers: row.answers }));
  }

  /** Chooses an option: closes the poll and schedules the meeting (with invitations) at that time. */
  async choose(ctx: RequestContext, pollId: string, optionId: string): Promise<SchedulePayload> {
    const poll = await this.get(ctx, pollId);
    if (poll.workingGroupId) await this.access.requireInGroup(ctx, { id: poll.workingGroupId, commissionId: poll.commissionId }, 'schedule', 'DatePoll', pollId);
    else await this.access.require(ctx, poll.commissionId, 'manage', 'DatePoll', pollId);
    if (poll.status !== 'open') throw new ConflictError('meetings.pollClosed');
    const option = await this.dataSource.getRepository(DatePollOption).findOneBy({ id: optionId });
    if (!option || option.pollId !== poll.id) throw new BadInputError('meetings.optionElsewhere');
    // One transaction: the meeting, its invitations and the closed poll commit together.
    // Of two secretaries choosing at once, one schedules and the other gets CONFLICT.
    return this.meetings.create(
      ctx,
      {
        commissionId: poll.commissionId,
        workingGroupId: poll.workingGroupId ?? undefined,
        kind: poll.kind,
        title: poll.title,
        startsAt: option.startsAt,
        endsAt: option.endsAt,
        timeZone: poll.timeZone,
        place: poll.place ?? undefined,
        onlineUrl: poll.onlineUrl ?? undefined,
        isOpen: false,
        waitlistOpen: true,
        agenda: [],
        guestIds: [],
        inviteMembers: true,
      },
      async (manager, meeting) => {
        const [rows]: [{ id: string }[], number] = await manager.query(
          `UPDATE date_poll SET status = 'closed', chosen_option_id = $2, meeting_id = $3 WHERE id = $1 AND status = 'open' RETURNING id`,
          [poll.id, option.id, meeting.id],
        );
        if (rows.length === 0) throw new ConflictError('meetings.pollClosed');
        await this.audit.record(manager, ctx, { entity: 'date_poll', entityId: poll.id, action: 'choose', after: { optionId, meetingId: meeting.id } });
      },
    );
  }
}
