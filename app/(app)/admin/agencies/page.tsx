import Link from "next/link";
import type { Metadata } from "next";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { StatusTag } from "~/components/ui/status-tag";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { AGENCY_TYPE_LABELS } from "~/server/domain/agency-types";
import { TableScroll } from "~/components/ui/table-scroll";

export const metadata: Metadata = { title: "Agencies" };

const SAVED: Record<string, string> = {
  created: "The agency has been added.",
  updated: "Your changes have been saved.",
  proposed: "Your other changes have been saved. A chair must approve the change of type or MARAC membership.",
};

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const agencies = await readOrRefuse(async () => (await getServerApi()).admin.agencies.list());
  const { saved } = await searchParams;
  return (
    <>
      {saved && SAVED[saved] ? <SuccessBanner>{SAVED[saved]}</SuccessBanner> : null}
      <h1>Agencies</h1>
      <p className="mb-6">
        <Link href="/admin/agencies/new" className="font-bold">Add an agency</Link>
      </p>
      <TableScroll label="Agencies in this MARAC area"><table className="w-full border-collapse text-left">
        <caption className="sr-only">Agencies in this MARAC area</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-4">Name</th>
            <th scope="col" className="py-2 pr-4">Type</th>
            <th scope="col" className="py-2 pr-4">MARAC member</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2 pr-4">Users</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => (
            <tr key={a.id} className="border-b border-border">
              <td className="py-2 pr-4">
                <Link href={`/admin/agencies/${a.id}`}>{a.name}</Link>
              </td>
              <td className="py-2 pr-4">{AGENCY_TYPE_LABELS[a.type]}</td>
              <td className="py-2 pr-4">{a.isMaracMember ? "Yes" : "No"}</td>
              <td className="py-2 pr-4">{a.active ? <StatusTag tone="green">Active</StatusTag> : <StatusTag tone="grey">Inactive</StatusTag>}</td>
              <td className="py-2 pr-4">{a.userCount}</td>
            </tr>
          ))}
        </tbody>
      </table></TableScroll>
    </>
  );
}
