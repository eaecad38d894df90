import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum SeatRole {
  MEMBER = 'member',
  CHAIR = 'chair',
  EXPERT = 'expert',
  OBSERVER = 'observer',
}
registerEnumType(SeatRole, { name: 'SeatRole' });

/** Seats of a group given to one organisation: "Lægeforeningen (2)". */
@ObjectType()
@Entity('seat_allocation')
export class SeatAllocation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  workingGroupId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  nominatingOrganisationId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  seatCount: number;

  @Field(() => SeatRole)
  @Column({ type: 'text', default: 'member' })
  role: SeatRole;

  @Field(() => String, { nullable: true, description: 'e.g. "hospital" or "general practice".' })
  @Column({ type: 'text', nullable: true })
  requiredPerspective: string | null;

  @Field({ description: 'Whether a woman and a man must both be proposed (Ligestillingsloven § 8–9).' })
  @Column({ type: 'boolean', default: false })
  requiresGenderPair: boolean;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  termMonths: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  maxConsecutiveTerms: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
