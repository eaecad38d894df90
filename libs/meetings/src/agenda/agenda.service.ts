import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, BadInputError, ConflictError, NotFoundError, RequestContext, inTransaction } from '@samverkan/core';
import { Meeting } from '../meeting.entity';
import { MeetingsService, agendaFields } from '../meetings.service';
import './agenda.messages';
import { AgendaItem } from './agenda-item.entity';
import { ReorderAgendaInput, UpdateAgendaItemInput } from './agenda.inputs';

/**
 * Moves agenda items without touching what they say. Two secretaries may
 * reorder the same agenda at once: each sends the order they saw, and the one
 * whose view is out of date gets CONFLICT (with the current order in the
 * error's details) instead of silently undoing the other's move.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly meetings: MeetingsService,
  ) {}

  /**
   * Changes what one item says in place. setAgenda keeps an item only by its
   * title, so editing a title there made a new item and dropped the conflicts
   * members had declared on it; here the item keeps its id.
   */
  async updateItem(ctx: RequestContext, input: UpdateAgendaItemInput): Promise<AgendaItem> {
    const found = await this.dataSource.getRepository(AgendaItem).findOneBy({ id: input.id });
    if (!found) throw new NotFoundError('AgendaItem', input.id);
    const meeting = await this.meetings.getToSchedule(ctx, found.meetingId);
    if (input.item.presenterPersonId) await this.meetings.checkPeople([input.item.presenterPersonId]);
    return inTransaction(this.dataSource, async (manager) => {
      await manager.findOneOrFail(Meeting, { where: { id: meeting.id }, lock: { mode: 'pessimistic_write' } });
      const before = await manager.findOneBy(AgendaItem, { id: input.id });
      if (!before) throw new NotFoundError('AgendaItem', input.id);
      const fields = agendaFields(input.item);
      // A presenter among the invitees or one named from outside, not both.
      if (fields.presenterPersonId) fields.presenterName = null;
      const after = await manager.save(AgendaItem, { ...before, ...fields });
      await this.audit.record(manager, ctx, { entity: 'meeting', entityId: meeting.id, action: 'update-agenda-item', before, after });
      return after;
    });
  }

  async reorder(ctx: RequestContext, input: ReorderAgendaInput): Promise<AgendaItem[]> {
    const meeting = await this.meetings.getToSchedule(ctx, input.meetingId);
    return inTransaction(this.dataSource, async (manager) => {
      // The meeting row is the agenda's lock (setAgenda takes it too), so the check and the write see one order.
      await manager.findOneOrFail(Meeting, { where: { id: meeting.id }, lock: { mode: 'pessimistic_write' } });
      const current = await manager.find(AgendaItem, { where: { meetingId: meeting.id }, order: { position: 'ASC' } });
      const currentIds = current.map((item) => item.id);
      if (currentIds.join() !== input.seenItemIds.join()) throw new ConflictError('meetings.agendaChanged', {}, { currentItemIds: currentIds });
      const wanted = new Set(input.itemIds);
      if (wanted.size !== input.itemIds.length || input.itemIds.length !== currentIds.length || currentIds.some((id) => !wanted.has(id))) {
        throw new BadInputError('meetings.agendaOrderIncomplete', {}, { field: 'itemIds' });
      }
      if (input.itemIds.join() !== currentIds.join()) {
        await manager.query(
          `UPDATE agenda_item a SET position = o.position FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position) WHERE a.id = o.id AND a.meeting_id = $1`,
          [meeting.id, input.itemIds],
        );
        await this.audit.record(manager, ctx, { entity: 'meeting', entityId: meeting.id, action: 'reorder-agenda', before: { agenda: currentIds }, after: { agenda: input.itemIds } });
      }
      const byId = new Map(current.map((item) => [item.id, item]));
      return input.itemIds.map((id, index) => Object.assign(byId.get(id)!, { position: index + 1 }));
    });
  }
}
