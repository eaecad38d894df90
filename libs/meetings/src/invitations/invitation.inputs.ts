import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { RsvpAnswer } from './invitation.entity';

@InputType()
export class RsvpInput {
  @Field(() => RsvpAnswer)
  @IsEnum(RsvpAnswer)
  answer: RsvpAnswer;

  @Field(() => ID, { nullable: true, description: 'Who comes instead (answer SUBSTITUTE); defaults to the seat’s current substitute.' })
  @IsOptional()
  @IsUUID()
  substitutePersonId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  substituteName?: string;
}
