import type { EntityManager } from 'typeorm';

/**
 * The nomination request as its mail and its mail action show it. Apart from the
 * mail action (nominations.mail-actions.ts) so that the service, the mail and the
 * action each import it without importing one another in a circle.
 */

/** The mail action's name, which the service signs into the "Nominate" link. */
export const NOMINATION_REPLY = 'nomination.reply';

/** What a nominating organisation's contact sees of a nomination request. */
export interface NominationSubject {
  requestId: string;
  status: string;
  deadline: string;
  seatsRequested: number;
  contactPersonId: string | null;
  message: string | null;
  requiresGenderPair: boolean;
  requiredPerspective: string | null;
  groupName: string;
  organisationName: string;
  commissionTitle: string;
  commissionId: string;
}

/** One statement: the request with its group, organisation and commission. */
export async function loadNominationSubject(manager: EntityManager, requestId: string): Promise<NominationSubject | undefined> {
  const [row] = await manager.query(
    `SELECT nr.id AS "requestId", nr.status, nr.deadline::text AS deadline, nr.seats_requested AS "seatsRequested",
            nr.contact_person_id AS "contactPersonId", nr.message, sa.requires_gender_pair AS "requiresGenderPair",
            sa.required_perspective AS "requiredPerspective", g.name AS "groupName", org.name AS "organisationName",
            c.title AS "commissionTitle", c.id AS "commissionId"
       FROM nomination_request nr
       JOIN seat_allocation sa ON sa.id = nr.allocation_id
       JOIN working_group g ON g.id = sa.working_group_id
       JOIN commission c ON c.id = g.commission_id
       JOIN organisation org ON org.id = nr.organisation_id
      WHERE nr.id = $1`,
    [requestId],
  );
  return row;
}

/** How many candidate rows the page offers: a woman and a man per seat where the gender rule applies. */
export function candidateRows(subject: Pick<NominationSubject, 'seatsRequested' | 'requiresGenderPair'>): number {
  return Math.max(1, Math.min(10, subject.seatsRequested * (subject.requiresGenderPair ? 2 : 1)));
}
