import Link from "next/link";
import type { Metadata } from "next";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { updateAgencyAction } from "../actions";
import { AgencyForm } from "../agency-form";

export const metadata: Metadata = { title: "Change an agency" };

export default async function EditAgencyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const agency = await readOrRefuse(async () => (await getServerApi()).admin.agencies.get({ id }));
  return (
    <div className="max-w-2xl">
      <Link href="/admin/agencies" className="mb-6 inline-block">Back to agencies</Link>
      <h1>Change {agency.name}</h1>
      <p className="mb-6">
        <Link href={`/admin/agencies/${agency.id}/sign-in`}>Single sign-on through the agency&apos;s own account</Link>
      </p>
      <AgencyForm action={updateAgencyAction} agency={agency} submitLabel="Save changes" />
    </div>
  );
}
