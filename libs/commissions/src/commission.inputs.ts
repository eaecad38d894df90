import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsDateOnly, IsTimeZone } from '@samverkan/core';
import { CommissionKind, CommissionRoleName, CommissionStatus, EngagementKind, ReportCadence } from './commission.entity';

@InputType()
export class ObjectiveInput {
  @Field({ description: 'a, b, c…' })
  @Matches(/^[a-z]{1,2}$/, { message: 'letter must be one or two lower-case letters (a, b, c …)' })
  letter: string;

  @Field()
  @IsString()
  @Length(1, 5000)
  text: string;
}

@InputType()
export class CreateCommissionInput {
  @Field()
  @IsString()
  @Length(1, 500)
  title: string;

  @Field(() => CommissionKind)
  @IsEnum(CommissionKind)
  kind: CommissionKind;

  @Field(() => ID, { description: 'Who gave the commission: a government, ministry or board.' })
  @IsUUID()
  commissioningBodyId: string;

  @Field(() => ID, { description: 'The organisation that carries it out.' })
  @IsUUID()
  leadOrganisationId: string;

  @Field(() => [ID], { defaultValue: [] })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  partnerIds: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  strategyId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  referenceNumber?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly()
  startsOn: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsDateOnly()
  reportingDeadline?: string;

  @Field(() => ReportCadence, { defaultValue: ReportCadence.QUARTERLY })
  @IsEnum(ReportCadence)
  reportCadence: ReportCadence;

  @Field(() => CommissionStatus, { defaultValue: CommissionStatus.ACTIVE })
  @IsEnum(CommissionStatus)
  status: CommissionStatus;

  @Field({ nullable: true, description: 'IANA time zone; default Europe/Stockholm.' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @Field(() => [ObjectiveInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => ObjectiveInput)
  @ArrayMaxSize(52)
  objectives: ObjectiveInput[];

  @Field(() => [ID], { defaultValue: [], description: 'People on the secretariat; the creator is always added.' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  secretariatIds: string[];

  @Field(() => [ID], { defaultValue: [] })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  commissionerIds: string[];
}

@InputType()
export class UpdateCommissionInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  title?: string;

  @Field(() => CommissionKind, { nullable: true })
  @IsOptional()
  @IsEnum(CommissionKind)
  kind?: CommissionKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  commissioningBodyId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  leadOrganisationId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  referenceNumber?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @Field({ nullable: true, description: 'IANA time zone.' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @Field(() => ReportCadence, { nullable: true })
  @IsOptional()
  @IsEnum(ReportCadence)
  reportCadence?: ReportCadence;

  @Field(() => CommissionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CommissionStatus)
  status?: CommissionStatus;

  @Field(() => [ID], { nullable: true, description: 'Replaces the partner list.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  partnerIds?: string[];
}

@InputType({ description: 'An amendment to the mandate (tilläggsdirektiv). The deadline is changed only this way.' })
export class AmendMandateInput {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly()
  decidedOn: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  referenceNumber?: string;

  @Field()
  @IsString()
  @Length(1, 5000)
  reason: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsDateOnly()
  newDeadline?: string;

  @Field(() => [ObjectiveInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => ObjectiveInput)
  @ArrayMaxSize(52)
  addObjectives: ObjectiveInput[];

  @Field(() => [String], { defaultValue: [], description: 'Letters of objectives withdrawn.' })
  @Matches(/^[a-z]{1,2}$/, { each: true, message: 'letters are one or two lower-case letters' })
  @ArrayMaxSize(52)
  withdrawObjectives: string[];
}

@InputType()
export class CommissionRoleInput {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field(() => CommissionRoleName)
  @IsEnum(CommissionRoleName)
  role: CommissionRoleName;
}

@InputType()
export class RecordEngagementInput {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field(() => ID)
  @IsUUID()
  organisationId: string;

  @Field(() => EngagementKind)
  @IsEnum(EngagementKind)
  how: EngagementKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  engagedOn?: string;
}
