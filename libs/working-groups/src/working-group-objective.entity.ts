import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('working_group_objective')
export class WorkingGroupObjective {
  @PrimaryColumn({ type: 'uuid' })
  workingGroupId: string;

  @Column({ type: 'uuid' })
  commissionId: string;

  @PrimaryColumn({ type: 'uuid' })
  objectiveId: string;
}
