import { createCallerFactory, createRouter } from "./trpc";
import { accountRouter } from "./routers/account";
import { adminAgenciesRouter } from "./routers/admin-agencies";
import { adminAuditRouter } from "./routers/admin-audit";
import { adminImportsRouter } from "./routers/admin-imports";
import { adminSettingsRouter } from "./routers/admin-settings";
import { adminUsersRouter } from "./routers/admin-users";
import { adminChangesRouter, approvalsRouter } from "./routers/approvals";
import { casesRouter } from "./routers/cases";
import { actionsRouter } from "./routers/actions";
import { healthRouter } from "./routers/health";
import { homeRouter } from "./routers/home";
import { meetingsRouter } from "./routers/meetings";
import { adminPolicyRouter, policyRouter } from "./routers/policy";
import { notificationsRouter } from "./routers/notifications";
import { referralsRouter } from "./routers/referrals";
import { reviewRouter } from "./routers/review";
import { reportsRouter } from "./routers/reports";
import { retentionRouter } from "./routers/retention";
import { overridesRouter } from "./routers/overrides";
import { triageRouter } from "./routers/triage";

export const appRouter = createRouter({
  health: healthRouter,
  account: accountRouter,
  home: homeRouter,
  cases: casesRouter,
  referrals: referralsRouter,
  triage: triageRouter,
  meetings: meetingsRouter,
  actions: actionsRouter,
  approvals: approvalsRouter,
  review: reviewRouter,
  reports: reportsRouter,
  retention: retentionRouter,
  policy: policyRouter,
  overrides: overridesRouter,
  notifications: notificationsRouter,
  admin: createRouter({
    changes: adminChangesRouter,
    agencies: adminAgenciesRouter,
    users: adminUsersRouter,
    settings: adminSettingsRouter,
    audit: adminAuditRouter,
    imports: adminImportsRouter,
    policy: adminPolicyRouter,
  }),
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
