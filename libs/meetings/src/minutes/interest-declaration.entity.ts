import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '@samverkan/core';

/**
 * A conflict of interest (jäv) an invitee declares on one agenda item before
 * the meeting. The secretariat reads the declarations when it writes the
 * minutes (where `ConflictOfInterest` records what happened at the meeting).
 */
@ObjectType({ description: 'A conflict of interest (jäv) an invitee declared on an agenda item before the meeting.' })
@Entity('interest_declaration')
export class InterestDeclaration {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  agendaItemId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId: string;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  declaredAt: Date;
}
