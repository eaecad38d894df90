import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PollAnswer } from './date-poll-answer.entity';
import { DatePollOption } from './date-poll-option.entity';

@ObjectType({ description: 'Your answer to one option of a date poll.' })
export class PollVote {
  @Field(() => ID)
  optionId: string;

  @Field(() => PollAnswer)
  answer: PollAnswer;
}

@ObjectType()
export class PollOptionSummary {
  @Field(() => DatePollOption)
  option: DatePollOption;

  @Field(() => Int)
  yes: number;

  @Field(() => Int)
  ifNeedBe: number;

  @Field(() => Int)
  no: number;

  @Field({ description: 'The best option: most who can come (yes or if need be), then most yes, then the earliest.' })
  best: boolean;
}

@ObjectType({ description: 'One person’s answers to a date poll: a row of the answers grid.' })
export class DatePollRespondent {
  @Field(() => ID)
  personId: string;

  @Field({ description: 'Whether the poll asked them (a member of the commission who was not asked may answer too).' })
  invited: boolean;

  @Field(() => [PollVote], { description: 'Their answer per option, in the options’ order; empty when they have not answered.' })
  answers: PollVote[];
}
