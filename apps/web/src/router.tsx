import { Outlet, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { SignInPage } from './accounts/sign-in';
import { Layout } from './core/layout';
import { NotFound, markNavigated } from './core/page';
import { MyPage } from './me/my-page';
import { MeetingPage } from './meetings/meeting-page';

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
