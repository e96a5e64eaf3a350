import type { Metadata } from "next";
import { SecondFactorForm } from "~/components/auth/second-factor-form";
import { Button } from "~/components/ui/fields";
import { getCurrentUser } from "~/server/auth";
import { safeLocalPath } from "~/server/http/safe-path";
import { confirmThroughAgencyAction } from "./actions";

export const metadata: Metadata = { title: "Confirm it is you" };

/** Before a sensitive action: a code from the last 15 minutes (decision 051), or the agency's sign-in again (decision 063). */
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const user = await getCurrentUser();
  const intro = "Approving changes, resetting passwords and downloading reports need you to have confirmed it is you in the last 15 minutes.";
  if (user?.signInMethod === "sso") {
    return (
      <div className="max-w-xl">
        <h1>Confirm it is you</h1>
        <p className="mb-6">{intro} Sign in again through {user.agencyName}, then do it again.</p>
        <form action={confirmThroughAgencyAction}>
          <input type="hidden" name="next" value={safeLocalPath(next)} />
          <Button>Sign in again through {user.agencyName}</Button>
        </form>
      </div>
    );
  }
  return (
    <div className="max-w-xl">
      <h1>Confirm it is you</h1>
      <p className="mb-6">{intro} Enter the code your authenticator app shows now, then do it again.</p>
      <SecondFactorForm next={safeLocalPath(next)} button="Confirm" />
    </div>
  );
}
