import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ConnectionArgs, IsDateOnly } from '@samverkan/core';

@InputType()
export class CompileStatusReportInput {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field({ nullable: true, description: 'A period of the commission\'s cadence (`2025-03`, `2025-Q1`, `2025-H1`, `2025`, or a custom `2025-01-01..2025-02-15`). Default: the running period, as of today.' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  period?: string;

  @Field({ defaultValue: false, description: 'Also mail the commissioners.' })
  @IsBoolean()
  notifyCommissioners: boolean;
}

@InputType()
export class CustomReportPeriodInput {
  @Field()
  @IsDateOnly()
  startsOn: string;

  @Field()
  @IsDateOnly()
  endsOn: string;
}

@InputType()
export class SetCustomReportPeriodsInput {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field(() => [CustomReportPeriodInput], { description: 'Replaces the list. Periods may not overlap. Takes effect when the cadence is CUSTOM.' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CustomReportPeriodInput)
  periods: CustomReportPeriodInput[];
}

@ArgsType()
export class StatusReportsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;
}

