import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext, UnauthenticatedError, readPlain } from '@samverkan/core';
import { MyNominationRequest, MySeat } from './my-seats.types';

/** My page's seats and nomination requests: one read each (combined with My page's other lists: readPlain), the person's own rows only. */
@Injectable()
export class MySeatsService {
  constructor(private readonly dataSource: DataSource) {}

  async seats(ctx: RequestContext): Promise<MySeat[]> {
    return readPlain<MySeat>(ctx, this.dataSource, {
      sql: `SELECT a.id AS "appointmentId", a.kind, wg.id AS "workingGroupId", wg.name AS "workingGroupName", o.name AS "organisationName",
              s.number AS "seatNumber", a.term_number AS "termNumber", a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn",
              CASE WHEN a.kind = 'substitute' THEN (
                SELECT p.full_name FROM appointment pa JOIN person p ON p.id = pa.person_id
                 WHERE pa.seat_id = a.seat_id AND pa.kind = 'principal' AND pa.starts_on <= current_date AND (pa.ends_on IS NULL OR pa.ends_on >= current_date)
                 ORDER BY pa.starts_on DESC LIMIT 1) END AS "principalName"
         FROM appointment a
         JOIN seat s ON s.id = a.seat_id
         JOIN seat_allocation sa ON sa.id = s.allocation_id
         JOIN working_group wg ON wg.id = sa.working_group_id
         JOIN organisation o ON o.id = sa.organisation_id
        WHERE a.person_id = $1 AND (a.ends_on IS NULL OR a.ends_on >= current_date)
        ORDER BY wg.name, a.starts_on`,
      params: [this.personId(ctx)],
    });
  }

  async nominationRequests(ctx: RequestContext): Promise<MyNominationRequest[]> {
    return readPlain<MyNominationRequest>(ctx, this.dataSource, {
      sql: `SELECT nr.id, o.name AS "organisationName", wg.id AS "workingGroupId", wg.name AS "workingGroupName",
              nr.seats_requested AS "seatsRequested", nr.deadline::text AS deadline, nr.status
         FROM nomination_request nr
         JOIN organisation o ON o.id = nr.organisation_id
         JOIN seat_allocation sa ON sa.id = nr.allocation_id
         JOIN working_group wg ON wg.id = sa.working_group_id
        WHERE nr.contact_person_id = $1 AND nr.status = 'sent'
        ORDER BY nr.deadline
        LIMIT 50`,
      params: [this.personId(ctx)],
    });
  }

  private personId(ctx: RequestContext): string {
    if (!ctx.actor) throw new UnauthenticatedError();
    return ctx.actor.personId;
  }
}
