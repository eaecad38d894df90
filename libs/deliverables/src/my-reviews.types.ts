import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An open review round that names the signed-in person as a reviewer and has no answer from them yet.' })
export class MyReview {
  @Field(() => ID) reviewRoundId: string;
  @Field(() => ID) deliverableId: string;
  @Field() deliverableTitle: string;
  @Field({ description: 'YYYY-MM-DD' }) deadline: string;
  @Field(() => Int, { description: 'The document version under review.' }) versionNumber: number;
}
