import Link from "next/link";
import type { Metadata } from "next";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { StatusTag } from "~/components/ui/status-tag";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { ROLE_LABELS } from "~/server/domain/roles";
import { TableScroll } from "~/components/ui/table-scroll";

export const metadata: Metadata = { title: "Users" };

const SAVED: Record<string, string> = {
  proposed: "A chair must approve this new user. They will appear here once a chair approves.",
  updated: "Your changes have been saved.",
  updated_proposed: "Your other changes have been saved. A chair must approve the change of role or agency.",
  reset_proposed: "A chair must approve this password reset. The approving chair gives the user a one-time password.",
};

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const users = await readOrRefuse(async () => (await getServerApi()).admin.users.list());
  const { saved } = await searchParams;
  return (
    <>
      {saved && SAVED[saved] ? <SuccessBanner>{SAVED[saved]}</SuccessBanner> : null}
      <h1>Users</h1>
      <p className="mb-6">
        <Link href="/admin/users/new" className="font-bold">Add a user</Link>
      </p>
      <p className="mb-6">
        <Link href="/admin/changes">Changes waiting for a chair&apos;s approval</Link>
      </p>
      <TableScroll label="Users of MARAC Desk in this area"><table className="w-full border-collapse text-left">
        <caption className="sr-only">Users of MARAC Desk in this area</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-4">Name</th>
            <th scope="col" className="py-2 pr-4">Email</th>
            <th scope="col" className="py-2 pr-4">Agency</th>
            <th scope="col" className="py-2 pr-4">Role</th>
            <th scope="col" className="py-2 pr-4">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-border">
              <td className="py-2 pr-4">
                <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
              </td>
              <td className="py-2 pr-4 break-all">{u.email}</td>
              <td className="py-2 pr-4">{u.agencyName}</td>
              <td className="py-2 pr-4">{ROLE_LABELS[u.role]}</td>
              <td className="py-2 pr-4">{u.active ? <StatusTag tone="green">Active</StatusTag> : <StatusTag tone="grey">Inactive</StatusTag>}</td>
            </tr>
          ))}
        </tbody>
      </table></TableScroll>
    </>
  );
}
