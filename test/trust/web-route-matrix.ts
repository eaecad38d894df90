import type { DocumentNode } from 'graphql';
import { SettingsPage } from '../../apps/web/src/accounts/settings-page.operations';
import { AmendMandatePage } from '../../apps/web/src/commissions/amend-mandate-page.operations';
import { CommissionFormOptions, EditCommissionPage } from '../../apps/web/src/commissions/commission-form.operations';
import { CommissionListPage } from '../../apps/web/src/commissions/commission-list-page.operations';
import { CommissionPage } from '../../apps/web/src/commissions/commission-page.operations';
import { DeliverablePage } from '../../apps/web/src/deliverables/deliverable-page.operations';
import { ReviewRoundPage } from '../../apps/web/src/deliverables/review-round-page.operations';
import { MyPage } from '../../apps/web/src/me/my-page.operations';
import { MySeatsPage } from '../../apps/web/src/me/my-seats-page.operations';
import { DatePollPage } from '../../apps/web/src/meetings/date-poll-page.operations';
import { MeetingPage } from '../../apps/web/src/meetings/meeting-page.operations';
import { NewMeetingPage } from '../../apps/web/src/meetings/new-meeting-page.operations';
import { AgendaBuilderPage } from '../../apps/web/src/meetings/agenda/agenda-builder-page.operations';
import { DatePollAnswersPage } from '../../apps/web/src/meetings/scheduling/date-poll-answers-page.operations';
import { InvitationsPage } from '../../apps/web/src/meetings/scheduling/invitations-page.operations';
import { NewDatePollPage } from '../../apps/web/src/meetings/scheduling/new-date-poll-page.operations';
import { NominationRequestPage } from '../../apps/web/src/seats/nomination-request-page.operations';
import { StrategyPage } from '../../apps/web/src/strategies/strategy-page.operations';
import { EditWorkingGroupPage, NewWorkingGroupPage } from '../../apps/web/src/working-groups/working-group-form.operations';
import { WorkingGroupPage } from '../../apps/web/src/working-groups/working-group-page.operations';
import { GRAPHQL_MATRIX } from './access-matrix';
import type { World } from './world';

/**
 * The web application's pages in the authorization matrix: each route of
 * apps/web/src/router.tsx (but the sign-in page) with a real id, the page's own
 * GraphQL query (imported from the page's `.operations.ts`, so the test asks
 * what the page asks), and the row of GRAPHQL_MATRIX whose outcome the page must
 * follow: what an actor may read there, the page shows; what they may not, it
 * refuses (not found / not for you), and an anonymous reader is asked to sign in.
 * test/e2e/access-matrix-web.e2e-spec.ts runs it; a route without a row here fails it.
 */
export interface WebRouteEntry {
  /** The GRAPHQL_MATRIX row the page follows; its call (made once, as the admin) gives the real id. */
  follows: keyof typeof GRAPHQL_MATRIX & string;
  /** The page's query, as apps/web sends it. */
  operation: DocumentNode;
  path(id: string | undefined): string;
  variables(id: string | undefined): Record<string, unknown>;
  /** SQL giving the name the page must show for the id ($1), when the page is about one thing. */
  nameSql?: string;
  /** The id, when the row's call names it otherwise (a mutation's input): the thing the form page edits. */
  id?(w: World): string;
  /**
   * A form page that loads and then refuses (the page's own check of what the query
   * answered, e.g. `mayManage`): true when it shows "not for you" (FORBIDDEN).
   */
  refuses?(data: any): boolean;
}

const now = () => new Date().toISOString();

export const WEB_ROUTE_MATRIX: Record<string, WebRouteEntry> = {
  '/': { follows: 'me', operation: MyPage, path: () => '/', variables: () => ({ from: now() }) },
  '/settings': { follows: 'me', operation: SettingsPage, path: () => '/settings', variables: () => ({}) },
  '/meetings/$meetingId': {
    follows: 'meeting',
    operation: MeetingPage,
    path: (id) => `/meetings/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM meeting WHERE id = $1`,
  },
  '/deliverables/$deliverableId': {
    follows: 'deliverable',
    operation: DeliverablePage,
    path: (id) => `/deliverables/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM deliverable WHERE id = $1`,
  },
  '/review-rounds/$reviewRoundId': {
    follows: 'reviewRound',
    operation: ReviewRoundPage,
    path: (id) => `/review-rounds/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT d.title AS name FROM review_round r JOIN deliverable d ON d.id = r.deliverable_id WHERE r.id = $1`,
  },
  '/working-groups/$workingGroupId': {
    follows: 'workingGroup',
    operation: WorkingGroupPage,
    path: (id) => `/working-groups/${id}`,
    variables: (id) => ({ id, from: now() }),
    nameSql: `SELECT name FROM working_group WHERE id = $1`,
  },
  '/commissions/$commissionId': {
    follows: 'commission',
    operation: CommissionPage,
    path: (id) => `/commissions/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM commission WHERE id = $1`,
  },
  '/commissions': { follows: 'commissionList', operation: CommissionListPage, path: () => '/commissions', variables: () => ({}) },
  '/commissions/new': {
    follows: 'createCommission',
    operation: CommissionFormOptions,
    path: () => '/commissions/new',
    variables: () => ({}),
    refuses: (data) => !data.mayCreateCommission,
  },
  '/commissions/$commissionId/edit': {
    follows: 'updateCommission',
    operation: EditCommissionPage,
    id: (w) => w.a.commissionId,
    path: (id) => `/commissions/${id}/edit`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM commission WHERE id = $1`,
    refuses: (data) => !data.commission.mayManage,
  },
  '/commissions/$commissionId/amend': {
    follows: 'amendMandate',
    operation: AmendMandatePage,
    id: (w) => w.a.commissionId,
    path: (id) => `/commissions/${id}/amend`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM commission WHERE id = $1`,
    refuses: (data) => !data.commission.mayManage,
  },
  '/commissions/$commissionId/working-groups/new': {
    follows: 'createWorkingGroup',
    operation: NewWorkingGroupPage,
    id: (w) => w.a.commissionId,
    path: (id) => `/commissions/${id}/working-groups/new`,
    variables: (id) => ({ id }),
    refuses: (data) => !data.commission.mayManage,
  },
  '/working-groups/$workingGroupId/edit': {
    follows: 'updateWorkingGroup',
    operation: EditWorkingGroupPage,
    id: (w) => w.a.groupId,
    path: (id) => `/working-groups/${id}/edit`,
    variables: (id) => ({ id }),
    refuses: (data) => !data.workingGroup.commission.mayManage,
  },
  '/working-groups/$workingGroupId/meetings/new': {
    follows: 'createMeeting',
    operation: NewMeetingPage,
    id: (w) => w.a.groupId,
    path: (id) => `/working-groups/${id}/meetings/new`,
    variables: (id) => ({ id }),
    refuses: (data) => !data.workingGroup.myPermissions.scheduleMeetings,
  },
  '/strategies/$strategyId': {
    follows: 'strategy',
    operation: StrategyPage,
    id: (w) => w.strategyId,
    path: (id) => `/strategies/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM strategy WHERE id = $1`,
  },
  '/seats': { follows: 'me', operation: MySeatsPage, path: () => '/seats', variables: () => ({}) },
  '/nomination-requests/$requestId': {
    follows: 'nominationRequest',
    operation: NominationRequestPage,
    path: (id) => `/nomination-requests/${id}`,
    variables: (id) => ({ id }),
  },
  '/working-groups/$workingGroupId/date-polls/new': {
    follows: 'createDatePoll',
    operation: NewDatePollPage,
    id: (w) => w.a.groupId,
    path: (id) => `/working-groups/${id}/date-polls/new`,
    variables: (id) => ({ id }),
    refuses: (data) => !data.workingGroup.myPermissions.scheduleMeetings,
  },
  '/date-polls/$datePollId/answers': {
    follows: 'datePollAnswers',
    operation: DatePollAnswersPage,
    path: (id) => `/date-polls/${id}/answers`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM date_poll WHERE id = $1`,
  },
  '/meetings/$meetingId/invitations': {
    follows: 'remindMeetingInvitees',
    operation: InvitationsPage,
    path: (id) => `/meetings/${id}/invitations`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM meeting WHERE id = $1`,
    refuses: (data) => !data.meeting.maySchedule,
  },
  '/meetings/$meetingId/agenda': {
    follows: 'reorderAgenda',
    operation: AgendaBuilderPage,
    path: (id) => `/meetings/${id}/agenda`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM meeting WHERE id = $1`,
    refuses: (data) => !data.meeting.maySchedule,
  },
  '/date-polls/$datePollId': {
    follows: 'datePoll',
    operation: DatePollPage,
    path: (id) => `/date-polls/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM date_poll WHERE id = $1`,
  },
};

/**
 * Pages merged at the end of the session that brought this matrix (issue 18's
 * secretariat and public pages), not yet given their rows: each needs its page
 * query, its GRAPHQL_MATRIX row and (for a form or filter page) its own refusal.
 * The list may only shrink; any other page without a row fails the test.
 */
export const WEB_ROUTES_WITHOUT_ROW: string[] = [
  '/commissions/$commissionId/overview',
  '/commissions/$commissionId/publication',
  '/public/commissions/$commissionId',
  '/working-groups/$workingGroupId/seats',
  '/working-groups/$workingGroupId/allocations/new',
  '/working-groups/$workingGroupId/allocations/$allocationId',
  '/people',
  '/people/$personId',
  '/organisations',
  '/organisations/$organisationId',
  '/commissions/$commissionId/stakeholders',
  '/commissions/$commissionId/audit',
];

/** The id a route's page is opened with: the one its GraphQL matrix row reads (made once, by the admin's call). */
export async function webRouteId(w: World, entry: WebRouteEntry): Promise<string | undefined> {
  if (entry.id) return entry.id(w);
  const call = await GRAPHQL_MATRIX[entry.follows].call(w, 'admin');
  const id = call.variables?.id;
  return typeof id === 'string' ? id : undefined;
}
