import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum NominationRequestStatus {
  SENT = 'sent',
  ANSWERED = 'answered',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(NominationRequestStatus, { name: 'NominationRequestStatus' });

/** A request to an organisation to nominate people for an allocation. */
@ObjectType()
@Entity('nomination_request')
export class NominationRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  allocationId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid', nullable: true })
  contactPersonId: string | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  seatsRequested: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Field()
  @Column({ type: 'date' })
  deadline: string;

  @Field(() => NominationRequestStatus)
  @Column({ type: 'text', default: 'sent' })
  status: NominationRequestStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;

  @Column({ type: 'uuid', nullable: true })
  sentBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
