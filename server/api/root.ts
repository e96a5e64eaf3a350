import { createCallerFactory, createRouter } from "./trpc";
import { accountRouter } from "./routers/account";
import { adminAgenciesRouter } from "./routers/admin-agencies";
import { adminAuditRouter } from "./routers/admin-audit";
import { adminSettingsRouter } from "./routers/admin-settings";
import { adminUsersRouter } from "./routers/admin-users";
import { adminChangesRouter, approvalsRouter } from "./routers/approvals";
import { casesRouter } from "./routers/cases";
import { actionsRouter } from "./routers/actions";
import { healthRouter } from "./routers/health";
import { meetingsRouter } from "./routers/meetings";
import { referralsRouter } from "./routers/referrals";
import { reviewRouter } from "./routers/review";
import { reportsRouter } from "./routers/reports";
import { retentionRouter } from "./routers/retention";
import { triageRouter } from "./routers/triage";

export const appRouter = createRouter({
  health: healthRouter,
  account: accountRouter,
  cases: casesRouter,
  referrals: referralsRouter,
  triage: triageRouter,
  meetings: meetingsRouter,
  actions: actionsRouter,
  approvals: approvalsRouter,
  review: reviewRouter,
  reports: reportsRouter,
  retention: retentionRouter,
  admin: createRouter({
    changes: adminChangesRouter,
    agencies: adminAgenciesRouter,
    users: adminUsersRouter,
    settings: adminSettingsRouter,
    audit: adminAuditRouter,
  }),
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
