import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { AuditService, BadInputError, ConflictError, NotFoundError, RequestContext, groupByKeys, inTimeZone, inTransaction, oneByKeys } from '@samverkan/core';
import { DatePoll, DatePollOption, PollAnswer } from './meeting.entity';
import { AnswerDatePollInput, CreateDatePollInput } from './meeting.inputs';
import { PollOptionSummary, SchedulePayload } from './meeting.types';
import { MeetingsService, checkTimes } from './meetings.service';

/** Date polls: the secretariat offers times, members answer yes / if need be / no, choosing one schedules the meeting. */
@Injectable()
export class DatePollsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly meetings: MeetingsService,
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
    return inTransaction(this.dataSource, async (manager) => {
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
      await this.audit.record(manager, ctx, { entity: 'date_poll', entityId: poll.id, action: 'create', after: { ...poll, options } });
      return poll;
    });
  }

  /** The actor's answers; answering again replaces them. */
  async answer(ctx: RequestContext, input: AnswerDatePollInput): Promise<DatePoll> {
    const poll = await this.get(ctx, input.pollId);
    if (poll.status !== 'open') throw new ConflictError('meetings.pollClosed');
    const options = new Set((await this.dataSource.getRepository(DatePollOption).findBy({ pollId: poll.id })).map((o) => o.id));
    if (input.votes.some((v) => !options.has(v.optionId))) throw new BadInputError('meetings.optionElsewhere');
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

  /** The actor's own answers, by option. */
  async myAnswers(ctx: RequestContext, pollId: string): Promise<{ optionId: string; answer: PollAnswer }[]> {
    if (!ctx.actor) return [];
    return this.dataSource.query(
      `SELECT a.option_id AS "optionId", a.answer FROM date_poll_answer a JOIN date_poll_option o ON o.id = a.option_id WHERE o.poll_id = $1 AND a.person_id = $2`,
      [pollId, ctx.actor.personId],
    );
  }

  /** Chooses an option: closes the poll and schedules the meeting (with invitations) at that time. */
  async choose(ctx: RequestContext, pollId: string, optionId: string): Promise<SchedulePayload> {
    const poll = await this.get(ctx, pollId, 'manage');
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
