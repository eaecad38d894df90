import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An organisation's answer: the people it proposes. */
@ObjectType()
@Entity('nomination')
export class Nomination {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Field(() => String, { nullable: true, description: 'Why the gender rule is not met, where it is not.' })
  @Column({ type: 'text', nullable: true })
  genderRuleReason: string | null;

  @Field()
  @Column({ type: 'boolean' })
  compliesWithGenderRule: boolean;
}
