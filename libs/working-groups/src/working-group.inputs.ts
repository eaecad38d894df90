import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsNumber, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsDateOnly } from '@samverkan/core';
import { WorkingGroupStatus } from './working-group.entity';

@InputType()
export class CreateWorkingGroupInput {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field(() => ID, { nullable: true, description: 'Makes it a sub-working group.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field()
  @IsString()
  @Length(1, 300)
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  purpose?: string;

  @Field(() => WorkingGroupStatus, { defaultValue: WorkingGroupStatus.FORMING })
  @IsEnum(WorkingGroupStatus)
  status: WorkingGroupStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  chairPersonId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  leadOrganisationId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  secretariatOrganisationId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reportsTo?: string;

  @Field({ defaultValue: true })
  @IsBoolean()
  holdoverAllowed: boolean;

  @Field({ defaultValue: true })
  @IsBoolean()
  subgroupsAllowed: boolean;

  @Field(() => Float, { defaultValue: 0.5 })
  @IsNumber()
  @Min(0.01)
  @Max(1)
  quorumShare: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  establishedOn?: string;

  @Field(() => [ID], { defaultValue: [], description: 'Strategy goals the group pursues.' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  goalIds: string[];

  @Field(() => [ID], { defaultValue: [], description: 'Lettered objectives of the commission the group works on.' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(52)
  objectiveIds: string[];
}

@InputType()
export class UpdateWorkingGroupInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  purpose?: string;

  @Field(() => WorkingGroupStatus, { nullable: true })
  @IsOptional()
  @IsEnum(WorkingGroupStatus)
  status?: WorkingGroupStatus;

  @Field(() => ID, { nullable: true, description: 'null: no chair.' })
  @IsOptional()
  @IsUUID()
  chairPersonId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Moves the group under another group of the commission; null: a top-level group.' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'null: none.' })
  @IsOptional()
  @IsUUID()
  leadOrganisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'null: none.' })
  @IsOptional()
  @IsUUID()
  secretariatOrganisationId?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reportsTo?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  holdoverAllowed?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  subgroupsAllowed?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  establishedOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  concludedOn?: string;

  @Field(() => [ID], { nullable: true, description: 'Replaces the goals pursued.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  goalIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the lettered objectives the group works on.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(52)
  objectiveIds?: string[];
}
