import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService, BadInputError, NotFoundError, RequestContext, inTransaction } from '@samverkan/core';
import { PeopleService } from '@samverkan/people';
import { Attendance, Invitation } from '../invitations/invitation.entity';
import { MeetingsService } from '../meetings.service';
import { RecordAttendanceInput } from './attendance.inputs';
import { Quorum } from './quorum.types';

/** Seats represented on the attendance record: a member present, or substituted (SQL over `invitation i`). */
const REPRESENTING = `i.seat_id IS NOT NULL AND i.attendance IN ('present', 'substituted')`;
/** Who sits on the seat for an invitation on the record: the invitee when present, else whoever substituted (null when only named). */
const ATTENDEE = `CASE i.attendance WHEN 'present' THEN i.person_id ELSE i.substituted_by_person_id END`;
/** Active seats of group `g`. */
const SEATS = `(SELECT count(*)::int FROM seat s JOIN seat_allocation sa ON sa.id = s.allocation_id WHERE sa.working_group_id = g.id AND s.retired_at IS NULL)`;

interface QuorumRow {
  id: string;
  seats: number;
  share: string;
  attending: number;
  represented: number;
}

/**
 * On the day: who was present, absent, sent apologies or was substituted,
 * and the quorum that follows, for the meeting and for each agenda item (where
 * whoever has a conflict of interest on the item does not count).
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly audit: AuditService,
    private readonly people: PeopleService,
  ) {}

  /**
   * Records who was present, absent, sent apologies or was substituted (and by
   * whom). Only once the meeting has begun: before its start nobody has been
   * present or absent yet (apologies in advance are RSVPs).
   */
  async record(ctx: RequestContext, input: RecordAttendanceInput): Promise<Invitation[]> {
    const meeting = await this.meetings.get(ctx, input.meetingId, 'manage');
    if (meeting.startsAt.getTime() > Date.now()) throw new BadInputError('meetings.attendanceBeforeStart', {}, { field: 'meetingId', startsAt: meeting.startsAt.toISOString() });
    for (const entry of input.entries) {
      if (entry.attendance === Attendance.SUBSTITUTED && !entry.substitutedByPersonId && !entry.substitutedByName) throw new BadInputError('meetings.substitutedByMissing');
    }
    const named = [...new Set(input.entries.map((e) => e.substitutedByPersonId).filter((id): id is string => !!id))];
    if (named.length) {
      const found = await this.people.findByIds(named);
      const missing = named.find((_, index) => !found[index]);
      if (missing) throw new NotFoundError('Person', missing);
    }
    return inTransaction(this.dataSource, async (manager) => {
      const invitations = await manager.find(Invitation, { where: { meetingId: meeting.id, personId: In(input.entries.map((e) => e.personId)) }, lock: { mode: 'pessimistic_write' } });
      const byPerson = new Map(invitations.map((i) => [i.personId, i]));
      const saved: Invitation[] = [];
      for (const entry of input.entries) {
        const before = byPerson.get(entry.personId);
        if (!before) throw new BadInputError('meetings.attendeeNotInvited', { id: entry.personId }, { personId: entry.personId });
        const substituted = entry.attendance === Attendance.SUBSTITUTED;
        saved.push(
          await manager.save(Invitation, {
            ...before,
            attendance: entry.attendance,
            substitutedByPersonId: substituted ? (entry.substitutedByPersonId ?? null) : null,
            substitutedByName: substituted ? (entry.substitutedByName?.trim() ?? null) : null,
          }),
        );
      }
      await this.audit.record(manager, ctx, {
        entity: 'meeting',
        entityId: meeting.id,
        action: 'record-attendance',
        after: { entries: input.entries.map((e) => ({ personId: e.personId, attendance: e.attendance })) },
      });
      return saved;
    });
  }

  /**
   * The quorum on the attendance record: seats represented (a member present,
   * or substituted) against the group's seats and quorum share. Empty for a
   * meeting of the whole commission. One statement for every meeting in the request.
   */
  ofMeeting(ctx: RequestContext, meetingId: string): Promise<Quorum | null> {
    return ctx
      .loader<string, Quorum | null>('meeting.quorum', async (ids) => {
        const rows: QuorumRow[] = await this.dataSource.query(
          `SELECT m.id, g.quorum_share AS share, ${SEATS} AS seats, r.n AS attending, r.n AS represented
             FROM meeting m JOIN working_group g ON g.id = m.working_group_id
            CROSS JOIN LATERAL (SELECT count(DISTINCT i.seat_id)::int AS n FROM invitation i WHERE i.meeting_id = m.id AND ${REPRESENTING}) r
            WHERE m.id = ANY($1::uuid[])`,
          [ids],
        );
        return byKey(ids, rows);
      })
      .load(meetingId);
  }

  /**
   * The quorum for deciding one agenda item: as the meeting's, but a seat
   * whose representative declared a conflict of interest (jäv) on the item
   * beforehand, or has one recorded in the minutes, does not count for it (a
   * substitute who sits in for a member with a conflict does). Empty for a
   * meeting of the whole commission. One statement for every item in the request.
   */
  ofAgendaItem(ctx: RequestContext, agendaItemId: string): Promise<Quorum | null> {
    return ctx
      .loader<string, Quorum | null>('agendaItem.quorum', async (ids) => {
        const rows: QuorumRow[] = await this.dataSource.query(
          `SELECT a.id, g.quorum_share AS share, ${SEATS} AS seats,
                  (SELECT count(DISTINCT i.seat_id)::int FROM invitation i WHERE i.meeting_id = a.meeting_id AND ${REPRESENTING}) AS attending,
                  (SELECT count(DISTINCT i.seat_id)::int FROM invitation i
                    WHERE i.meeting_id = a.meeting_id AND ${REPRESENTING}
                      AND NOT EXISTS (SELECT 1 FROM interest_declaration d WHERE d.agenda_item_id = a.id AND d.person_id = ${ATTENDEE})
                      AND NOT EXISTS (SELECT 1 FROM conflict_of_interest c WHERE c.agenda_item_id = a.id AND c.person_id = ${ATTENDEE})) AS represented
             FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id JOIN working_group g ON g.id = m.working_group_id
            WHERE a.id = ANY($1::uuid[])`,
          [ids],
        );
        return byKey(ids, rows);
      })
      .load(agendaItemId);
  }
}

function byKey(ids: readonly string[], rows: QuorumRow[]): (Quorum | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) return null;
    const share = Number(row.share);
    const required = row.seats === 0 ? 0 : Math.min(row.seats, Math.floor(row.seats * share) + 1);
    return { seats: row.seats, share, required, represented: row.represented, recused: row.attending - row.represented, met: row.seats > 0 && row.represented >= required };
  });
}
