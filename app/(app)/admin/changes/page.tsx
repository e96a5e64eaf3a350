import Link from "next/link";
import type { Metadata } from "next";
import { PendingChange } from "~/components/changes/pending-change";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";

export const metadata: Metadata = { title: "Changes waiting for approval" };

export default async function PendingChangesPage({ searchParams }: { searchParams: Promise<{ proposed?: string }> }) {
  const pending = await readOrRefuse(async () => (await getServerApi()).admin.changes.pending());
  const { proposed } = await searchParams;
  return (
    <div className="max-w-3xl">
      {proposed === "policy" ? <SuccessBanner>Your change to the sharing policy has been proposed. It takes effect when a chair approves it.</SuccessBanner> : null}
      <Link href="/admin/users" className="mb-6 inline-block">Back to users</Link>
      <h1>Changes waiting for a chair&apos;s approval</h1>
      <p className="mb-6">
        New users, changes of role or agency, password resets, changes to an agency&apos;s type or MARAC membership, and changes to
        what an agency is shared under the sharing policy take two
        people: you propose, and a chair approves. Proposals lapse after 7 days.
      </p>
      {pending.length === 0 ? <p>Nothing is waiting.</p> : pending.map((c) => <PendingChange key={c.id} change={c} />)}
    </div>
  );
}
