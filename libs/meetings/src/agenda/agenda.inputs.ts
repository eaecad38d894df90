import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';

@InputType()
export class AgendaItemInput {
  @Field()
  @IsString()
  @Length(1, 500)
  title: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @Field(() => Int, { defaultValue: 0, description: 'Minutes planned for the item.' })
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  presenterPersonId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  presenterName?: string;

  @Field(() => ID, { nullable: true, description: 'A deliverable discussed under the item.' })
  @IsOptional()
  @IsUUID()
  deliverableId?: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  decisionExpected: boolean;
}

@InputType()
export class SetAgendaInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field(() => [AgendaItemInput], { description: 'The whole agenda in order; replaces the current one.' })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInput)
  @ArrayMaxSize(200)
  items: AgendaItemInput[];
}

@InputType()
export class ReorderAgendaInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field(() => [ID], { description: 'Every item of the agenda, in the new order.' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(200)
  itemIds: string[];

  @Field(() => [ID], { description: 'The order the page showed before the move: when the agenda has changed since, the answer is CONFLICT.' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(200)
  seenItemIds: string[];
}

@InputType({ description: 'What one agenda item says, replaced as a whole; its place, its declared conflicts of interest and its minutes notes stay.' })
export class UpdateAgendaItemInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => AgendaItemInput)
  @ValidateNested()
  @Type(() => AgendaItemInput)
  item: AgendaItemInput;
}
