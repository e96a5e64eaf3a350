import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "~/components/layout/page-shell";
import { ServiceHeader } from "~/components/layout/service-header";
import { getServerApi } from "~/server/api/server-caller";
import { getCurrentUser } from "~/server/auth";
import { signOutAction } from "~/app/(app)/_actions/sign-out";
import { ChoosePasswordForm } from "./choose-password-form";
import { formatDateTime } from "~/server/domain/dates";

export const metadata: Metadata = { title: "Choose a new password" };


/** After signing in with a one-time password: who set it and when, then the user's own password. */
export default async function ChoosePasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (user.secondFactorPending) redirect("/sign-in/two-factor");
  if (!user.mustChangePassword) redirect("/");
  const notice = await (await getServerApi()).account.passwordNotice();
  return (
    <PageShell header={<ServiceHeader />}>
      <div className="max-w-xl">
        <h1>Choose a new password</h1>
        {notice ? (
          <div className="mb-6 border-l-8 border-border bg-panel p-4" data-testid="password-notice">
            <p className="mb-2 font-bold">
              {notice.kind === "reset" ? "Your password was reset" : "Your account was set up"} on {formatDateTime(notice.at)}.
            </p>
            <p className="mb-0">
              {notice.proposedByName} (administrator) asked for it and {notice.approvedByName} (chair) approved it. If you did not
              expect this, tell your MARAC coordinator straight away.
            </p>
          </div>
        ) : null}
        <p className="mb-6">
          The password you signed in with worked once only. Choose your own now: until you do, you cannot use MARAC Desk.
        </p>
        <ChoosePasswordForm />
        <form action={signOutAction}>
          <button type="submit" className="underline">Sign out</button>
        </form>
      </div>
    </PageShell>
  );
}
