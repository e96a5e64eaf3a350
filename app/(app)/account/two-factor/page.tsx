import type { Metadata } from "next";
import { TwoFactorSetup } from "~/components/auth/two-factor-setup";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function TwoFactorPage() {
  const setup = await readOrRefuse(async () => (await getServerApi()).account.twoFactor());
  return (
    <div className="max-w-xl">
      <h1>Two-factor sign-in</h1>
      {setup.enrolled ? (
        <p className="mb-6" data-testid="two-factor-status">
          You sign in with your password and a code from your authenticator app. You have {setup.recoveryCodesLeft} unused
          recovery {setup.recoveryCodesLeft === 1 ? "code" : "codes"}. Replacing the app also gives you new recovery codes.
        </p>
      ) : (
        <p className="mb-6" data-testid="two-factor-status">
          {setup.required
            ? "Your role must sign in with a code from an authenticator app as well as a password."
            : "You can sign in with a code from an authenticator app as well as your password, so a stolen password alone is not enough."}
        </p>
      )}
      <TwoFactorSetup setup={setup} page="/account/two-factor" />
    </div>
  );
}
