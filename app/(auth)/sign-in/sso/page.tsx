import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageShell } from "~/components/layout/page-shell";
import { ServiceHeader } from "~/components/layout/service-header";
import { getCurrentUser } from "~/server/auth";
import { safeLocalPath } from "~/server/http/safe-path";
import type { SsoRefusal } from "~/server/services/sso-sign-in";
import { SsoForm } from "./sso-form";

export const metadata: Metadata = { title: "Sign in through your agency" };

/** What each refusal (decision 063) tells the person; anything else from Auth.js gets the last one. */
const REFUSALS: Record<SsoRefusal | "other", string> = {
  not_configured: "Your agency does not sign in to MARAC Desk through its own account any more. Sign in with your email address and password, or ask your MARAC administrator.",
  wrong_issuer: "Your agency's sign-in service did not identify itself as the one set up for MARAC Desk, so we did not sign you in. Tell your MARAC administrator.",
  no_verified_email: "Your agency's sign-in service did not give us a confirmed email address, so we did not sign you in. Tell your MARAC administrator.",
  domain_not_allowed: "You signed in to your agency with an email address that MARAC Desk does not accept for that agency. Sign in with your work account, or ask your MARAC administrator.",
  single_factor: "Your agency's sign-in did not use a second factor (such as a code or an app on your phone). Sign in again with it, or ask your agency's IT service to turn it on.",
  no_account: "There is no active MARAC Desk account for the email address your agency gave us. Ask your MARAC administrator to add you, or to check your account is active.",
  other: "Signing in through your agency did not work, so we did not sign you in. Try again from the start. If it keeps happening, tell your MARAC administrator.",
};

export default async function SsoSignInPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const { next, error } = await searchParams;
  const problem = error ? (REFUSALS[error as SsoRefusal] ?? REFUSALS.other) : null;
  return (
    <PageShell header={<ServiceHeader />}>
      <div className="max-w-xl">
        <h1>Sign in through your agency</h1>
        {problem ? (
          <div className="mb-6 border-l-8 border-error p-4" role="alert" aria-labelledby="sso-problem">
            <h2 id="sso-problem" className="text-xl">You are not signed in</h2>
            <p>{problem}</p>
          </div>
        ) : null}
        <p className="mb-6">
          If your agency lets you use your work account (the one you use for email), enter your work email address. Your
          agency checks it is you, including its second step, such as a code or an app on your phone.
        </p>
        <SsoForm next={safeLocalPath(next)} />
        <p>
          <Link href={next ? `/sign-in?next=${encodeURIComponent(safeLocalPath(next))}` : "/sign-in"}>Sign in with your email address and password instead</Link>
        </p>
      </div>
    </PageShell>
  );
}
