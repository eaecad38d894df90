import { Field, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationKind, Region } from '@samverkan/organisations';

/** How many engaged organisations are of one kind, and the seats they hold. */
@ObjectType()
export class KindCoverage {
  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field(() => Int, { description: 'Engaged organisations of this kind (0 when the kind is missing).' })
  organisations: number;

  @Field(() => Int, { description: 'Seats they hold across the commission’s groups.' })
  seats: number;
}

/** How many engaged organisations belong to one region of the country (by reference, not by spelling). */
@ObjectType()
export class RegionCoverage {
  @Field(() => Region)
  region: Region;

  @Field(() => Int, { description: 'Engaged organisations in this region (0 when the region is missing).' })
  organisations: number;

  @Field(() => Int)
  seats: number;
}
