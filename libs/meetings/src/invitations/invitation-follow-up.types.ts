import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What a press of "remind" did.' })
export class InvitationReminderResult {
  @Field(() => Int, { description: 'Invitees asked to answer who have not (substitutes, who are only informed, are not asked).' })
  unanswered: number;

  @Field(() => Int, { description: 'Reminders mailed now; 0 when they were mailed already this minute (a double press sends nothing more).' })
  sent: number;
}
