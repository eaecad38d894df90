import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum EngagementKind {
  DIALOGUE = 'dialogue',
  WORKSHOP = 'workshop',
  REVIEWER = 'reviewer',
  NETWORK = 'network',
  CONSULTED = 'consulted',
  OTHER = 'other',
}
registerEnumType(EngagementKind, { name: 'EngagementKind' });

/** An organisation engaged outside the seats: a dialogue, a workshop, a network mapped… */
@ObjectType()
@Entity('stakeholder_engagement')
export class StakeholderEngagement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  organisationId: string;

  @Field(() => EngagementKind)
  @Column({ type: 'text' })
  how: EngagementKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  engagedOn: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
