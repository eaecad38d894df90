import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A deliverable the secretariat published one by one (used when a commission publishes CHOSEN deliverables). */
@Entity('deliverable_publication')
export class DeliverablePublication {
  @PrimaryColumn({ type: 'uuid' })
  deliverableId: string;

  @Column({ type: 'uuid' })
  commissionId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;
}
