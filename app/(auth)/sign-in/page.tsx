import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "~/components/layout/page-shell";
import { ServiceHeader } from "~/components/layout/service-header";
import { getCurrentUser } from "~/server/auth";
import { safeLocalPath } from "~/server/http/safe-path";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; locked?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const { next, locked } = await searchParams;
  return (
    <PageShell header={<ServiceHeader />}>
      <div className="max-w-xl">
        <h1>Sign in to MARAC Desk</h1>
        {locked ? (
          <p className="mb-6 border-l-8 border-error p-4 font-bold" role="status">
            Too many wrong codes: this account is locked for 15 minutes. Try again later, or ask your MARAC administrator to help.
          </p>
        ) : null}
        <p className="mb-6">Use the email address and password your MARAC administrator gave you.</p>
        <SignInForm next={safeLocalPath(next)} />
        <p className="mb-6">
          <a href={next ? `/sign-in/sso?next=${encodeURIComponent(safeLocalPath(next))}` : "/sign-in/sso"}>Sign in through your agency&apos;s account instead</a>
          {" "}(if your agency uses single sign-on, for example with Microsoft).
        </p>
        <h2 className="text-xl">Problems signing in</h2>
        <p>
          If you have forgotten your password, ask your MARAC administrator: a chair approves the reset and gives you a one-time
          password. After 5 wrong passwords an account is locked for 15 minutes.
        </p>
      </div>
    </PageShell>
  );
}
