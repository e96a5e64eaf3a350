import type { Metadata } from "next";
import Link from "next/link";
import { ActionList } from "~/components/case/action-list";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { StatusForm } from "./status-form";

export const metadata: Metadata = { title: "Actions" };

export default async function ActionsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const { saved } = await searchParams;
  const { mine, overdue, me } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const me = await api.account.me();
    const organiser = me.role === "chair" || me.role === "coordinator";
    const [mine, overdue] = await Promise.all([api.actions.mine(), organiser ? api.actions.overdue() : Promise.resolve(null)]);
    return { mine, overdue, me };
  });
  return (
    <>
      {saved ? <SuccessBanner>The action has been updated.</SuccessBanner> : null}
      <h1>Actions</h1>
      <h2>{me.agencyName}&apos;s actions</h2>
      <p className="mb-4 text-secondary">{mine.filter((a) => a.overdue).length} overdue of {mine.length}.</p>
      <ActionList
        actions={mine}
        showCase
        renderControls={(a) => (
          <>
            <Link href={`/cases/${a.caseId}`} className="text-sm">Open {a.caseNumber}</Link>
            <StatusForm actionId={a.id} version={a.version} status={a.status} back="/actions" />
          </>
        )}
      />
      {overdue ? (
        <>
          <h2>Overdue actions across all agencies</h2>
          <ActionList actions={overdue} showCase />
        </>
      ) : null}
    </>
  );
}
