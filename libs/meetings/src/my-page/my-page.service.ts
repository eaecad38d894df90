import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext, UnauthenticatedError, readPlain } from '@samverkan/core';
import { MyActionItem, MyDatePoll, MyMinutesToApprove } from './my-page.types';

/**
 * What My page shows of meetings for the signed-in person: one read per list
 * (the person's own rows only, so no further access check is needed), combined
 * with My page's other lists into one statement (readPlain).
 */
@Injectable()
export class MeetingsMyPageService {
  constructor(private readonly dataSource: DataSource) {}

  async minutesToApprove(ctx: RequestContext): Promise<MyMinutesToApprove[]> {
    return readPlain<MyMinutesToApprove>(ctx, this.dataSource, {
      sql: `SELECT mi.id AS "minutesId", m.id AS "meetingId", m.title AS "meetingTitle", m.starts_at AS "meetingStartsAt", mi.sent_for_approval_at AS "sentForApprovalAt"
         FROM minutes_adjuster ma
         JOIN minutes mi ON mi.id = ma.minutes_id
         JOIN meeting m ON m.id = mi.meeting_id
        WHERE ma.person_id = $1 AND ma.approved_at IS NULL AND mi.status = 'in_approval'
        ORDER BY mi.sent_for_approval_at NULLS LAST, m.starts_at
        LIMIT 50`,
      params: [this.personId(ctx)],
      timestamps: ['meetingStartsAt', 'sentForApprovalAt'],
    });
  }

  async actionItems(ctx: RequestContext): Promise<MyActionItem[]> {
    return readPlain<MyActionItem>(ctx, this.dataSource, {
      sql: `SELECT ai.id, ai.title, ai.due_on::text AS "dueOn", ai.status, m.id AS "meetingId", m.title AS "meetingTitle"
         FROM action_item ai
         JOIN minutes mi ON mi.id = ai.minutes_id AND mi.status = 'approved'
         JOIN meeting m ON m.id = ai.meeting_id
        WHERE ai.assignee_person_id = $1 AND ai.status IN ('open', 'in_progress')
        ORDER BY ai.due_on NULLS LAST, ai.title
        LIMIT 100`,
      params: [this.personId(ctx)],
    });
  }

  async datePolls(ctx: RequestContext): Promise<MyDatePoll[]> {
    return readPlain<MyDatePoll>(ctx, this.dataSource, {
      sql: `SELECT p.id, p.title, p.time_zone AS "timeZone", wg.name AS "workingGroupName",
              (SELECT min(o.starts_at) FROM date_poll_option o WHERE o.poll_id = p.id) AS "firstOptionAt"
         FROM date_poll p
         JOIN working_group wg ON wg.id = p.working_group_id
        WHERE p.status = 'open'
          AND (wg.chair_person_id = $1 OR EXISTS (
                SELECT 1 FROM appointment a
                  JOIN seat s ON s.id = a.seat_id
                  JOIN seat_allocation sa ON sa.id = s.allocation_id
                 WHERE sa.working_group_id = wg.id AND a.person_id = $1
                   AND a.starts_on <= current_date AND (a.ends_on IS NULL OR a.ends_on >= current_date)))
          AND NOT EXISTS (SELECT 1 FROM date_poll_answer da JOIN date_poll_option o ON o.id = da.option_id WHERE o.poll_id = p.id AND da.person_id = $1)
        ORDER BY p.created_at
        LIMIT 50`,
      params: [this.personId(ctx)],
      timestamps: ['firstOptionAt'],
    });
  }

  private personId(ctx: RequestContext): string {
    if (!ctx.actor) throw new UnauthenticatedError();
    return ctx.actor.personId;
  }
}
