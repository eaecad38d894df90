import { Field, ObjectType } from '@nestjs/graphql';

/** What the signed-in person may do in a group, so a page offers only those actions (libs/access decides). */
@ObjectType()
export class WorkingGroupPermissions {
  @Field({ description: 'Change the group, its seats and nominations: the commission’s secretariat.' })
  manage: boolean;

  @Field({ description: 'Schedule the group’s meetings: the secretariat, and the group’s chair (libs/access `GroupAction`).' })
  scheduleMeetings: boolean;
}
