import { Outlet, createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { SettingsPage } from './accounts/settings-page';
import { SignInPage } from './accounts/sign-in';
import { AmendMandatePage } from './commissions/amend-mandate-page';
import { CommissionListPage } from './commissions/commission-list-page';
import { CommissionPage } from './commissions/commission-page';
import { EditCommissionPage } from './commissions/edit-commission-page';
import { NewCommissionPage } from './commissions/new-commission-page';
import { AuditPage } from './commissions/audit-page';
import { StakeholdersPage } from './commissions/stakeholders-page';
import { DeliverablePage } from './deliverables/deliverable-page';
import { ReviewRoundPage } from './deliverables/review-round-page';
import { Layout } from './core/layout';
import { NotFound, markNavigated } from './core/page';
import { MyPage } from './me/my-page';
import { DatePollPage } from './meetings/date-poll-page';
import { MeetingPage } from './meetings/meeting-page';
import { PublicationPage } from './public/publication-page';
import { PublicRegisterPage } from './public/public-register-page';
import { CommissionOverviewPage } from './reports/commission-overview-page';
import { NewMeetingPage } from './meetings/new-meeting-page';
import { StrategyPage } from './strategies/strategy-page';
import { EditWorkingGroupPage } from './working-groups/edit-working-group-page';
import { NewWorkingGroupPage } from './working-groups/new-working-group-page';
import { AllocationPage } from './seats/allocation-page';
import { NewAllocationPage } from './seats/new-allocation-page';
import { SeatGridPage } from './seats/seat-grid-page';
import { OrganisationPage } from './organisations/organisation-page';
import { OrganisationsPage } from './organisations/organisations-page';
import { PeoplePage } from './people/people-page';
import { PersonPage } from './people/person-page';
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

const routes = [
  createRoute({ getParentRoute: () => root, path: '/', component: MyPage }),
  createRoute({ getParentRoute: () => root, path: '/sign-in', component: SignInPage, validateSearch: (search: Record<string, unknown>) => ({ next: typeof search.next === 'string' ? search.next : undefined }) }),
  createRoute({ getParentRoute: () => root, path: '/meetings/$meetingId', component: MeetingPage }),
  createRoute({ getParentRoute: () => root, path: '/deliverables/$deliverableId', component: DeliverablePage }),
  createRoute({ getParentRoute: () => root, path: '/review-rounds/$reviewRoundId', component: ReviewRoundPage }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId', component: WorkingGroupPage }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId', component: CommissionPage }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/overview', component: CommissionOverviewPage }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/publication', component: PublicationPage }),
  createRoute({ getParentRoute: () => root, path: '/public/commissions/$commissionId', component: PublicRegisterPage }),
  createRoute({ getParentRoute: () => root, path: '/commissions', component: CommissionListPage }),
  createRoute({ getParentRoute: () => root, path: '/commissions/new', component: NewCommissionPage }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/edit', component: EditCommissionPage }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/amend', component: AmendMandatePage }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/working-groups/new', component: NewWorkingGroupPage }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId/edit', component: EditWorkingGroupPage }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId/meetings/new', component: NewMeetingPage }),
  createRoute({ getParentRoute: () => root, path: '/strategies/$strategyId', component: StrategyPage }),
  createRoute({ getParentRoute: () => root, path: '/date-polls/$datePollId', component: DatePollPage }),
  createRoute({ getParentRoute: () => root, path: '/settings', component: SettingsPage }),
  // Pages a member opens now and then load when first opened, so My page's first load stays within its budget (bench: ≤ 150 kB).
  createRoute({ getParentRoute: () => root, path: '/seats', component: lazyRouteComponent(() => import('./me/my-seats-page'), 'MySeatsPage') }),
  createRoute({ getParentRoute: () => root, path: '/nomination-requests/$requestId', component: lazyRouteComponent(() => import('./seats/nomination-request-page'), 'NominationRequestPage') }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId/seats', component: SeatGridPage }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId/allocations/new', component: NewAllocationPage }),
  createRoute({ getParentRoute: () => root, path: '/working-groups/$workingGroupId/allocations/$allocationId', component: AllocationPage }),
  createRoute({ getParentRoute: () => root, path: '/people', component: PeoplePage }),
  createRoute({ getParentRoute: () => root, path: '/people/$personId', component: PersonPage }),
  createRoute({ getParentRoute: () => root, path: '/organisations', component: OrganisationsPage }),
  createRoute({ getParentRoute: () => root, path: '/organisations/$organisationId', component: OrganisationPage }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/stakeholders', component: StakeholdersPage }),
  createRoute({ getParentRoute: () => root, path: '/commissions/$commissionId/audit', component: AuditPage }),
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
