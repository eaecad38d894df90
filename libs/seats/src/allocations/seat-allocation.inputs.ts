import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { SeatRole } from './seat-allocation.entity';

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
