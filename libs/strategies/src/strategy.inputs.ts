import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export const GOAL_CODE = /^[1-9][0-9]{0,2}\.[1-9][0-9]{0,2}$/;
export const GOAL_CODE_MESSAGE = 'a goal code is two numbers with a dot, such as 4.4';

@InputType()
export class GoalInput {
  @Field({ description: 'e.g. "2.2"; the first number is the priority area.' })
  @Matches(GOAL_CODE, { message: GOAL_CODE_MESSAGE })
  code: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  text: string;
}

@InputType()
export class PriorityAreaInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(999)
  number: number;

  @Field()
  @IsString()
  @Length(1, 300)
  title: string;

  @Field(() => [GoalInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => GoalInput)
  @ArrayMaxSize(200)
  goals: GoalInput[];
}

@InputType()
export class CreateStrategyInput {
  @Field()
  @IsString()
  @Length(1, 300)
  title: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @Field({ nullable: true, description: 'ISO date, e.g. 2019-12-17.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  publishedOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @Field(() => [PriorityAreaInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => PriorityAreaInput)
  @ArrayMaxSize(100)
  priorityAreas: PriorityAreaInput[];
}

@InputType()
export class AddGoalInput extends GoalInput {
  @Field(() => ID)
  @IsUUID()
  strategyId: string;
}

@InputType({ description: 'A priority area added to a strategy after it was created.' })
export class AddPriorityAreaInput {
  @Field(() => ID)
  @IsUUID()
  strategyId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(999)
  number: number;

  @Field()
  @IsString()
  @Length(1, 300)
  title: string;
}

@InputType()
export class UpdatePriorityAreaInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ description: 'The number stays: the goals’ codes begin with it.' })
  @IsString()
  @Length(1, 300)
  title: string;
}

@InputType()
export class UpdateGoalInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  text: string;
}
