import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  notFound,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { meQueryOptions } from '../features/auth/api/get-me.ts';
import { engagementQueryOptions } from '../features/engagements/api/get-engagement.ts';
import { engagementsQueryOptions, findEngagement } from '../features/engagements/api/list-engagements.ts';
import { isApiError } from '../lib/problem.ts';
import { isProviderAdmin } from './admin-access.ts';
import { pickStartEngagement, rememberEngagement } from './last-engagement.ts';
import { ApiTokensRoute } from './routes/api-tokens-route.tsx';
import { AuditRoute, validateAuditSearch } from './routes/audit-route.tsx';
import { ChangeRoute, ChangesRoute, validateChangesSearch } from './routes/changes-route.tsx';
import { EscalationPoliciesRoute, validateEscalationSearch } from './routes/escalation-route.tsx';
import { HomeRoute } from './routes/home-route.tsx';
import { AllIncidentsRoute, IncidentsRoute } from './routes/incidents-route.tsx';
import { IntegrationRoute, IntegrationsRoute } from './routes/integrations-route.tsx';
import { LoginRoute } from './routes/login-route.tsx';
import { MatrixRoute, validateMatrixSearch } from './routes/matrix-route.tsx';
import { MembersRoute, validateMembersSearch } from './routes/members-route.tsx';
import { NotificationsRoute } from './routes/notifications-route.tsx';
import {
  CoverageRoute,
  OnCallRoute,
  ScheduleRoute,
  validateCoverageSearch,
  validateTimelineSearch,
} from './routes/oncall-route.tsx';
import { NoEngagementPage, NotFoundPage, RouteErrorPage, RoutePending } from './routes/route-states.tsx';
import {
  AtRiskRoute,
  CalendarsRoute,
  SlaPoliciesRoute,
  validateAtRiskSearch,
  validateSelectedSearch,
} from './routes/sla-route.tsx';
import {
  QueueRoute,
  TicketRoute,
  TicketsRoute,
  validateQueueSearch,
  validateTicketsSearch,
} from './routes/tickets-route.tsx';
import { UpcomingRoute } from './routes/upcoming-route.tsx';
import { UsersRoute } from './routes/users-route.tsx';
import { WebhookAllowlistRoute } from './routes/webhook-allowlist-route.tsx';
import { AppLayout } from './shell/app-layout.tsx';
import type { UpcomingSectionKey } from './upcoming-sections.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

/** Runs a loader step; a 401 on the way means the session is gone, so go and sign in. */
async function orSignIn<T>(load: () => Promise<T>, returnTo: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isApiError(error, 401)) throw redirect({ to: '/login', search: { redirect: returnTo } });
    throw error;
  }
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  component: LoginRoute,
});

/** Everything behind sign-in; loads the user first. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    const me = await orSignIn(() => context.queryClient.ensureQueryData(meQueryOptions()), location.href);
    return { me };
  },
});

/** `/` sends you to the engagement you last looked at, or your first one. */
const startRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  beforeLoad: async ({ context, location }) => {
    const engagements = await orSignIn(
      () => context.queryClient.ensureQueryData(engagementsQueryOptions()),
      location.href,
    );
    const start = pickStartEngagement(engagements);
    if (start) throw redirect({ to: '/e/$engagement', params: { engagement: start.slug }, replace: true });
  },
  component: NoEngagementPage,
});

/** One engagement, by slug or id; the app shell with its navigation. */
const engagementRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'e/$engagement',
  beforeLoad: async ({ context, params, location }) => {
    const engagements = await orSignIn(
      () => context.queryClient.ensureQueryData(engagementsQueryOptions()),
      location.href,
    );
    const engagement = findEngagement(engagements, params.engagement);
    if (!engagement) throw notFound();
    rememberEngagement(engagement.slug);
    return { engagement, engagements };
  },
  loader: ({ context, location }) =>
    orSignIn(
      () => context.queryClient.ensureQueryData(engagementQueryOptions(context.engagement.id)),
      location.href,
    ),
  component: AppLayout,
  pendingComponent: RoutePending,
});

/** A requester's home is their portal: "My requests". */
const homeRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    if (context.engagement.role === 'requester') {
      throw redirect({
        to: '/e/$engagement/tickets',
        params: { engagement: context.engagement.slug },
        replace: true,
      });
    }
  },
  component: HomeRoute,
});

const ticketsRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'tickets',
  validateSearch: validateTicketsSearch,
  component: TicketsRoute,
});

const ticketRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'tickets/$ticketId',
  component: TicketRoute,
});

/** Provider staff's one queue across all their engagements; to anyone else the page does not exist. */
const queueRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'queue',
  validateSearch: validateQueueSearch,
  beforeLoad: ({ context }) => {
    if (context.me.organization.kind !== 'provider') throw notFound();
  },
  component: QueueRoute,
});

/** Incidents: the live board of this engagement, and provider staff's board across engagements. */
const incidentsRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'incidents',
  component: IncidentsRoute,
});

const allIncidentsRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'incidents/all',
  beforeLoad: ({ context }) => {
    if (context.me.organization.kind !== 'provider') throw notFound();
  },
  component: AllIncidentsRoute,
});

/** Escalation policies with their editor, and the drills that test them. */
const escalationPoliciesRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'escalation-policies',
  validateSearch: validateEscalationSearch,
  component: EscalationPoliciesRoute,
});

/** The monitoring tools that send alerts, each with its key, snippets and last events. */
const integrationsRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'integrations',
  component: IntegrationsRoute,
});

const integrationRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'integrations/$integrationId',
  component: IntegrationRoute,
});

/** The placeholder's old address `/alerts` opens the incidents board. */
const alertsRedirect = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'alerts',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/e/$engagement/incidents', params, replace: true });
  },
});

const changesRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'changes',
  validateSearch: validateChangesSearch,
  component: ChangesRoute,
});

const changeRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'changes/$changeId',
  component: ChangeRoute,
});

/** SLAs: the clocks at risk, the policies that set them and the calendars they count on. */
const atRiskRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'sla/at-risk',
  validateSearch: validateAtRiskSearch,
  component: AtRiskRoute,
});

const slaPoliciesRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'sla/policies',
  validateSearch: validateSelectedSearch,
  component: SlaPoliciesRoute,
});

const calendarsRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'sla/calendars',
  validateSearch: validateSelectedSearch,
  component: CalendarsRoute,
});

/** `/sla` and the placeholder's old `/slas` open the at-risk list. */
function slaRedirect(path: 'sla' | 'slas') {
  return createRoute({
    getParentRoute: () => engagementRoute,
    path,
    beforeLoad: ({ params }) => {
      throw redirect({ to: '/e/$engagement/sla/at-risk', params, replace: true });
    },
  });
}

/** On-call: both parties' schedules, one schedule's week, and the coverage map across them. */
const onCallRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'oncall',
  component: OnCallRoute,
});

const scheduleRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'oncall/$scheduleId',
  validateSearch: validateTimelineSearch,
  component: ScheduleRoute,
});

const coverageRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'coverage',
  validateSearch: validateCoverageSearch,
  component: CoverageRoute,
});

/** The placeholder's old address `/on-call` opens the schedules. */
const onCallRedirect = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'on-call',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/e/$engagement/oncall', params, replace: true });
  },
});

/** The responsibility matrix: the draft, its sign-off, the signed versions and the routing they decide. */
const matrixRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'matrix',
  validateSearch: validateMatrixSearch,
  component: MatrixRoute,
});

function upcomingRoute<const P extends UpcomingSectionKey>(section: P) {
  return createRoute({
    getParentRoute: () => engagementRoute,
    path: section,
    component: () => <UpcomingRoute section={section} />,
  });
}

const membersRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'admin/members',
  validateSearch: validateMembersSearch,
  component: MembersRoute,
});

/** Organization admins only; to anyone else the page does not exist. */
const usersRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'admin/users',
  beforeLoad: ({ context }) => {
    if (context.me.orgRole !== 'admin') throw notFound();
  },
  component: UsersRoute,
});

/** Provider organization admins only, as the API allows; to anyone else the page does not exist. */
const webhookAllowlistRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'admin/webhook-allowlist',
  beforeLoad: ({ context }) => {
    if (!isProviderAdmin(context.me)) throw notFound();
  },
  component: WebhookAllowlistRoute,
});

const apiTokensRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'admin/api-tokens',
  component: ApiTokensRoute,
});

/** The signed-in user's own paging settings, shown inside the engagement they came from. */
const notificationsRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'me/notifications',
  component: NotificationsRoute,
});

const auditRoute = createRoute({
  getParentRoute: () => engagementRoute,
  path: 'admin/audit',
  validateSearch: validateAuditSearch,
  component: AuditRoute,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedInRoute.addChildren([
    startRoute,
    engagementRoute.addChildren([
      homeRoute,
      ticketsRoute,
      ticketRoute,
      queueRoute,
      incidentsRoute,
      allIncidentsRoute,
      alertsRedirect,
      escalationPoliciesRoute,
      integrationsRoute,
      integrationRoute,
      onCallRoute,
      scheduleRoute,
      coverageRoute,
      onCallRedirect,
      matrixRoute,
      atRiskRoute,
      slaPoliciesRoute,
      calendarsRoute,
      slaRedirect('sla'),
      slaRedirect('slas'),
      changesRoute,
      changeRoute,
      upcomingRoute('documents'),
      upcomingRoute('assets'),
      upcomingRoute('reviews'),
      upcomingRoute('compliance'),
      membersRoute,
      usersRoute,
      webhookAllowlistRoute,
      apiTokensRoute,
      auditRoute,
      notificationsRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Preloading goes through TanStack Query, which decides freshness itself.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
