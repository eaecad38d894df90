import { DeliverableStatus as S } from './deliverable.entity';

/**
 * The status workflow: planned → in progress → in review → approved → delivered,
 * with steps back (a review asking for changes, an approval reopened), cancelling
 * from any open status and reinstating a cancelled one as planned. Delivered is
 * final. The migration's `deliverable_transition` table holds the same pairs and
 * a trigger refuses any other move.
 */
export const DELIVERABLE_TRANSITIONS: Readonly<Record<S, readonly S[]>> = {
  [S.PLANNED]: [S.IN_PROGRESS, S.CANCELLED],
  [S.IN_PROGRESS]: [S.PLANNED, S.IN_REVIEW, S.CANCELLED],
  [S.IN_REVIEW]: [S.IN_PROGRESS, S.APPROVED, S.CANCELLED],
  [S.APPROVED]: [S.IN_PROGRESS, S.DELIVERED, S.CANCELLED],
  [S.DELIVERED]: [],
  [S.CANCELLED]: [S.PLANNED],
};

export function allowedTransitions(from: S): readonly S[] {
  return DELIVERABLE_TRANSITIONS[from];
}

export function canTransition(from: S, to: S): boolean {
  return DELIVERABLE_TRANSITIONS[from].includes(to);
}
