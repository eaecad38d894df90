import { Field, ID, Int, Float, ObjectType } from '@nestjs/graphql';
import { Organisation } from '@samverkan/organisations';
import { Person } from '@samverkan/people';

@ObjectType()
export class GenderBalance {
  @Field(() => Int)
  women: number;

  @Field(() => Int)
  men: number;

  @Field(() => Int)
  other: number;

  @Field(() => Int)
  notStated: number;

  @Field(() => Float, { nullable: true, description: 'Women among women and men, 0–1; empty with none of either.' })
  shareWomen: number | null;
}

@ObjectType()
export class AllocationCompliance {
  @Field(() => ID)
  allocationId: string;

  @Field(() => Organisation)
  organisation: Organisation;

  @Field({ description: 'Whether a woman and a man must both be proposed.' })
  required: boolean;

  @Field({ description: 'Met by the latest nomination (or a stated reason), or not required.' })
  complies: boolean;

  @Field(() => Int)
  womenProposed: number;

  @Field(() => Int)
  menProposed: number;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field({ description: 'Whether a nomination has been received.' })
  nominated: boolean;
}

@ObjectType()
export class CompositionLine {
  @Field(() => Organisation)
  organisation: Organisation;

  @Field(() => Int)
  seats: number;

  @Field(() => String, { nullable: true })
  requiredPerspective: string | null;

  @Field(() => [Person], { description: 'Proposed in the latest nomination.' })
  proposed: Person[];

  @Field(() => Int)
  womenProposed: number;

  @Field(() => Int)
  menProposed: number;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType({ description: 'The intended composition before appointment (Ligestillingsloven § 10).' })
export class CompositionReport {
  @Field(() => ID)
  workingGroupId: string;

  @Field(() => [CompositionLine])
  lines: CompositionLine[];

  @Field(() => GenderBalance, { description: 'Of everyone proposed.' })
  proposed: GenderBalance;

  @Field(() => GenderBalance, { description: 'Of the current principal members.' })
  current: GenderBalance;
}
