import type { Metadata } from "next";
import { SecondFactorForm } from "~/components/auth/second-factor-form";
import { safeLocalPath } from "~/server/http/safe-path";

export const metadata: Metadata = { title: "Confirm it is you" };

/** Before a sensitive action: a code from the last 15 minutes (decision 051). */
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <div className="max-w-xl">
      <h1>Confirm it is you</h1>
      <p className="mb-6">
        Approving changes, resetting passwords and downloading reports need a code from your authenticator app from the last 15 minutes. Enter the
        code your app shows now, then do it again.
      </p>
      <SecondFactorForm next={safeLocalPath(next)} button="Confirm" />
    </div>
  );
}
