import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type NotificationStatus = 'owed' | 'queued' | 'sent' | 'cancelled' | 'failed';
export type DeliveryMode = 'immediate' | 'daily' | 'weekly';

/** A reminder owed to a person: unique per subject, kind and due moment (the dedupe key). */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  dedupeKey: string;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  props: Record<string, unknown>;

  @Column({ type: 'text', default: 'owed' })
  status: NotificationStatus;

  @Column({ type: 'text', nullable: true })
  delivery: DeliveryMode | null;

  @Column({ type: 'uuid', nullable: true })
  outboxId: string | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
