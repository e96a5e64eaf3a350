import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "~/app/(app)/_actions/sign-out";
import { TwoFactorSetup } from "~/components/auth/two-factor-setup";
import { PageShell } from "~/components/layout/page-shell";
import { ServiceHeader } from "~/components/layout/service-header";
import { getServerApi } from "~/server/api/server-caller";
import { getCurrentUser } from "~/server/auth";

export const metadata: Metadata = { title: "Set up your authenticator app" };

/** A role that must use an authenticator and has none yet: setting one up comes before anything else. */
export default async function SetUpTwoFactorPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (user.secondFactorPending) redirect("/sign-in/two-factor");
  if (user.mustChangePassword) redirect("/choose-password");
  const setup = await (await getServerApi()).account.twoFactor();
  return (
    <PageShell header={<ServiceHeader />}>
      <div className="max-w-xl">
        <h1>Set up your authenticator app</h1>
        {setup.enrolled ? (
          <p className="mb-6">Your authenticator app is set up.</p>
        ) : (
          <p className="mb-6">
            Your role sees sensitive information, so you sign in with a password and a code from an authenticator app on your
            phone. Set it up now: until you do, you cannot use MARAC Desk.
          </p>
        )}
        <TwoFactorSetup setup={setup} page="/set-up-two-factor" />
        <form action={signOutAction}>
          <button type="submit" className="underline">Sign out</button>
        </form>
      </div>
    </PageShell>
  );
}
