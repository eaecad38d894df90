import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, IsUUID, IsUrl, Length, MaxLength, ValidateNested } from 'class-validator';
import { DateTimeInput, DateTimeScalar, IsDateTimeInput, IsTimeZone } from '@samverkan/core';
import { MeetingKind } from '../meeting.entity';
import { URL_OPTIONS } from '../meeting.inputs';
import { PollAnswer } from './date-poll-answer.entity';

@InputType()
export class PollOptionInput {
  @Field(() => DateTimeScalar)
  @IsDateTimeInput()
  startsAt: DateTimeInput;

  @Field(() => DateTimeScalar)
  @IsDateTimeInput()
  endsAt: DateTimeInput;
}

@InputType()
export class CreateDatePollInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  commissionId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;

  @Field()
  @IsString()
  @Length(1, 300)
  title: string;

  @Field(() => MeetingKind, { defaultValue: MeetingKind.MEETING })
  @IsEnum(MeetingKind)
  kind: MeetingKind;

  @Field()
  @IsTimeZone()
  timeZone: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  place?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  onlineUrl?: string;

  @Field(() => [PollOptionInput])
  @ValidateNested({ each: true })
  @Type(() => PollOptionInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  options: PollOptionInput[];
}

@InputType()
export class PollVoteInput {
  @Field(() => ID)
  @IsUUID()
  optionId: string;

  @Field(() => PollAnswer)
  @IsEnum(PollAnswer)
  answer: PollAnswer;
}

@InputType()
export class AnswerDatePollInput {
  @Field(() => ID)
  @IsUUID()
  pollId: string;

  @Field(() => [PollVoteInput])
  @ValidateNested({ each: true })
  @Type(() => PollVoteInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  votes: PollVoteInput[];
}
