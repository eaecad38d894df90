import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Organisation, OrganisationKind } from '@samverkan/organisations';
import { KindCoverage, RegionCoverage } from './stakeholder-coverage.types';

@ObjectType()
export class DeadlineChange {
  @Field(() => String, { nullable: true })
  deadline: string | null;

  @Field()
  decidedOn: string;

  @Field(() => String, { nullable: true, description: 'Empty for the original mandate.' })
  reason: string | null;

  @Field(() => ID, { nullable: true })
  amendmentId: string | null;
}

export enum StakeholderWayEnum {
  commissioning_body = 'commissioning_body',
  lead = 'lead',
  partner = 'partner',
  seat = 'seat',
  nominating_body = 'nominating_body',
  dialogue = 'dialogue',
  workshop = 'workshop',
  reviewer = 'reviewer',
  network = 'network',
  consulted = 'consulted',
  other = 'other',
}
registerEnumType(StakeholderWayEnum, { name: 'StakeholderWay' });

@ObjectType()
export class StakeholderEntry {
  @Field(() => Organisation)
  organisation: Organisation;

  @Field(() => [StakeholderWayEnum])
  ways: StakeholderWayEnum[];

  @Field(() => Int, { description: 'Seats allocated to the organisation across the commission’s groups.' })
  seats: number;
}

@ObjectType()
export class StakeholderCoverage {
  @Field()
  country: string;

  @Field(() => [OrganisationKind], { description: 'Kinds of organisation not engaged at all.' })
  missingKinds: OrganisationKind[];

  @Field(() => [String])
  representedRegions: string[];

  @Field(() => [String], { description: 'Regions of the country with no engaged organisation.' })
  missingRegions: string[];

  @Field(() => [KindCoverage], { description: 'Every kind of organisation (but other) with its count; the missing ones have 0.' })
  kinds: KindCoverage[];

  @Field(() => [RegionCoverage], { description: 'Every region of the country with its count; the missing ones have 0.' })
  regions: RegionCoverage[];
}
