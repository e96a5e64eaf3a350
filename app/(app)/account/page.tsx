import Link from "next/link";
import type { Metadata } from "next";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { AGENCY_TYPE_LABELS } from "~/server/domain/agency-types";
import { ROLE_LABELS } from "~/server/domain/roles";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const me = await readOrRefuse(async () => (await getServerApi()).account.me());
  const { saved } = await searchParams;
  const rows: [string, string][] = [
    ["Name", me.name],
    ["Email address", me.email],
    ["Role", ROLE_LABELS[me.role]],
    ["Agency", `${me.agencyName} (${AGENCY_TYPE_LABELS[me.agencyType]})`],
  ];
  return (
    <div className="max-w-2xl">
      {saved ? <SuccessBanner>Your password has been changed. Your other sessions have been signed out.</SuccessBanner> : null}
      <h1>Your account</h1>
      <dl className="mb-8">
        {rows.map(([k, v]) => (
          <div key={k} className="grid grid-cols-1 border-b border-border py-3 sm:grid-cols-3">
            <dt className="font-bold">{k}</dt>
            <dd className="sm:col-span-2">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="mb-4">To change your name, email, agency or role, ask your MARAC administrator.</p>
      <ul className="space-y-2">
        <li><Link href="/account/password" className="font-bold">Change your password</Link></li>
        <li><Link href="/account/two-factor" className="font-bold">Two-factor sign-in</Link></li>
        <li><Link href="/account/sessions" className="font-bold">Your sessions</Link></li>
      </ul>
    </div>
  );
}
