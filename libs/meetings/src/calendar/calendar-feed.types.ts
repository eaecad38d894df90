import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';

@ObjectType()
export class CalendarFeed {
  @Field({ description: 'Subscribe to this address in a calendar app. Shown once; keep it secret.' })
  url: string;

  @Field({ description: 'The same token for a group’s feed: /calendar/<token>/groups/<groupId>.ics' })
  groupUrlTemplate: string;
}

@ObjectType({ description: 'Whether you have a calendar address now (its secret is shown only when it is made).' })
export class CalendarFeedStatus {
  @Field()
  active: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the address in use was made.' })
  createdAt: Date | null;
}
