import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '@samverkan/access';
import {
  AuditService,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RequestContext,
  UnauthenticatedError,
  bindPersonId,
  inTransaction,
  personalDataParts,
} from '@samverkan/core';
import { MailErasure, MailFileRedaction } from '@samverkan/mail';

/** What the person row holds that erasure removes from the audit trail's quotes. */
const PERSON_FIELDS = ['fullName', 'email', 'title', 'gender'];
export const ERASED_NAME = 'Erased person';

export interface PersonalDataExport {
  personId: string;
  exportedAt: string;
  /** area → the rows it holds about the person */
  data: Record<string, unknown[]>;
}

/**
 * GDPR: everything Samverkan holds about one person, as JSON, and erasure that
 * removes contact data, preferences, tokens and sessions while the public record
 * (appointments, minutes, decisions, the audit trail) keeps the person's id
 * under a pseudonym. Each area says what it holds (`registerPersonalData`).
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly mail: MailErasure,
  ) {}

  /** The person themselves, their secretariat or an administrator. */
  async export(ctx: RequestContext, personId: string): Promise<PersonalDataExport> {
    await this.requireAccess(ctx, personId, false);
    return inTransaction(this.dataSource, async (manager) => {
      await this.lockPerson(manager, personId, false);
      const data: Record<string, unknown[]> = {};
      for (const part of personalDataParts()) {
        const rows: Record<string, unknown>[] = await manager.query(`SELECT to_jsonb(r) AS row FROM (${bindPersonId(part.exportSql)}) r`, [personId]);
        data[part.area] = rows.map((r) => r.row);
      }
      data.audit = await manager.query(
        `SELECT occurred_at AS "occurredAt", entity, entity_id AS "entityId", action, changes,
                CASE WHEN actor_person_id = $1 THEN 'by the person' ELSE 'about the person' END AS relation
           FROM audit_event
          WHERE actor_person_id = $1 OR (entity = 'person' AND entity_id = $1::text)
          ORDER BY id`,
        [personId],
      );
      await this.audit.record(manager, ctx, { entity: 'person', entityId: personId, action: 'export-personal-data' });
      return { personId, exportedAt: new Date().toISOString(), data };
    });
  }

  /** The secretariat for the person, or an administrator; the reason is audited. */
  async erase(ctx: RequestContext, personId: string, reason: string): Promise<void> {
    await this.requireAccess(ctx, personId, true);
    const mailFiles: MailFileRedaction = await inTransaction(this.dataSource, async (manager) => {
      const person = await this.lockPerson(manager, personId, true);
      await manager.query(`SET LOCAL samverkan.erasure = 'on'`);
      // Before the areas empty the person's own mail rows: mail to others that named them is redacted.
      const files = await this.mail.redactMentions(manager, { id: personId, fullName: person.full_name, email: person.email });
      for (const part of personalDataParts()) {
        for (const statement of part.eraseSql ?? []) await manager.query(bindPersonId(statement), [personId]);
      }
      await this.redactAuditTrail(manager, personId, [person.email, person.full_name, person.title]);
      await manager.query(
        `UPDATE person SET full_name = $2, email = NULL, title = NULL, gender = NULL, erased_at = now(), updated_at = now() WHERE id = $1`,
        [personId, ERASED_NAME],
      );
      await this.audit.record(manager, ctx, { entity: 'person', entityId: personId, action: 'erase', after: { reason } });
      return files;
    });
    // Files cannot join the transaction: the .eml copies follow once the rows are committed.
    await this.mail.redactFiles(mailFiles);
  }

  /**
   * What the audit trail quoted about the person goes; who did what and when stays.
   * Person events lose the personal fields; any other event that quoted the name or
   * address has it replaced. (A scan of the trail: erasure is rare.)
   */
  private async redactAuditTrail(manager: EntityManager, personId: string, quoted: (string | null)[]): Promise<void> {
    await manager.query(
      `UPDATE audit_event
          SET changes = (SELECT jsonb_object_agg(k, CASE WHEN k = ANY($2) THEN '{"before": "[erased]", "after": "[erased]"}'::jsonb ELSE v END)
                           FROM jsonb_each(changes) AS e(k, v))
        WHERE entity = 'person' AND entity_id = $1::text AND changes ?| $2`,
      [personId, PERSON_FIELDS],
    );
    for (const text of quoted) {
      if (!text || text.trim().length < 3) continue;
      await manager.query(
        `WITH q AS (SELECT substr(to_json($1::text)::text, 2, length(to_json($1::text)::text) - 2) AS inner_text)
         UPDATE audit_event a SET changes = replace(a.changes::text, q.inner_text, '[erased]')::jsonb
           FROM q WHERE strpos(a.changes::text, q.inner_text) > 0`,
        [text],
      );
    }
  }

  private async lockPerson(manager: EntityManager, personId: string, forErasure: boolean) {
    const [person] = await manager.query(
      `SELECT id, full_name, email, title, erased_at FROM person WHERE id = $1 FOR ${forErasure ? 'UPDATE' : 'SHARE'}`,
      [personId],
    );
    if (!person) throw new NotFoundError('Person', personId);
    if (forErasure && person.erased_at) throw new ConflictError('privacy.alreadyErased', { id: personId });
    return person as { id: string; full_name: string; email: string | null; title: string | null };
  }

  private async requireAccess(ctx: RequestContext, personId: string, erase: boolean): Promise<void> {
    if (!ctx.actor) throw new UnauthenticatedError();
    if (ctx.actor.isAdmin) return;
    const self = ctx.actor.personId === personId;
    if (erase && self) throw new ForbiddenError('privacy.eraseSelf');
    if (self) return;
    if (!(await this.access.managesAny(ctx)) || !(await this.access.privateDataVisible(ctx, personId))) throw new ForbiddenError();
  }
}
