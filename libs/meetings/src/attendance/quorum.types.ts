import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Whether enough seats are represented for the group to decide (on the meeting as a whole, or on one agenda item).' })
export class Quorum {
  @Field(() => Int, { description: 'Seats of the group.' })
  seats: number;

  @Field(() => Float, { description: 'The group’s quorum share (0.5: more than half the seats).' })
  share: number;

  @Field(() => Int, { description: 'Seats that must be represented.' })
  required: number;

  @Field(() => Int, { description: 'Seats represented in the attendance record (present or substituted) that count: on an agenda item, without those whose representative has a conflict of interest on it.' })
  represented: number;

  @Field(() => Int, {
    description: 'On an agenda item: seats represented at the meeting that do not count for the item, because whoever represents them declared a conflict of interest (jäv) on it or has one recorded in the minutes. 0 for the meeting as a whole.',
  })
  recused: number;

  @Field()
  met: boolean;
}
