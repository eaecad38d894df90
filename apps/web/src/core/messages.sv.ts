/**
 * Every area's Swedish texts, loaded only for a reader of that language (the
 * application's first load carries English and this language's chunk, not all three).
 * One line per area, as in messages.ts; messages.spec.ts fails on an area missing here.
 */
import { sv as accounts } from '../accounts/messages.sv';
import { sv as commissions } from '../commissions/messages.sv';
import { sv as commissionRegister } from '../commissions/register-messages.sv';
import { sv as deliverables } from '../deliverables/messages.sv';
import { sv as deliverablesManage } from '../deliverables/manage/messages.sv';
import { sv as reviews } from '../deliverables/reviews/messages.sv';
import { sv as me } from '../me/messages.sv';
import { sv as meetings } from '../meetings/messages.sv';
import { sv as meetingScheduling } from '../meetings/scheduling/messages.sv';
import { sv as meetingAgenda } from '../meetings/agenda/messages.sv';
import { sv as meetingAttendance } from '../meetings/attendance/messages.sv';
import { sv as meetingMinutes } from '../meetings/minutes/messages.sv';
import { sv as seats } from '../seats/messages.sv';
import { sv as strategies } from '../strategies/messages.sv';
import { sv as organisations } from '../organisations/messages.sv';
import { sv as people } from '../people/messages.sv';
import { sv as workingGroups } from '../working-groups/messages.sv';
import { sv as publicRegister } from '../public/messages.sv';
import { sv as reports } from '../reports/messages.sv';
import { sv as meetingRegistrations } from '../meetings/registrations/messages.sv';
import { sv as mail } from '../mail/messages.sv';
import { sv as core } from './core-messages.sv';

export const SV_AREAS = {
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
