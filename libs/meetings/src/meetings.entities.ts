import { AgendaItem } from './agenda/agenda-item.entity';
import { CalendarFeedToken } from './calendar/calendar-feed-token.entity';
import { DatePollAnswer } from './date-polls/date-poll-answer.entity';
import { DatePollOption } from './date-polls/date-poll-option.entity';
import { DatePoll } from './date-polls/date-poll.entity';
import { Invitation } from './invitations/invitation.entity';
import { Meeting } from './meeting.entity';
import { ActionItem } from './minutes/action-item.entity';
import { ConflictOfInterest } from './minutes/conflict-of-interest.entity';
import { Decision } from './minutes/decision.entity';
import { InterestDeclaration } from './minutes/interest-declaration.entity';
import { MinutesAdjuster } from './minutes/minutes-adjuster.entity';
import { MinutesNote } from './minutes/minutes-note.entity';
import { Minutes } from './minutes/minutes.entity';
import { Registration } from './registrations/registration.entity';

/** Every entity of the meetings area, for TypeOrmModule.forFeature (the order they had in one file). */
export const MEETING_ENTITIES = [
  Meeting,
  AgendaItem,
  Invitation,
  Minutes,
  MinutesAdjuster,
  MinutesNote,
  Decision,
  ActionItem,
  ConflictOfInterest,
  DatePoll,
  DatePollOption,
  DatePollAnswer,
  Registration,
  CalendarFeedToken,
  InterestDeclaration,
];
