import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsDateOnly } from '@samverkan/core';
import { Gender } from '@samverkan/people';
import { AppointmentKind, SeatRole } from './seat.entity';

@InputType()
export class CreateSeatAllocationInput {
  @Field(() => ID)
  @IsUUID()
  workingGroupId: string;

  @Field(() => ID)
  @IsUUID()
  organisationId: string;

  @Field(() => ID, { nullable: true, description: 'Who nominates, when not the organisation itself (e.g. a dean for Danske Universiteter).' })
  @IsOptional()
  @IsUUID()
  nominatingOrganisationId?: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(500)
  seatCount: number;

  @Field(() => SeatRole, { defaultValue: SeatRole.MEMBER })
  @IsEnum(SeatRole)
  role: SeatRole;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  requiredPerspective?: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  requiresGenderPair: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  termMonths?: number;

  @Field(() => Int, { nullable: true, description: 'e.g. 2: at most two consecutive terms.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  maxConsecutiveTerms?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

@InputType()
export class ChangeSeatCountInput {
  @Field(() => ID)
  @IsUUID()
  allocationId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(500)
  seatCount: number;
}

@InputType()
export class AppointInput {
  @Field(() => ID, { nullable: true, description: 'A specific seat; or give allocationId to take the first vacant seat.' })
  @IsOptional()
  @IsUUID()
  seatId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  allocationId?: string;

  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field(() => AppointmentKind, { defaultValue: AppointmentKind.PRINCIPAL })
  @IsEnum(AppointmentKind)
  kind: AppointmentKind;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly()
  startsOn: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD; empty for open-ended (or the allocation’s term length).' })
  @IsOptional()
  @IsDateOnly()
  endsOn?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  nominationId?: string;
}

@InputType()
export class EndAppointmentInput {
  @Field(() => ID)
  @IsUUID()
  appointmentId: string;

  @Field({ description: 'YYYY-MM-DD: the last day in the seat.' })
  @IsDateOnly()
  endsOn: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  reason: string;
}

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
