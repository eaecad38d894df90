import { Entity, PrimaryColumn } from 'typeorm';

@Entity('deliverable_goal')
export class DeliverableGoal {
  @PrimaryColumn({ type: 'uuid' })
  deliverableId: string;

  @PrimaryColumn({ type: 'uuid' })
  goalId: string;
}
