/**
 * Every text of the web application in ICU MessageFormat, per language. Each area
 * keeps its own texts beside its pages (`<area>/messages.ts`, keys prefixed by the
 * area's word); this file puts them together. A key missing in one language, or with
 * other arguments than in English, fails messages.spec.ts.
 */
import * as accounts from '../accounts/messages';
import * as commissions from '../commissions/messages';
import * as commissionRegister from '../commissions/register-messages';
import * as deliverables from '../deliverables/messages';
import * as me from '../me/messages';
import * as meetings from '../meetings/messages';
import * as meetingScheduling from '../meetings/scheduling/messages';
import * as meetingAgenda from '../meetings/agenda/messages';
import * as meetingAttendance from '../meetings/attendance/messages';
import * as meetingMinutes from '../meetings/minutes/messages';
import * as seats from '../seats/messages';
import * as strategies from '../strategies/messages';
import * as organisations from '../organisations/messages';
import * as people from '../people/messages';
import * as workingGroups from '../working-groups/messages';
import * as publicRegister from '../public/messages';
import * as reports from '../reports/messages';
import * as meetingRegistrations from '../meetings/registrations/messages';
import * as core from './core-messages';
import type { Locale } from './locales';

export { LOCALES, isLocale, type AreaMessages, type Locale } from './locales';

/** Every area's texts, one line each; messages.spec.ts checks that no two define the same key. */
export const AREAS = {
  core,
  accounts,
  me,
  meetings,
  deliverables,
  workingGroups,
  commissions,
  seats,
  strategies,
  reports,
  publicRegister,
  people,
  organisations,
  commissionRegister,
  meetingScheduling,
  meetingAgenda,
  meetingRegistrations,
  meetingAttendance,
  meetingMinutes,
} as const;

type Areas = typeof AREAS;
export type MessageKey = { [Area in keyof Areas]: keyof Areas[Area]['en'] }[keyof Areas] & string;

function merged(locale: Locale): Record<string, string> {
  return Object.assign({}, ...Object.values(AREAS).map((area) => area[locale]));
}

export const MESSAGES: Record<Locale, Record<string, string>> = { sv: merged('sv'), da: merged('da'), en: merged('en') };
