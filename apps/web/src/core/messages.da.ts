/**
 * Every area's Danish texts, loaded only for a reader of that language (the
 * application's first load carries English and this language's chunk, not all three).
 * One line per area, as in messages.ts; messages.spec.ts fails on an area missing here.
 */
import { da as accounts } from '../accounts/messages.da';
import { da as commissions } from '../commissions/messages.da';
import { da as commissionRegister } from '../commissions/register-messages.da';
import { da as deliverables } from '../deliverables/messages.da';
import { da as deliverablesManage } from '../deliverables/manage/messages.da';
import { da as reviews } from '../deliverables/reviews/messages.da';
import { da as me } from '../me/messages.da';
import { da as meetings } from '../meetings/messages.da';
import { da as meetingScheduling } from '../meetings/scheduling/messages.da';
import { da as meetingAgenda } from '../meetings/agenda/messages.da';
import { da as meetingAttendance } from '../meetings/attendance/messages.da';
import { da as meetingMinutes } from '../meetings/minutes/messages.da';
import { da as seats } from '../seats/messages.da';
import { da as strategies } from '../strategies/messages.da';
import { da as organisations } from '../organisations/messages.da';
import { da as people } from '../people/messages.da';
import { da as workingGroups } from '../working-groups/messages.da';
import { da as publicRegister } from '../public/messages.da';
import { da as reports } from '../reports/messages.da';
import { da as meetingRegistrations } from '../meetings/registrations/messages.da';
import { da as mail } from '../mail/messages.da';
import { da as core } from './core-messages.da';

export const DA_AREAS = {
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
