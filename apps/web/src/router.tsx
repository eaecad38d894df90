import { Outlet, createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { SettingsPage } from './accounts/settings-page';
import { SignInPage } from './accounts/sign-in';
import { CommissionPage } from './commissions/commission-page';
import { DeliverablePage } from './deliverables/deliverable-page';
import { ReviewRoundPage } from './deliverables/review-round-page';
import { deliverablesSearch } from './deliverables/manage/deliverables-search';
import { Layout } from './core/layout';
import { NotFound, markNavigated } from './core/page';
import { MyPage } from './me/my-page';
import { DatePollPage } from './meetings/date-poll-page';
import { MeetingPage } from './meetings/meeting-page';
import { WorkingGroupPage } from './working-groups/working-group-page';

/*
 * The application's addresses. Every one is also in apps/api/src/http/web-app.ts
 * (APP_ROUTES), which serves the application for them.
 */
const root = createRootRoute({
  component: () => (
    <Layout>
      <Outlet />
    </Layout>
  ),
  notFoundComponent: NotFound,
});

/*
 * What a member opens from mail and My page is in the first load; every other page (the
 * secretariat's workbench, the commissioner's overview, the public register, pages a
 * member opens now and then) loads when first opened, so My page's first load stays
 * within its budget (bench: ≤ 150 kB gzipped).
 */
const routes = [
  createRoute({ getParentRoute: () => root, path: '/', component: MyPage }),
  createRoute({ getParentRoute: () => root, path: '/sign-in', component: SignInPage, validateSearch: (search: Record<string, unknown>) => ({ next: typeof search.next === 'string' ? search.next : undefined }) }),
  createRoute({ getParentRoute: () => root, path: '/meetings/$meetingId', component: MeetingPage }),
  createRoute({ getParentRoute: () => root, path: '/deliverables/$deliverableId', component: DeliverablePage }),
  createRoute({ getParentRoute: () => root, path: '/meetings/$meetingId/attendance', component: lazyRouteComponent(() => import('./meetings/attendance/attendance-page'), 'AttendancePage') }),
  createRoute({ getParentRoute: () => root, path: '/meetings/$meetingId/minutes/edit', component: lazyRouteComponent(() => import('./meetings/minutes/minutes-editor-page'), 'MinutesEditorPage') }),
  createRoute({ getParentRoute: () => root, path: '/review-rounds/$reviewRoundId', component: ReviewRoundPage }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId', component: WorkingGroupPage }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId', component: CommissionPage }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/overview', component: lazyRouteComponent(() => import('./reports/commission-overview-page'), 'CommissionOverviewPage') }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/publication', component: lazyRouteComponent(() => import('./public/publication-page'), 'PublicationPage') }),
  createRoute({ getParentRoute: () => root, path: '/events/$meetingId', component: lazyRouteComponent(() => import('./public/event-page'), 'EventPage') }),
  createRoute({ getParentRoute: () => root, path: '/meetings/$meetingId/registrations', component: lazyRouteComponent(() => import('./meetings/registrations/registrations-page'), 'RegistrationsPage') }),
  createRoute({ getParentRoute: () => root, path: '/public/commissions/$commissionId', component: lazyRouteComponent(() => import('./public/public-register-page'), 'PublicRegisterPage') }),
  createRoute({ getParentRoute: () => root, path: '/commissions', component: lazyRouteComponent(() => import('./commissions/commission-list-page'), 'CommissionListPage') }),
  createRoute({ getParentRoute: () => root, path: '/commissions/new', component: lazyRouteComponent(() => import('./commissions/new-commission-page'), 'NewCommissionPage') }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/edit', component: lazyRouteComponent(() => import('./commissions/edit-commission-page'), 'EditCommissionPage') }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/amend', component: lazyRouteComponent(() => import('./commissions/amend-mandate-page'), 'AmendMandatePage') }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/working-groups/new', component: lazyRouteComponent(() => import('./working-groups/new-working-group-page'), 'NewWorkingGroupPage') }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId/edit', component: lazyRouteComponent(() => import('./working-groups/edit-working-group-page'), 'EditWorkingGroupPage') }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId/meetings/new', component: lazyRouteComponent(() => import('./meetings/new-meeting-page'), 'NewMeetingPage') }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId/date-polls/new', component: lazyRouteComponent(() => import('./meetings/scheduling/new-date-poll-page'), 'NewDatePollPage') }),
  createRoute({ getParentRoute: () => root, path: '/date-polls/$datePollId/answers', component: lazyRouteComponent(() => import('./meetings/scheduling/date-poll-answers-page'), 'DatePollAnswersPage') }),
  createRoute({ getParentRoute: () => root, path: '/meetings/$meetingId/invitations', component: lazyRouteComponent(() => import('./meetings/scheduling/invitations-page'), 'InvitationsPage') }),
  createRoute({ getParentRoute: () => root, path: '/meetings/$meetingId/agenda', component: lazyRouteComponent(() => import('./meetings/agenda/agenda-builder-page'), 'AgendaBuilderPage') }),
  createRoute({ getParentRoute: () => root, path: '/strategies/new', component: lazyRouteComponent(() => import('./strategies/new-strategy-page'), 'NewStrategyPage') }),
  createRoute({ getParentRoute: () => root, path: '/strategies/$strategyId', component: lazyRouteComponent(() => import('./strategies/strategy-page'), 'StrategyPage') }),
  createRoute({ getParentRoute: () => root, path: '/date-polls/$datePollId', component: DatePollPage }),
  createRoute({ getParentRoute: () => root, path: '/settings', component: SettingsPage }),
  createRoute({ getParentRoute: () => root, path: '/seats', component: lazyRouteComponent(() => import('./me/my-seats-page'), 'MySeatsPage') }),
  createRoute({ getParentRoute: () => root, path: '/nomination-requests/$requestId', component: lazyRouteComponent(() => import('./seats/nomination-request-page'), 'NominationRequestPage') }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId/seats', component: lazyRouteComponent(() => import('./seats/seat-grid-page'), 'SeatGridPage') }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId/allocations/new', component: lazyRouteComponent(() => import('./seats/new-allocation-page'), 'NewAllocationPage') }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId/allocations/$allocationId', component: lazyRouteComponent(() => import('./seats/allocation-page'), 'AllocationPage') }),
  createRoute({ getParentRoute: () => root, path: '/people', component: lazyRouteComponent(() => import('./people/people-page'), 'PeoplePage') }),
  createRoute({ getParentRoute: () => root, path: '/people/$personId', component: lazyRouteComponent(() => import('./people/person-page'), 'PersonPage') }),
  createRoute({ getParentRoute: () => root, path: '/organisations', component: lazyRouteComponent(() => import('./organisations/organisations-page'), 'OrganisationsPage') }),
  createRoute({ getParentRoute: () => root, path: '/organisations/$organisationId', component: lazyRouteComponent(() => import('./organisations/organisation-page'), 'OrganisationPage') }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/stakeholders', component: lazyRouteComponent(() => import('./commissions/stakeholders-page'), 'StakeholdersPage') }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/audit', component: lazyRouteComponent(() => import('./commissions/audit-page'), 'AuditPage') }),
  createRoute({
    getParentRoute: () => root,
    path: '/commissions/$commissionId/deliverables',
    component: lazyRouteComponent(() => import('./deliverables/manage/deliverables-page'), 'DeliverablesPage'),
    validateSearch: deliverablesSearch,
  }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/deliverables/new', component: lazyRouteComponent(() => import('./deliverables/manage/new-deliverable-page'), 'NewDeliverablePage') }),
  createRoute({ getParentRoute: () => root, path: '/deliverables/$deliverableId/edit', component: lazyRouteComponent(() => import('./deliverables/manage/edit-deliverable-page'), 'EditDeliverablePage') }),
  createRoute({ getParentRoute: () => root, path: '/deliverables/$deliverableId/review-rounds/new', component: lazyRouteComponent(() => import('./deliverables/reviews/open-review-round-page'), 'OpenReviewRoundPage') }),
  createRoute({ getParentRoute: () => root, path: '/review-rounds/$reviewRoundId/follow', component: lazyRouteComponent(() => import('./deliverables/reviews/review-round-follow-page'), 'ReviewRoundFollowPage') }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/status-reports', component: lazyRouteComponent(() => import('./reports/status-reports-page'), 'StatusReportsPage') }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/mail', component: lazyRouteComponent(() => import('./mail/mail-log-page'), 'MailLogPage') }),
];

export const router = createRouter({ routeTree: root.addChildren(routes), defaultNotFoundComponent: NotFound });

let first = true;
router.subscribe('onResolved', () => {
  if (first) first = false;
  else markNavigated();
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
