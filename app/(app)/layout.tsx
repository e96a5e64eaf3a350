import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { navGroupsFor, type NavItem } from "~/components/layout/nav-items";
import { NotificationsLink } from "~/components/layout/notifications-link";
import { PageShell } from "~/components/layout/page-shell";
import { PrimaryNav } from "~/components/layout/primary-nav";
import { ServiceHeader } from "~/components/layout/service-header";
import { unreadNotifications } from "~/app/_lib/unread-notifications";
import { getServerApi } from "~/server/api/server-caller";
import { getCurrentUser } from "~/server/auth";
import { isCaseHolder } from "~/server/domain/review/review";
import { ROLE_LABELS } from "~/server/domain/roles";
import { signOutAction } from "./_actions/sign-out";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  // Each step of signing in allows nothing else (the procedures refuse everything else too):
  // the authenticator code, then a one-time password replaced, then an authenticator set up.
  if (user.secondFactorPending) redirect("/sign-in/two-factor");
  if (user.mustChangePassword) redirect("/choose-password");
  if (user.mustEnrolSecondFactor) redirect("/set-up-two-factor");
  const api = await getServerApi();
  const settings = await api.account.settings().catch(() => null);
  const waiting = user.role === "chair" ? await api.approvals.count().catch(() => 0) : 0;
  const withWaiting = (item: NavItem) => (item.href === "/approvals" && waiting > 0 ? { ...item, label: `${item.label} (${waiting})` } : item);
  const groups = navGroupsFor(user);
  // Case holders see how many texts wait for their review.
  const toReview = isCaseHolder(user.role) ? await api.review.count().catch(() => 0) : 0;
  const unread = await unreadNotifications();
  const signOut = (
    <form action={signOutAction}>
      <button type="submit" className="text-white underline hover:decoration-2">
        Sign out
      </button>
    </form>
  );
  return (
    <PageShell
      header={
        <ServiceHeader
          areaName={settings?.name}
          user={{ name: user.name, agencyName: user.agencyName, roleLabel: ROLE_LABELS[user.role] }}
          notifications={<NotificationsLink unread={unread} />}
          signOut={signOut}
          nav={<PrimaryNav items={groups.primary.map(withWaiting)} more={groups.more.map(withWaiting)} counts={{ "/review": toReview }} />}
        />
      }
    >
      {children}
    </PageShell>
  );
}
