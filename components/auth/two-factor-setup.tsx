import { beginTwoFactorAction } from "~/app/_lib/two-factor-setup";
import { Button } from "~/components/ui/fields";
import type { TwoFactorSetup as Setup } from "~/server/services/two-factor";
import { ConfirmTwoFactorForm } from "./confirm-two-factor-form";

/** Setting up an authenticator app: the QR code (drawn on the server) and the secret to type in. */
export function TwoFactorSetup({ setup, page }: { setup: Setup; page: "/set-up-two-factor" | "/account/two-factor" }) {
  if (!setup.pending) {
    return (
      <form action={beginTwoFactorAction}>
        <input type="hidden" name="page" value={page} />
        <Button>{setup.enrolled ? "Replace your authenticator app" : "Set up an authenticator app"}</Button>
      </form>
    );
  }
  return (
    <div>
      <h2>Add MARAC Desk to your authenticator app</h2>
      <ol className="mb-6 list-decimal pl-6">
        <li>Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).</li>
        <li>Scan this QR code, or enter the key below by hand.</li>
        <li>Enter the 6-digit code the app then shows.</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server; nothing to optimise */}
      <img src={setup.pending.qrDataUrl} alt="QR code to add MARAC Desk to your authenticator app" width={200} height={200} className="mb-4 bg-white" />
      <p className="mb-6">
        Key to enter by hand: <code className="font-mono text-lg" data-testid="totp-secret">{setup.pending.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
      </p>
      <ConfirmTwoFactorForm />
    </div>
  );
}
