import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which deliverables the public register shows. */
export enum PublishedDeliverables {
  /** None. */
  NONE = 'none',
  /** Every delivered deliverable. */
  ALL_DELIVERED = 'all_delivered',
  /** Those the secretariat published one by one (`deliverable_publication`). */
  CHOSEN = 'chosen',
}
registerEnumType(PublishedDeliverables, { name: 'PublishedDeliverables', description: 'Which deliverables the public register shows: none, every delivered one, or those chosen one by one.' });

/**
 * What the secretariat has chosen to publish of a commission. Nothing is public
 * until it chooses: a commission without this row, or with `published` false, is
 * unknown to anonymous visitors (NOT_FOUND, like a commission that does not exist).
 */
@ObjectType()
@Entity('commission_publication')
export class CommissionPublication {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  commissionId: string;

  @Field({ description: 'The register page and its feeds are public at all.' })
  @Column({ type: 'boolean', default: false })
  published: boolean;

  @Field({ description: 'Terms of reference (objectives), commissioning body, lead organisation and partners, deadline.' })
  @Column({ type: 'boolean', default: false })
  mandate: boolean;

  @Field({ description: 'The working groups (names, sub-groups).' })
  @Column({ type: 'boolean', default: false })
  groups: boolean;

  @Field({ description: 'Organisations and their seat counts per group (needs groups).' })
  @Column({ type: 'boolean', default: false })
  organisations: boolean;

  @Field({ description: 'The names of the members holding the seats (needs organisations). Never e-mail or other contact data.' })
  @Column({ type: 'boolean', default: false })
  memberNames: boolean;

  @Field(() => PublishedDeliverables)
  @Column({ type: 'text', default: PublishedDeliverables.NONE })
  deliverables: PublishedDeliverables;

  @Field({ description: 'Open events (webinars, workshops open to anyone) with registration.' })
  @Column({ type: 'boolean', default: false })
  openEvents: boolean;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;
}
