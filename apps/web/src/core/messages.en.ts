/**
 * Every area's English texts, loaded only for a reader of English, like messages.sv.ts
 * and messages.da.ts: one line per area. An area registered here and not there (or the
 * other way round) fails messages.spec.ts.
 */
import { en as accounts } from '../accounts/messages';
import { en as commissions } from '../commissions/messages';
import { en as commissionRegister } from '../commissions/register-messages';
import { en as deliverables } from '../deliverables/messages';
import { en as deliverablesManage } from '../deliverables/manage/messages';
import { en as reviews } from '../deliverables/reviews/messages';
import { en as me } from '../me/messages';
import { en as meetings } from '../meetings/messages';
import { en as meetingScheduling } from '../meetings/scheduling/messages';
import { en as meetingAgenda } from '../meetings/agenda/messages';
import { en as meetingAttendance } from '../meetings/attendance/messages';
import { en as meetingMinutes } from '../meetings/minutes/messages';
import { en as seats } from '../seats/messages';
import { en as strategies } from '../strategies/messages';
import { en as organisations } from '../organisations/messages';
import { en as people } from '../people/messages';
import { en as workingGroups } from '../working-groups/messages';
import { en as publicRegister } from '../public/messages';
import { en as reports } from '../reports/messages';
import { en as meetingRegistrations } from '../meetings/registrations/messages';
import { en as mail } from '../mail/messages';
import { en as core } from './core-messages';

export const EN_AREAS = {
  accounts,
  commissions,
  commissionRegister,
  deliverables,
  deliverablesManage,
  reviews,
  me,
  meetings,
  meetingScheduling,
  meetingAgenda,
  meetingAttendance,
  meetingMinutes,
  seats,
  strategies,
  organisations,
  people,
  workingGroups,
  publicRegister,
  reports,
  meetingRegistrations,
  mail,
  core,
} as const;
