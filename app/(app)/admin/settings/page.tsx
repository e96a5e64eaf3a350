import type { Metadata } from "next";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "MARAC settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const settings = await readOrRefuse(async () => (await getServerApi()).admin.settings.get());
  const { saved } = await searchParams;
  return (
    <div className="max-w-2xl">
      {saved ? <SuccessBanner>The MARAC settings have been saved.</SuccessBanner> : null}
      <h1>MARAC settings</h1>
      <p className="mb-6">Referral criteria use these values. Every referral shows the values that were active when it was scored.</p>
      <SettingsForm settings={settings} />
    </div>
  );
}
