import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { IsEmail, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Person } from '@samverkan/people';

@InputType()
export class LoginInput {
  @Field()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200)
  password: string;
}

@InputType()
export class CreateAccountInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field({ description: 'At least 12 characters.' })
  @IsString()
  @Length(12, 200)
  password: string;

  @Field({ defaultValue: false })
  isAdmin: boolean;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @Field({ description: 'At least 12 characters.' })
  @IsString()
  @Length(12, 200)
  newPassword: string;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken: string;

  @Field(() => DateTimeScalar)
  accessTokenExpiresAt: Date;

  @Field({ description: 'Exchange for a new pair with `refreshSession`; single use.' })
  refreshToken: string;

  @Field(() => Person)
  person: Person;
}

@ObjectType()
export class Me {
  @Field(() => Person)
  person: Person;

  @Field()
  isAdmin: boolean;

  @Field(() => ID)
  sessionId: string;
}
