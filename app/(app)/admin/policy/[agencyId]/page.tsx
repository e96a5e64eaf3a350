import type { Metadata } from "next";
import Link from "next/link";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { PolicyRowForm } from "./policy-row-form";

export const metadata: Metadata = { title: "Propose a change to the sharing policy" };

export default async function ProposePolicyRowPage({ params }: { params: Promise<{ agencyId: string }> }) {
  const { agencyId } = await params;
  const agency = await readOrRefuse(async () => (await getServerApi()).admin.policy.agency({ id: agencyId }));
  return (
    <div className="max-w-3xl">
      <Link href="/admin/policy" className="mb-6 inline-block">Back to the sharing policy</Link>
      <span className="mb-1 block text-lg text-secondary">{agency.typeLabel}</span>
      <h1>What {agency.name} is shared</h1>
      <p className="mb-6">
        Now (version {agency.version}): {agency.source === "agency_row" ? "a row of its own" : `the default for ${agency.typeLabel.toLowerCase()} agencies`}.
      </p>
      <PolicyRowForm agency={agency} categories={agency.categories} version={agency.version} />
    </div>
  );
}
