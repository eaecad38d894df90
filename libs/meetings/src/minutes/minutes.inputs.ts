import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsDateOnly } from '@samverkan/core';

@InputType()
export class MinutesNoteInput {
  @Field(() => ID)
  @IsUUID()
  agendaItemId: string;

  @Field()
  @IsString()
  @MaxLength(50000)
  text: string;
}

@InputType()
export class DecisionInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agendaItemId?: string;

  @Field()
  @IsString()
  @Length(1, 10000)
  text: string;
}

@InputType()
export class ActionItemInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agendaItemId?: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  title: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  assigneePersonId?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsDateOnly()
  dueOn?: string;
}

@InputType()
export class ConflictOfInterestInput {
  @Field(() => ID)
  @IsUUID()
  agendaItemId: string;

  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  reason: string;

  @Field({ defaultValue: true })
  @IsBoolean()
  leftRoom: boolean;
}

/** The draft as a whole: saving replaces notes, decisions (renumbered 1…n), action items and declarations. */
@InputType()
export class SaveMinutesInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(100000)
  body: string;

  @Field(() => [MinutesNoteInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => MinutesNoteInput)
  @ArrayMaxSize(200)
  notes: MinutesNoteInput[];

  @Field(() => [DecisionInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => DecisionInput)
  @ArrayMaxSize(500)
  decisions: DecisionInput[];

  @Field(() => [ActionItemInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => ActionItemInput)
  @ArrayMaxSize(500)
  actionItems: ActionItemInput[];

  @Field(() => [ConflictOfInterestInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => ConflictOfInterestInput)
  @ArrayMaxSize(500)
  conflictsOfInterest: ConflictOfInterestInput[];
}

@InputType()
export class SendMinutesForApprovalInput {
  @Field(() => ID)
  @IsUUID()
  minutesId: string;

  @Field(() => [ID], { description: 'The adjusters (justerare / referentgodkendere) who approve the minutes.' })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  adjusterIds: string[];
}
