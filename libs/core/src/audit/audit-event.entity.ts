import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change to the record. Rows cannot be updated or deleted (a trigger refuses). */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorPersonId: string | null;

  @Column({ type: 'text' })
  entity: string;

  @Column({ type: 'text' })
  entityId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  changes: Record<string, { before: unknown; after: unknown }>;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  /** The commission the entity belongs to, found by a trigger when the row is written (null for people, accounts…). */
  @Column({ type: 'uuid', nullable: true })
  commissionId: string | null;

  /** Set when the change did not come from a signed-in session, e.g. `mail-link:<action>:<link id>`. */
  @Column({ type: 'text', nullable: true })
  origin: string | null;
}
