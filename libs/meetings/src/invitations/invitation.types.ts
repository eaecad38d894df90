import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Whether enough seats are represented for the group to decide.' })
export class Quorum {
  @Field(() => Int, { description: 'Seats of the group.' })
  seats: number;

  @Field(() => Float, { description: 'The group’s quorum share (0.5: more than half the seats).' })
  share: number;

  @Field(() => Int, { description: 'Seats that must be represented.' })
  required: number;

  @Field(() => Int, { description: 'Seats represented in the attendance record (present or substituted).' })
  represented: number;

  @Field()
  met: boolean;
}
