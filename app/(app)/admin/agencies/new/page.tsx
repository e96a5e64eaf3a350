import Link from "next/link";
import type { Metadata } from "next";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { createAgencyAction } from "../actions";
import { AgencyForm } from "../agency-form";

export const metadata: Metadata = { title: "Add an agency" };

export default async function NewAgencyPage() {
  // The page itself needs no data, but asking the admin rung means a non-admin gets the 403 page.
  await readOrRefuse(async () => (await getServerApi()).admin.agencies.list());
  return (
    <div className="max-w-2xl">
      <Link href="/admin/agencies" className="mb-6 inline-block">Back to agencies</Link>
      <h1>Add an agency</h1>
      <AgencyForm action={createAgencyAction} submitLabel="Add agency" />
    </div>
  );
}
