import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { AuditService, BadInputError, ConflictError, ForbiddenError, NotFoundError, RequestContext, UnauthenticatedError, groupByKeys, inTransaction, oneByKeys } from '@samverkan/core';
import { NotificationService } from '@samverkan/notifications';
import { PeopleService } from '@samverkan/people';
import { mailPaths } from '@samverkan/mail';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Meeting } from '../meeting.entity';
import { MeetingsService } from '../meetings.service';
import { ActionItem, ActionItemStatus } from './action-item.entity';
import { UpdateActionItemInput } from './action-item.inputs';
import { ConflictOfInterest } from './conflict-of-interest.entity';
import { Decision } from './decision.entity';
import { MinutesAdjuster } from './minutes-adjuster.entity';
import { MinutesNote } from './minutes-note.entity';
import { Minutes, MinutesStatus } from './minutes.entity';
import { SaveMinutesInput, SendMinutesForApprovalInput } from './minutes.inputs';

/**
 * Minutes of a meeting: a draft with notes per agenda item, numbered
 * decisions, action items and conflict-of-interest declarations; sent to named
 * adjusters (justerare) who each approve; once all have, the minutes are
 * approved and a database trigger refuses any change to them.
 */
@Injectable()
export class MinutesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly people: PeopleService,
    private readonly notifications: NotificationService,
  ) {}

  private loadByMeeting(ctx: RequestContext, meetingId: string): Promise<Minutes | undefined> {
    return ctx
      .loader<string, Minutes | undefined>('minutes.byMeeting', async (ids) =>
        oneByKeys(ids, await this.dataSource.getRepository(Minutes).findBy({ meetingId: In([...ids]) }), (m) => m.meetingId),
      )
      .load(meetingId);
  }

  /**
   * The minutes of a meeting as the actor may read them: approved minutes to
   * everyone who sees the meeting; drafts only to the secretariat and the adjusters.
   */
  async ofMeeting(ctx: RequestContext, meeting: Meeting): Promise<Minutes | null> {
    const minutes = await this.loadByMeeting(ctx, meeting.id);
    if (!minutes) return null;
    if (minutes.status === MinutesStatus.APPROVED) return minutes;
    if ((await this.access.levelIn(ctx, meeting.commissionId)) === 'manage') return minutes;
    const adjusters = await this.adjustersOf(ctx, minutes.id);
    return adjusters.some((a) => a.personId === ctx.actor?.personId) ? minutes : null;
  }

  adjustersOf(ctx: RequestContext, minutesId: string): Promise<MinutesAdjuster[]> {
    return ctx
      .loader<string, MinutesAdjuster[]>('minutes.adjusters', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(MinutesAdjuster).findBy({ minutesId: In([...ids]) }), (a) => a.minutesId),
      )
      .load(minutesId);
  }

  decisionsOf(ctx: RequestContext, minutesId: string): Promise<Decision[]> {
    return ctx
      .loader<string, Decision[]>('minutes.decisions', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(Decision).find({ where: { minutesId: In([...ids]) }, order: { number: 'ASC' } }), (d) => d.minutesId),
      )
      .load(minutesId);
  }

  actionItemsOf(ctx: RequestContext, minutesId: string): Promise<ActionItem[]> {
    return ctx
      .loader<string, ActionItem[]>('minutes.actionItems', async (ids) =>
        groupByKeys(
          ids,
          (await this.dataSource.getRepository(ActionItem).find({ where: { minutesId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } })).map((a) => Object.assign(a, { via: 'minutes' })),
          (a) => a.minutesId,
        ),
      )
      .load(minutesId);
  }

  notesOf(ctx: RequestContext, minutesId: string): Promise<MinutesNote[]> {
    return ctx
      .loader<string, MinutesNote[]>('minutes.notes', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(MinutesNote).findBy({ minutesId: In([...ids]) }), (n) => n.minutesId),
      )
      .load(minutesId);
  }

  conflictsOf(ctx: RequestContext, minutesId: string): Promise<ConflictOfInterest[]> {
    return ctx
      .loader<string, ConflictOfInterest[]>('minutes.conflicts', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(ConflictOfInterest).findBy({ minutesId: In([...ids]) }), (c) => c.minutesId),
      )
      .load(minutesId);
  }

  /** Writes the draft as a whole; decisions are numbered 1…n in the order given. */
  async save(ctx: RequestContext, input: SaveMinutesInput): Promise<Minutes> {
    const meeting = await this.meetings.get(ctx, input.meetingId, 'manage');
    const agendaIds = new Set((await this.meetings.agendaOf(ctx, meeting.id)).map((item) => item.id));
    const referenced = [
      ...input.notes.map((n) => n.agendaItemId),
      ...input.decisions.map((d) => d.agendaItemId),
      ...input.actionItems.map((a) => a.agendaItemId),
      ...input.conflictsOfInterest.map((c) => c.agendaItemId),
    ].filter((id): id is string => !!id);
    if (referenced.some((id) => !agendaIds.has(id))) throw new BadInputError('meetings.agendaItemElsewhere');
    const people = [...input.actionItems.map((a) => a.assigneePersonId), ...input.conflictsOfInterest.map((c) => c.personId)].filter((id): id is string => !!id);
    const found = await this.people.findByIds([...new Set(people)]);
    const missing = [...new Set(people)].find((_, index) => !found[index]);
    if (missing) throw new NotFoundError('Person', missing);
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT id FROM meeting WHERE id = $1 FOR UPDATE`, [meeting.id]);
      let minutes = await manager.findOne(Minutes, { where: { meetingId: meeting.id }, lock: { mode: 'pessimistic_write' } });
      if (minutes?.status === MinutesStatus.APPROVED) throw new ConflictError('meetings.minutesApproved');
      if (minutes?.status === MinutesStatus.IN_APPROVAL) throw new ConflictError('meetings.minutesNotDraft');
      const before = minutes ? await this.snapshot(manager, minutes.id) : null;
      if (!minutes) {
        minutes = await manager.save(manager.create(Minutes, { meetingId: meeting.id, body: input.body, createdBy: ctx.actor?.personId ?? null }));
      } else {
        minutes = await manager.save(Minutes, { ...minutes, body: input.body, updatedAt: new Date() });
        for (const entity of [MinutesNote, Decision, ActionItem, ConflictOfInterest]) await manager.delete(entity, { minutesId: minutes.id });
      }
      const id = minutes.id;
      const notes = input.notes.filter((n) => n.text.trim());
      if (notes.length) await manager.insert(MinutesNote, notes.map((n) => ({ minutesId: id, agendaItemId: n.agendaItemId, text: n.text })));
      if (input.decisions.length) {
        await manager.insert(Decision, input.decisions.map((d, index) => ({ minutesId: id, number: index + 1, agendaItemId: d.agendaItemId ?? null, text: d.text.trim() })));
      }
      if (input.actionItems.length) {
        await manager.insert(
          ActionItem,
          input.actionItems.map((a) => ({
            minutesId: id,
            meetingId: meeting.id,
            agendaItemId: a.agendaItemId ?? null,
            title: a.title.trim(),
            assigneePersonId: a.assigneePersonId ?? null,
            dueOn: a.dueOn ?? null,
          })),
        );
      }
      if (input.conflictsOfInterest.length) {
        await manager.insert(
          ConflictOfInterest,
          input.conflictsOfInterest.map((c) => ({ minutesId: id, agendaItemId: c.agendaItemId, personId: c.personId, reason: c.reason.trim(), leftRoom: c.leftRoom })),
        );
      }
      await this.audit.record(manager, ctx, { entity: 'minutes', entityId: id, action: before ? 'update' : 'create', before, after: await this.snapshot(manager, id) });
      return minutes;
    });
  }

  /** Sends the draft to the named adjusters; each is reminded through the notifications engine. */
  async sendForApproval(ctx: RequestContext, input: SendMinutesForApprovalInput): Promise<Minutes> {
    const existing = await this.dataSource.getRepository(Minutes).findOneBy({ id: input.minutesId });
    if (!existing) throw new NotFoundError('Minutes', input.minutesId);
    const meeting = await this.meetings.get(ctx, existing.meetingId, 'manage');
    const adjusterIds = [...new Set(input.adjusterIds)];
    const found = await this.people.findByIds(adjusterIds);
    const missing = adjusterIds.find((_, index) => !found[index]);
    if (missing) throw new NotFoundError('Person', missing);
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(Minutes, { where: { id: input.minutesId }, lock: { mode: 'pessimistic_write' } });
      if (before.status === MinutesStatus.APPROVED) throw new ConflictError('meetings.minutesApproved');
      if (before.status === MinutesStatus.IN_APPROVAL) throw new ConflictError('meetings.minutesNotDraft');
      const sentAt = new Date();
      const after = await manager.save(Minutes, { ...before, status: MinutesStatus.IN_APPROVAL, sentForApprovalAt: sentAt, updatedAt: sentAt });
      await manager.delete(MinutesAdjuster, { minutesId: before.id });
      await manager.insert(MinutesAdjuster, adjusterIds.map((personId) => ({ minutesId: before.id, personId })));
      await this.notifications.owe(
        manager,
        adjusterIds.map((personId) => ({
          personId,
          kind: 'minutes.approval-requested',
          subjectType: 'minutes',
          subjectId: before.id,
          dueAt: sentAt,
          dedupeKey: `minutes.approval-requested:${before.id}:${sentAt.toISOString()}:${personId}`,
          props: { title: meeting.title, at: meeting.startsAt.toISOString(), path: mailPaths.meetingMinutes(meeting.id), commissionId: meeting.commissionId },
        })),
      );
      await this.audit.record(manager, ctx, { entity: 'minutes', entityId: before.id, action: 'send-for-approval', before, after: { ...after, adjusterIds } });
      return after;
    });
  }

  /**
   * The acting adjuster approves; when the last one has, the minutes are
   * approved and frozen. Public for the signed mail links: validates, audits
   * and commits on its own.
   */
  async approve(ctx: RequestContext, minutesId: string): Promise<Minutes> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const personId = ctx.actor.personId;
    const existing = await this.dataSource.getRepository(Minutes).findOneBy({ id: minutesId });
    if (!existing) throw new NotFoundError('Minutes', minutesId);
    const meeting = await this.meetings.load(ctx, existing.meetingId);
    const adjuster = await this.dataSource.getRepository(MinutesAdjuster).findOneBy({ minutesId, personId });
    if (!adjuster) {
      await this.access.require(ctx, meeting!.commissionId, 'read', 'Minutes', minutesId);
      throw new ForbiddenError('meetings.notAdjuster');
    }
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(Minutes, { where: { id: minutesId }, lock: { mode: 'pessimistic_write' } });
      if (before.status === MinutesStatus.APPROVED) throw new ConflictError('meetings.minutesApproved');
      if (before.status !== MinutesStatus.IN_APPROVAL) throw new ConflictError('meetings.minutesNotInApproval');
      await manager.query(`UPDATE minutes_adjuster SET approved_at = coalesce(approved_at, now()) WHERE minutes_id = $1 AND person_id = $2`, [minutesId, personId]);
      // The request to this adjuster is answered: a notice not yet sent is not sent.
      await manager.query(
        `UPDATE notification SET status = 'cancelled', cancel_reason = 'approved already', updated_at = now()
          WHERE kind = 'minutes.approval-requested' AND subject_id = $1 AND person_id = $2 AND status = 'owed'`,
        [minutesId, personId],
      );
      const [{ waiting }] = await manager.query(`SELECT count(*)::int AS waiting FROM minutes_adjuster WHERE minutes_id = $1 AND approved_at IS NULL`, [minutesId]);
      let after = before;
      if (waiting === 0) {
        const now = new Date();
        after = await manager.save(Minutes, { ...before, status: MinutesStatus.APPROVED, approvedAt: now, updatedAt: now });
      }
      await this.audit.record(manager, ctx, { entity: 'minutes', entityId: minutesId, action: 'approve', before: { status: before.status }, after: { status: after.status, adjuster: personId } });
      return after;
    });
  }

  /** Moves an action item on (done, cancelled…): the secretariat or the assignee. */
  async setActionItemStatus(ctx: RequestContext, input: UpdateActionItemInput): Promise<ActionItem> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const item = await this.dataSource.getRepository(ActionItem).findOneBy({ id: input.id });
    if (!item) throw new NotFoundError('ActionItem', input.id);
    const meeting = await this.meetings.load(ctx, item.meetingId);
    if (item.assigneePersonId !== ctx.actor.personId) await this.access.require(ctx, meeting!.commissionId, 'manage', 'ActionItem', input.id);
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(ActionItem, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      const closed = input.status === ActionItemStatus.DONE || input.status === ActionItemStatus.CANCELLED;
      const after = await manager.save(ActionItem, { ...before, status: input.status, doneAt: closed ? (before.doneAt ?? new Date()) : null });
      await this.audit.record(manager, ctx, { entity: 'action_item', entityId: before.id, action: 'set-status', before, after });
      return after;
    });
  }

  private async snapshot(manager: EntityManager, minutesId: string): Promise<object> {
    const [row] = await manager.query(
      `SELECT m.body,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('number', d.number, 'text', d.text) ORDER BY d.number), '[]') FROM decision d WHERE d.minutes_id = m.id) AS decisions,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('title', a.title, 'assignee', a.assignee_person_id, 'dueOn', a.due_on) ORDER BY a.created_at, a.id), '[]') FROM action_item a WHERE a.minutes_id = m.id) AS "actionItems",
              (SELECT coalesce(jsonb_agg(jsonb_build_object('agendaItemId', c.agenda_item_id, 'personId', c.person_id, 'reason', c.reason)), '[]') FROM conflict_of_interest c WHERE c.minutes_id = m.id) AS "conflictsOfInterest"
         FROM minutes m WHERE m.id = $1`,
      [minutesId],
    );
    return row ?? {};
  }

  /** Everything the printable page shows, in a handful of statements. */
  async pageData(ctx: RequestContext, meetingId: string): Promise<MinutesPageData> {
    const meeting = await this.meetings.get(ctx, meetingId);
    const minutes = await this.ofMeeting(ctx, meeting);
    if (!minutes) throw new NotFoundError('Minutes', meetingId);
    const [agenda, invitations, decisions, actionItems, notes, conflicts, adjusters] = await Promise.all([
      this.meetings.agendaOf(ctx, meeting.id),
      this.meetings.invitationsOf(ctx, meeting.id),
      this.decisionsOf(ctx, minutes.id),
      this.actionItemsOf(ctx, minutes.id),
      this.notesOf(ctx, minutes.id),
      this.conflictsOf(ctx, minutes.id),
      this.adjustersOf(ctx, minutes.id),
    ]);
    const personIds = [
      ...invitations.flatMap((i) => [i.personId, i.substitutedByPersonId]),
      ...actionItems.map((a) => a.assigneePersonId),
      ...conflicts.map((c) => c.personId),
      ...adjusters.map((a) => a.personId),
    ].filter((id): id is string => !!id);
    const people = await this.people.findByIds([...new Set(personIds)]);
    const names = new Map(people.filter((p) => !!p).map((p) => [p!.id, p!.fullName]));
    const [group]: { name: string }[] = meeting.workingGroupId ? await this.dataSource.query(`SELECT name FROM working_group WHERE id = $1`, [meeting.workingGroupId]) : [];
    return { meeting, minutes, agenda, invitations, decisions, actionItems, notes, conflicts, adjusters, names, groupName: group?.name ?? null };
  }
}

export interface MinutesPageData {
  meeting: Meeting;
  minutes: Minutes;
  agenda: AgendaItem[];
  invitations: import('../invitations/invitation.entity').Invitation[];
  decisions: Decision[];
  actionItems: ActionItem[];
  notes: MinutesNote[];
  conflicts: ConflictOfInterest[];
  adjusters: MinutesAdjuster[];
  names: Map<string, string>;
  groupName: string | null;
}
