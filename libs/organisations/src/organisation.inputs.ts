import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { OrganisationKind } from './organisation.entity';

@InputType()
export class CreateOrganisationInput {
  @Field()
  @IsString()
  @Length(1, 300)
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  shortName?: string;

  @Field(() => OrganisationKind)
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. DK.' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be two capital letters (ISO 3166-1), e.g. DK' })
  country: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field({ nullable: true, description: 'Where nomination requests and vacancy notices go.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;
}

@InputType()
export class UpdateOrganisationInput extends PartialType(CreateOrganisationInput) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
