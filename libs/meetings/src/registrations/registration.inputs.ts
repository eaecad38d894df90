import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { LocaleCode } from '@samverkan/people';

@InputType()
export class RegisterForEventInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;

  @Field()
  @IsString()
  @Length(1, 300)
  fullName: string;

  @Field()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  organisation?: string;

  @Field(() => LocaleCode, { nullable: true })
  @IsOptional()
  @IsEnum(LocaleCode)
  locale?: LocaleCode;
}
