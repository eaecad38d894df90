import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

@InputType({ description: 'Reminds the named reviewers of an open round who have not answered yet.' })
export class RemindReviewersInput {
  @Field(() => ID)
  @IsUUID()
  roundId: string;

  @Field(() => Int, {
    description:
      'The number of this reminder: the round’s remindersSent as the page showed it, plus one. The same number again sends nothing (a double press, a retried request), so one press reminds each reviewer once.',
  })
  @IsInt()
  @Min(1)
  @Max(1000)
  reminder: number;
}
