import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum WorkingGroupStatus {
  FORMING = 'forming',
  ACTIVE = 'active',
  CONCLUDED = 'concluded',
}
registerEnumType(WorkingGroupStatus, { name: 'WorkingGroupStatus' });

/** A working group of a commission; may sit under a parent group (a sub-working group). */
@ObjectType()
@Entity('working_group')
export class WorkingGroup {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  @Field(() => WorkingGroupStatus)
  @Column({ type: 'text', default: 'forming' })
  status: WorkingGroupStatus;

  @Column({ type: 'uuid', nullable: true })
  chairPersonId: string | null;

  @Column({ type: 'uuid', nullable: true })
  leadOrganisationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  secretariatOrganisationId: string | null;

  @Field(() => String, { nullable: true, description: 'Whom the group reports to, e.g. the NGC board.' })
  @Column({ type: 'text', nullable: true })
  reportsTo: string | null;

  @Field({ description: 'Whether a member whose term ended sits on until a successor is appointed.' })
  @Column({ type: 'boolean', default: true })
  holdoverAllowed: boolean;

  @Field()
  @Column({ type: 'boolean', default: true })
  subgroupsAllowed: boolean;

  @Field(() => Float, { description: 'Share of seats that must be present for a quorum (0.5 = more than half).' })
  @Column({ type: 'numeric', precision: 3, scale: 2, default: 0.5, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  quorumShare: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  establishedOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  concludedOn: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
