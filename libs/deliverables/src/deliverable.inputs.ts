import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, IsUrl, Length, MaxLength, ValidateNested, ArrayMinSize } from 'class-validator';
import { IsDateOnly, MayOmit } from '@samverkan/core';
import { DeliverableKind, DeliverableStatus } from './deliverable.entity';
import { DeliverableHealth } from './deliverable-health';
import { AnchorKind, CommentDecision } from './review-comment.entity';
import { ReviewOutcome } from './review.entity';
import { ReviewVerdict } from './review-answer.entity';

@InputType()
export class CreateDeliverableInput {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field(() => ID, { nullable: true, description: 'The group that owes it; empty for the whole commission.' })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;

  @Field()
  @IsString()
  @Length(1, 500)
  title: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @Field(() => DeliverableKind)
  @IsEnum(DeliverableKind)
  kind: DeliverableKind;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly()
  dueOn: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  responsiblePersonId?: string;

  @Field(() => [ID], { defaultValue: [], description: 'Goals of the commission’s strategy ("2.2", "4.4").' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  goalIds: string[];

  @Field(() => [ID], { defaultValue: [], description: 'Lettered objectives of the commission (a, b, c).' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  objectiveIds: string[];
}

@InputType({ description: 'Leave a field out to keep it. The due date changes only through changeDeliverableDeadline.' })
export class UpdateDeliverableInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ nullable: true })
  @MayOmit()
  @IsString()
  @Length(1, 500)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @Field(() => DeliverableKind, { nullable: true })
  @MayOmit()
  @IsEnum(DeliverableKind)
  kind?: DeliverableKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  responsiblePersonId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  goalIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  objectiveIds?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  publishedUrl?: string;
}

@InputType()
export class ChangeDeliverableStatusInput {
  @Field(() => ID)
  @IsUUID()
  deliverableId: string;

  @Field(() => DeliverableStatus)
  @IsEnum(DeliverableStatus)
  status: DeliverableStatus;

  @Field({ nullable: true, description: 'For delivered: the day it was delivered (default today).' })
  @IsOptional()
  @IsDateOnly()
  deliveredOn?: string;
}

@InputType()
export class ChangeDeliverableDeadlineInput {
  @Field(() => ID)
  @IsUUID()
  deliverableId: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly()
  newDueOn: string;

  @Field()
  @IsString()
  @Length(1, 5000)
  reason: string;
}

@InputType()
export class OpenReviewRoundInput {
  @Field(() => ID)
  @IsUUID()
  versionId: string;

  @Field({ description: 'YYYY-MM-DD: the last day to answer.' })
  @IsDateOnly()
  deadline: string;

  @Field(() => [ID], { description: 'People named to review (see suggestedReviewers).' })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  reviewerIds: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  message?: string;
}

@InputType()
export class ReviewCommentInput {
  @Field(() => AnchorKind, { defaultValue: AnchorKind.GENERAL })
  @IsEnum(AnchorKind)
  anchorKind: AnchorKind;

  @Field({ nullable: true, description: 'Section ("3.2"), page ("12") or line ("140–152").' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  anchor?: string;

  @Field()
  @IsString()
  @Length(1, 20000)
  body: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 20000)
  proposedWording?: string;
}

@InputType()
export class AnswerReviewInput {
  @Field(() => ID)
  @IsUUID()
  roundId: string;

  @Field(() => ReviewVerdict)
  @IsEnum(ReviewVerdict)
  verdict: ReviewVerdict;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  summary?: string;

  @Field(() => [ReviewCommentInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => ReviewCommentInput)
  @ArrayMaxSize(500)
  comments: ReviewCommentInput[];
}

@InputType()
export class CloseReviewRoundInput {
  @Field(() => ID)
  @IsUUID()
  roundId: string;

  @Field(() => ReviewOutcome)
  @IsEnum(ReviewOutcome)
  outcome: ReviewOutcome;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

@InputType()
export class RespondToCommentInput {
  @Field(() => ID)
  @IsUUID()
  commentId: string;

  @Field()
  @IsString()
  @Length(1, 20000)
  response: string;

  @Field(() => CommentDecision)
  @IsEnum(CommentDecision)
  decision: CommentDecision;
}

@InputType()
export class DeliverableFilter {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;

  @Field(() => [DeliverableStatus], { nullable: true })
  @IsOptional()
  @IsEnum(DeliverableStatus, { each: true })
  @ArrayMaxSize(10)
  statuses?: DeliverableStatus[];

  @Field(() => ID, { nullable: true, description: 'Only those serving this goal of the strategy.' })
  @IsOptional()
  @IsUUID()
  goalId?: string;

  @Field(() => ID, { nullable: true, description: 'Only those this person is responsible for.' })
  @IsOptional()
  @IsUUID()
  responsiblePersonId?: string;

  @Field(() => DeliverableHealth, { nullable: true, description: 'Only those with this health today (delivered and cancelled ones have none).' })
  @IsOptional()
  @IsEnum(DeliverableHealth)
  health?: DeliverableHealth;
}
