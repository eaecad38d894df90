import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { AuditEvent, AuditEventType, ConnectionShape, RequestContext, instantOf, pageWindow, toConnection } from '@samverkan/core';
import { CommissionAuditArgs } from './commission-audit.types';

/** The name an audit row's entity has today, per kind of entity (null once it is deleted). */
const ENTITY_NAME = `CASE a.entity
    WHEN 'commission' THEN (SELECT x.title FROM commission x WHERE x.id = a.entity_id::uuid)
    WHEN 'working_group' THEN (SELECT x.name FROM working_group x WHERE x.id = a.entity_id::uuid)
    WHEN 'meeting' THEN (SELECT x.title FROM meeting x WHERE x.id = a.entity_id::uuid)
    WHEN 'date_poll' THEN (SELECT x.title FROM date_poll x WHERE x.id = a.entity_id::uuid)
    WHEN 'deliverable' THEN (SELECT x.title FROM deliverable x WHERE x.id = a.entity_id::uuid)
    WHEN 'status_report' THEN (SELECT x.period_key FROM status_report x WHERE x.id = a.entity_id::uuid)
    WHEN 'stakeholder_engagement' THEN (SELECT o.name FROM stakeholder_engagement x JOIN organisation o ON o.id = x.organisation_id WHERE x.id = a.entity_id::uuid)
    WHEN 'seat_allocation' THEN (SELECT o.name || ' – ' || g.name FROM seat_allocation x JOIN organisation o ON o.id = x.organisation_id
                                   JOIN working_group g ON g.id = x.working_group_id WHERE x.id = a.entity_id::uuid)
    WHEN 'appointment' THEN (SELECT p.full_name FROM appointment x JOIN person p ON p.id = x.person_id WHERE x.id = a.entity_id::uuid)
    WHEN 'nomination_request' THEN (SELECT o.name FROM nomination_request x JOIN organisation o ON o.id = x.organisation_id WHERE x.id = a.entity_id::uuid)
    WHEN 'nomination' THEN (SELECT o.name FROM nomination x JOIN nomination_request r ON r.id = x.request_id
                              JOIN organisation o ON o.id = r.organisation_id WHERE x.id = a.entity_id::uuid)
    WHEN 'invitation' THEN (SELECT m.title FROM invitation x JOIN meeting m ON m.id = x.meeting_id WHERE x.id = a.entity_id::uuid)
    WHEN 'registration' THEN (SELECT m.title FROM registration x JOIN meeting m ON m.id = x.meeting_id WHERE x.id = a.entity_id::uuid)
    WHEN 'minutes' THEN (SELECT m.title FROM minutes x JOIN meeting m ON m.id = x.meeting_id WHERE x.id = a.entity_id::uuid)
    WHEN 'action_item' THEN (SELECT x.title FROM action_item x WHERE x.id = a.entity_id::uuid)
    WHEN 'interest_declaration' THEN (SELECT m.title FROM interest_declaration x JOIN agenda_item ai ON ai.id = x.agenda_item_id
                                        JOIN meeting m ON m.id = ai.meeting_id WHERE x.id = a.entity_id::uuid)
    WHEN 'document_version' THEN (SELECT d.title FROM document_version x JOIN deliverable d ON d.id = x.deliverable_id WHERE x.id = a.entity_id::uuid)
    WHEN 'review_round' THEN (SELECT d.title FROM review_round x JOIN deliverable d ON d.id = x.deliverable_id WHERE x.id = a.entity_id::uuid)
    WHEN 'review_comment' THEN (SELECT d.title FROM review_comment x JOIN review_round r ON r.id = x.round_id
                                  JOIN deliverable d ON d.id = r.deliverable_id WHERE x.id = a.entity_id::uuid)
  END`;

interface Row {
  id: string;
  occurred_at: Date;
  actor_person_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  changes: AuditEvent['changes'];
  request_id: string | null;
  origin: string | null;
  commission_id: string | null;
  entity_name: string | null;
  total: number;
}

/**
 * A commission's audit trail for its secretariat: every change to the commission and
 * to its groups, seats, nominations, meetings and deliverables (audit rows carry their
 * commission, see the migration 1732400040001), newest first, in one statement a page.
 */
@Injectable()
export class CommissionAuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async trail(ctx: RequestContext, args: CommissionAuditArgs): Promise<ConnectionShape<AuditEventType>> {
    await this.access.require(ctx, args.commissionId, 'manage');
    const window = pageWindow(args);
    const params: unknown[] = [args.commissionId];
    const where = ['a.commission_id = $1'];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (args.entity) add((n) => `a.entity = ${n}`, args.entity);
    if (args.actorPersonId) add((n) => `a.actor_person_id = ${n}`, args.actorPersonId);
    if (args.from) add((n) => `a.occurred_at >= ${n}`, instantOf(args.from, 'from'));
    if (args.to) add((n) => `a.occurred_at < ${n}`, instantOf(args.to, 'to'));
    let named = '';
    if (args.entityName) {
      params.push(`%${args.entityName.replace(/[%_\\]/g, '\\$&')}%`);
      named = `WHERE entity_name ILIKE $${params.length}`;
    }
    params.push(window.offset, window.limit + 1);
    const rows: Row[] = await this.dataSource.query(
      `SELECT *, count(*) OVER ()::int AS total FROM (
         SELECT a.*, ${ENTITY_NAME} AS entity_name FROM audit_event a WHERE ${where.join(' AND ')}
       ) ev ${named}
       ORDER BY id DESC OFFSET $${params.length - 1} LIMIT $${params.length}`,
      params,
    );
    const events = rows.map((row) =>
      AuditEventType.from({
        id: String(row.id),
        occurredAt: row.occurred_at,
        actorPersonId: row.actor_person_id,
        entity: row.entity,
        entityId: row.entity_id,
        action: row.action,
        changes: row.changes,
        requestId: row.request_id,
        origin: row.origin,
        commissionId: row.commission_id,
        entityName: row.entity_name,
      }),
    );
    // count(*) OVER () is only there when the page has rows; past the end, the total is re-counted.
    const total = rows[0]?.total ?? (window.offset > 0 ? await this.count(params.slice(0, -2), where, named) : 0);
    return toConnection(events, total, window);
  }

  private async count(params: unknown[], where: string[], named: string): Promise<number> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM (SELECT ${ENTITY_NAME} AS entity_name FROM audit_event a WHERE ${where.join(' AND ')}) ev ${named}`,
      params,
    );
    return total;
  }
}
