import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "~/app/(app)/_actions/sign-out";
import { SecondFactorForm } from "~/components/auth/second-factor-form";
import { PageShell } from "~/components/layout/page-shell";
import { ServiceHeader } from "~/components/layout/service-header";
import { getCurrentUser } from "~/server/auth";
import { safeLocalPath } from "~/server/http/safe-path";

export const metadata: Metadata = { title: "Enter your authenticator code" };

/** The second step of signing in: the password was right, the session waits for a code (decision 051). */
export default async function TwoFactorSignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (!user.secondFactorPending) redirect("/");
  const { next } = await searchParams;
  return (
    <PageShell header={<ServiceHeader />}>
      <div className="max-w-xl">
        <h1>Enter your authenticator code</h1>
        <p className="mb-6">Open the authenticator app on your phone and enter the code it shows for MARAC Desk.</p>
        <SecondFactorForm next={safeLocalPath(next)} button="Continue" />
        <p>
          After 5 wrong passwords or codes the account is locked for 15 minutes. If you have lost your phone and your recovery
          codes, ask your MARAC administrator.
        </p>
        <form action={signOutAction}>
          <button type="submit" className="underline">Cancel and sign out</button>
        </form>
      </div>
    </PageShell>
  );
}
