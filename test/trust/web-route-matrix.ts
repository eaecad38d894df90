import type { DocumentNode } from 'graphql';
import { SettingsPage } from '../../apps/web/src/accounts/settings-page.operations';
import { AmendMandatePage } from '../../apps/web/src/commissions/amend-mandate-page.operations';
import { CommissionFormOptions, EditCommissionPage } from '../../apps/web/src/commissions/commission-form.operations';
import { CommissionListPage } from '../../apps/web/src/commissions/commission-list-page.operations';
import { CommissionPage } from '../../apps/web/src/commissions/commission-page.operations';
import { DeliverablePage } from '../../apps/web/src/deliverables/deliverable-page.operations';
import { ReviewRoundPage } from '../../apps/web/src/deliverables/review-round-page.operations';
import { EditDeliverablePage, NewDeliverablePage } from '../../apps/web/src/deliverables/manage/deliverable-form.operations';
import { DeliverablesPage } from '../../apps/web/src/deliverables/manage/deliverables-page.operations';
import { OpenReviewRoundPage } from '../../apps/web/src/deliverables/reviews/open-review-round-page.operations';
import { ReviewRoundFollowPage } from '../../apps/web/src/deliverables/reviews/review-round-follow-page.operations';
import { MyPage } from '../../apps/web/src/me/my-page.operations';
import { MySeatsPage } from '../../apps/web/src/me/my-seats-page.operations';
import { DatePollPage } from '../../apps/web/src/meetings/date-poll-page.operations';
import { AttendancePage } from '../../apps/web/src/meetings/attendance/attendance-page.operations';
import { MeetingPage } from '../../apps/web/src/meetings/meeting-page.operations';
import { MinutesEditorPage } from '../../apps/web/src/meetings/minutes/minutes-editor-page.operations';
import { NewMeetingPage } from '../../apps/web/src/meetings/new-meeting-page.operations';
import { NominationRequestPage } from '../../apps/web/src/seats/nomination-request-page.operations';
import { StrategyPage } from '../../apps/web/src/strategies/strategy-page.operations';
import { NewStrategyPage } from '../../apps/web/src/strategies/new-strategy-page.operations';
import { MailLogPage } from '../../apps/web/src/mail/mail-log-page.operations';
import { StatusReportsPage } from '../../apps/web/src/reports/status-reports-page.operations';
import { EditWorkingGroupPage, NewWorkingGroupPage } from '../../apps/web/src/working-groups/working-group-form.operations';
import { WorkingGroupPage } from '../../apps/web/src/working-groups/working-group-page.operations';
import { CommissionOverviewPage } from '../../apps/web/src/reports/commission-overview-page.operations';
import { PublicationPage } from '../../apps/web/src/public/publication-page.operations';
import { PublicRegisterPage } from '../../apps/web/src/public/public-register-page.operations';
import { AllocationPage, NewAllocationPage } from '../../apps/web/src/seats/allocation-page.operations';
import { SeatGridPage } from '../../apps/web/src/seats/seat-grid-page.operations';
import { PeopleSearch } from '../../apps/web/src/people/people-page.operations';
import { PersonPage } from '../../apps/web/src/people/person-page.operations';
import { OrganisationsPage } from '../../apps/web/src/organisations/organisations-page.operations';
import { OrganisationPage } from '../../apps/web/src/organisations/organisation-page.operations';
import { StakeholdersPage } from '../../apps/web/src/commissions/stakeholders-page.operations';
import { AuditPage } from '../../apps/web/src/commissions/audit-page.operations';
import { OpenEventPage } from '../../apps/web/src/public/event-page.operations';
import { RegistrationsPage } from '../../apps/web/src/meetings/registrations/registrations-page.operations';
import { GRAPHQL_MATRIX, ROUTE_MATRIX, anOpenEvent, freshDeliverable, freshMeeting, type Expectations } from './access-matrix';
import { AgendaBuilderPage } from '../../apps/web/src/meetings/agenda/agenda-builder-page.operations';
import { DatePollAnswersPage } from '../../apps/web/src/meetings/scheduling/date-poll-answers-page.operations';
import { InvitationsPage } from '../../apps/web/src/meetings/scheduling/invitations-page.operations';
import { NewDatePollPage } from '../../apps/web/src/meetings/scheduling/new-date-poll-page.operations';
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
  /**
   * The GRAPHQL_MATRIX row the page follows; its call (made once, as the admin) gives the real id.
   * Or a ROUTE_MATRIX row (an export of the same page, e.g. the seat grid's CSV): then `id` names the id.
   */
  follows: (keyof typeof GRAPHQL_MATRIX & string) | (keyof typeof ROUTE_MATRIX & string);
  /** The page's query, as apps/web sends it. */
  operation: DocumentNode;
  path(id: string | undefined, w: World): string;
  variables(id: string | undefined): Record<string, unknown>;
  /** SQL giving the name the page must show for the id ($1), when the page is about one thing. */
  nameSql?: string;
  /** The id, when the row's call names it otherwise (a mutation's input): the thing the form page edits. */
  id?(w: World): string | Promise<string>;
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
  '/deliverables/$deliverableId/review-rounds/new': {
    // The secretariat's: its query asks for the suggested reviewers, which only they may read.
    follows: 'openReviewRound',
    operation: OpenReviewRoundPage,
    id: async (w) => (await GRAPHQL_MATRIX.deliverable.call(w, 'admin')).variables!.id as string,
    path: (id) => `/deliverables/${id}/review-rounds/new`,
    variables: (id) => ({ id }),
  },
  '/review-rounds/$reviewRoundId/follow': {
    follows: 'closeReviewRound',
    operation: ReviewRoundFollowPage,
    id: async (w) => ((await GRAPHQL_MATRIX.closeReviewRound.call(w, 'admin')).variables!.input as { roundId: string }).roundId,
    path: (id) => `/review-rounds/${id}/follow`,
    variables: (id) => ({ id }),
    refuses: (data) => !data.reviewRound.mayManage,
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
  '/events/$meetingId': {
    // An open event's registration page: anyone, no sign-in.
    follows: 'openEvent',
    operation: OpenEventPage,
    path: (id) => `/events/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM meeting WHERE id = $1`,
  },
  '/meetings/$meetingId/registrations': {
    // The registrants of an open event: as their CSV, the commission's secretariat.
    follows: 'GET /meetings/:id/registrations.csv',
    operation: RegistrationsPage,
    id: (w) => anOpenEvent(w),
    path: (id) => `/meetings/${id}/registrations`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM meeting WHERE id = $1`,
  },
  '/strategies/new': {
    // Strategies are shared documents: any secretariat (and administrators) sets one up.
    follows: 'createStrategy',
    operation: NewStrategyPage,
    path: () => '/strategies/new',
    variables: () => ({}),
    refuses: (data) => !data.mayEditStrategies,
  },
  '/seats': { follows: 'me', operation: MySeatsPage, path: () => '/seats', variables: () => ({}) },
  '/nomination-requests/$requestId': {
    follows: 'nominationRequest',
    operation: NominationRequestPage,
    path: (id) => `/nomination-requests/${id}`,
    variables: (id) => ({ id }),
  },
  '/commissions/$commissionId/deliverables': {
    follows: 'deliverables',
    operation: DeliverablesPage,
    id: (w) => w.a.commissionId,
    path: (id) => `/commissions/${id}/deliverables`,
    variables: (id) => ({ id, filter: { commissionId: id } }),
    nameSql: `SELECT title AS name FROM commission WHERE id = $1`,
  },
  '/commissions/$commissionId/deliverables/new': {
    follows: 'createDeliverable',
    operation: NewDeliverablePage,
    id: (w) => w.a.commissionId,
    path: (id) => `/commissions/${id}/deliverables/new`,
    variables: (id) => ({ id }),
    refuses: (data) => !data.commission.mayManage,
  },
  '/deliverables/$deliverableId/edit': {
    follows: 'updateDeliverable',
    operation: EditDeliverablePage,
    id: (w) => freshDeliverable(w),
    path: (id) => `/deliverables/${id}/edit`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM deliverable WHERE id = $1`,
    refuses: (data) => !data.deliverable.mayManage,
  },
  '/meetings/$meetingId/attendance': {
    follows: 'recordAttendance',
    operation: AttendancePage,
    id: (w) => freshMeeting(w),
    path: (id) => `/meetings/${id}/attendance`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM meeting WHERE id = $1`,
    refuses: (data) => !data.meeting.mayManage,
  },
  '/meetings/$meetingId/minutes/edit': {
    follows: 'saveMinutes',
    operation: MinutesEditorPage,
    id: (w) => freshMeeting(w),
    path: (id) => `/meetings/${id}/minutes/edit`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM meeting WHERE id = $1`,
    refuses: (data) => !data.meeting.mayManage,
  },
  '/date-polls/$datePollId': {
    follows: 'datePoll',
    operation: DatePollPage,
    path: (id) => `/date-polls/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM date_poll WHERE id = $1`,
  },
  '/commissions/$commissionId/overview': {
    // The commissioner's home: those who oversee the commission (its secretariat and commissioners).
    follows: 'commissionOverview',
    operation: CommissionOverviewPage,
    id: (w) => w.a.commissionId,
    path: (id) => `/commissions/${id}/overview`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM commission WHERE id = $1`,
  },
  '/commissions/$commissionId/publication': {
    // What the public register shows: the secretariat chooses.
    follows: 'commissionPublication',
    operation: PublicationPage,
    id: (w) => w.a.commissionId,
    path: (id) => `/commissions/${id}/publication`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM commission WHERE id = $1`,
  },
  '/public/commissions/$commissionId': {
    // Anyone, signed in or not, once A is published (the row's call publishes it; its variable is not named id).
    follows: 'publicRegister',
    operation: PublicRegisterPage,
    id: async (w) => {
      await GRAPHQL_MATRIX.publicRegister.call(w, 'admin');
      return w.a.commissionId;
    },
    path: (id) => `/public/commissions/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT title AS name FROM commission WHERE id = $1`,
  },
  '/working-groups/$workingGroupId/seats': {
    // The grid with its balance and § 10 report: as its CSV, the secretariat and the commissioners.
    follows: 'GET /working-groups/:id/seats.csv',
    operation: SeatGridPage,
    id: (w) => w.a.groupId,
    path: (id) => `/working-groups/${id}/seats`,
    variables: (id) => ({ id }),
    nameSql: `SELECT name FROM working_group WHERE id = $1`,
  },
  '/working-groups/$workingGroupId/allocations/new': {
    follows: 'createSeatAllocation',
    operation: NewAllocationPage,
    id: (w) => w.a.groupId,
    path: (id) => `/working-groups/${id}/allocations/new`,
    variables: (id) => ({ id }),
    nameSql: `SELECT name FROM working_group WHERE id = $1`,
    refuses: (data) => !data.workingGroup.commission.mayManage,
  },
  '/working-groups/$workingGroupId/allocations/$allocationId': {
    // The allocation's seats, nomination requests and their mails: the secretariat's page.
    follows: 'changeSeatCount',
    operation: AllocationPage,
    id: (w) => w.a.allocationId,
    path: (id, w) => `/working-groups/${w.a.groupId}/allocations/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT o.name FROM seat_allocation a JOIN organisation o ON o.id = a.organisation_id WHERE a.id = $1`,
  },
  '/people': { follows: 'people', operation: PeopleSearch, path: () => '/people', variables: () => ({ search: null, first: 50, after: null }) },
  '/people/$personId': {
    follows: 'person',
    operation: PersonPage,
    path: (id) => `/people/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT full_name AS name FROM person WHERE id = $1`,
  },
  '/organisations': { follows: 'organisations', operation: OrganisationsPage, path: () => '/organisations', variables: () => ({ search: null, country: null, after: null }) },
  '/organisations/$organisationId': {
    // The organisation with its people: the people of the register are for the secretariats.
    follows: 'people',
    operation: OrganisationPage,
    id: (w) => w.a.organisationId,
    path: (id) => `/organisations/${id}`,
    variables: (id) => ({ id }),
    nameSql: `SELECT name FROM organisation WHERE id = $1`,
  },
  '/commissions/$commissionId/stakeholders': {
    // The register and coverage: as their CSV, the secretariat and the commissioners.
    follows: 'GET /commissions/:id/stakeholders.csv',
    operation: StakeholdersPage,
    id: (w) => w.a.commissionId,
    path: (id) => `/commissions/${id}/stakeholders`,
    variables: (id) => ({ id, country: null }),
    nameSql: `SELECT title AS name FROM commission WHERE id = $1`,
  },
  '/commissions/$commissionId/audit': {
    follows: 'commissionAuditTrail',
    operation: AuditPage,
    id: (w) => w.a.commissionId,
    path: (id) => `/commissions/${id}/audit`,
    variables: (id) => ({ id, first: 50 }),
    nameSql: `SELECT title AS name FROM commission WHERE id = $1`,
  },
  '/commissions/$commissionId/status-reports': {
    follows: 'statusReports',
    operation: StatusReportsPage,
    id: (w) => w.a.commissionId,
    path: (id) => `/commissions/${id}/status-reports`,
    variables: (id) => ({ id, first: 20, after: null }),
    nameSql: `SELECT title AS name FROM commission WHERE id = $1`,
  },
  '/commissions/$commissionId/mail': {
    follows: 'commissionMailLog',
    operation: MailLogPage,
    id: (w) => w.a.commissionId,
    path: (id) => `/commissions/${id}/mail`,
    variables: (id) => ({ id, first: 25, after: null, status: null, search: null, skippedAfter: null, answersAfter: null }),
    nameSql: `SELECT title AS name FROM commission WHERE id = $1`,
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
};

/**
 * Pages not yet given their rows: each needs its page query, its GRAPHQL_MATRIX
 * row and (for a form or filter page) its own refusal. Empty since issue 18's
 * pages got theirs; it may only shrink, and any page without a row fails the test.
 */
export const WEB_ROUTES_WITHOUT_ROW: string[] = [];

/** What each actor may see on the page: the outcomes of the row it follows. */
export function expectedOf(entry: WebRouteEntry): Expectations {
  const row = GRAPHQL_MATRIX[entry.follows] ?? ROUTE_MATRIX[entry.follows];
  if (!row) throw new Error(`no matrix row ${entry.follows}`);
  return row.expected;
}

/** The id a route's page is opened with: the one its GraphQL matrix row reads (made once, by the admin's call). */
export async function webRouteId(w: World, entry: WebRouteEntry): Promise<string | undefined> {
  if (entry.id) return entry.id(w);
  if (!(entry.follows in GRAPHQL_MATRIX)) throw new Error(`${entry.follows} is not a GraphQL row: the page's entry names its id`);
  const call = await GRAPHQL_MATRIX[entry.follows].call(w, 'admin');
  const id = call.variables?.id;
  return typeof id === 'string' ? id : undefined;
}
