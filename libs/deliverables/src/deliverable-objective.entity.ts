import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('deliverable_objective')
export class DeliverableObjective {
  @PrimaryColumn({ type: 'uuid' })
  deliverableId: string;

  @Column({ type: 'uuid' })
  commissionId: string;

  @PrimaryColumn({ type: 'uuid' })
  objectiveId: string;
}
