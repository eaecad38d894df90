import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum OrganisationKind {
  MINISTRY = 'ministry',
  AGENCY = 'agency',
  REGION = 'region',
  MUNICIPALITY = 'municipality',
  UNIVERSITY = 'university',
  PROFESSIONAL_BODY = 'professional_body',
  ASSOCIATION = 'association',
  COMPANY = 'company',
  UNION = 'union',
  GOVERNMENT = 'government',
  OTHER = 'other',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

/** An organisation: a ministry, agency, region, university, association… */
@ObjectType()
@Entity('organisation')
export class Organisation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  shortName: string | null;

  @Field(() => OrganisationKind)
  @Column({ type: 'text' })
  kind: OrganisationKind;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, e.g. DK or SE.' })
  @Column({ type: 'char', length: 2 })
  country: string;

  @Field(() => String, { nullable: true, description: 'The region it belongs to or represents, from the controlled list (ISO 3166-2, e.g. DK-82); `region` gives its name.' })
  @Column({ type: 'text', nullable: true })
  regionCode: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
