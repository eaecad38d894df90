import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsTimeZone } from '@samverkan/core';
import { Gender, LocaleCode } from './person.entity';

@InputType()
export class CreatePersonInput {
  @Field()
  @IsString()
  @Length(1, 200)
  fullName: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @Field(() => ID, { nullable: true, description: 'The organisation the person belongs to.' })
  @IsOptional()
  @IsUUID()
  affiliationId?: string;

  @Field(() => LocaleCode, { nullable: true })
  @IsOptional()
  @IsEnum(LocaleCode)
  locale?: LocaleCode;

  @Field({ nullable: true, description: 'IANA time zone; default Europe/Stockholm.' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender;
}

@InputType()
export class UpdatePersonInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  fullName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  affiliationId?: string;

  @Field(() => LocaleCode, { nullable: true })
  @IsOptional()
  @IsEnum(LocaleCode)
  locale?: LocaleCode;

  @Field({ nullable: true })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender;
}

@InputType()
export class MergePeopleInput {
  @Field(() => ID, { description: 'The person to keep: the merged one’s seats, invitations, nominations, roles… move here.' })
  @IsUUID()
  keepPersonId: string;

  @Field(() => ID, { description: 'The duplicate: its record stays, pointing at the kept person (mergedIntoId).' })
  @IsUUID()
  mergePersonId: string;
}
