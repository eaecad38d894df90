import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum Gender {
  WOMAN = 'woman',
  MAN = 'man',
  OTHER = 'other',
}
registerEnumType(Gender, {
  name: 'Gender',
  description: 'Used only for gender-balance reporting; visible only to the secretariat.',
});

export enum LocaleCode {
  sv = 'sv',
  da = 'da',
  en = 'en',
}
registerEnumType(LocaleCode, { name: 'Locale', description: 'Language of mail and pages: Swedish, Danish or English.' });

/** A person: a member, a secretariat officer, a commissioner or an external contact. */
@ObjectType()
@Entity('person')
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  fullName: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  affiliationId: string | null;

  @Field(() => LocaleCode)
  @Column({ type: 'text', default: 'sv' })
  locale: LocaleCode;

  @Field({ description: 'IANA time zone, e.g. Europe/Copenhagen.' })
  @Column({ type: 'text', default: 'Europe/Stockholm' })
  timeZone: string;

  @Column({ type: 'text', nullable: true })
  gender: Gender | null;

  @Field({ description: 'An invented demo person (seed data), not a real one.' })
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Set when the person was erased (GDPR); the record keeps a pseudonym.' })
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Set when this record was a duplicate merged into another person (mergePeople).' })
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
