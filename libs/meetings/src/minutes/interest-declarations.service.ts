import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { AuditService, BadInputError, ConflictError, ForbiddenError, NotFoundError, RequestContext, groupByKeys, inTransaction } from '@samverkan/core';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { MeetingStatus } from '../meeting.entity';
import { MeetingsService } from '../meetings.service';
import { InterestDeclaration } from './interest-declaration.entity';
import { DeclareConflictOfInterestInput } from './interest-declaration.inputs';

/**
 * Conflicts of interest (jäv) declared by the invitees themselves, per agenda
 * item, until the meeting starts. The invitee sees and withdraws their own;
 * the secretariat and the chair of the meeting's group see everyone's.
 */
@Injectable()
export class InterestDeclarationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async declare(ctx: RequestContext, input: DeclareConflictOfInterestInput): Promise<InterestDeclaration> {
    const reason = input.reason.trim();
    if (!reason) throw BadInputError.field('reason', 'say why, in at least one character');
    const item = await this.openItem(ctx, input.agendaItemId);
    const personId = ctx.actor!.personId;
    return inTransaction(this.dataSource, async (manager) => {
      const [before]: InterestDeclaration[] = await manager.query(`SELECT * FROM interest_declaration WHERE agenda_item_id = $1 AND person_id = $2 FOR UPDATE`, [item.id, personId]);
      const [row]: Record<string, unknown>[] = await manager.query(
        `INSERT INTO interest_declaration (agenda_item_id, person_id, reason) VALUES ($1, $2, $3)
         ON CONFLICT (agenda_item_id, person_id) DO UPDATE SET reason = excluded.reason, declared_at = now()
         RETURNING id, agenda_item_id, person_id, reason, declared_at`,
        [item.id, personId, reason],
      );
      await this.audit.record(manager, ctx, { entity: 'interest_declaration', entityId: String(row.id), action: before ? 'update' : 'create', before: before ?? null, after: row });
      return toDeclaration(row);
    });
  }

  /** Withdraws the actor's declaration on an item; false when there was none. */
  async withdraw(ctx: RequestContext, agendaItemId: string): Promise<boolean> {
    const item = await this.openItem(ctx, agendaItemId);
    return inTransaction(this.dataSource, async (manager) => {
      const [rows]: [Record<string, unknown>[], number] = await manager.query(
        `DELETE FROM interest_declaration WHERE agenda_item_id = $1 AND person_id = $2 RETURNING id, agenda_item_id, person_id, reason, declared_at`,
        [item.id, ctx.actor!.personId],
      );
      if (rows.length === 0) return false;
      await this.audit.record(manager, ctx, { entity: 'interest_declaration', entityId: String(rows[0].id), action: 'delete', before: rows[0], after: null });
      return true;
    });
  }

  /** The declarations on a meeting the actor may read: all of them for the secretariat and the group's chair, else their own. */
  async ofMeeting(ctx: RequestContext, meetingId: string): Promise<InterestDeclaration[]> {
    const meeting = await this.meetings.get(ctx, meetingId);
    const all = await ctx
      .loader<string, InterestDeclaration[]>('meeting.interestDeclarations', async (ids) => {
        const rows: Record<string, unknown>[] = await this.dataSource.query(
          `SELECT d.id, d.agenda_item_id, d.person_id, d.reason, d.declared_at, a.meeting_id
             FROM interest_declaration d JOIN agenda_item a ON a.id = d.agenda_item_id
            WHERE a.meeting_id = ANY($1::uuid[]) ORDER BY a.position, d.declared_at, d.id`,
          [ids],
        );
        return groupByKeys(ids, rows, (row) => String(row.meeting_id)).map((list) => list.map(toDeclaration));
      })
      .load(meetingId);
    if ((await this.access.levelIn(ctx, meeting.commissionId)) === 'manage') return all;
    if (meeting.workingGroupId) {
      const [chairs]: { chair: boolean }[] = await this.dataSource.query(`SELECT chair_person_id = $2 AS chair FROM working_group WHERE id = $1`, [meeting.workingGroupId, ctx.actor!.personId]);
      if (chairs?.chair) return all;
    }
    return all.filter((d) => d.personId === ctx.actor!.personId);
  }

  /** An agenda item of a meeting the actor is invited to, that has not started and is not cancelled. */
  private async openItem(ctx: RequestContext, agendaItemId: string): Promise<AgendaItem> {
    const [item] = await this.dataSource.getRepository(AgendaItem).findBy({ id: In([agendaItemId]) });
    if (!item) throw new NotFoundError('AgendaItem', agendaItemId);
    const meeting = await this.meetings.get(ctx, item.meetingId).catch(() => {
      throw new NotFoundError('AgendaItem', agendaItemId);
    });
    if (!(await this.meetings.myInvitation(ctx, meeting.id))) throw new ForbiddenError('meetings.notInvited');
    if (meeting.status === MeetingStatus.CANCELLED) throw new ConflictError('meetings.cancelled');
    if (meeting.startsAt.getTime() <= Date.now()) throw new ConflictError('meetings.declarationAfterStart');
    return item;
  }
}

function toDeclaration(row: Record<string, unknown>): InterestDeclaration {
  return Object.assign(new InterestDeclaration(), {
    id: row.id,
    agendaItemId: row.agenda_item_id,
    personId: row.person_id,
    reason: row.reason,
    declaredAt: row.declared_at,
  });
}
