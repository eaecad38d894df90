import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsDateOnly } from '@samverkan/core';
import { Gender } from '@samverkan/people';

@InputType()
export class RequestNominationInput {
  @Field(() => ID)
  @IsUUID()
  allocationId: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to the allocation’s nominating body.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  contactPersonId?: string;

  @Field(() => Int, { nullable: true, description: 'Defaults to the seats of the allocation that need a new principal: vacant and held over (at least 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  seatsRequested?: number;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly()
  deadline: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  message?: string;
}

@InputType()
export class CandidateInput {
  @Field(() => ID, { nullable: true, description: 'An existing person; or give fullName (and email) for a new one.' })
  @IsOptional()
  @IsUUID()
  personId?: string;

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

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  perspective?: string;
}

@InputType()
export class SubmitNominationInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field(() => [CandidateInput])
  @ValidateNested({ each: true })
  @Type(() => CandidateInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  candidates: CandidateInput[];

  @Field({ nullable: true, description: 'Required when the allocation needs a woman and a man and the candidates are not balanced.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  genderRuleReason?: string;
}
