import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "~/components/ui/fields";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { startReferralAction } from "./actions";
import { formatDateTime } from "~/server/domain/dates";
import { TableScroll } from "~/components/ui/table-scroll";

export const metadata: Metadata = { title: "Refer a case to MARAC" };


export default async function ReferralsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const { saved } = await searchParams;
  const drafts = await readOrRefuse(async () => (await getServerApi()).referrals.drafts());
  return (
    <div className="max-w-3xl">
      {saved ? <SuccessBanner>Your draft referral has been saved. You can come back to it here.</SuccessBanner> : null}
      <h1>Refer a case to MARAC</h1>
      <p className="mb-4">
        Refer a victim of domestic abuse at high risk of serious harm or murder. You will be asked about the victim, the perpetrators, children and
        others in the household, the Dash risk checklist, the referral criteria, consent, and what has happened.
      </p>
      <p className="mb-6">Your answers are saved as you go, so you can stop and come back. Only you and your agency&apos;s MARAC coordinators can see your drafts.</p>
      <form action={startReferralAction}>
        <Button>Start a new referral</Button>
      </form>

      <h2>Draft referrals</h2>
      {drafts.length === 0 ? (
        <p>You have no draft referrals.</p>
      ) : (
        <TableScroll label="Draft referrals you can continue"><table className="w-full border-collapse text-left">
          <caption className="sr-only">Draft referrals you can continue</caption>
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-3">Victim</th>
              <th scope="col" className="py-2 pr-3">Last saved</th>
              <th scope="col" className="py-2 pr-3">Started by</th>
              <th scope="col" className="py-2 pr-3">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d) => {
              const name = d.victimName.trim() || "Unnamed";
              return (
                <tr key={d.id} className="border-b border-border">
                  <td className="py-2 pr-3">{name}</td>
                  <td className="py-2 pr-3">{formatDateTime(d.updatedAt)}</td>
                  <td className="py-2 pr-3">{d.mine ? "You" : "A colleague in your agency"}</td>
                  <td className="py-2 pr-3">
                    <Link href={`/referrals/${d.id}/victim`}>
                      Continue<span className="sr-only"> the referral for {name}</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table></TableScroll>
      )}
    </div>
  );
}
