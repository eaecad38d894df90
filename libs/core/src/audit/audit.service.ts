import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { AuditEvent } from './audit-event.entity';

export interface AuditRecord {
  entity: string;
  entityId: string;
  action: string;
  before?: object | null;
  after?: object | null;
}

const enlisted = new WeakSet<RequestContext>();

/** Whether a mail-link request reached the audit (and so marked its link used). */
export function originEnlisted(ctx: RequestContext): boolean {
  return enlisted.has(ctx);
}

const SECRET_FIELDS = new Set(['passwordHash', 'password_hash', 'refreshTokenHash', 'tokenHash', 'feedToken']);

/**
 * Writes audit events inside the caller's transaction, so a change and its audit
 * row commit or roll back together.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, ctx: RequestContext, records: AuditRecord | AuditRecord[]): Promise<void> {
    const list = Array.isArray(records) ? records : [records];
    if (list.length === 0) return;
    // A change made from a mail link marks the link used in the same transaction.
    if (ctx.via && !enlisted.has(ctx)) {
      enlisted.add(ctx);
      await ctx.via.enlist(manager);
    }
    const origin = ctx.via ? `${ctx.via.channel}:${ctx.via.action}:${ctx.via.linkId}` : null;
    await manager.insert(
      AuditEvent,
      list.map((record) => ({
        actorPersonId: ctx.actor?.personId ?? null,
        entity: record.entity,
        entityId: record.entityId,
        action: record.action,
        changes: diff(record.before ?? null, record.after ?? null) as object,
        requestId: ctx.requestId,
        origin,
      })),
    );
  }

  /** The trail of one entity, oldest first. */
  trail(entity: string, entityId: string, limit = 500): Promise<AuditEvent[]> {
    return this.dataSource.getRepository(AuditEvent).find({
      where: { entity, entityId },
      order: { id: 'ASC' },
      take: limit,
    });
  }
}

/** Field-by-field before/after of what changed; secrets are never copied into the trail. */
export function diff(before: object | null, after: object | null): Record<string, { before: unknown; after: unknown }> {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = normalise(a[key]);
    const right = normalise(b[key]);
    if (typeof a[key] === 'function' || typeof b[key] === 'function') continue;
    if (JSON.stringify(left) === JSON.stringify(right)) continue;
    changes[key] = SECRET_FIELDS.has(key) ? { before: '[redacted]', after: '[redacted]' } : { before: left ?? null, after: right ?? null };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && !Array.isArray(value) && 'id' in value && Object.keys(value).length > 3) {
    return (value as { id: unknown }).id;
  }
  return value;
}
