import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ActionItemStatus } from '../minutes/action-item.entity';

@ObjectType({ description: 'Minutes the signed-in person adjusts (justerar) and has not approved yet.' })
export class MyMinutesToApprove {
  @Field(() => ID) minutesId: string;
  @Field(() => ID) meetingId: string;
  @Field() meetingTitle: string;
  @Field() meetingStartsAt: Date;
  @Field(() => Date, { nullable: true }) sentForApprovalAt: Date | null;
}

@ObjectType({ description: 'An open action item assigned to the signed-in person, from approved minutes.' })
export class MyActionItem {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueOn: string | null;
  @Field(() => ActionItemStatus) status: ActionItemStatus;
  @Field(() => ID) meetingId: string;
  @Field() meetingTitle: string;
}

@ObjectType({ description: 'An open date poll of a group the signed-in person sits in or chairs, not yet answered by them.' })
export class MyDatePoll {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() timeZone: string;
  @Field(() => Date, { nullable: true, description: 'The earliest time offered.' }) firstOptionAt: Date | null;
  @Field(() => String, { nullable: true }) workingGroupName: string | null;
}
