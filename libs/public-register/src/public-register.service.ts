import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { AuditService, BadInputError, NotFoundError, RequestContext, inTransaction } from '@samverkan/core';
import { MandateSectionBuilder } from '@samverkan/reports';
import './public-register.messages';
import './public-register.personal-data';
import './public-register.labels';
import { CommissionPublication, PublishedDeliverables } from './commission-publication.entity';
import { DeliverablePublication } from './deliverable-publication.entity';
import { SetCommissionPublicationInput } from './public-register.inputs';
import type { PublicDeliverable, PublicEvent, PublicGroup, PublicRegister, PublicationSettings } from './public-register.types';

/** The public page of a commission (the web application's route). */
export const publicRegisterPath = (commissionId: string) => `/public/commissions/${commissionId}`;

interface PublicationRow {
  id: string;
  title: string;
  reference_number: string | null;
  status: string;
  starts_on: string;
  description: string | null;
  today: string;
  commission_updated_at: Date;
  published: boolean | null;
  mandate: boolean;
  groups: boolean;
  organisations: boolean;
  member_names: boolean;
  deliverables: PublishedDeliverables;
  open_events: boolean;
  updated_at: Date | null;
}

interface EventRow {
  id: string;
  title: string;
  kind: string;
  description: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  place: string | null;
  capacity: number | null;
  confirmed: number;
  waitlist_open: boolean;
  updated_at: Date;
}

function publicEvent(r: EventRow): PublicEvent {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    description: r.description,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timeZone: r.time_zone,
    place: r.place,
    capacity: r.capacity,
    placesLeft: r.capacity === null ? null : Math.max(0, r.capacity - r.confirmed),
    waitlistOpen: r.waitlist_open,
  };
}

/**
 * What a commission shows the public, and the secretariat's choice of it.
 *
 * The register is read without a sign-in: it starts from the publication row
 * and reads only the parts chosen there, each with its own set-based statement
 * (a fixed number however many groups, seats or deliverables). It never selects
 * a contact field (e-mail, phone) nor a name unless names are published. An
 * unknown commission and one not published are the same NOT_FOUND.
 */
@Injectable()
export class PublicRegisterService {
  private readonly mandate = new MandateSectionBuilder();

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  private async publicationRow(q: DataSource | EntityManager, commissionId: string): Promise<PublicationRow | undefined> {
    const [row]: PublicationRow[] = await q.query(
      `SELECT c.id, c.title, c.reference_number, c.status, c.starts_on::text, c.description, c.updated_at AS commission_updated_at,
              (now() AT TIME ZONE c.time_zone)::date::text AS today,
              p.published, coalesce(p.mandate, false) AS mandate, coalesce(p.groups, false) AS groups,
              coalesce(p.organisations, false) AS organisations, coalesce(p.member_names, false) AS member_names,
              coalesce(p.deliverables, 'none') AS deliverables, coalesce(p.open_events, false) AS open_events, p.updated_at
         FROM commission c LEFT JOIN commission_publication p ON p.commission_id = c.id
        WHERE c.id = $1`,
      [commissionId],
    );
    return row;
  }

  /** Whether the commission's register is published (the web page answers 404 otherwise, like the feeds). */
  async isPublished(commissionId: string): Promise<boolean> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(commissionId)) return false;
    const [row]: { published: boolean }[] = await this.dataSource.query(`SELECT published FROM commission_publication WHERE commission_id = $1`, [commissionId]);
    return row?.published === true;
  }

  /** The register as anyone may read it: only the published parts; NOT_FOUND when nothing is published. */
  async register(commissionId: string): Promise<PublicRegister> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const row = await this.publicationRow(manager, commissionId);
      if (!row || !row.published) throw new NotFoundError('Commission', commissionId);
      const updated: Date[] = [row.updated_at!, row.commission_updated_at];
      let mandate: PublicRegister['mandate'] = null;
      if (row.mandate) {
        const { data } = await this.mandate.build(manager, { commissionId, periodStart: row.starts_on, periodEnd: row.today, asOf: row.today });
        mandate = {
          description: row.description,
          commissioningBody: data.commissioningBody,
          leadOrganisation: data.leadOrganisation,
          partners: data.partners,
          objectives: data.objectives.filter((o) => !o.withdrawn).map((o) => ({ letter: o.letter, text: o.text })),
          reportingDeadline: data.reportingDeadline,
        };
      }
      const groups = row.groups ? await this.groups(manager, commissionId, row) : null;
      const deliverables = row.deliverables === PublishedDeliverables.NONE ? null : await this.deliverables(manager, commissionId, row.deliverables, updated);
      const events = row.open_events ? await this.events(manager, commissionId, updated) : null;
      return {
        commissionId: row.id,
        title: row.title,
        referenceNumber: row.reference_number,
        status: row.status,
        startsOn: row.starts_on,
        updatedAt: new Date(Math.max(...updated.map((d) => new Date(d).getTime()))),
        mandate,
        groups,
        deliverables,
        events,
      };
    });
  }

  /**
   * Groups with each organisation's seats (one row per organisation, however many
   * allocations it has) and, when published, who holds them: the
   * seat's principal in their term or held over — libs/seats' FILLED and HOLDOVER,
   * the same rule as the reports' composition section (one statement).
   */
  private async groups(q: EntityManager, commissionId: string, row: PublicationRow): Promise<PublicGroup[]> {
    const groups: { id: string; name: string; parent_id: string | null }[] = await q.query(
      `SELECT g.id, g.name, g.parent_id FROM working_group g WHERE g.commission_id = $1 ORDER BY g.name, g.id`,
      [commissionId],
    );
    if (!row.organisations) return groups.map((g) => ({ id: g.id, name: g.name, parentId: g.parent_id, seats: null }));
    const seats: { working_group_id: string; organisation: string; seats: number; members: string[] | null }[] = await q.query(
      `SELECT g.id AS working_group_id, o.name AS organisation, count(s.id)::int AS seats,
              ${row.member_names ? `coalesce(array_agg(lp.full_name ORDER BY lp.full_name) FILTER (WHERE lp.full_name IS NOT NULL
                   AND (lp.ends_on IS NULL OR lp.ends_on >= $2 OR (g.holdover_allowed AND lp.ended_reason IS NULL))), '{}')` : 'NULL'} AS members
         FROM working_group g
         JOIN seat_allocation sa ON sa.working_group_id = g.id
         JOIN organisation o ON o.id = sa.organisation_id
         JOIN seat s ON s.allocation_id = sa.id AND (s.retired_at IS NULL OR s.retired_at::date > $2)
         LEFT JOIN LATERAL (
           SELECT p.full_name, a.ends_on, a.ended_reason FROM appointment a JOIN person p ON p.id = a.person_id
            WHERE a.seat_id = s.id AND a.kind = 'principal' AND a.starts_on <= $2
            ORDER BY a.starts_on DESC LIMIT 1) lp ON true
        WHERE g.commission_id = $1
        GROUP BY g.id, o.id, o.name
        ORDER BY o.name, o.id`,
      [commissionId, row.today],
    );
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      parentId: g.parent_id,
      seats: seats.filter((s) => s.working_group_id === g.id).map((s) => ({ organisation: s.organisation, seats: s.seats, members: row.member_names ? s.members : null })),
    }));
  }

  private async deliverables(q: EntityManager, commissionId: string, mode: PublishedDeliverables, updated: Date[]): Promise<PublicDeliverable[]> {
    const rows: { id: string; title: string; kind: string; status: string; due_on: string; delivered_on: string | null; group_name: string | null; published_url: string | null; updated_at: Date }[] =
      await q.query(
        `SELECT d.id, d.title, d.kind, d.status, d.due_on::text, d.delivered_on::text, g.name AS group_name, d.published_url, d.updated_at
           FROM deliverable d LEFT JOIN working_group g ON g.id = d.working_group_id
          WHERE d.commission_id = $1 AND d.status <> 'cancelled'
            AND ${mode === PublishedDeliverables.ALL_DELIVERED ? `d.status = 'delivered'` : `EXISTS (SELECT 1 FROM deliverable_publication dp WHERE dp.deliverable_id = d.id)`}
          ORDER BY coalesce(d.delivered_on, d.due_on) DESC, d.title, d.id`,
        [commissionId],
      );
    for (const r of rows) updated.push(r.updated_at);
    return rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, status: r.status, dueOn: r.due_on, deliveredOn: r.delivered_on, groupName: r.group_name, url: r.published_url }));
  }

  private async events(q: EntityManager, commissionId: string, updated: Date[]): Promise<PublicEvent[]> {
    const rows = await this.eventRows(q, `m.commission_id = $1`, [commissionId]);
    for (const r of rows) updated.push(r.updated_at);
    return rows.map(publicEvent);
  }

  /**
   * One open event for its registration page, for anyone (no sign-in): as the
   * register lists it (open, not cancelled, not over), whether or not the
   * commission publishes its register, since registering is open to anyone anyway.
   * NOT_FOUND otherwise, as for an id that does not exist.
   */
  async openEvent(meetingId: string): Promise<PublicEvent> {
    const [row] = await this.eventRows(this.dataSource.manager, `m.id = $1`, [meetingId]);
    if (!row) throw new NotFoundError('Meeting', meetingId);
    return publicEvent(row);
  }

  private eventRows(q: EntityManager, where: string, params: unknown[]): Promise<EventRow[]> {
    return q.query(
      `SELECT m.id, m.title, m.kind, m.description, m.starts_at, m.ends_at, m.time_zone, m.place, m.capacity, m.waitlist_open, m.updated_at,
              (SELECT count(*) FROM registration r WHERE r.meeting_id = m.id AND r.status = 'confirmed')::int AS confirmed
         FROM meeting m
        WHERE ${where} AND m.is_open AND m.status <> 'cancelled' AND m.ends_at > now()
        ORDER BY m.starts_at, m.id`,
      params,
    );
  }


  /** The choices and every deliverable to choose from (secretariat). */
  async settings(ctx: RequestContext, commissionId: string): Promise<PublicationSettings> {
    await this.access.require(ctx, commissionId, 'manage');
    const row = await this.publicationRow(this.dataSource, commissionId);
    if (!row) throw new NotFoundError('Commission', commissionId);
    const deliverables: { id: string; title: string; status: string; due_on: string; group_name: string | null; chosen: boolean }[] = await this.dataSource.query(
      `SELECT d.id, d.title, d.status, d.due_on::text, g.name AS group_name, (dp.deliverable_id IS NOT NULL) AS chosen
         FROM deliverable d LEFT JOIN working_group g ON g.id = d.working_group_id
         LEFT JOIN deliverable_publication dp ON dp.deliverable_id = d.id
        WHERE d.commission_id = $1
        ORDER BY d.due_on, d.title, d.id`,
      [commissionId],
    );
    return {
      commissionId,
      title: row.title,
      published: row.published ?? false,
      mandate: row.mandate,
      groups: row.groups,
      organisations: row.organisations,
      memberNames: row.member_names,
      deliverables: row.deliverables,
      openEvents: row.open_events,
      updatedAt: row.updated_at,
      allDeliverables: deliverables.map((d) => ({ id: d.id, title: d.title, status: d.status, dueOn: d.due_on, groupName: d.group_name, chosen: d.chosen })),
      url: publicRegisterPath(commissionId),
    };
  }

  /** Replaces the choices (and the deliverables chosen one by one) in one transaction, audited. */
  async setSettings(ctx: RequestContext, input: SetCommissionPublicationInput): Promise<PublicationSettings> {
    await this.access.require(ctx, input.commissionId, 'manage');
    if (input.memberNames && !input.organisations) throw BadInputError.field('memberNames', 'publicRegister.namesNeedOrganisations');
    if (input.organisations && !input.groups) throw BadInputError.field('organisations', 'publicRegister.organisationsNeedGroups');
    const chosen = [...new Set(input.chosenDeliverableIds)];
    await inTransaction(this.dataSource, async (manager) => {
      if (chosen.length > 0) {
        const found: { id: string }[] = await manager.query(`SELECT id FROM deliverable WHERE id = ANY($1) AND commission_id = $2`, [chosen, input.commissionId]);
        const foreign = chosen.find((id) => !found.some((f) => f.id === id));
        if (foreign) throw BadInputError.field('chosenDeliverableIds', 'publicRegister.notThisCommission', { id: foreign });
      }
      const before = await manager.findOneBy(CommissionPublication, { commissionId: input.commissionId });
      const beforeChosen: { deliverable_id: string }[] = await manager.query(`SELECT deliverable_id FROM deliverable_publication WHERE commission_id = $1 ORDER BY deliverable_id`, [input.commissionId]);
      const after = {
        commissionId: input.commissionId,
        published: input.published,
        mandate: input.mandate,
        groups: input.groups,
        organisations: input.organisations,
        memberNames: input.memberNames,
        deliverables: input.deliverables,
        openEvents: input.openEvents,
        updatedAt: new Date(),
        updatedBy: ctx.actor?.personId ?? null,
      };
      await manager.upsert(CommissionPublication, after, ['commissionId']);
      await manager.query(`DELETE FROM deliverable_publication WHERE commission_id = $1 AND NOT (deliverable_id = ANY($2))`, [input.commissionId, chosen]);
      if (chosen.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(DeliverablePublication)
          .values(chosen.map((deliverableId) => ({ deliverableId, commissionId: input.commissionId, publishedBy: ctx.actor?.personId ?? null })))
          .orIgnore()
          .execute();
      }
      await this.audit.record(manager, ctx, {
        entity: 'commission_publication',
        entityId: input.commissionId,
        action: before ? 'update' : 'create',
        before: before ? { ...before, chosenDeliverableIds: beforeChosen.map((r) => r.deliverable_id) } : null,
        after: { ...after, chosenDeliverableIds: [...chosen].sort() },
      });
    });
    return this.settings(ctx, input.commissionId);
  }
}
