import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsUUID } from 'class-validator';
import { PublishedDeliverables } from './commission-publication.entity';

@InputType()
export class SetCommissionPublicationInput {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field({ description: 'Publish the register page and its feeds at all.' })
  @IsBoolean()
  published: boolean;

  @Field()
  @IsBoolean()
  mandate: boolean;

  @Field()
  @IsBoolean()
  groups: boolean;

  @Field({ description: 'Organisations and seat counts (needs groups).' })
  @IsBoolean()
  organisations: boolean;

  @Field({ description: 'Names of the members (needs organisations).' })
  @IsBoolean()
  memberNames: boolean;

  @Field(() => PublishedDeliverables)
  @IsEnum(PublishedDeliverables)
  deliverables: PublishedDeliverables;

  @Field(() => [ID], { defaultValue: [], description: 'The deliverables published one by one (all of this commission); replaces the earlier choice.' })
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  chosenDeliverableIds: string[];

  @Field()
  @IsBoolean()
  openEvents: boolean;
}
