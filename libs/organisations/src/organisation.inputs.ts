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

  @Field(() => String, { nullable: true, description: 'The region from the list (`regions`), by code, e.g. SE-M; null clears it.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'regionCode must be a region code from the list, e.g. SE-M' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The region by name ("Region Skåne", "Skåne"), read against the list; prefer regionCode.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;

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
