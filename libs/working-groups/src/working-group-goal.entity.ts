import { Entity, PrimaryColumn } from 'typeorm';

@Entity('working_group_goal')
export class WorkingGroupGoal {
  @PrimaryColumn({ type: 'uuid' })
  workingGroupId: string;

  @PrimaryColumn({ type: 'uuid' })
  goalId: string;
}
