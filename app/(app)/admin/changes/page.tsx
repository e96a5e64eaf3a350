import Link from "next/link";
import type { Metadata } from "next";
import { PendingChange } from "~/components/changes/pending-change";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";

export const metadata: Metadata = { title: "Changes waiting for approval" };

export default async function PendingChangesPage() {
  const pending = await readOrRefuse(async () => (await getServerApi()).admin.changes.pending());
  return (
    <div className="max-w-3xl">
      <Link href="/admin/users" className="mb-6 inline-block">Back to users</Link>
      <h1>Changes waiting for a chair&apos;s approval</h1>
      <p className="mb-6">
        New users, changes of role or agency, password resets, and changes to an agency&apos;s type or MARAC membership take two
        people: you propose, and a chair approves. Proposals lapse after 7 days.
      </p>
      {pending.length === 0 ? <p>Nothing is waiting.</p> : pending.map((c) => <PendingChange key={c.id} change={c} />)}
    </div>
  );
}
