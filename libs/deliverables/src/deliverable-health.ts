import { registerEnumType } from '@nestjs/graphql';
import { DateTime } from 'luxon';
import { DeliverableStatus } from './deliverable.entity';

export enum DeliverableHealth {
  ON_TRACK = 'on_track',
  AT_RISK = 'at_risk',
  LATE = 'late',
}
registerEnumType(DeliverableHealth, {
  name: 'DeliverableHealth',
  description:
    'late: past its due date and not delivered; at risk: due soon for how far it has come (planned ≤ 30 days, in progress ≤ 14, in review ≤ 7); ' +
    'otherwise on track. Delivered and cancelled deliverables have none.',
});

/**
 * How many days before the due date a deliverable in each status turns "at risk".
 * The idea: work not started a month before it is due, a draft not in review two
 * weeks before, or a review still running a week before, will likely slip.
 * An approved deliverable only waits for sending, so it is at risk only when late.
 */
export const AT_RISK_DAYS: Readonly<Partial<Record<DeliverableStatus, number>>> = {
  [DeliverableStatus.PLANNED]: 30,
  [DeliverableStatus.IN_PROGRESS]: 14,
  [DeliverableStatus.IN_REVIEW]: 7,
};

/**
 * The on-track / at-risk / late indicator (RAG: green / amber / red), the one
 * rule every area uses (status reports included). Pure: give it today's date in
 * the commission's time zone.
 *
 * 1. delivered or cancelled → null (no indicator);
 * 2. today after the due date → late;
 * 3. days left ≤ AT_RISK_DAYS[status] → at risk;
 * 4. otherwise → on track.
 *
 * Its SQL twin is the function `deliverable_health(due_on, status, today)` from
 * the deliverables migration (see DELIVERABLE_HEALTH_SQL); a test checks that
 * both agree. Documented for users in docs/deliverables.md.
 */
export function deliverableHealth(dueOn: string, status: DeliverableStatus, today: string): DeliverableHealth | null {
  if (status === DeliverableStatus.DELIVERED || status === DeliverableStatus.CANCELLED) return null;
  const daysLeft = Math.round(DateTime.fromISO(dueOn, { zone: 'UTC' }).diff(DateTime.fromISO(today, { zone: 'UTC' }), 'days').days);
  if (daysLeft < 0) return DeliverableHealth.LATE;
  const threshold = AT_RISK_DAYS[status];
  if (threshold !== undefined && daysLeft <= threshold) return DeliverableHealth.AT_RISK;
  return DeliverableHealth.ON_TRACK;
}

/**
 * The same rule in SQL, for filters and exports: `d` is the deliverable's alias,
 * `today` an SQL date expression (e.g. the commission's local date,
 * `(now() AT TIME ZONE c.time_zone)::date`). Returns 'on_track' | 'at_risk' | 'late' | NULL.
 */
export function DELIVERABLE_HEALTH_SQL(d: string, today: string): string {
  return `deliverable_health(${d}.due_on, ${d}.status, ${today})`;
}
